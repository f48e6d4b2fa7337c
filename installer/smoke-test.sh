#!/usr/bin/env bash
# Smoke test of a built package: unpacks it into a temporary folder (a .deb with dpkg-deb -x,
# no root needed; an app image folder is used as it is), then runs the installed launcher
# headless with a temporary data folder (JA4_WORKSTATION_HOME):
#   the AppCDS archive (made as the .deb's postinst does, then required with -Xshare:on);
#   --version; render --view overview (twice: the first run generates the demo snapshot);
#   cluster on the demo snapshot (Smile k-means + DuckDB); the log file; the desktop entry and
#   the .ja4snap file association of a .deb; the per-user AppCDS archive (made by a start in the
#   background into a temporary XDG_CACHE_HOME, then required with -Xshare:on by a render).
# Fails when a step fails or the overview PNG is not produced.
#   bash installer/smoke-test.sh target/installer/ja4-workstation_0.1.0_amd64.deb
#   bash installer/smoke-test.sh target/installer/image/ja4-workstation
# KEEP=1 keeps the temporary folder (its path is printed) to look at the PNG.
set -euo pipefail
PKG=${1:?usage: smoke-test.sh PACKAGE.deb|APP_IMAGE_DIR}
APP=ja4-workstation
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ja4-smoke.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
ms() { date +%s%3N; }

if [ -d "$PKG" ]; then
  ROOTDIR=$(cd "$PKG" && pwd)
  LAUNCHER=$ROOTDIR/bin/$APP
else
  dpkg-deb -x "$PKG" "$WORK/root"
  LAUNCHER=$(find "$WORK/root" -path "*/bin/$APP" -type f | head -1)
  ROOTDIR=$(dirname "$(dirname "$LAUNCHER")")
  # desktop integration shipped by the package
  DESKTOP=$(find "$ROOTDIR" -type f -name '*.desktop' | head -1)
  [ -n "$DESKTOP" ] || fail "no .desktop file in the package"
  grep -q '^MimeType=.*application/x-ja4-snapshot' "$DESKTOP" || fail "the desktop entry does not open application/x-ja4-snapshot"
  grep -q '^Icon=/.*\.png' "$DESKTOP" || fail "the desktop entry has no icon"
  grep -q '^Exec=.*/bin/'"$APP"' %[fF]' "$DESKTOP" || fail "the desktop entry does not pass the opened file (%f) to the launcher"
  [ -s "$(sed -n 's/^Icon=//p' "$DESKTOP" | sed "s:^:$WORK/root:")" ] || fail "the desktop entry's icon is not in the package"
  find "$ROOTDIR" -type f -name '*MimeInfo.xml' | xargs -r grep -l 'pattern="\*.ja4snap"' | grep -q . ||
    fail "no shared-mime-info entry for *.ja4snap"
  echo "desktop entry: $(grep -E '^(Name|Exec|Categories|MimeType)=' "$DESKTOP" | tr '\n' ' ')"
fi
[ -x "$LAUNCHER" ] || fail "no launcher bin/$APP in $PKG"
echo "launcher: $LAUNCHER"

export JA4_WORKSTATION_HOME=$WORK/home
# the per-user archive is tested on its own at the end; never in the real ~/.cache
export XDG_CACHE_HOME=$WORK/cache JA4_CDS_CACHE=off
OUTDIR=$WORK/out
mkdir -p "$OUTDIR"

# AppCDS: the archive is made where the app is installed (the .deb's postinst runs this script)
APPDIR=$ROOTDIR/lib/app
if [ -f "$APPDIR/ja4-workstation.classlist" ]; then
  [ -f "$APPDIR/ja4-workstation.jsa" ] || sh "$APPDIR/ja4-workstation-cds.sh" make
  [ -s "$APPDIR/ja4-workstation.jsa" ] || fail "no AppCDS archive made from lib/app/ja4-workstation.classlist"
  # -Xshare:on refuses to start when the archive does not fit this jar: it must map
  JAVA_TOOL_OPTIONS=-Xshare:on "$LAUNCHER" --version >/dev/null 2>&1 || fail "the AppCDS archive is not accepted by the launcher"
  echo "AppCDS archive: $(du -h "$APPDIR/ja4-workstation.jsa" | cut -f1), $(grep -cv '^[#@]' "$APPDIR/ja4-workstation.classlist") classes, mapped"
fi

version=$("$LAUNCHER" --version) || fail "--version failed"
echo "version: $version"
[[ "$version" == *"JA4 Analyst Workstation"* && "$version" != *dev* ]] || fail "--version printed '$version'"

