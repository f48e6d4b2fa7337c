#!/bin/sh
# Makes (or removes) the class-data sharing (AppCDS) archives of an installed JA4 Workstation: the
# classes a start loads, parsed and verified once and then mapped by every start instead of read from
# the jar. The JVM accepts an archive only for the jar it was made from, at the same place and with the
# same date, so it is made where the app is installed and never shipped. Without an archive the app
# starts all the same, more slowly.
#   sh lib/app/ja4-workstation-cds.sh [make|remove]
#       the installed archive, ja4-workstation.jsa: the start's critical path within the installed
#       size's budget (ja4-workstation.classlist, chosen by installer/build.sh); the .deb's postinst
#       makes it and its prerm removes it
#   sh lib/app/ja4-workstation-cds.sh user CACHE_DIR ARCHIVE
#       the per-user archive of every class a start loads (ja4-workstation-full.classlist, ~45 MB):
#       bin/ja4-workstation runs this in the background, detached, when ARCHIVE is missing (see there)
set -e
APP=$(cd "$(dirname "$0")" && pwd)
JAVA=$APP/../runtime/bin/java
JAR=$APP/ja4-workstation.jar
ARCHIVE=$APP/ja4-workstation.jsa

# user CACHE ARCHIVE: one dump at a time per cache folder (the lock), after a delay that leaves the
# start that asked for it alone, at the lowest CPU and I/O priority; silent; an archive is kept only
# if the JVM maps it, and a failed dump is not tried again for that jar (ARCHIVE.failed).
user_archive() {
  cache=$1 target=$2
  exec 9>"$cache/.lock"
  flock -n 9 || return 0
  sleep "${JA4_CDS_CACHE_DELAY:-25}"
  # made meanwhile, or the folder removed meanwhile (by the user, by the start-up benchmark)
  [ -d "$cache" ] && [ ! -e "$target" ] || return 0
  rm -f "$cache"/.dump-*.jsa
  tmp=$cache/.dump-$$.jsa
  ionice=
  command -v ionice >/dev/null 2>&1 && ionice="ionice -c3 -t"
  # shellcheck disable=SC2086 # $ionice is a word list or nothing
  if nice -n 19 $ionice "$JAVA" -Xshare:dump -XX:SharedClassListFile="$APP/ja4-workstation-full.classlist" \
        -XX:SharedArchiveFile="$tmp" -cp "$JAR" && "$JAVA" -Xshare:on -XX:SharedArchiveFile="$tmp" -cp "$JAR" -version; then
    mv -f "$tmp" "$target"
    # the archives of other versions and jars: the JVM would refuse them anyway
    for old in "$cache"/ja4-workstation-*.jsa "$cache"/ja4-workstation-*.jsa.failed; do
      [ "$old" = "$target" ] || rm -f "$old"
    done
  else
    rm -f "$tmp"
    : > "$target.failed"
  fi
}

case "${1:-make}" in
  make)
    rm -f "$ARCHIVE"
    if ! "$JAVA" -Xshare:dump -XX:SharedClassListFile="$APP/ja4-workstation.classlist" \
        -XX:SharedArchiveFile="$ARCHIVE" -cp "$JAR" >"$APP/ja4-workstation-cds.log" 2>&1; then
      rm -f "$ARCHIVE"
      echo "ja4-workstation: no class-data sharing archive (see $APP/ja4-workstation-cds.log); the app starts without it" >&2
    fi ;;
  remove)
    rm -f "$ARCHIVE" "$APP/ja4-workstation-cds.log" ;;
  user)
    [ $# -eq 3 ] || { echo "usage: ja4-workstation-cds.sh user CACHE_DIR ARCHIVE" >&2; exit 2; }
    user_archive "$2" "$3" >/dev/null 2>&1 ;;
  *)
    echo "usage: ja4-workstation-cds.sh [make|remove|user CACHE_DIR ARCHIVE]" >&2
    exit 2 ;;
esac
