#!/usr/bin/env python3
# tools/lsp-bench.py - the language server's latency, for tools/bench.sh
# (make bench; never a test): a scripted client opens FILE in `girc lsp`
# and makes EDITS keystroke edits (one digit of a table value changed
# through an incremental didChange, alternately to another digit and
# back), timing each from the write of didChange to the arrival of the
# publishDiagnostics of that version. Prints one line:
#   NAME<TAB>bytes<TAB>p50 ms<TAB>p99 ms<TAB>max ms
# Usage: tools/lsp-bench.py GIRC FILE [EDITS] [NAME]
import json
import os
import re
import subprocess
import sys
import time


def send(p, obj):
    body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()


def recv(p):
    n = None
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit("lsp-bench: the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n))


def wait_diags(p, uri, version):
    while True:
        m = recv(p)
        if m.get("method") == "textDocument/publishDiagnostics":
            prm = m.get("params", {})
            if prm.get("uri") == uri and prm.get("version", version) == version:
                return m


def edit_point(text):
    """(line, utf-16 column, digit) of the first table value digit."""
    lines = text.split("\n")
    in_table = False
    for i, l in enumerate(lines):
        if l.startswith("table ") and "{" in l and "}" not in l:
            in_table = True
            continue
        if in_table and l.startswith("}"):
            in_table = False
        if in_table:
            m = re.search(r"\s(\d)", l)
            if m:
                col = len(l[: m.start(1)].encode("utf-16-le")) // 2
                return i, col, m.group(1)
    raise SystemExit("lsp-bench: no table value to edit")


def main():
    girc, path = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    name = sys.argv[4] if len(sys.argv) > 4 else os.path.basename(path)
    text = open(path, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(path)
    p = subprocess.Popen([girc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    send(p, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    while recv(p).get("id") != 1:
        pass
    send(p, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send(p, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": {"textDocument": {"uri": uri, "languageId": "gir", "version": 1, "text": text}}})
    wait_diags(p, uri, 1)
    line, col, digit = edit_point(text)
    other = "7" if digit != "7" else "8"
    times = []
    for k in range(edits):
        v = k + 2
        new = other if k % 2 == 0 else digit
        change = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}},
                  "text": new}
        t0 = time.perf_counter()
        send(p, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}})
        wait_diags(p, uri, v)
        times.append((time.perf_counter() - t0) * 1000.0)
    send(p, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    while recv(p).get("id") != 2:
        pass
    send(p, {"jsonrpc": "2.0", "method": "exit", "params": None})
    p.wait(timeout=10)
    times.sort()
    q = lambda f: times[min(len(times) - 1, int(f * len(times)))]
    print("%s\t%d\t%.3f\t%.3f\t%.3f" % (name, len(text.encode("utf-8")), q(0.50), q(0.99), times[-1]))


main()
