#!/usr/bin/env bash
# Installs Debian's clickhouse-server package (18.16.1 on Debian 12) when missing, for the test that
# checks how the workstation names a server too old for it (OldClickHouseServerTest). The test only
# runs the binary on a loopback port of its own; it skips, saying why, when the binary is absent.
set -uo pipefail
for bin in /usr/bin/clickhouse-server /usr/sbin/clickhouse-server; do [ -x "$bin" ] && exit 0; done
if [ "$(id -u)" != 0 ]; then
  echo "clickhouse-server: not root, so the Debian package is not installed; the old-server test will be skipped" >&2; exit 1
fi
command -v apt-get >/dev/null || { echo "clickhouse-server: no apt-get here; the old-server test will be skipped" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends clickhouse-server >/dev/null 2>&1; then
  apt-get update -q >/dev/null 2>&1
  apt-get install -y -q --no-install-recommends clickhouse-server >/dev/null 2>&1 \
    || { echo "clickhouse-server: apt-get could not install it; the old-server test will be skipped" >&2; exit 1; }
fi
