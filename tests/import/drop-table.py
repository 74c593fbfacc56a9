#!/usr/bin/env python3
# tests/import/drop-table.py - writes a copy of a report with its Nth table
# (1-based, in document order: girc's own documents have three, one
# for each of parts 二, 三 and 四) removed: the Nth w:tbl of a .docx's
# word/document.xml (every other part of the zip copied as it is), or the
# Nth <table>…</table> of an HTML page. Used by import_docx.sh and
# import_web.sh to make "a part whose table is gone" (W1010) from girc's
# own .docx and HTML.  Usage: drop-table.py IN N OUT
import sys
import zipfile


def drop(text, n, open_tag, close_tag):
    """text without its nth top-level open_tag…close_tag element."""
    at = -1
    for _ in range(n):
        at = text.find(open_tag, at + 1)
        while at >= 0 and text[at + len(open_tag)] not in " >":
            at = text.find(open_tag, at + 1)
        if at < 0:
            sys.exit("drop-table.py: fewer than %d tables" % n)
        if _ < n - 1:
            at = text.find(close_tag, at) + len(close_tag) - 1
    end = text.find(close_tag, at)
    if end < 0:
        sys.exit("drop-table.py: table %d not closed" % n)
    return text[:at] + text[end + len(close_tag):]


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if zipfile.is_zipfile(src):
        z = zipfile.ZipFile(src)
        doc = drop(z.read("word/document.xml").decode(), n, "<w:tbl", "</w:tbl>")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
            for i in z.infolist():
                data = z.read(i.filename)
                if i.filename == "word/document.xml":
                    data = doc.encode()
                o.writestr(i, data)
        return
    with open(src, encoding="utf-8") as f:
        text = f.read()
    with open(out, "w", encoding="utf-8") as f:
        f.write(drop(text, n, "<table", "</table>"))


main()
