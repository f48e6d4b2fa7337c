#!/usr/bin/env bash
# The project's whole test suite, headless (JavaFX through Monocle: no display needed).
# Installs what the tests need itself, so a fresh machine passes.
# In CI (CI=true) or with JA4_TEST_INSTALLER=1 it also builds the Linux package and smoke-tests
# the installed launcher (installer/build.sh, about 2 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)"; exit 1; }
# chDB (the ClickHouse engine as a Python library) for the ClickHouse conformance tests; they skip with the reason if this fails
CHDB_ARGS=(); if scripts/chdb-venv.sh; then CHDB_ARGS=(-Dja4.chdb.python="$PWD/.venv-chdb/bin/python"); fi
# Debian's clickhouse-server (an old release) for the test of the too-old-server message; skipped with the reason if this fails
scripts/clickhouse-server-deb.sh || true
mvn -B -ntp test "${CHDB_ARGS[@]}" "$@"
if [ "${JA4_TEST_INSTALLER:-${CI:-false}}" = 1 ] || [ "${JA4_TEST_INSTALLER:-${CI:-false}}" = true ]; then
  bash installer/build.sh
fi
