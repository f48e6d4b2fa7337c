#!/usr/bin/env python3
"""Rebuilds src/test/resources/.../real-syns/real-syns.csv from the public sources it is made of.

Every row is a SYN that a real stack sent, with the OS family its host is known to run:
  * packet captures in the test suites of open-source network tools, labelled by the
    User-Agent of the HTTP requests (or the DHCP vendor class) the same host sent in the same
    capture;
  * the web-visitor database of zardaxt as published under GPL-2.0 (March 2021), labelled by
    the browser's own navigator.userAgent;
  * the [S] signatures of Satori's tcp.xml (GPL-2.0), a database of observed SYNs, one row per
    signature (a database, not a sample: see the README);
  * SYNs of nmap, masscan and zmap captured here (capture_scanners.sh).
Nothing is invented: a row exists only where a source shows that SYN.

Usage (needs `pip install dpkt`, git, and the repositories cloned at the commits below):
    python3 build_real_syns.py --mirrors DIR --out real-syns.csv
DIR holds one git checkout or bare clone per source, named OWNER+NAME (e.g. DIR/ntop+nDPI), as
`git clone https://github.com/OWNER/NAME DIR/OWNER+NAME` makes after a rename. DIR/OWNER+NAME/repo
(the layout of a mirror) also works.
"""
import argparse
import collections
import csv
import gzip
import io
import json
import os
import re
import socket
import subprocess
import sys

import dpkt

HERE = os.path.dirname(os.path.abspath(__file__))

# (repository, commit, licence, split). The split holds sources out whole, so that held-out
# figures measure stacks and capture sites the rules were not looked at on.
PCAP_SOURCES = [
    ("ntop/nDPI", "3b1286ab03b0c9223ac208a01868d8c1f6c0ae00", "LGPL-3.0", "fit"),
    ("arkime/arkime", "2d2f3678796bcedc6655a276f476b7ddd457f3f2", "Apache-2.0", "fit"),
    ("OISF/suricata-verify", "10a45e4bad6d29d0f1239d93119ea24e1bbdab19", "MIT", "fit"),
    ("zeek/zeek", "a13de64fbbdb01f90961c04719b308fbbb6d199e", "BSD-3-Clause", "held-out"),
    ("seladb/PcapPlusPlus", "200853b3a0b5ea2c443d6bee1a67f9c9c67b8f1b", "Unlicense", "held-out"),
    ("the-tcpdump-group/tcpdump", "39b50f76672bca4af7d7eb52604c5b692c6b6b2c", "BSD-3-Clause", "held-out"),
    ("cisco/mercury", "3172786645f70e1a8347d8cf020b736e185651e5", "BSD-2-Clause", "held-out"),
    ("secdev/scapy", "ac38b273405b038104df096fe941878937da87cd", "GPL-2.0", "held-out"),
    ("google/gopacket", "b7d9dbd15ae4c4621a62119b0c682dc23061a8bc", "BSD-3-Clause", "held-out"),
]
ZARDAXT = ("NikolaiT/zardaxt", "6880cc6ae0e503815e0cc8a7806988e7dc2bb9a8", "GPL-2.0", "held-out")
SATORI = ("xnih/satori", "73fa88fe6549995c68760be10631382df4ec1d1c", "GPL-2.0", "database")
# Captures documented as a scan by one tool: (repository, path, tool).
SCAN_CAPTURES = [("ntop/nDPI", "tests/cfgs/default/pcap/synscan.pcap", "nmap -sS (nDPI test capture)")]
LAB_SCANS = [("scan-nmap.pcap", "nmap 7.93 -sS"), ("scan-masscan.pcap", "masscan 1.3.2"), ("scan-zmap.pcap", "zmap 2.1.1")]