render() {  # render N: overview to PNG, prints the wall time
  local png=$OUTDIR/overview-$1.png t0 t1
  t0=$(ms)
  "$LAUNCHER" render --view overview --out "$png" > "$OUTDIR/render-$1.log" 2>&1 ||
    { cat "$OUTDIR/render-$1.log" >&2; fail "render run $1 exited non-zero"; }
  t1=$(ms)
  [ -s "$png" ] || fail "render run $1 produced no PNG"
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
  [ "$(stat -c %s "$png")" -gt 20000 ] || fail "$png is suspiciously small"
  echo "render run $1: $(( t1 - t0 )) ms from launch to $(basename "$png") ($(stat -c %s "$png") bytes)"
}
[ ! -e "$JA4_WORKSTATION_HOME/demo.duckdb" ] || fail "the temporary home is not empty"
render 1
[ -f "$JA4_WORKSTATION_HOME/demo.duckdb" ] || fail "the first run did not create the demo snapshot in the data folder"
render 2

t0=$(ms)
"$LAUNCHER" cluster --source "$JA4_WORKSTATION_HOME/demo.duckdb" --out "$OUTDIR/clusters.json" > "$OUTDIR/cluster.log" 2>&1 ||
  { cat "$OUTDIR/cluster.log" >&2; fail "cluster exited non-zero"; }
grep -q '"clusters"' "$OUTDIR/clusters.json" || fail "cluster wrote no clusters"
echo "cluster: $(head -1 "$OUTDIR/cluster.log") ($(( $(ms) - t0 )) ms)"

ls "$JA4_WORKSTATION_HOME"/logs/ja4-workstation.log >/dev/null 2>&1 || fail "no log file in the data folder's logs/"
grep -q 'starting (render)' "$JA4_WORKSTATION_HOME/logs/ja4-workstation.log" || fail "the log file lacks the start line"
echo "log file: $(wc -l < "$JA4_WORKSTATION_HOME/logs/ja4-workstation.log") lines in \$JA4_WORKSTATION_HOME/logs/"

# The per-user AppCDS archive: a start makes it in the background (no delay here); the next start maps it.
if [ -f "$APPDIR/ja4-workstation-full.classlist" ]; then
  t0=$(ms)
  JA4_CDS_CACHE=on JA4_CDS_CACHE_DELAY=0 "$LAUNCHER" --version >/dev/null || fail "--version failed with the user archive on"
  t1=$(ms)
  [ $((t1 - t0)) -lt 10000 ] || fail "the start that makes the user archive waited for it ($((t1 - t0)) ms)"
  for _ in $(seq 300); do
    ls "$XDG_CACHE_HOME/$APP/$APP"-*.jsa >/dev/null 2>&1 || [ -n "$(ls "$XDG_CACHE_HOME/$APP/"*.failed 2>/dev/null)" ] && break
    sleep 1
  done
  USER_ARCHIVE=$(ls "$XDG_CACHE_HOME/$APP/$APP"-*.jsa 2>/dev/null | head -1)
  [ -s "$USER_ARCHIVE" ] || fail "no per-user AppCDS archive in \$XDG_CACHE_HOME/$APP after 300 s ($(ls -a "$XDG_CACHE_HOME/$APP" | tr '\n' ' '))"
  # the launcher must name the user archive, and the JVM must map it (-Xshare:on refuses to start otherwise)
  JA4_CDS_CACHE=on JAVA_TOOL_OPTIONS="-Xshare:on -XX:+PrintCommandLineFlags" "$LAUNCHER" render --view overview \
      --out "$OUTDIR/overview-user-cds.png" > "$OUTDIR/render-user-cds.log" 2>&1 ||
    { cat "$OUTDIR/render-user-cds.log" >&2; fail "render with the per-user AppCDS archive (-Xshare:on) exited non-zero"; }
  grep -q -- "-XX:SharedArchiveFile=$USER_ARCHIVE " "$OUTDIR/render-user-cds.log" || fail "the launcher did not use $USER_ARCHIVE"
  [ -s "$OUTDIR/overview-user-cds.png" ] || fail "render with the per-user AppCDS archive produced no PNG"
  echo "per-user AppCDS archive: $(du -h "$USER_ARCHIVE" | cut -f1) ($(basename "$USER_ARCHIVE")), mapped by a render"
fi

[ "${KEEP:-0}" = 1 ] && echo "kept: $WORK (overview PNGs in $OUTDIR)"
echo "SMOKE OK"
