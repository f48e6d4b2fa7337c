#!/bin/sh
# Makes (or removes) the class-data sharing (AppCDS) archive of an installed JA4 Workstation: the
# classes a start loads first (ja4-workstation.classlist, chosen by installer/build.sh within the size
# budget), parsed and verified once and then mapped by every start instead of read from the jar.
# The JVM accepts an archive only for the jar it was made from, at the same place and with the same
# date, so it is made where the app is installed (the .deb's postinst runs this) and never shipped.
# Without the archive the app starts all the same, a little slower.
#   sh lib/app/ja4-workstation-cds.sh [make|remove]
set -e
APP=$(cd "$(dirname "$0")" && pwd)
ARCHIVE=$APP/ja4-workstation.jsa
case "${1:-make}" in
  make)
    rm -f "$ARCHIVE"
    if ! "$APP/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$APP/ja4-workstation.classlist" \
        -XX:SharedArchiveFile="$ARCHIVE" -cp "$APP/ja4-workstation.jar" >"$APP/ja4-workstation-cds.log" 2>&1; then
      rm -f "$ARCHIVE"
      echo "ja4-workstation: no class-data sharing archive (see $APP/ja4-workstation-cds.log); the app starts without it" >&2
    fi ;;
  remove)
    rm -f "$ARCHIVE" "$APP/ja4-workstation-cds.log" ;;
  *)
    echo "usage: ja4-workstation-cds.sh [make|remove]" >&2
    exit 2 ;;
esac
