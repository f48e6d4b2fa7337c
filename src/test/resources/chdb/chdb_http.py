#!/usr/bin/env python3
"""Test-only adapter: the ClickHouse engine of chDB behind the part of ClickHouse's HTTP
interface that clickhouse-jdbc 0.9.x (client-v2) uses. Loopback only; never a production path.

Usage: chdb_http.py --data DIR [--port 0] [--password PW] [--timezone TZ] [--log FILE] [--ttl SECONDS]

Prints "LISTENING <port>" on stdout once ready. Stops itself when its standard input closes
(the JVM that started it is gone), after --ttl seconds, or on POST /__shutdown.
Control endpoints for tests: /__refuse?on=1 makes every query fail as a dropped link (the
connection is closed without an answer); /__kills lists the query ids named by KILL QUERY.
"""
import argparse
import base64
import gzip
import json
import os
import re
import sys
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import chdb
from chdb import session as chs

ARGS = None
SESSION = None
LOCK = threading.Lock()
LOG = None
STATE = {"refuse": False, "kills": [], "queries": 0}
VERSION = None

FORMAT_RE = re.compile(r"\bFORMAT\s+([A-Za-z0-9_]+)\s*;?\s*$", re.IGNORECASE)
KILL_RE = re.compile(r"^\s*KILL\s+QUERY\b.*query_id\s*=\s*'([^']*)'", re.IGNORECASE | re.DOTALL)
CODE_RE = re.compile(r"Code:\s*(\d+)")


def log(msg):
    if LOG:
        with LOCK_LOG:
            LOG.write(time.strftime("%H:%M:%S ") + msg + "\n")
            LOG.flush()


LOCK_LOG = threading.Lock()


