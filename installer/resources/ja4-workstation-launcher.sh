#!/bin/sh
# The JA4 Workstation launcher (bin/ja4-workstation of the app image and of the .deb), written by
# installer/build.sh in place of jpackage's own. JDK 17's jpackage launcher asks the package manager
# which package owns it at every start (rpm -qf, dpkg -S and, once installed, dpkg -L; twice: in the
# launcher and again in its library): 0.15 s in the app image, more in a .deb install, before the JVM
# even starts. This one starts the image's JVM at once with the options build.sh chose (see there).
#
# Class-data sharing: the installed archive (lib/app/@APP_NAME@.jsa, made at install time) holds the
# start's critical path within the installed size's budget. A per-user cache archive of every class a
# start loads (lib/app/@APP_NAME@-full.classlist, ~45 MB, outside the installed size) starts faster:
# when it exists, it is used; otherwise the first start makes it in the background, detached, at the
# lowest CPU and I/O priority and after a delay, so that it never slows that start. Its name carries
# the version and the jar's date and size, so a new install never meets an archive of another jar.
# Nothing is printed; nothing is done when the cache folder cannot be written.
#   JA4_CDS_CACHE=off             no user archive (neither used nor made)
#   XDG_CACHE_HOME                the cache folder's parent (default ~/.cache)
#   JA4_CDS_CACHE_DELAY=SECONDS   wait before making it (default 25; the tests use 0)
APP=$(dirname "$(dirname "$(readlink -f "$0")")")
JAR=$APP/lib/app/@APP_NAME@.jar
ARCHIVE=$APP/lib/app/@APP_NAME@.jsa
FULL_LIST=$APP/lib/app/@APP_NAME@-full.classlist
JAVA=$APP/lib/runtime/bin/java

if [ "${JA4_CDS_CACHE:-on}" != off ] && [ -f "$FULL_LIST" ] && [ -n "${XDG_CACHE_HOME:-$HOME}" ]; then
  CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/@APP_NAME@
  USER_ARCHIVE=$CACHE/@APP_NAME@-@VERSION@-$(stat -L -c %Y-%s "$JAR" 2>/dev/null).jsa
  if [ -f "$USER_ARCHIVE" ]; then
    ARCHIVE=$USER_ARCHIVE
  elif [ ! -e "$USER_ARCHIVE.failed" ] && command -v flock >/dev/null 2>&1 && command -v setsid >/dev/null 2>&1 &&
      mkdir -p "$CACHE" 2>/dev/null && [ -w "$CACHE" ]; then
    # its own session: a Ctrl-C or a closed terminal that stops the app does not stop the dump
    setsid sh "$APP/lib/app/@APP_NAME@-cds.sh" user "$CACHE" "$USER_ARCHIVE" </dev/null >/dev/null 2>&1 &
  fi
fi
# -Xlog:cds*=off: an archive the JVM refuses (another jar, another runtime) only means a slower start
exec "$JAVA" -XX:SharedArchiveFile="$ARCHIVE" '-Xlog:cds*=off' @JAVA_OPTIONS@ \
  -cp "$JAR" @MAIN_CLASS@ "$@"
