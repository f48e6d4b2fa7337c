#!/usr/bin/env bash
# Captures the SYNs that Debian's nmap, masscan and zmap send, one pcap per tool, between two
# network namespaces made for the purpose (nothing leaves this machine). Needs root and
# `apt-get install nmap masscan zmap tcpdump iproute2`.
#   bash capture_scanners.sh OUT_DIR
set -euo pipefail
out=$(realpath "${1:-.}")
a=ja4scan$$; b=ja4tgt$$
cleanup() { ip netns del "$a" 2>/dev/null || true; ip netns del "$b" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$a"; ip netns add "$b"
ip link add va netns "$a" type veth peer name vb netns "$b"
ip -n "$a" addr add 192.0.2.1/24 dev va; ip -n "$b" addr add 192.0.2.2/24 dev vb
ip -n "$a" link set va up; ip -n "$b" link set vb up
macb=$(ip -n "$b" -o link show vb | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
ports=21,22,25,80,443,3389,8080,8443

capture() {  # capture TOOL COMMAND...: the SYNs COMMAND sends, into OUT_DIR/scan-TOOL.pcap
    local tool=$1; shift
    ip netns exec "$b" tcpdump -q -U -i vb -w "$out/scan-$tool.pcap" 'tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn' 2>/dev/null &
    local dump=$!
    sleep 1
    ip netns exec "$a" "$@" >/dev/null 2>&1 || true
    sleep 1; kill "$dump"; wait "$dump" 2>/dev/null || true
}
capture nmap nmap -sS -Pn -n -p "$ports" --max-retries 0 192.0.2.2
capture masscan masscan 192.0.2.2 -p"$ports" --rate 50 --wait 1 --router-mac "$macb" -e va
# the default blacklist excludes documentation ranges; the target is our own namespace
capture zmap zmap -q -b /dev/null -S 192.0.2.1 -i va -G "$macb" -p 443 -r 50 -c 1 192.0.2.2/32
