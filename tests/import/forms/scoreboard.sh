#!/bin/sh
# tests/import/forms/scoreboard.sh - the table of issue 11: every input
# form imports to the same cells. For each file it imports with $GIRC
# (default build/girc) it prints "FILE RIGHT/TOTAL REFERENCE" (RIGHT:
# cells equal to the reference's, TOTAL: the reference's cells, counted
# by compare.sh), then a last line "all RIGHT/TOTAL, N of M files whole",
# and the import's exit status (1 for an excerpt cut off in a table,
# E1064, or a table lost, E1062).
#  - tests/import/corpus/NAME.html: against its own golden
#    (tests/import/golden/NAME.html.gir, each cell checked by reading the
#    page);
#  - tests/import/corpus/NAME.txt: against NAME.html's import when the
#    corpus has the page (the same report imported from HTML), else
#    against its own golden;
#  - tests/import/pdf/hongze-gov-2024.pdf: against its golden (every cell
#    checked against the PDF's pages);
#  - the generated forms (lo-pdf, docx, docx-pdf, chromium-pdf, layout-pdf:
#    README.md): FORM/NAME.* against NAME.html's import, FORM/NAME.txt.*
#    against the reference of corpus/NAME.txt above;
#  - round trips, against the cells of the example itself (compare.sh
#    --json): each examples/*.gir built with `girc build -f docx` and with
#    `girc build -f html` (the page itself) and imported back, and the
#    committed latex-pdf/ (xelatex) and html-pdf/ (Chromium) PDFs.
# With -v, each wrong cell is printed after its file's line (diff of the
# cells, "-" the reference's, "+" the import's). Exit 0 when every file is
# whole, 1 otherwise. Run from the top of the tree. No timing.
set -u
GIRC=${GIRC:-build/girc}
export GIRC
verbose=0
[ "${1:-}" = -v ] && verbose=1
D=tests/import
F=$D/forms
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-scores.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
: > "$T/all"

# the reference .gir of a corpus name (NAME.html or NAME.txt)
reference() {
  case $1 in
    *.txt) [ -f "$D/corpus/${1%.txt}.html" ] && echo "$D/golden/${1%.txt}.html.gir" || echo "$D/golden/$1.gir" ;;
    *) echo "$D/golden/$1.gir" ;;
  esac
}
# score LABEL REF GOT [--json]: one line of the table
score() {
  line=$(sh $F/compare.sh --diff ${4:-} "$2" "$3" x 2> "$T/diff")
  set -- "$1" "$2" $line
  printf '%-44s %4s/%-4s exit %s  %s\n' "$1" "$4" "$5" "$st" "$2"
  echo "$4 $5" >> "$T/all"
  [ $verbose = 1 ] && sed 's/^/    /' "$T/diff"
}
imp() { "$GIRC" --color=never import "$1" > "$T/got.gir" 2> /dev/null; st=$?; }

for f in $D/corpus/*.html $D/corpus/*.txt; do
  b=$(basename "$f")
  imp "$f"
  score "corpus/$b" "$(reference "$b")" "$T/got.gir"
done
imp $D/pdf/hongze-gov-2024.pdf
score pdf/hongze-gov-2024.pdf $D/pdf/hongze-gov-2024.gir "$T/got.gir"
for form in lo-pdf docx docx-pdf chromium-pdf layout-pdf; do
  for f in $F/$form/*; do
    b=$(basename "$f")
    case $b in
      *.txt.*) name=${b%.txt.*}.txt ;;
      *) name=${b%%.*}.html ;;
    esac
    imp "$f"
    score "$form/$b" "$(reference "$name")" "$T/got.gir"
  done
done
for e in examples/*.gir; do
  b=$(basename "$e" .gir)
  for fmt in docx html; do
    "$GIRC" build -f $fmt -o "$T/rt.$fmt" "$e" 2> /dev/null
    imp "$T/rt.$fmt"
    score "build -f $fmt $b" "$e" "$T/got.gir" --json
  done
done
for f in $F/latex-pdf/*.pdf $F/html-pdf/*.pdf; do
  b=$(basename "$f" .pdf)
  imp "$f"
  score "${f#$F/}" "examples/$b.gir" "$T/got.gir" --json
done
awk '{ r += $1; t += $2; n++; if ($1 == $2) w++ }
  END { printf "all %d/%d, %d of %d files whole\n", r, t, w, n; exit w == n ? 0 : 1 }' "$T/all"
