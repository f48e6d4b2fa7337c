#!/usr/bin/env bash
# Start-up benchmark: launches the real desktop app N times per variant on a virtual X display
# (Xvfb) and prints the median and spread of the time from launch (just before exec) to the first
# frame painted with the overview's data (KPIs and charts filled), with a breakdown by phase.
#
#   bash installer/startup-bench.sh [-n RUNS] [--jar JAR] [--image APP_IMAGE_DIR] [--baseline-jar JAR] [--only REGEX]
#
# --only REGEX times only the variants whose name matches (grep -E), e.g. --only '^(jar|launcher)$'.
#
# Variants, run round-robin so that the machine's load weighs on all alike:
#   jar                      java -jar target/ja4-workstation.jar (every code-level lever on, no JVM option)
#   jar, levers off          serial start, AWT's display toolkit, no chart warm-up, as before (Jackson and the ClickHouse
#                            driver stay off the start path: no switch for those)
#   jar, serial start        -Dja4.startup.parallel=false: logging, then the toolkit, then the source, as before
#   jar, AWT display toolkit -Djava.awt.headless=false: AWT's own X connection, as before
#   jar, no chart warm-up    -Dja4.startup.warmup=false: JFreeChart and AWT's fonts initialised by the
#                            overview's first chart on the JavaFX thread, as before
#   jar, C1 only             -XX:TieredStopAtLevel=1 (the JIT's first tier, as the installed launcher runs)
#   jar, C1, no verification and -XX:-BytecodeVerificationRemote (as the installed launcher runs)
#   scripts/start.sh         the README's start: the same plus the jar's AppCDS archive, recorded by a
#                            first start of the script (scripts/start.sh)
#   baseline jar             --baseline-jar: another build with the probe (StartupProbe), e.g. main later
#   launcher                 the app image's launcher (installer/build.sh: a shell launcher, its AppCDS
#                            archive, C1 only, no verification), per-user archive off (JA4_CDS_CACHE=off)
#   launcher, user archive   the same with the per-user AppCDS archive of every class a start loads (made
#                            before the timed runs by a start of the launcher, as a user's first start does)
#   launcher, first start    the same with an empty cache folder: the installed archive, and the launcher
#                            starts making the user archive in the background (each run's folder is removed
#                            after it, so that no dump runs during the timed runs)
#   jpackage's launcher      jpackage's own launcher, same options (it asks rpm and dpkg who owns it first)
#   launcher -Xshare:off     the launcher without any class-data sharing
#   launcher's java, verifying  the launcher's options and archive, bytecode verification on
#   launcher's java + full CDS  the same with every class of build.sh's training run archived (45 MB:
#                            what the size budget leaves out)
#   launcher's java, C1+C2   the launcher's options and archive, both JIT tiers
#   launcher's java as before  both JIT tiers, no class-data sharing, verification on (before issue 17)
# The app writes its marks with -Dja4.startup.probe=FILE (ui/diagnostics/StartupProbe) and exits
# at the painted frame. The demo snapshot is generated once, before the timed runs, in a temporary
# data folder (its first start is printed apart). Installs xvfb and libgtk-3-0 with apt-get when
# missing (JavaFX's GTK toolkit needs them; the tests use Monocle and do not).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=5
JAR=$ROOT/target/ja4-workstation.jar
IMAGE=$ROOT/target/installer/image/ja4-workstation
BASELINE_JAR=""
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS=$2; shift 2 ;;
    --jar) JAR=$(readlink -f "$2"); shift 2 ;;
    --image) IMAGE=$(readlink -f "$2"); shift 2 ;;
    --baseline-jar) BASELINE_JAR=$(readlink -f "$2"); shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
    *) echo "startup-bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
die() { echo "startup-bench.sh: $*" >&2; exit 1; }
[ -f "$JAR" ] || die "no $JAR: build it first (mvn -q package -DskipTests)"

