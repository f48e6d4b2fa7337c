#!/usr/bin/env bash
# Builds the JA4 Analyst Workstation installers from a clean checkout.
#
#   bash installer/build.sh              Linux x86-64: jar (-Plinux-x64), lean jlink runtime,
#                                        app image, .deb, then the smoke test
#   bash installer/build.sh --no-deb     app image only (no fakeroot/dpkg-deb needed), smoke-tested
#   bash installer/build.sh --no-smoke   skip the smoke test
#   bash installer/build.sh --skip-maven reuse target/ja4-workstation.jar (must be built with -Plinux-x64)
#   bash installer/build.sh msi          Windows: .msi (run on Windows in Git Bash, WiX 3 on PATH)
#   bash installer/build.sh dmg          macOS: .dmg (run on a Mac)
#
# Output: target/installer/ (runtime/, image/ja4-workstation/, ja4-workstation_<version>_amd64.deb,
# SIZES.txt).
#
# AppCDS (class-data sharing): a training run of the app image's launcher (on a virtual display,
# installer/xvfb.sh; else a headless render) lists the classes a start loads; those of its critical path
# (the jar's first, then the JDK's, in load order) that fit CDS_BUDGET_MB (default 10: the installed size
# may grow by 10 MB at most) go to lib/app/ja4-workstation.classlist. The archive itself is made where the
# app is installed (the .deb's postinst runs lib/app/ja4-workstation-cds.sh; for the app image, this
# script), because the JVM accepts it only for that jar at that place. Every class listed goes to
# lib/app/ja4-workstation-full.classlist, from which the launcher makes a per-user archive (about 45 MB,
# a faster start) in ~/.cache, outside the installed size. CDS=full archives every class listed at
# install time instead, CDS=none none. bin/ja4-workstation is a shell launcher in place of
# jpackage's (install_launcher says why); it runs the JIT's first tier only (JIT=c2: both tiers) and no
# bytecode verification of the jar (VERIFY=on: verified; see LAUNCHER_OPTIONS). What it installs itself
# when missing (Debian/Ubuntu, as root or through sudo):
# the JDK's jmods (jlink needs them), fakeroot and dpkg-deb (jpackage --type deb), unzip.
#
# JavaFX stays on the class path inside the shaded jar (its Linux natives are in the jar), so
# the runtime only needs JDK modules; jdeps finds them, plus the service providers jdeps cannot
# see (TLS elliptic curves for ClickHouse over HTTPS, locale data, extra charsets).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

APP_NAME=ja4-workstation
APP_TITLE="JA4 Analyst Workstation"
MAIN_CLASS=com.ja4.workstation.app.Main
VENDOR="JA4 Workstation project"
MAINTAINER=${DEB_MAINTAINER:-ja4-workstation@example.org}
OUT=$ROOT/target/installer
JAR=$ROOT/target/$APP_NAME.jar
ICON_PNG=$ROOT/installer/resources/$APP_NAME.png
# Modules that jdeps cannot see because they are looked up as services or by name at run time.
EXTRA_MODULES=jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,java.management
LOCALES=en,fr,de,es,it,nl,pt

T_START=$SECONDS
log() { printf '\n== [%4ss] %s\n' "$((SECONDS - T_START))" "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
find_jdk() {
  local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk)
  for j in "${candidates[@]}"; do
    [ -n "$j" ] && [ -x "$j/bin/jpackage" ] && [ -x "$j/bin/jlink" ] && { echo "$j"; return; }
  done
  local javac_path
  javac_path=$(readlink -f "$(command -v javac 2>/dev/null || true)" 2>/dev/null || true)
  [ -n "$javac_path" ] && echo "$(dirname "$(dirname "$javac_path")")"
}

