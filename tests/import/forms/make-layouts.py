#!/usr/bin/env python3
# make-layouts.py - PDFs laid out the ways agencies' reports come out of
# their tools, made from the corpus pages so that each must import to the
# same cells as the page it came from (tests/suites/import_pdf.sh counts
# them against tests/import/golden/NAME.html.gir). Each variant is the page
# with a style sheet added (and, for thead, the big table's three header
# rows moved into a <thead>), printed by headless Chromium:
#   layout-pdf/NAME.landscape.pdf   A4 landscape pages
#   layout-pdf/NAME.thead-a5.pdf    A5 pages: table 3 runs over several pages,
#                                   its header rows repeated on each one
#   layout-pdf/NAME.thead-a6.pdf    A6 pages (105 x 148 mm), the same: Chromium
#                                   shrinks the page to fit the table, so the
#                                   cells are as narrow as on A5 at 3/4 the size
#                                   (pingtan-2019's table is cut off at the
#                                   page's right edge there: not a form)
#   layout-pdf/NAME.thead-a4.pdf    A4, 13 pt text: the same, with cells of
#                                   a usual width
#   layout-pdf/NAME.norules-a5.pdf  A5 pages, no borders at all: tables split
#                                   over pages with no ruling lines
#   layout-pdf/NAME.wide-a4.pdf     A4, wide cell padding and 9 pt text
#                                   (Word-like loose cells, small type)
#   layout-pdf/NAME.norules-a4.pdf  A4 pages, no borders (cells of a usual width)
#   layout-pdf/NAME.norules-centre.pdf  A5 pages, no borders, every cell
#                                   centred both ways, 5 pt side margins
#                                   (a WPS "no border" table: 0.19 cm)
#   layout-pdf/NAME.norules-pad0.pdf  A5, no borders, cells centred, no
#                                   padding at all (a label and its value
#                                   set closer than a character)
#   layout-pdf/NAME.norules-a6.pdf  A6 (105 x 148 mm), no borders
#   layout-pdf/NAME.norules-b5.pdf  B5 (176 x 250 mm), no borders, 10 pt text,
#                                   cells left-aligned with 2 pt padding
# Usage: python3 tests/import/forms/make-layouts.py [NAME[:VARIANT,...] ...]
# (default: every variant of pingtan-2021; of pingtan-2023 the thead-a4
# variant, whose big table repeats its header on four pages, and
# norules-centre; of pingtan-2019, the older template's table, thead-a5 and
# norules-centre; about 0.5-1 MB each, the CJK fonts embedded; Debian:
# chromium). LAYOUT_OUT=DIR writes into DIR instead of layout-pdf/ (to try
# a variant before committing it). An output is written only when complete.
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SRC = os.path.join(ROOT, "tests", "import", "corpus")
OUT = os.environ.get("LAYOUT_OUT") or os.path.join(ROOT, "tests", "import", "forms", "layout-pdf")

VARIANTS = {
    "landscape": ("@page { size: A4 landscape; margin: 2cm; }", False),
    "thead-a5": ("@page { size: A5; margin: 1.5cm; } table { page-break-inside: auto; } tr { page-break-inside: avoid; }", True),
    "thead-a6": ("@page { size: 105mm 148mm; margin: 1cm; } table { page-break-inside: auto; } tr { page-break-inside: avoid; }", True),
    "thead-a4": ("@page { size: A4; margin: 2cm; } body, td, th { font-size: 13pt !important; } tr { page-break-inside: avoid; }", True),
    "norules-a5": ("@page { size: A5; margin: 1.5cm; } table, tr, td, th { border: none !important; }", False),
    "wide-a4": ("@page { size: A4; margin: 2.5cm; } body, td, th { font-size: 9pt !important; } td, th { padding: 6pt 10pt !important; }", False),
    # unruled tables on other pages than norules-a5 (pdftable.c's x-gap path)
    "norules-a4": ("@page { size: A4; margin: 2cm; } table, tr, td, th { border: none !important; }", False),
    "norules-centre": ("@page { size: A5; margin: 1.2cm; } table, tr, td, th { border: none !important; }"
                       " td, th { text-align: center !important; vertical-align: middle !important; padding: 1pt 5pt !important; }", False),
    "norules-pad0": ("@page { size: A5; margin: 1.2cm; } table, tr, td, th { border: none !important; border-spacing: 0 !important; }"
                     " td, th { text-align: center !important; vertical-align: middle !important; padding: 0 !important; }", False),
    "norules-a6": ("@page { size: 105mm 148mm; margin: 1cm; } table, tr, td, th { border: none !important; }", False),
    "norules-b5": ("@page { size: 176mm 250mm; margin: 2cm; } body, td, th { font-size: 10pt !important; }"
                   " table, tr, td, th { border: none !important; } td, th { text-align: left !important; padding: 2pt !important; }", False),
}


def add_style(html, css):
    # images (logos, QR codes) hold no cells and would only make the files big
    tag = "<style>img { display: none !important; } " + css + "</style>"
    m = re.search(r"</head\s*>", html, re.I)
    if m:
        return html[:m.start()] + tag + html[m.start():]
    return tag + html


def header_rows(html, table_index=1, rows=3):
    """Moves the first `rows` rows of table `table_index` into a <thead>."""
    tables = [m.start() for m in re.finditer(r"<table\b", html, re.I)]
    if len(tables) <= table_index:
        return html
    at = tables[table_index]
    open_end = html.index(">", at) + 1
    trs = list(re.finditer(r"<tr\b.*?</tr\s*>", html[open_end:], re.I | re.S))[:rows]
    if len(trs) < rows:
        return html
    b, e = open_end + trs[0].start(), open_end + trs[-1].end()
    head = "<thead>" + html[b:e] + "</thead>"
    rest = html[:b] + html[e:]
    return rest[:open_end] + head + rest[open_end:]


def border_attrs(html):
    return re.sub(r'\sborder="[^"]*"', "", html)


def print_pdf(chromium, tmp, url, out):
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + os.path.join(tmp, "profile"), "--no-pdf-header-footer",
           "--print-to-pdf=" + out, url]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
    return os.path.exists(out) and os.path.getsize(out) > 0


def main(names):
    chromium = shutil.which("chromium")
    if not chromium:
        print("make-layouts.py: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    os.makedirs(OUT, exist_ok=True)
    fail = 0
    with tempfile.TemporaryDirectory() as tmp:
        for job in names:
            name, _, only = job.partition(":")
            with open(os.path.join(SRC, name + ".html"), encoding="utf-8") as f:
                page = f.read()
            for variant, (css, thead) in VARIANTS.items():
                if only and variant not in only.split(","):
                    continue
                html = header_rows(page) if thead else page
                if variant.startswith("norules"):
                    html = border_attrs(html)
                src = os.path.join(tmp, "%s.%s.html" % (name, variant))
                with open(src, "w", encoding="utf-8") as f:
                    f.write(add_style(html, css))
                tmp_pdf = os.path.join(tmp, "out.pdf")
                dest = os.path.join(OUT, "%s.%s.pdf" % (name, variant))
                if print_pdf(chromium, tmp, "file://" + src, tmp_pdf):
                    shutil.move(tmp_pdf, dest)
                    print("wrote " + os.path.relpath(dest, ROOT))
                else:
                    print("make-layouts.py: no output for " + dest, file=sys.stderr)
                    fail = 1
    return fail


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["pingtan-2021", "pingtan-2023:thead-a4,norules-centre",
                                   "pingtan-2019:thead-a5,norules-centre"]))
