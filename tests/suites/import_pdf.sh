#!/bin/sh
# tests/suites/import_pdf.sh - `girc import` of PDF files (import/pdf.c,
# import/pdflayout.c). What it proves:
#  1. A real report PDF (tests/import/pdf/hongze-gov-2024.pdf, made by
#     WPS) imports into a .gir equal byte for byte to its golden
#     (hongze-gov-2024.gir; every cell checked against the PDF's pages),
#     with the diagnostics of hongze-gov-2024.err; --text-layer prints the
#     rebuilt text (hongze-gov-2024.txt), and the diagnostics' line:col
#     point into that text.
#  2. Other forms: every PDF of tests/import/forms/lo-pdf/, docx-pdf/
#     (the .docx forms printed by Writer, as Word would) and
#     chromium-pdf/, and layout-pdf/ (the pages printed landscape, on A5,
#     with header rows repeated over a page break, with no rules, with
#     loose cells: forms/make-layouts.py) imports to at least as many right cells (counted by
#     tests/import/forms/compare.sh against the golden of the HTML or text
#     it was made from) as tests/import/forms/pdf-scores.txt records, so a
#     change that loses cells fails here. Round trips: each examples/*.gir
#     built with -f latex and compiled by xelatex (forms/latex-pdf/) and
#     built with -f html and printed by Chromium (forms/html-pdf/), made
#     by forms/generate.sh, imports back to at least the recorded number
#     of the example's cells (compare.sh --json: the cells of
#     `girc build -f json`; an import whose .gir has errors counts 0).
#     GIRC_UPDATE_GOLDEN=1 rewrites that file and the goldens of 1.
#  3. Hostile PDFs (tests/import/pdf/make-damaged.py): truncated,
#     encrypted, no text layer (an image only), fonts with no Unicode
#     mapping, over the page limit: each gives its one error (E1030,
#     E1031, E1032, E1033, E1034), exit 1, no .gir on standard output, and
#     with -o FILE an existing FILE is left untouched. A page denser
#     than any report's (dense.pdf) stops reading there with W1037.
#  4. Bulk: a directory walk picks up .pdf files.
#  5. poppler is loaded only to read a PDF: build/girc does not need it to
#     start (readelf), and a library that cannot be loaded
#     (GIRC_POPPLER_LIB) is one error E1027, exit 1, nothing written.
# Prints one "ok - NAME" / "not ok - NAME" line per test. No timing.
GIRC=${GIRC:-build/girc}
D=tests/import/pdf
F=tests/import/forms
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-import-pdf.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
imp() { "$GIRC" --color=never --lang=zh import "$@"; }

# ---- 1: the real report ----
imp "$D/hongze-gov-2024.pdf" > "$T/h.gir" 2> "$T/h.err"; echo "[exit $?]" >> "$T/h.err"
imp --text-layer "$D/hongze-gov-2024.pdf" > "$T/h.txt" 2> /dev/null
if [ -n "$GIRC_UPDATE_GOLDEN" ]; then
  cp "$T/h.gir" "$D/hongze-gov-2024.gir"; cp "$T/h.err" "$D/hongze-gov-2024.err"; cp "$T/h.txt" "$D/hongze-gov-2024.txt"
  ok "golden hongze-gov-2024 (updated)"
fi
cmp -s "$T/h.gir" "$D/hongze-gov-2024.gir"; check $? "hongze-gov-2024.pdf: .gir equals the golden"
cmp -s "$T/h.err" "$D/hongze-gov-2024.err"; check $? "hongze-gov-2024.pdf: diagnostics equal the golden"
cmp -s "$T/h.txt" "$D/hongze-gov-2024.txt"; check $? "hongze-gov-2024.pdf: --text-layer equals the golden"
# the caret line of a diagnostic is the line of the rebuilt text it names
ln=$(sed -n 's/^[^ ]*\.pdf:\([0-9]*\):[0-9]*: warning\[W1016\].*/\1/p' "$T/h.err" | head -1)
want=$(sed -n "${ln:-0}p" "$T/h.txt")
grep -qF "$want" "$T/h.err" && [ -n "$ln" ]; check $? "hongze-gov-2024.pdf: positions refer to the text layer (line $ln)"
"$GIRC" --color=never check "$D/hongze-gov-2024.gir" > /dev/null 2> "$T/h.check"
! grep -q '\[E0[12][0-9][0-9]\]' "$T/h.check"; check $? "hongze-gov-2024.gir parses"