# Files the source snapshot this set was built from did not hold (large files kept outside git);
# skipped so that a full clone rebuilds the same rows.
ABSENT = {
    ("ntop/nDPI", "tests/cfgs/default/pcap/WebattackXSS.pcap"),
    ("OISF/suricata-verify", "tests/bug-2482-01/proxyCONNECT_443.pcap"),
    ("OISF/suricata-verify", "tests/file-data-depth-inspection/file-data-depth-inspection.pcap"),
    ("OISF/suricata-verify", "tests/filestore-fd-exhaustion/input.pcap"),
    ("OISF/suricata-verify", "tests/http-sticky-location/http-sticky-location.pcap"),
    ("OISF/suricata-verify", "tests/http-sticky-server/http-sticky-server.pcap"),
    ("OISF/suricata-verify", "tests/ipv6-evasion/ipv6-dos-with-ext-headers-1/denial6-1.pcap"),
    ("OISF/suricata-verify", "tests/ipv6-evasion/ipv6-dos-with-ext-headers-2/denial6-2.pcap"),
    ("OISF/suricata-verify", "tests/ipv6-evasion/ipv6-dos-with-ext-headers-3/denial6-3.pcap"),
    ("OISF/suricata-verify", "tests/ipv6-evasion/ipv6-dos-with-ext-headers-4/denial6-4.pcap"),
    ("OISF/suricata-verify", "tests/ipv6-evasion/ipv6-dos-with-ext-headers-7/denial6-7.pcap"),
    ("OISF/suricata-verify", "tests/ipv6-evasion/ipv6-smurf/smurf6.pcap"),
    ("OISF/suricata-verify", "tests/tcp-urgp-06-oob-within-limit/tcp-urgent-1byte-64k.pcap"),
    ("OISF/suricata-verify", "tests/tcp-urgp-07-oob-exceed-limit/tcp-urgent-1byte-66k.pcap"),
    ("OISF/suricata-verify", "tests/tcp-urgp-08-oob-exceed-limit-gap/tcp-urgent-1byte-66k.pcap"),
    ("OISF/suricata-verify", "tests/tcp-urgp-09-oob-exceed-limit-inline/tcp-urgent-1byte-66k.pcap"),
    ("zeek/zeek", "testing/btest/Traces/modbus/modbus.pcap"),
    ("cisco/mercury", "test/data/quic_tls_http.pcap"),
    ("cisco/mercury", "test/data/top-https.pcap"),
}
# nmap's first-generation OS-detection probes (options W10,N,M265,T,E; nmap's osscan
# documentation): Satori files some under the OS that was probed; they are nmap's SYNs.
NMAP_PROBE_OPTIONS = "W10,N,M265,T,E"

# Test traces that scripts wrote rather than a stack sent (their SYNs are hand-built).
GENERATED = re.compile(r"synthetic|fuzz|crafted|generated|scapy", re.I)
# A client contributes at most this many distinct SYN shapes (a scanner randomises its TTL).
MAX_SHAPES_PER_CLIENT = 10
# Loopback MTUs: a network sensor never sees these SYNs.
LOOPBACK_MSS = 16000


def ua_family(ua):
    """The OS a User-Agent names, or None for one that names none (libraries, bots)."""
    u = ua.lower()
    if re.search(r"bot\b|bot/|crawl|spider|slurp|curl|wget|python|java/|go-http|libwww|okhttp|scan", u):
        return None
    if "android" in u or "dalvik" in u:
        return "ANDROID"
    if re.search(r"\bcros\b", u):
        return "CHROMEOS"
    if re.search(r"iphone|ipad|ipod|cfnetwork|darwin/|mac os x|macintosh|\bios\b", u):
        return "MACOS_IOS"
    if re.search(r"windows|win64|win32|msie|trident|microsoft", u):
        return "WINDOWS"
    if re.search(r"linux|ubuntu|x11|fedora|debian", u):
        return "LINUX"
    return None


def dhcp_family(vendor_class):
    v = vendor_class.lower()
    if v.startswith("msft"):
        return "WINDOWS"
    if v.startswith("android"):
        return "ANDROID"
    if "linux" in v:
        return "LINUX"
    return None


def git_dir(mirrors, repo):
    base = os.path.join(mirrors, repo.replace("/", "+"))
    return os.path.join(base, "repo") if os.path.isdir(os.path.join(base, "repo")) else base


def git(gdir, *args, binary=False):
    r = subprocess.run(["git", "-C", gdir, *args], capture_output=True, check=True)
    return r.stdout if binary else r.stdout.decode("utf-8", "replace")


def pcap_reader(data):
    for cls in (dpkt.pcap.Reader, dpkt.pcapng.Reader):
        try:
            r = cls(io.BytesIO(data))
            return r.datalink(), r
        except Exception:
            continue
    return None, None