# shellcheck source=installer/xvfb.sh
. "$ROOT/installer/xvfb.sh"
ensure_gui_packages || die "no virtual display: install xvfb and libgtk-3-0"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ja4-startup.XXXXXX")
COPY=""
cleanup() { stop_xvfb; rm -rf "$WORK"; [ -z "$COPY" ] || rm -rf "$COPY"; }
trap cleanup EXIT
start_xvfb || die "cannot start Xvfb"
export JA4_WORKSTATION_HOME=$WORK/home
# the launcher's per-user AppCDS archive: only where a variant asks for it, and never in the real ~/.cache
export XDG_CACHE_HOME=$WORK/cache JA4_CDS_CACHE=off
now_ms() { local t=$EPOCHREALTIME; echo $(( ${t/./} / 1000 )); }

# run_once LABEL OPTIONS CMD...: one launch; appends "LABEL<TAB>mark<TAB>ms since launch" to $WORK/marks.tsv
run_once() {
  local label=$1 opts=$2; shift 2
  local probe=$WORK/probe.txt t0
  rm -f "$probe"
  t0=$(now_ms)
  if ! JAVA_TOOL_OPTIONS="-Dja4.startup.probe=$probe $opts" timeout "${RUN_TIMEOUT:-90}" "$@" >"$WORK/run.log" 2>&1 || [ ! -s "$probe" ]; then
    echo "  $label: no painted frame (log follows)" >&2; tail -20 "$WORK/run.log" >&2; return 1
  fi
  awk -F= -v t0="$t0" -v l="$label" '$1 ~ /^cpu_/ {printf "%s\t%s\t%d\n", l, $1, $2; next}
    $1=="jvm_start" {printf "%s\tjvm_created\t%d\n", l, $2-t0; next}
    NF==2 {printf "%s\t%s\t%d\n", l, $1, $2-t0}' "$probe" >> "$WORK/marks.tsv"
}

echo "# JA4 Workstation start-up benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# jar: $JAR"
: > "$WORK/marks.tsv"
RUN_TIMEOUT=600 run_once "first start (generates the demo)" "" java -jar "$JAR" || die "the app did not start"
first() { awk -F'\t' -v p="$1" '$2==p{print $3}' "$WORK/marks.tsv"; }
echo "first start (demo generated meanwhile): window painted at $(first first_pulse) ms, overview's data at $(first data_painted) ms (not counted below)"
: > "$WORK/marks.tsv"

# AppCDS for the jar, as scripts/start.sh makes it: its first start records the archive at exit
START=(env JA4_JAR="$JAR" JA4_CDS_ARCHIVE="$WORK/jar-cds.jsa" bash "$ROOT/scripts/start.sh")
JAVA_TOOL_OPTIONS="-Dja4.startup.probe=$WORK/train.txt" timeout 180 "${START[@]}" >"$WORK/train.log" 2>&1 || true
[ -s "$WORK/jar-cds.jsa" ] && echo "AppCDS archive for the jar (scripts/start.sh): $(du -h "$WORK/jar-cds.jsa" | cut -f1)" ||
  echo "no AppCDS archive for the jar ($(tail -1 "$WORK/train.log"))"