apt_install() {  # apt_install PACKAGE...: Debian packages the build needs, installed when missing
  command -v apt-get >/dev/null || die "missing $*; install it with your system's package manager"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  log "installing $* (needed by the build)"
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

ensure_tools() {
  local want_deb=$1
  JDK=$(find_jdk)
  [ -n "$JDK" ] && [ -x "$JDK/bin/jpackage" ] || die "no JDK 17 with jlink and jpackage (set JAVA_HOME)"
  if [ ! -f "$JDK/jmods/java.base.jmod" ]; then
    # Debian 12 ships the jmods in openjdk-17-jdk-headless, newer Debian/Ubuntu in openjdk-17-jmods.
    if apt-cache show openjdk-17-jmods >/dev/null 2>&1; then apt_install openjdk-17-jmods
    else apt_install openjdk-17-jdk-headless; fi
    [ -f "$JDK/jmods/java.base.jmod" ] || die "no $JDK/jmods after installing: jlink cannot build a runtime"
  fi
  command -v mvn >/dev/null || apt_install maven
  command -v unzip >/dev/null || apt_install unzip
  command -v objcopy >/dev/null || apt_install binutils
  if [ "$want_deb" = yes ]; then
    command -v dpkg-deb >/dev/null || apt_install dpkg
    command -v fakeroot >/dev/null || apt_install fakeroot
  fi
  export PATH="$JDK/bin:$PATH"
}

app_version() {  # the pom's <version>, as jpackage wants it (digits and dots)
  sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1 | sed 's/-SNAPSHOT//'
}

# ---------------------------------------------------------------- Linux
build_jar() {
  log "maven: shaded jar with only the Linux x86-64 natives (-Plinux-x64)"
  # a jar left by a plain 'mvn package' (every platform's natives) would be shaded again as it is
  rm -f "$JAR" "$ROOT/target/original-$APP_NAME.jar"
  mvn -B -ntp -q package -DskipTests -Plinux-x64
  [ -f "$JAR" ] || die "no $JAR after the Maven build"
  # (a listing first: grep -q closing the pipe early would fail the test under pipefail)
  local entries
  entries=$(unzip -l "$JAR")
  if grep -qE 'libduckdb_java\.so_(osx|windows)' <<< "$entries"; then
    die "$JAR still holds other platforms' DuckDB natives: build it with -Plinux-x64"
  fi
  strip_duckdb
}

# DuckDB's JDBC driver copies its native library out of the jar at every start (57 MB, on the source's
# thread). Its symbol table is not needed to load or run it (JNI uses the dynamic symbols, kept):
# stripped, every start inflates and writes 10 MB less, and the package is 1 MB smaller.
strip_duckdb() {
  local lib=libduckdb_java.so_linux_amd64 dir
  dir=$(mktemp -d)
  (cd "$dir" && unzip -q "$JAR" "$lib") || { rm -rf "$dir"; return 0; }
  if readelf -S "$dir/$lib" | grep -q '\.symtab'; then
    strip --strip-unneeded "$dir/$lib"
    jar uf "$JAR" -C "$dir" "$lib"
    echo "stripped $lib: $(du -h "$dir/$lib" | cut -f1)"
  fi
  rm -rf "$dir"
}

build_runtime() {
  log "jdeps: modules the app needs"
  local deps
  deps=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q "$JAR" | tail -1)
  [ -n "$deps" ] || die "jdeps found no modules"
  MODULES="$deps,$EXTRA_MODULES"
  echo "modules: $MODULES"
  rm -rf "$OUT/runtime"
  log "jlink: lean runtime"
  jlink --add-modules "$MODULES" --include-locales "$LOCALES" \
    --strip-debug --strip-native-debug-symbols objcopy="$(command -v objcopy)" \
    --no-header-files --no-man-pages --compress=2 \
    --output "$OUT/runtime"
  "$OUT/runtime/bin/java" --list-modules > "$OUT/runtime-modules.txt"
}

# The launcher's JVM options, besides the AppCDS archive (lib/app/ja4-workstation.jsa, see below).
# - The JIT: C1 only by default. At start-up the C2 compiler took about half the CPU of a 2-core
#   machine (2.3 of 5 s) for code that runs a few times; with C1 alone the overview shows ~35% sooner,
#   and a clustering run of 8,000 pairs (a few seconds, cold) is faster too. JIT=c2 keeps both tiers.
# - No bytecode verification of the class path's classes (VERIFY=on keeps it): the JVM never verifies
#   the JDK's own classes, and the class path holds only the jar this build made and the package
#   installed next to the runtime; the app loads no other code (no plugins, no scripts, nothing from
#   the network or the data it opens). It saves the verifier's work for ~3,000 classes at every start
#   (picocli's Java 5 classes go through the slow type-inferring verifier). A diagnostic flag in
#   JDK 17, accepted without a warning (-Xverify:none prints a deprecation warning).
LAUNCHER_OPTIONS=(-Dfile.encoding=UTF-8)
[ "${JIT:-c1}" = c2 ] || LAUNCHER_OPTIONS+=(-XX:TieredStopAtLevel=1)
[ "${VERIFY:-off}" = on ] || LAUNCHER_OPTIONS+=(-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote)