def ip_layer(datalink, buf):
    try:
        if datalink == 1:
            p = dpkt.ethernet.Ethernet(buf).data
        elif datalink in (101, 12, 14):
            p = dpkt.ip.IP(buf) if buf[0] >> 4 == 4 else dpkt.ip6.IP6(buf)
        elif datalink == 228:
            p = dpkt.ip.IP(buf)
        elif datalink == 229:
            p = dpkt.ip6.IP6(buf)
        elif datalink == 113:
            p = dpkt.sll.SLL(buf).data
        elif datalink == 276:
            p = dpkt.sll2.SLL2(buf).data
        elif datalink in (0, 108):
            p = dpkt.loopback.Loopback(buf).data
        else:
            return None
    except Exception:
        return None
    return p if isinstance(p, (dpkt.ip.IP, dpkt.ip6.IP6)) else None


UA = re.compile(rb"\r\nUser-Agent:[ \t]*([^\r\n]*)", re.I)
# Evidence in the capture itself that the host's User-Agent does not describe the stack that sent
# the SYN; such rows go to the split "ua-contradicted" (reported apart, and in the overall figures).
PROXY_HEADER = re.compile(rb"\r\n(X-Forwarded-For|Via|Forwarded):", re.I)
# The fixed User-Agent of Android's captive-portal probe (AOSP NetworkMonitor), which claims a
# desktop Linux Chrome 60 whatever the device.
ANDROID_PROBE_UA = b"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.32 Safari/537.36"
CONTRADICTIONS = {
    "proxy": "the request carries a proxy header (X-Forwarded-For/Via/Forwarded): the SYN is the proxy's",
    "android-probe": "Android's captive-portal probe: AOSP's fixed desktop-Linux User-Agent sent to /generate_204",
}
HTTP_METHODS = (b"GET ", b"POST", b"HEAD", b"PUT ", b"OPTI", b"CONN", b"DELE", b"PATC")


def read_capture(data):
    """SYNs (no ACK) with the User-Agents and DHCP vendor classes of each sending address, and the
    evidence (CONTRADICTIONS keys) that an address's User-Agent does not describe its stack."""
    datalink, r = pcap_reader(data)
    syns, uas, vendor = [], collections.defaultdict(set), collections.defaultdict(set)
    contradicted = collections.defaultdict(set)
    if r is None:
        return syns, uas, vendor, contradicted
    try:
        for ts, buf in r:
            ip = ip_layer(datalink, buf)
            if ip is None:
                continue
            v6 = isinstance(ip, dpkt.ip6.IP6)
            fam = socket.AF_INET6 if v6 else socket.AF_INET
            t = ip.data
            if isinstance(t, dpkt.udp.UDP) and t.dport == 67 and not v6:
                try:
                    d = dpkt.dhcp.DHCP(bytes(t.data))
                    opts = dict(d.opts)
                    vc = opts.get(60, b"").decode("latin1")
                    who = socket.inet_ntoa(opts[50]) if 50 in opts else (
                        socket.inet_ntoa(d.ciaddr.to_bytes(4, "big")) if d.ciaddr else None)
                    if vc and who:
                        vendor[who].add(vc)
                except Exception:
                    pass
                continue
            if not isinstance(t, dpkt.tcp.TCP):
                continue
            src = socket.inet_ntop(fam, ip.src)
            if t.flags & dpkt.tcp.TH_SYN and not t.flags & dpkt.tcp.TH_ACK:
                mss, scale = 0, 0
                try:
                    for kind, value in dpkt.tcp.parse_opts(t.opts):
                        if kind == 2 and len(value) == 2:
                            mss = int.from_bytes(value, "big")
                        elif kind == 3 and len(value) == 1:
                            scale = value[0]
                except Exception:
                    pass
                syns.append(dict(ts=round(float(ts), 6), src=src, sport=t.sport, ttl=ip.hlim if v6 else ip.ttl,
                                 win=t.win, scale=min(scale, 14), mss=mss))
            elif bytes(t.data[:4]) in HTTP_METHODS:
                payload = bytes(t.data)
                m = UA.search(payload)
                if m:
                    uas[src].add(m.group(1).decode("latin1").strip())
                    first_line = payload.split(b"\r\n", 1)[0]
                    if m.group(1).strip() == ANDROID_PROBE_UA and re.search(rb"/generate_?204", first_line):
                        contradicted[src].add("android-probe")
                if PROXY_HEADER.search(payload.split(b"\r\n\r\n", 1)[0]):
                    contradicted[src].add("proxy")
    except Exception:
        pass  # a truncated capture keeps the packets read so far
    return syns, uas, vendor, contradicted


