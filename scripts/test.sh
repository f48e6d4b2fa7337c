#!/usr/bin/env bash
# The project's whole test suite, headless (JavaFX through Monocle: no display needed).
# Installs what the tests need itself, so a fresh machine passes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)"; exit 1; }
exec mvn -B -ntp test "$@"
