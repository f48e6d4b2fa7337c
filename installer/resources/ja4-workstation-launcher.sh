#!/bin/sh
# The JA4 Workstation launcher (bin/ja4-workstation of the app image and of the .deb), written by
# installer/build.sh in place of jpackage's own. JDK 17's jpackage launcher asks the package manager
# which package owns it at every start (rpm -qf, dpkg -S and, once installed, dpkg -L; twice: in the
# launcher and again in its library): 0.15 s in the app image, more in a .deb install, before the JVM
# even starts. This one starts the image's JVM at once with the options build.sh chose (see there).
APP=$(dirname "$(dirname "$(readlink -f "$0")")")
exec "$APP/lib/runtime/bin/java" -XX:SharedArchiveFile="$APP/lib/app/@APP_NAME@.jsa" @JAVA_OPTIONS@ \
  -cp "$APP/lib/app/@APP_NAME@.jar" @MAIN_CLASS@ "$@"
