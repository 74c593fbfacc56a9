#!/usr/bin/env python3
# tests/import/move-note.py - writes a copy of girc's own HTML page with
# table 3's note cell (本列数据的勾稽关系为…) taken out of the table and
# written as a paragraph on the line right after the table ("after", as
# 注：….) or right before it ("before", in its parentheses): a table note
# outside its table, which import_web.sh expects to be the table's (N1063)
# and never the part's prose.  Usage: move-note.py IN after|before OUT
import re
import sys


def main():
    src, where, out = sys.argv[1], sys.argv[2], sys.argv[3]
    text = open(src, encoding="utf-8").read()
    cell = re.search(r'<td class="gir-note"([^>]*)>（([^<]*)）</td>', text)
    if not cell:
        sys.exit("move-note.py: no note cell")
    note = cell.group(2)
    text = text[:cell.start()] + "<td%s></td>" % cell.group(1) + text[cell.end():]
    if where == "after":
        end = text.index("</table>", cell.start()) + len("</table>")
        text = text[:end] + "\n<p>注：%s。</p>" % note + text[end:]
    else:
        start = text.rindex("<table", 0, cell.start())
        text = text[:start] + "<p>（%s）</p>\n" % note + text[start:]
    open(out, "w", encoding="utf-8").write(text)


main()