# ---- 2: PDFs made from the corpus ----
: > "$T/scores"
for f in $F/lo-pdf/*.pdf $F/docx-pdf/*.pdf $F/chromium-pdf/*.pdf $F/layout-pdf/*.pdf; do
  b=$(basename "$f" .pdf)
  # layout-pdf/NAME.VARIANT.pdf is NAME.html laid out otherwise (make-layouts.py)
  case $b in *.txt) g=tests/import/golden/$b.gir ;; *) g=tests/import/golden/${b%%.*}.html.gir ;; esac
  imp "$f" > "$T/o.gir" 2> /dev/null
  sh $F/compare.sh "$g" "$T/o.gir" "$(basename "$(dirname "$f")")/$b" >> "$T/scores"
done
# round trips: the examples built to LaTeX (xelatex) and to HTML (printed
# by Chromium), against the cells of the example itself
for f in $F/latex-pdf/*.pdf $F/html-pdf/*.pdf; do
  b=$(basename "$f" .pdf)
  imp "$f" > "$T/o.gir" 2> /dev/null
  GIRC=$GIRC sh $F/compare.sh --json "examples/$b.gir" "$T/o.gir" "$(basename "$(dirname "$f")")/$b" >> "$T/scores"
done
if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$T/scores" $F/pdf-scores.txt; ok "pdf-scores.txt (updated)"; fi
while read -r name right total; do
  got=$(awk -v n="$name" '$1 == n { print $2 }' "$T/scores")
  [ -n "$got" ] && [ "$got" -ge "$right" ]; check $? "$name: ${got:-?}/$total cells right (recorded $right)"
done < $F/pdf-scores.txt

# ---- 3: hostile PDFs ----
for c in truncated:E1030 encrypted:E1031 no-text:E1032 no-unicode:E1033 many-pages:E1034; do
  n=${c%%:*}; code=${c#*:}
  imp "$D/$n.pdf" > "$T/d.gir" 2> "$T/d.err"; st=$?
  [ $st -eq 1 ] && [ ! -s "$T/d.gir" ] && grep -qF "error[$code]" "$T/d.err" && [ "$(grep -c 'error\[' "$T/d.err")" -eq 1 ]
  check $? "$n.pdf: one error $code, exit 1, nothing on standard output"
  echo keep > "$T/keep.gir"
  imp "$D/$n.pdf" -o "$T/keep.gir" 2> /dev/null; st=$?
  [ $st -eq 1 ] && [ "$(cat "$T/keep.gir")" = keep ]; check $? "$n.pdf -o FILE: exit 1, FILE untouched"
done

# a page over the limit of one page (PDF_MAX_PAGE_CHARS): reading stops
# there with W1037, the pages before it are read
imp --text-layer "$D/dense.pdf" > "$T/d.txt" 2> "$T/d.err"
grep -q 'warning\[W1037\].*第 2 页' "$T/d.err" && grep -qF 'Item | A | B | Total |' "$T/d.txt" && ! grep -q x1x1 "$T/d.txt"
check $? "dense.pdf: W1037 names page 2, page 1 is read, page 2 is not"

# ---- 5: poppler loaded when a PDF is read ----
if command -v readelf > /dev/null 2>&1 && [ -f "$GIRC" ]; then
  ! readelf -d "$GIRC" | grep -q 'NEEDED.*poppler'; check $? "girc starts without poppler (no NEEDED entry: loaded on the first PDF)"
fi
echo keep > "$T/keep.gir"
GIRC_POPPLER_LIB=/nonexistent/libpoppler-glib.so imp "$D/hongze-gov-2024.pdf" -o "$T/keep.gir" 2> "$T/d.err"; st=$?
[ $st -eq 1 ] && [ "$(cat "$T/keep.gir")" = keep ] && grep -qF 'error[E1027]' "$T/d.err" && grep -qF 'libpoppler-glib8' "$T/d.err"
check $? "a poppler that cannot be loaded: one error E1027 naming the package, exit 1, FILE untouched"

# ---- 3 (cont.): layout, on a small positioned table ----
printf 'Item | A | B | Total |\nfirst | 1 | 2 | 3 |\nsecond row | 40 | 5 | 45 |\nwrapped label | 6 | 0 | 6 |\n' > "$T/table.want"
imp --text-layer "$D/table.pdf" > "$T/table.got" 2> /dev/null; st=$?
[ $st -le 1 ]; check $? "table.pdf (fonts not embedded: fontconfig is loaded): exit $st, no leak of girc's under the sanitizers (tests/lsan.supp leaves fontconfig's own out)"
cmp -s "$T/table.want" "$T/table.got"; check $? "table.pdf: cells by the x gaps, a label wrapped over two lines joins its row, the page number is dropped"

# ---- 4: a directory of PDFs ----
mkdir -p "$T/dir" "$T/out"
cp "$D/hongze-gov-2024.pdf" "$D/no-text.pdf" "$T/dir/"
imp -o "$T/out" "$T/dir" > /dev/null 2>&1
[ -s "$T/out/hongze-gov-2024.gir" ] && [ ! -e "$T/out/no-text.gir" ]; check $? "a directory walk imports its .pdf files (none written for a failed one)"
