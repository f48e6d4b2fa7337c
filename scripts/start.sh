#!/usr/bin/env bash
# Starts the workstation from a checkout (the README's run command): builds target/ja4-workstation.jar
# when it is missing or older than the sources (mvn package), then runs `java -jar` on it with the
# installed launcher's start-up levers (installer/build.sh says why each is safe):
#   - an AppCDS archive of the jar, target/ja4-workstation.jsa: the classes a start loads, parsed and
#     verified once, then mapped by every start. The first start after a build records it when the
#     app exits (-XX:ArchiveClassesAtExit: a few seconds after the window closes); later starts use
#     it. The JVM accepts it only for that jar file: a newer jar makes the next start record it again.
#   - the JIT's first tier only (-XX:TieredStopAtLevel=1);
#   - no bytecode verification of the jar's classes (-XX:-BytecodeVerificationRemote).
#
#   bash scripts/start.sh [ARGS...]   ARGS go to the app: a snapshot file, or a command (render, cluster, ...)
#
# JA4_JAR and JA4_CDS_ARCHIVE name another jar and archive (installer/startup-bench.sh uses them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JA4_JAR:-$ROOT/target/ja4-workstation.jar}
# (re)build when the jar is missing or older than the sources: an unchanged jar keeps its archive
if [ -z "${JA4_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" -newer "$JAR" -print -quit)" ]; }; then
  echo "start.sh: building $JAR (mvn package; a few minutes the first time)" >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
ARCHIVE=${JA4_CDS_ARCHIVE:-${JAR%.jar}.jsa}
OPTS=(-XX:TieredStopAtLevel=1 -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote -Xlog:cds*=off)
if [ -f "$ARCHIVE" ] && [ "$ARCHIVE" -nt "$JAR" ]; then
  OPTS+=("-XX:SharedArchiveFile=$ARCHIVE")
else
  rm -f "$ARCHIVE"
  OPTS+=("-XX:ArchiveClassesAtExit=$ARCHIVE")
fi
exec java "${OPTS[@]}" -jar "$JAR" "$@"