def host_label(src, uas, vendor):
    """(family, evidence) when every OS-naming hint of the host agrees, else None."""
    hints = {}
    for ua in sorted(uas.get(src, ())):
        f = ua_family(ua)
        if f:
            hints.setdefault(f, "UA " + ua)
    for vc in sorted(vendor.get(src, ())):
        f = dhcp_family(vc)
        if f:
            hints.setdefault(f, "DHCP vendor class " + vc)
    return next(iter(hints.items())) if len(hints) == 1 else None


class Rows:
    """Collects rows, one per distinct SYN shape of a client, deduplicating captures that several
    test suites share (the same packet has the same address, port and time stamp)."""

    def __init__(self):
        self.rows, self.seen_packets, self.shapes = [], set(), collections.defaultdict(set)

    def add(self, client, packet_key, ttl, win, scale, mss, family, split, source, basis, evidence):
        if packet_key is not None:
            if packet_key in self.seen_packets:
                return
            self.seen_packets.add(packet_key)
        shape = (ttl, win, scale, mss)
        shapes = self.shapes[client]
        if shape in shapes or len(shapes) >= MAX_SHAPES_PER_CLIENT:
            return
        shapes.add(shape)
        self.rows.append(dict(ttl=ttl, win=win, scale=scale, mss=mss, family=family, split=split, source=source,
                              basis=basis, evidence=evidence[:120]))


def pcap_rows(rows, mirrors):
    for repo, commit, licence, split in PCAP_SOURCES:
        gdir = git_dir(mirrors, repo)
        tree = git(gdir, "ls-tree", "-r", commit)
        paths = {line.split("\t", 1)[1] for line in tree.splitlines()}
        for line in tree.splitlines():
            meta, path = line.split("\t", 1)
            if not re.search(r"\.(pcap|pcapng|cap)(\.gz)?$", path, re.I):
                continue
            if (repo, path) in ABSENT or GENERATED.search(path) or re.sub(r"\.(pcap|pcapng|cap)$", ".py", path) in paths:
                continue
            scan_tool = next((tool for r, p, tool in SCAN_CAPTURES if r == repo and p == path), None)
            try:
                data = git(gdir, "cat-file", "blob", meta.split()[2], binary=True)
            except subprocess.CalledProcessError:
                print("skipped (blob not in this clone):", repo, path, file=sys.stderr)
                continue
            if path.endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except OSError:
                    continue
            syns, uas, vendor, contradicted = read_capture(data)
            for s in syns:
                client = (repo, path, s["src"])
                key = (s["src"], s["sport"], s["ts"])
                source = f"{repo}@{commit[:12]}:{path}"
                if scan_tool:
                    rows.add(client, key, s["ttl"], s["win"], s["scale"], s["mss"], "SCANNER", split, source,
                             "documented scan capture", scan_tool)
                    continue
                label = host_label(s["src"], uas, vendor)
                # Every OS stack puts an MSS option in its SYN; option-less SYNs in these suites
                # are test packets written by hand. Loopback SYNs never reach a sensor.
                if label is None or s["mss"] == 0 or s["mss"] >= LOOPBACK_MSS:
                    continue
                basis = "same host's " + label[1].split(" ")[0]
                why = sorted(contradicted.get(s["src"], ())) if label[1].startswith("UA ") else []
                if why:
                    rows.add(client, key, s["ttl"], s["win"], s["scale"], s["mss"], label[0], "ua-contradicted", source,
                             basis + "; contradicted: " + "; ".join(CONTRADICTIONS[w] for w in why), label[1])
                    continue
                rows.add(client, key, s["ttl"], s["win"], s["scale"], s["mss"], label[0], split, source, basis, label[1])


def lab_rows(rows):
    for name, tool in LAB_SCANS:
        with open(os.path.join(HERE, name), "rb") as f:
            syns, _, _, _ = read_capture(f.read())
        for s in syns:
            rows.add(("lab", name), (name, s["sport"], s["ts"]), s["ttl"], s["win"], s["scale"], s["mss"],
                     "SCANNER", "held-out", "lab capture " + name, "tool that sent it", tool)


ZARDAXT_OS = {"Windows": "WINDOWS", "Android": "ANDROID", "Linux": "LINUX", "macOS": "MACOS_IOS", "iOS": "MACOS_IOS",
              "Chrome OS": "CHROMEOS"}