NOVERIFY="-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote"
LABELS=(); OPTS=(); CMDS=()
add() {
  [ -z "$ONLY" ] || grep -qE -- "$ONLY" <<< "$1" || return 0
  LABELS+=("$1"); OPTS+=("$2"); CMDS+=("$3")
}
add "jar" "" "java -jar $JAR"
add "jar, levers off" "-Dja4.startup.parallel=false -Djava.awt.headless=false -Dja4.startup.warmup=false" "java -jar $JAR"
add "jar, serial start" "-Dja4.startup.parallel=false" "java -jar $JAR"
add "jar, AWT display toolkit" "-Djava.awt.headless=false" "java -jar $JAR"
add "jar, no chart warm-up" "-Dja4.startup.warmup=false" "java -jar $JAR"
add "jar, C1 only" "-XX:TieredStopAtLevel=1" "java -jar $JAR"
add "jar, C1, no verification" "-XX:TieredStopAtLevel=1 $NOVERIFY" "java -jar $JAR"
[ -s "$WORK/jar-cds.jsa" ] && add "scripts/start.sh" "" "${START[*]}"
[ -n "$BASELINE_JAR" ] && add "baseline jar" "" "java -jar $BASELINE_JAR"
if [ -x "$IMAGE/bin/ja4-workstation" ]; then
  LJAVA="$IMAGE/lib/runtime/bin/java -Dfile.encoding=UTF-8"
  LMAIN="-cp $IMAGE/lib/app/ja4-workstation.jar com.ja4.workstation.app.Main"
  ARCHIVE=$IMAGE/lib/app/ja4-workstation.jsa
  add "launcher" "" "$IMAGE/bin/ja4-workstation"
  if [ -f "$IMAGE/lib/app/ja4-workstation-full.classlist" ] && { [ -z "$ONLY" ] || grep -qE -- "$ONLY" <<< "launcher, user archive"; }; then
    # a start makes it in the background, as a user's first start does (no delay here)
    JA4_CDS_CACHE=on JA4_CDS_CACHE_DELAY=0 "$IMAGE/bin/ja4-workstation" --version >/dev/null 2>&1 || true
    for _ in $(seq 300); do compgen -G "$XDG_CACHE_HOME/ja4-workstation/*.jsa*" >/dev/null && break; sleep 1; done
    USER_ARCHIVE=$(compgen -G "$XDG_CACHE_HOME/ja4-workstation/ja4-workstation-*.jsa" | head -1 || true)
    if [ -s "$USER_ARCHIVE" ]; then
      echo "per-user AppCDS archive: $(du -h "$USER_ARCHIVE" | cut -f1) ($USER_ARCHIVE, from $(grep -cv '^[#@]' "$IMAGE/lib/app/ja4-workstation-full.classlist") classes)"
      add "launcher, user archive" "" "env JA4_CDS_CACHE=on $IMAGE/bin/ja4-workstation"
    else
      echo "no per-user AppCDS archive after 300 s ($(ls -a "$XDG_CACHE_HOME/ja4-workstation" 2>&1 | tr '\n' ' '))"
    fi
  fi
  # @RUN@: a folder of its own per run (removed after the run: its background dump, 25 s later, finds it gone)
  [ -f "$IMAGE/lib/app/ja4-workstation-full.classlist" ] &&
    add "launcher, first start" "" "env JA4_CDS_CACHE=on XDG_CACHE_HOME=$WORK/first-cache-@RUN@ $IMAGE/bin/ja4-workstation"
  # jpackage's own launcher (build.sh keeps it beside the image) in a hard-linked copy of the image,
  # with an archive of its own (the JVM accepts one only for the jar's path it was made for)
  JPACKAGE_LAUNCHER=$(dirname "$(dirname "$IMAGE")")/jpackage-launcher
  if [ -x "$JPACKAGE_LAUNCHER" ]; then
    COPY=$(dirname "$IMAGE")/.bench-jpackage-$$
    cp -al "$IMAGE" "$COPY" && rm -f "$COPY/bin/ja4-workstation" "$COPY/lib/app/ja4-workstation.jsa" "$COPY/lib/app/ja4-workstation-cds.log" &&
      cp "$JPACKAGE_LAUNCHER" "$COPY/bin/ja4-workstation" && sh "$COPY/lib/app/ja4-workstation-cds.sh" make &&
      add "jpackage's launcher" "" "$COPY/bin/ja4-workstation"
  fi
  add "launcher -Xshare:off" "-Xshare:off" "$IMAGE/bin/ja4-workstation"
  if [ -f "$ARCHIVE" ]; then
    echo "launcher's AppCDS archive: $(du -h "$ARCHIVE" | cut -f1), $(grep -cv '^[#@]' "$IMAGE/lib/app/ja4-workstation.classlist") classes"
    add "launcher's java, verifying" "" "$LJAVA -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$ARCHIVE $LMAIN"
  else
    echo "(the app image has no AppCDS archive: built before it, or with CDS=none)"
  fi
  # for comparison: every class of build.sh's training run archived (what a size budget leaves out)
  TRAINING=$(dirname "$(dirname "$IMAGE")")/cds-training.classlist
  if [ -s "$TRAINING" ] && "$IMAGE/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$TRAINING" \
      -XX:SharedArchiveFile="$WORK/full.jsa" -cp "$IMAGE/lib/app/ja4-workstation.jar" >/dev/null 2>&1; then
    echo "full AppCDS archive (every class of the training run): $(du -h "$WORK/full.jsa" | cut -f1)"
    add "launcher's java + full CDS" "" "$LJAVA -XX:TieredStopAtLevel=1 $NOVERIFY -XX:SharedArchiveFile=$WORK/full.jsa $LMAIN"
  fi
  [ -f "$ARCHIVE" ] && add "launcher's java, C1+C2" "" "$LJAVA $NOVERIFY -XX:SharedArchiveFile=$ARCHIVE $LMAIN"
  # the launcher before issue 17: both JIT tiers, no class-data sharing, verification on
  add "launcher's java as before" "" "$LJAVA -Xshare:off $LMAIN"
