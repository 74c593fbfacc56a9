#!/usr/bin/env python3
# tests/fuzz/mkpdfseed.py PDF OUT [MAXPAGES] - a seed for fuzz_pdf.c: the
# words of PDF as pdftotext -bbox gives them, each word's box shared
# evenly among its characters, written in the harness's 8-byte records
# (see the comment at the top of fuzz_pdf.c; the code point table is read
# from it, so it is declared once). Latin letters outside the table
# become 'a'; one page record per page.
import re, sys, subprocess, html

here = sys.argv[0].rsplit("/", 1)[0] or "."
src = open(here + "/fuzz_pdf.c", encoding="utf-8").read()
body = re.search(r"cps\[\] = \{(.*?)\};", src, re.S).group(1)
body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
cps = [ord(c) if c else int(h, 16) for c, h in re.findall(r"'(.)'|0x([0-9A-Fa-f]+)", body)]
index = {}
for i, cp in enumerate(cps):
    index.setdefault(cp, i)

def u16(v):
    v = max(0, min(65535, int(round(v * 8))))
    return bytes([v >> 8, v & 255])

def record_char(cp, x0, y0, x1, y1):
    w = max(0, min(255, int(round((x1 - x0 - 0.5) * 8))))
    if cp in index:
        h = max(0, min(255, int(round((y1 - y0 - 0.5) * 8))))
        return bytes([index[cp]]) + u16(x0) + u16(y0) + bytes([w, h, 0])
    if 0xFF00 <= cp <= 0xFFFF:
        return bytes([0]) + u16(x0) + u16(y0) + bytes([w, cp & 255, 0xFF])
    if 0x3001 <= cp < 0x3001 + 0x7F00:
        k = cp - 0x3001
        return bytes([0]) + u16(x0) + u16(y0) + bytes([w, k & 255, 0x80 | (k >> 8)])
    return bytes([index[ord("a")]]) + u16(x0) + u16(y0) + bytes([w, max(0, min(255, int((y1 - y0) * 8))), 0])

pdf, out = sys.argv[1], sys.argv[2]
maxpages = int(sys.argv[3]) if len(sys.argv) > 3 else 3
xml = subprocess.run(["pdftotext", "-bbox", "-l", str(maxpages), pdf, "-"], capture_output=True, text=True).stdout
recs = b""
for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', xml):
    if m.group(1):
        recs += bytes([0xFF]) + u16(float(m.group(1))) + u16(float(m.group(2))) + bytes(3)
        continue
    x0, y0, x1, y1 = (float(m.group(k)) for k in range(3, 7))
    word = html.unescape(m.group(7))
    n = len(word)
    for i, ch in enumerate(word):
        a = x0 + (x1 - x0) * i / n
        recs += record_char(ord(ch), a, y0, a + (x1 - x0) / n, y1)
open(out, "wb").write(recs)
