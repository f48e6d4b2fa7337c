#!/usr/bin/env bash
# Creates .venv-chdb (git-ignored) with chdb for the ClickHouse conformance tests, if missing.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -x .venv-chdb/bin/python ] && .venv-chdb/bin/python -c 'import chdb' 2>/dev/null; then exit 0; fi
command -v python3 >/dev/null || { echo "chdb: python3 missing, ClickHouse conformance tests will be skipped" >&2; exit 1; }
python3 -m venv .venv-chdb && .venv-chdb/bin/pip install -q 'chdb>=3,<5' \
  && .venv-chdb/bin/python -c 'import chdb' && exit 0
echo "chdb: could not install chdb, ClickHouse conformance tests will be skipped" >&2
exit 1