else
  echo "(no app image at $IMAGE: run bash installer/build.sh --no-deb to time the installed launcher)"
fi
for r in $(seq "$RUNS"); do
  for i in "${!LABELS[@]}"; do
    # shellcheck disable=SC2086 # the command is a word list
    run_once "${LABELS[$i]}" "${OPTS[$i]}" ${CMDS[$i]//@RUN@/$r} || true
    rm -rf "$WORK/first-cache-$r"
  done
  echo "round $r/$RUNS done (load $(cut -d' ' -f1 /proc/loadavg))"
done

median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) print "-"; else printf "%.0f", (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
values() { awk -F'\t' -v l="$1" -v p="$2" '$1==l && $2==p {print $3}' "$WORK/marks.tsv"; }

echo
echo "# launch -> first frame painted with the overview's data ($RUNS runs each; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-26s %8s %8s %8s %4s %12s %12s\n' variant median min max n "CPU process" "CPU FX thr."
for label in "${LABELS[@]}"; do
  read -r n lo hi < <(values "$label" data_painted | sort -n | awk 'NR==1{lo=$1} {hi=$1} END{print NR, lo+0, hi+0}')
  printf '%-26s %8s %8s %8s %4s %9s ms %9s ms\n' "$label" "$(values "$label" data_painted | median)" "$lo" "$hi" "$n" \
    "$(values "$label" cpu_process_ms | median)" "$(values "$label" cpu_fx_ms | median)"
done
echo
echo "# medians by phase, ms since launch (source_ready: the source opened in the background; first_pulse: the window's first frame)"
PHASES="jvm_created main logging_ready charts_warm fx_started stage_shown first_pulse source_ready workspace_shown data_loaded data_applied data_laid_out data_painted"
printf '%-26s' phase; for label in "${LABELS[@]}"; do printf ' %12.12s' "$label"; done; echo
for phase in $PHASES; do
  printf '%-26s' "$phase"
  for label in "${LABELS[@]}"; do printf ' %12s' "$(values "$label" "$phase" | median)"; done
  echo
done

echo
echo "# CPU time by thread at the painted frame, medians in ms (JVM threads included: JIT compilers, GC)"
printf '%-26s' thread; for label in "${LABELS[@]}"; do printf ' %12.12s' "$label"; done; echo
awk -F'\t' -v l="${LABELS[0]}" '$1==l && $2 ~ /^cpu_thread\./ {s[$2]+=$3} END {for (k in s) print s[k], k}' "$WORK/marks.tsv" |
  sort -rn | head -14 | while read -r _ key; do
    printf '%-26s' "${key#cpu_thread.}"
    for label in "${LABELS[@]}"; do printf ' %12s' "$(values "$label" "$key" | median)"; done
    echo
  done