build_app_image() {
  log "jpackage: app image"
  local jpackage_options=(--java-options '-XX:SharedArchiveFile=$APPDIR/ja4-workstation.jsa') o
  for o in "${LAUNCHER_OPTIONS[@]}"; do jpackage_options+=(--java-options "$o"); done
  rm -rf "$OUT/input" "$OUT/image"
  mkdir -p "$OUT/input" "$OUT/image"
  cp "$JAR" "$OUT/input/"
  cp "$ROOT/installer/resources/ja4-workstation-cds.sh" "$OUT/input/"
  jpackage --type app-image --dest "$OUT/image" \
    --name "$APP_NAME" --app-version "$VERSION" \
    --description "$APP_TITLE: hunts bots in JA4-fingerprinted web traffic" \
    --vendor "$VENDOR" --copyright "$VENDOR" \
    --icon "$ICON_PNG" \
    --runtime-image "$OUT/runtime" \
    --input "$OUT/input" --main-jar "$APP_NAME.jar" --main-class "$MAIN_CLASS" \
    "${jpackage_options[@]}"
  install_launcher
  "$OUT/image/$APP_NAME/bin/$APP_NAME" --version
}

# bin/ja4-workstation: a shell launcher with LAUNCHER_OPTIONS in place of jpackage's (its header says
# why: jpackage's asks rpm and dpkg who owns it at every start). jpackage's is kept outside the image,
# with its .cfg (same options) in the image, for the start-up benchmark's comparison.
install_launcher() {
  local img=$OUT/image/$APP_NAME
  mv "$img/bin/$APP_NAME" "$OUT/jpackage-launcher"
  sed -e "s|@JAVA_OPTIONS@|${LAUNCHER_OPTIONS[*]}|" -e "s|@APP_NAME@|$APP_NAME|g" -e "s|@MAIN_CLASS@|$MAIN_CLASS|" \
    -e "s|@VERSION@|$VERSION|g" \
    "$ROOT/installer/resources/ja4-workstation-launcher.sh" > "$img/bin/$APP_NAME"
  chmod 755 "$img/bin/$APP_NAME"
}