def run(sql, fmt, params=None):
    with LOCK:
        STATE["queries"] += 1
        res = SESSION.query(sql, fmt, params=params or None)
        return res.bytes(), res.rows_read() if hasattr(res, "rows_read") else 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet stderr; our own log has the details
        pass

    def read_body(self):
        te = self.headers.get("Transfer-Encoding", "")
        if "chunked" in te.lower():
            chunks = []
            while True:
                line = self.rfile.readline().strip()
                size = int(line.split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            body = b"".join(chunks)
        else:
            n = int(self.headers.get("Content-Length", "0") or 0)
            body = self.rfile.read(n) if n else b""
        enc = self.headers.get("Content-Encoding", "")
        if enc == "gzip":
            body = gzip.decompress(body)
        elif enc:
            raise ValueError("unsupported request Content-Encoding " + enc)
        return body

    def send(self, status, body, headers=None):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, code, message, qid):
        text = "Code: %d. DB::Exception: %s. (version %s)\n" % (code, message, VERSION)
        self.send(status, text.encode(), {
            "Content-Type": "text/plain; charset=UTF-8",
            "X-ClickHouse-Exception-Code": str(code),
            "X-ClickHouse-Query-Id": qid,
            "X-ClickHouse-Server-Display-Name": "chdb-adapter",
            "X-ClickHouse-Timezone": ARGS.timezone,
        })

    def do_GET(self):
        self.handle_any(b"")

    def do_POST(self):
        try:
            body = self.read_body()
        except Exception as e:  # noqa
            self.error(400, 27, "cannot read request: %s" % e, "")
            return
        self.handle_any(body)

    def handle_any(self, body):
        url = urlparse(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if url.path in ("/ping", "/ping/"):
            self.send(200, b"Ok.\n", {"Content-Type": "text/plain"})
            return
        if url.path == "/__shutdown":
            self.send(200, b"bye\n")
            threading.Thread(target=self.server.shutdown, daemon=True).start()
            return
        if url.path == "/__refuse":
            STATE["refuse"] = params.get("on", "1") == "1"
            self.send(200, b"ok\n")
            return
        if url.path == "/__kills":
            self.send(200, json.dumps(STATE["kills"]).encode(), {"Content-Type": "application/json"})
            return
        if STATE["refuse"]:
            log("REFUSE %s" % self.path)
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return
        hdr = {k.lower(): v for k, v in self.headers.items()}
        qid = params.get("query_id") or hdr.get("x-clickhouse-query-id") or str(uuid.uuid4())
        user, password = self.credentials(params, hdr)
        log("REQ %s %s headers=%s body=%r" % (self.command, self.path,
            {k: (v if k not in ("authorization", "x-clickhouse-key") else "***") for k, v in hdr.items()},
            body[:600]))
        if user != "default" or password != ARGS.password:
            self.error(401, 516, "%s: Authentication failed: password is incorrect, or there is no user with such name" % user, qid)
            return
        query = params.get("query", "")
        text = body.decode("utf-8", "replace")
        sql = (query + ("\n" if query and text else "") + text).strip()
        if not sql:
            self.send(200, b"Ok.\n", {"Content-Type": "text/plain"})
            return
        # server-side query parameters {name:Type}: values in escaped text, as ClickHouse reads them
        qparams = {k[len("param_"):]: v for k, v in params.items() if k.startswith("param_")}
        m = KILL_RE.match(sql)
        if m:
            STATE["kills"].append(m.group(1))
            log("KILL %s" % m.group(1))
            return self.answer(b"", "TabSeparated", qid)
        fmt = params.get("default_format") or hdr.get("x-clickhouse-format") or "TabSeparated"
        fm = FORMAT_RE.search(sql)
        if fm:
            fmt = fm.group(1)
            sql = sql[:fm.start()].rstrip()
        db = params.get("database") or hdr.get("x-clickhouse-database")
        prefix = ""
        if db and db != "default":
            prefix = ""  # chDB sessions keep USE state; qualify through USE per request
        try:
            if db:
                run("USE `%s`" % db.replace("`", ""), "TabSeparated")
            out, _ = run(self.with_settings(sql, params), fmt, qparams)
        except Exception as e:  # noqa
            msg = str(e)
            m = CODE_RE.search(msg)
            code = int(m.group(1)) if m else 1002
            msg = re.sub(r"^.*?DB::Exception:\s*", "", msg).strip()
            log("ERR %s -> %s" % (sql[:200], msg[:300]))
            self.error(500 if code not in (60, 62, 81) else 404 if code in (60, 81) else 400, code, msg, qid)
            return
        self.answer(out, fmt, qid)

    def with_settings(self, sql, params):
        # the settings the driver sends as URL parameters and that change results
        s = []
        if "max_execution_time" in params:
            s.append("max_execution_time=%d" % int(float(params["max_execution_time"])))
        if ARGS.timezone != "UTC":
            s.append("session_timezone='%s'" % ARGS.timezone)
        if not s or not re.match(r"^\s*(SELECT|WITH)\b", sql, re.IGNORECASE) or re.search(r"\bSETTINGS\b", sql, re.IGNORECASE):
            return sql
        return sql + " SETTINGS " + ", ".join(s)

    def credentials(self, params, hdr):
        user = params.get("user") or hdr.get("x-clickhouse-user")
        password = params.get("password") or hdr.get("x-clickhouse-key")
        auth = hdr.get("authorization", "")
        if auth.lower().startswith("basic "):
            u, _, p = base64.b64decode(auth[6:]).decode().partition(":")
            user, password = u, p
        return user or "default", password or ""

    def answer(self, out, fmt, qid):
        summary = {"read_rows": "0", "read_bytes": "0", "written_rows": "0", "written_bytes": "0",
                   "total_rows_to_read": "0", "result_rows": "0", "result_bytes": str(len(out)), "elapsed_ns": "0"}
        self.send(200, out, {
            "Content-Type": "application/octet-stream" if "Binary" in fmt or "Native" in fmt else "text/plain; charset=UTF-8",
            "X-ClickHouse-Format": fmt,
            "X-ClickHouse-Query-Id": qid,
            "X-ClickHouse-Server-Display-Name": "chdb-adapter",
            "X-ClickHouse-Timezone": ARGS.timezone,
            "X-ClickHouse-Summary": json.dumps(summary),
        })


def watch_stdin(server):
    try:
        while sys.stdin.buffer.read(1):
            pass
    except Exception:  # noqa
        pass
    server.shutdown()


def main():
    global ARGS, SESSION, LOG, VERSION
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--password", default="")
    p.add_argument("--timezone", default="UTC")
    p.add_argument("--log")
    p.add_argument("--ttl", type=int, default=1800)
    ARGS = p.parse_args()
    if ARGS.log:
        LOG = open(ARGS.log, "a", buffering=1)
    SESSION = chs.Session(ARGS.data)
    VERSION = SESSION.query("SELECT version()", "TabSeparated").bytes().decode().strip()
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    server.daemon_threads = True
    threading.Thread(target=watch_stdin, args=(server,), daemon=True).start()
    threading.Timer(ARGS.ttl, server.shutdown).start()
    print("LISTENING %d %s" % (server.server_address[1], VERSION), flush=True)
    try:
        server.serve_forever()
    finally:
        try:
            SESSION.close()
        except Exception:  # noqa
            pass
        os._exit(0)


if __name__ == "__main__":
    main()