def zardaxt_rows(rows, mirrors):
    repo, commit, licence, split = ZARDAXT
    data = json.loads(git(git_dir(mirrors, repo), "show", commit + ":database/databaseNew.json"))
    for i, e in enumerate(data):
        family = ZARDAXT_OS.get((e.get("os") or {}).get("name"))
        if family is None or "ip_ttl" not in e:
            continue
        opts = e.get("tcp_options", "")
        scale = re.search(r"W(\d+)", opts)
        rows.add((repo, i), None, e["ip_ttl"], e["tcp_window_size"], int(scale.group(1)) if scale else 0,
                 e.get("tcp_mss") or 0, family, split, f"{repo}@{commit[:12]}:database/databaseNew.json#{i}",
                 "browser's navigator.userAgent", "UA " + e.get("navigatorUserAgent", ""))


def satori_family(name, os_class):
    n, c = name.lower(), os_class.lower()
    if c == "windows":
        return "WINDOWS"
    if c == "android":
        return "ANDROID"
    if c in ("ios", "mac os") or n.startswith(("mac os", "ios", "apple tv os")):
        return "MACOS_IOS"
    if c == "linux":
        return "LINUX"
    if c == "freebsd":
        return "FREEBSD"
    if c == "openbsd":
        return "OPENBSD"
    return None


def satori_rows(rows, mirrors):
    repo, commit, licence, split = SATORI
    xml = git(git_dir(mirrors, repo), "show", commit + ":fingerprints/tcp.xml")
    for m in re.finditer(r'<fingerprint name="([^"]*)" os_name="[^"]*" os_class="([^"]*)".*?</fingerprint>', xml, re.S):
        family = satori_family(m.group(1), m.group(2))
        if family is None:
            continue
        for sig in re.findall(r'tcpflag="S" tcpsig="([^"]*)"', m.group(0)):
            win, ttl, _df, _size, opts, _quirks = (sig.split(":") + [""] * 6)[:6]
            mss = re.search(r"M(\d+)", opts)
            scale = re.search(r"W(\d+)", opts)
            if not win.isdigit() or not ttl.isdigit() or not mss or opts == NMAP_PROBE_OPTIONS:
                continue
            rows.add((repo, m.group(1), sig), None, int(ttl), int(win), int(scale.group(1)) if scale else 0,
                     int(mss.group(1)), family, split, f"{repo}@{commit[:12]}:fingerprints/tcp.xml {m.group(1)}",
                     "database signature", sig)


# The demo ships inside the application, so it takes only captures under licences that need no
# more than a notice (not the GPL-2.0 rows of zardaxt, Satori and scapy).
DEMO_LICENCES = {"LGPL-3.0", "Apache-2.0", "MIT", "BSD-3-Clause", "BSD-2-Clause", "Unlicense"}
DEMO_FAMILIES = {"WINDOWS", "LINUX", "ANDROID", "MACOS_IOS"}


def write_demo_pool(rows, path):
    licence = {repo: lic for repo, _, lic, _ in PCAP_SOURCES}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ttl", "win", "scale", "mss", "family", "source"])
        for r in rows:
            repo = r["source"].split("@")[0]
            if r["family"] in DEMO_FAMILIES and licence.get(repo) in DEMO_LICENCES:
                w.writerow([r["ttl"], r["win"], r["scale"], r["mss"], r["family"], r["source"].split(":", 1)[0]])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirrors", required=True, help="folder with one clone per source, named OWNER+NAME")
    ap.add_argument("--out", required=True)
    ap.add_argument("--demo-pool", help="also write the client SYNs of permissively licensed captures, for the demo")
    args = ap.parse_args()
    rows = Rows()
    pcap_rows(rows, args.mirrors)
    lab_rows(rows)
    zardaxt_rows(rows, args.mirrors)
    satori_rows(rows, args.mirrors)
    fields = ["ttl", "win", "scale", "mss", "family", "split", "source", "basis", "evidence"]
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in rows.rows:
            w.writerow(r)
    if args.demo_pool:
        write_demo_pool(rows.rows, args.demo_pool)
    counts = collections.Counter((r["split"], r["family"]) for r in rows.rows)
    for k in sorted(counts):
        print(*k, counts[k], file=sys.stderr)
    print(len(rows.rows), "rows", file=sys.stderr)


if __name__ == "__main__":
    main()