build_deb() {
  log "jpackage: .deb (menu entry, icon, .ja4snap file association)"
  rm -f "$OUT"/*.deb
  # JavaFX's natives sit in the jar, so jpackage cannot see what they link to: name it here
  # (GTK 3 brings X11, pango, freetype; libgl1 for the hardware pipeline, software otherwise).
  # jpackage adds what the runtime's own libraries link to (libc6, libx11-6, ...) and xdg-utils.
  # jpackage's own desktop entry has no %f in Exec, so a double-clicked snapshot would not reach
  # Main: installer/resources/linux/ja4-workstation.desktop replaces it (same placeholders).
  # Compression: gzip by default (81 MB in ~10 s; xz saves 4% for ~3 min on 2 cores):
  # DEB_COMPRESSOR=xz for a release.
  DPKG_DEB_COMPRESSOR_TYPE=${DEB_COMPRESSOR:-gzip} \
  jpackage --type deb --dest "$OUT" \
    --resource-dir "$ROOT/installer/resources/linux" \
    --app-image "$OUT/image/$APP_NAME" \
    --name "$APP_NAME" --app-version "$VERSION" \
    --description "$APP_TITLE: hunts bots in JA4-fingerprinted web traffic" \
    --vendor "$VENDOR" --copyright "$VENDOR" \
    --icon "$ICON_PNG" \
    --file-associations "$ROOT/installer/resources/ja4snap.properties" \
    --linux-package-name "$APP_NAME" \
    --linux-deb-maintainer "$MAINTAINER" \
    --linux-menu-group "Network;Security;" \
    --linux-app-category net \
    --linux-shortcut \
    --linux-package-deps 'libgtk-3-0 | libgtk-3-0t64, libgl1'
  DEB=$(ls "$OUT"/*.deb)
  echo "built $DEB"
}

# The classes of the JavaFX thread's critical path (the toolkit, the window, the overview; not what other
# threads load meanwhile: logging, DuckDB, JSON, the command line, the chart warm-up's JFreeChart and AWT)
# that the archive keeps, in load order, and the lambdas of the kept classes: the first $1 of those the
# jar holds ($2: its class names), then the JDK's. The jar's come first: the JVM reads them through the
# Java class loader from a deflated jar (the JDK's own come from the runtime image, natively). Every
# class costs the archive 6-10 kB whatever its size, with the classes the dump loads to link it (a chart
# class drags in most of JFreeChart and AWT), on top of the JVM's own part (~4.4 MB): the budget holds
# about 1,100 of the ~7,000 classes a start loads. Measured at 10 MB on two cores, process CPU to the
# painted overview: this order 3640 ms, the jar's first with the chart warm-up's 3780 (17 classes fit),
# the JDK's first 3670, load order 3880, no archive 4030.
cds_select() {
  awk -v max="$1" -v jarlist="$2" '
    BEGIN { while ((getline c < jarlist) > 0) injar[c] = 1 }
    /^#/ || /^@lambda-form-invoker/ { next }
    /^@lambda-proxy/ { proxy[++np] = $0; host[np] = $2; next }
    $1 ~ /^(ch\/qos|org\/slf4j|org\/duckdb|com\/fasterxml|picocli|com\/clickhouse|org\/apache|com\/ja4\/workstation\/(data|service|analysis|app))\// { next }
    $1 ~ /^(org\/jfree|java\/awt|javax\/swing|sun\/font|sun\/awt|sun\/java2d|com\/ja4\/workstation\/ui\/common\/Chart)/ { next }
    { line[++n] = $0; name[n] = $1; if (name[n] in injar) order[++nj] = n }
    END {
      for (i = 1; i <= n; i++) if (!(name[i] in injar)) order[++nj] = i
      for (i = 1; i <= nj && i <= max; i++) keep[order[i]] = 1
      for (i = 1; i <= n; i++) if (i in keep) { print line[i]; kept[name[i]] = 1 }
      for (i = 1; i <= np; i++) if (host[i] in kept) print proxy[i]
    }'
}

# Dumps the archive of a class list to $OUT/cds-trial.jsa; prints its size in kB.
cds_trial() {
  local img=$OUT/image/$APP_NAME
  "$img/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$1" -XX:SharedArchiveFile="$OUT/cds-trial.jsa" \
    -cp "$img/lib/app/$APP_NAME.jar" >"$OUT/cds-dump.log" 2>&1 || die "the AppCDS dump failed (see $OUT/cds-dump.log)"
  du -k "$OUT/cds-trial.jsa" | cut -f1
}

build_cds_classlist() {
  local img=$OUT/image/$APP_NAME list=$OUT/cds-training.classlist home
  rm -f "$img/lib/app/ja4-workstation.classlist" "$img/lib/app/ja4-workstation-full.classlist" "$img/lib/app/ja4-workstation.jsa" "$list"
  [ "${CDS:-start}" = none ] && { log "AppCDS: none (CDS=none)"; return 0; }
  log "AppCDS: the classes a start loads (training run of the app image)"
  home=$(mktemp -d)
  # shellcheck source=installer/xvfb.sh
  . "$ROOT/installer/xvfb.sh"
  if ensure_gui_packages && start_xvfb; then
    # the first start makes the demo snapshot; the second, an ordinary start, is the one listed
    JA4_CDS_CACHE=off JA4_WORKSTATION_HOME=$home JAVA_TOOL_OPTIONS="-Dja4.startup.probe=$home/first.txt" timeout 300 "$img/bin/$APP_NAME" >/dev/null 2>&1 || true
    JA4_CDS_CACHE=off JA4_WORKSTATION_HOME=$home JAVA_TOOL_OPTIONS="-Dja4.startup.probe=$home/second.txt -XX:DumpLoadedClassList=$list" \
      timeout 120 "$img/bin/$APP_NAME" >/dev/null 2>&1 || true
    stop_xvfb
  fi
  if [ ! -s "$list" ]; then  # no display: the headless render of the overview loads most of the same classes
    JA4_CDS_CACHE=off JA4_WORKSTATION_HOME=$home JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" \
      "$img/bin/$APP_NAME" render --view overview --out "$home/overview.png" >/dev/null 2>&1 || true
  fi
  rm -rf "$home"
  [ -s "$list" ] || { echo "no class list from the training run: the app has no AppCDS archive"; return 0; }
  local target=$img/lib/app/ja4-workstation.classlist total budget lo hi mid size
  total=$(grep -cv '^[#@]' "$list")
  if [ "${CDS:-start}" = full ]; then
    grep -v '^#' "$list" > "$target"
    echo "AppCDS: all $total classes -> archive of $(( $(cds_trial "$target") / 1024 )) MB"
  else
    # the most classes whose archive fits the budget (bisection, a dump per step)
    budget=$(( ${CDS_BUDGET_MB:-10} * 1024 ))
    unzip -Z1 "$img/lib/app/$APP_NAME.jar" | sed -n 's/\.class$//p' > "$OUT/jar-classes.txt"
    lo=0; hi=$(cds_select "$total" "$OUT/jar-classes.txt" < "$list" | grep -cv '^@')
    while [ $((hi - lo)) -gt 10 ]; do
      mid=$(( (lo + hi) / 2 ))
      cds_select "$mid" "$OUT/jar-classes.txt" < "$list" > "$target"
      size=$(cds_trial "$target")
      if [ "$size" -le "$budget" ]; then lo=$mid; else hi=$mid; fi
    done
    cds_select "$lo" "$OUT/jar-classes.txt" < "$list" > "$target"
    size=$(cds_trial "$target")
    echo "AppCDS: $lo of $total classes (the start's critical path, the jar's first) -> archive of $((size / 1024)) MB (budget ${CDS_BUDGET_MB:-10} MB)"
    # every class of the training run, for the per-user archive the launcher makes (outside the installed size)
    grep -v '^#' "$list" > "$img/lib/app/ja4-workstation-full.classlist"
    echo "AppCDS: all $total classes for the per-user archive: lib/app/ja4-workstation-full.classlist, $(du -h "$img/lib/app/ja4-workstation-full.classlist" | cut -f1)"
  fi
  rm -f "$OUT/cds-trial.jsa"
}

# The archive for the app image where it stands (the bench and the smoke test of the image use it);
# never inside a package (made at install time instead).
make_image_cds() {
  [ -f "$OUT/image/$APP_NAME/lib/app/ja4-workstation.classlist" ] || return 0
  sh "$OUT/image/$APP_NAME/lib/app/ja4-workstation-cds.sh" make
}

report_sizes() {
  local f=$OUT/SIZES.txt
  mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
  (set +o pipefail  # head closes its pipes early
  {
    echo "# sizes ($(date -u +%Y-%m-%dT%H:%MZ))"
    printf '%-28s %s\n' "shaded jar (linux-x64)" "$(du -h "$JAR" | cut -f1)"
    printf '%-28s %s\n' "jlink runtime" "$(du -sh "$OUT/runtime" | cut -f1)"
    printf '%-28s %s\n' "app image" "$(mb "$(du -sk --exclude=ja4-workstation.jsa "$OUT/image/$APP_NAME" | cut -f1)")"
    local jsa=$OUT/image/$APP_NAME/lib/app/ja4-workstation.jsa
    [ -f "$jsa" ] && printf '%-28s %s (%s classes; made at install time, counts in the installed size)\n' "AppCDS archive" \
      "$(mb "$(du -k "$jsa" | cut -f1)")" "$(grep -cv '^[#@]' "$OUT/image/$APP_NAME/lib/app/ja4-workstation.classlist")"
    [ -f "$jsa" ] && printf '%-28s %s (before issue 17: about 101 MB; at most 111 MB)\n' "installed (image + archive)" \
      "$(mb "$(du -sk "$OUT/image/$APP_NAME" | cut -f1)")"
    local full=$OUT/image/$APP_NAME/lib/app/ja4-workstation-full.classlist
    [ -f "$full" ] && printf '%-28s %s (in the image; each user'"'"'s archive made from it, ~45 MB in ~/.cache, is not installed)\n' \
      "full class list" "$(du -h "$full" | cut -f1)"
    [ -n "${DEB:-}" ] && printf '%-28s %s\n' ".deb" "$(du -h "$DEB" | cut -f1)"
    echo
    echo "# largest files of the app image"
    (cd "$OUT/image/$APP_NAME" && find . -type f -printf '%s %p\n' | sort -rn | head -8 |
      awk '{printf "%8.1f MB  %s\n", $1/1048576, $2}')
    echo
    echo "# largest entries of the jar (uncompressed)"
    unzip -l "$JAR" | sed '1,3d;$d' | sed '$d' | sort -rn | head -8 | awk '{printf "%8.1f MB  %s\n", $1/1048576, $4}'
    echo
    echo "# jar by top-level package (compressed bytes)"
    unzip -v "$JAR" | sed '1,3d' | head -n -2 |
      awk '{n=split($8,a,"/"); k=(n>2)?a[1]"/"a[2]:a[1]; s[k]+=$3} END{for(k in s) printf "%8.1f MB  %s\n", s[k]/1048576, k}' |
      sort -rn | head -10
  } > "$f")
  log "sizes (also in $f)"
  cat "$f"
}

linux() {
  local want_deb=yes smoke=yes maven=yes
  for a in "$@"; do
    case "$a" in
      --no-deb) want_deb=no ;;
      --no-smoke) smoke=no ;;
      --skip-maven) maven=no ;;
      *) die "unknown option $a (see the head of installer/build.sh)" ;;
    esac
  done
  [ "$(uname -s)" = Linux ] || die "the Linux build runs on Linux; on Windows use 'msi', on macOS 'dmg'"
  [ "$(uname -m)" = x86_64 ] || die "the linux-x64 profile keeps x86-64 natives only; this is $(uname -m)"
  local t0=$SECONDS
  ensure_tools "$want_deb"
  VERSION=$(app_version)
  mkdir -p "$OUT"
  [ "$maven" = yes ] && build_jar
  [ -f "$JAR" ] || die "no $JAR (run without --skip-maven)"
  [ "$maven" = yes ] || strip_duckdb
  build_runtime
  build_app_image
  build_cds_classlist
  DEB=""
  [ "$want_deb" = yes ] && build_deb
  make_image_cds
  report_sizes
  echo "build took $((SECONDS - t0)) s"
  if [ "$smoke" = yes ]; then
    if [ -n "$DEB" ]; then bash "$ROOT/installer/smoke-test.sh" "$DEB"
    else bash "$ROOT/installer/smoke-test.sh" "$OUT/image/$APP_NAME"; fi
  fi
}

# ---------------------------------------------------------------- Windows, macOS (documented; run there)
# Both use the default (all-platform) jar or a profile of their own: the linux-x64 profile's jar
# lacks their DuckDB natives. The runtime comes from that OS's JDK 17 (jlink is not cross-platform).
msi() {
  case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) ;; *) die "msi: run this on Windows (Git Bash) with JDK 17 and WiX 3 (candle.exe, light.exe) on PATH" ;; esac
  VERSION=$(app_version)
  mvn -B -ntp -q package -DskipTests -Djavafx.platform=win
  mkdir -p "$OUT/input" && cp "$JAR" "$OUT/input/"
  jlink --add-modules "$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q "$JAR" | tail -1),$EXTRA_MODULES" \
    --include-locales "$LOCALES" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$OUT/runtime"
  # An .ico icon is needed on Windows: convert installer/resources/ja4-workstation.png first.
  jpackage --type msi --dest "$OUT" --name "JA4 Workstation" --app-version "$VERSION" --vendor "$VENDOR" \
    --icon "$ROOT/installer/resources/$APP_NAME.ico" \
    --runtime-image "$OUT/runtime" --input "$OUT/input" --main-jar "$APP_NAME.jar" --main-class "$MAIN_CLASS" \
    --file-associations "$ROOT/installer/resources/ja4snap.properties" \
    --win-menu --win-menu-group "JA4 Workstation" --win-shortcut --win-dir-chooser --win-per-user-install \
    --win-upgrade-uuid 3c0b6f2e-5a0e-4a7b-9d4e-6a1f0c9e4a41
}

dmg() {
  [ "$(uname -s)" = Darwin ] || die "dmg: run this on macOS with JDK 17 (Xcode command line tools for codesign/hdiutil)"
  VERSION=$(app_version)
  local platform=mac; [ "$(uname -m)" = arm64 ] && platform=mac-aarch64
  mvn -B -ntp -q package -DskipTests -Djavafx.platform=$platform
  mkdir -p "$OUT/input" && cp "$JAR" "$OUT/input/"
  jlink --add-modules "$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q "$JAR" | tail -1),$EXTRA_MODULES" \
    --include-locales "$LOCALES" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$OUT/runtime"
  # An .icns icon is needed on macOS: iconutil from installer/resources/ja4-workstation.png first.
  jpackage --type dmg --dest "$OUT" --name "JA4 Workstation" --app-version "$VERSION" --vendor "$VENDOR" \
    --icon "$ROOT/installer/resources/$APP_NAME.icns" \
    --runtime-image "$OUT/runtime" --input "$OUT/input" --main-jar "$APP_NAME.jar" --main-class "$MAIN_CLASS" \
    --file-associations "$ROOT/installer/resources/ja4snap.properties" \
    --mac-package-identifier com.ja4.workstation --mac-package-name "JA4 Workstation"
}

case "${1:-}" in
  msi) shift; msi "$@" ;;
  dmg) shift; dmg "$@" ;;
  -h|--help) sed -n '2,31p' "$0" ;;
  *) linux "$@" ;;
esac
