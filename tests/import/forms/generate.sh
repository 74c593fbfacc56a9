#!/bin/sh
# tests/import/forms/generate.sh [OUT] - make the PDFs and Word files the
# import suite reads, the way agencies make them, from the published pages
# and texts of ../shared/corpus (and tests/import/corpus, its copy):
#   lo-pdf/NAME.pdf        LibreOffice Writer: soffice --headless --convert-to pdf
#   docx/NAME.docx         LibreOffice Writer: --convert-to docx (MS Word 2007 XML)
#   docx-pdf/NAME.pdf      LibreOffice Writer: docx/NAME.docx --convert-to pdf (Word-like)
#   chromium-pdf/NAME.pdf  a browser's print: chromium --headless --print-to-pdf
#                          (HTML pages only)
# and, for the round trips, from each examples/NAME.gir (built with
# build/girc, which must exist):
#   latex-pdf/NAME.pdf     girc build -f latex, then xelatex (twice)
#   html-pdf/NAME.pdf      girc build -f html, printed by chromium
# FORMS=examples (or FORMS=corpus) makes only that half.
# Every output is made in a temporary folder and moved into OUT (default:
# this script's folder) only when it is complete. The outputs are committed
# so that the tests need neither LibreOffice nor a network; run this again
# after adding corpus files (Debian: libreoffice-writer-nogui, chromium).
# The outputs are tests' inputs, not goldens: each must import to the same
# cells as its HTML or text original (the import issue's check).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=${1:-$here}
src="$root/tests/import/corpus"
command -v soffice >/dev/null || { echo "generate.sh: soffice not found (apt-get install libreoffice-writer-nogui)" >&2; exit 2; }
command -v chromium >/dev/null || { echo "generate.sh: chromium not found (apt-get install chromium)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/girc-forms.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/lo-pdf" "$out/docx" "$out/docx-pdf" "$out/chromium-pdf" "$tmp/profile" "$tmp/in" "$tmp/o"
fail=0
# soffice FILTER FILE: converts FILE into $tmp/o (one profile, no first-run dialogs)
lo() {
  timeout 180 soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
    --convert-to "$1" --outdir "$tmp/o" "$2" >"$tmp/lo.log" 2>&1
}
keep() {   # keep TMPFILE DEST: move a finished, non-empty output into place
  if [ -s "$1" ]; then mv "$1" "$2"; echo "wrote ${2#"$root"/}"
  else echo "generate.sh: no output for $2" >&2; cat "$tmp/lo.log" >&2 2>/dev/null; fail=1; fi
}
forms=${FORMS:-all}
girc="$root/build/girc"
print_pdf() {   # print_pdf URL OUT: a browser's print of a page
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium" --no-pdf-header-footer \
    --print-to-pdf="$2" "$1" >"$tmp/lo.log" 2>&1
}
for f in "$src"/*.html "$src"/*.txt; do
  [ "$forms" = examples ] && break
  [ -f "$f" ] || continue
  base=$(basename "$f")
  name=${base%.*}
  ext=${base##*.}
  [ "$ext" = txt ] && name="$name.txt"   # pingtan-2021.txt and .html stay apart
  # Writer reads the text copies as plain UTF-8 text, the pages as HTML
  cp "$f" "$tmp/in/$base"
  if [ "$ext" = txt ]; then pdf_filter='pdf:writer_pdf_Export'; else pdf_filter='pdf:writer_web_pdf_Export'; fi
  lo "$pdf_filter" "$tmp/in/$base" && keep "$tmp/o/${base%.*}.pdf" "$out/lo-pdf/$name.pdf"
  lo 'docx:MS Word 2007 XML' "$tmp/in/$base" && keep "$tmp/o/${base%.*}.docx" "$out/docx/$name.docx"
  if [ "$ext" = html ]; then
    # the .docx printed to PDF by Writer: a Word-like producer (tables ruled, cells padded)
    lo 'pdf:writer_pdf_Export' "$out/docx/$name.docx" && keep "$tmp/o/$name.pdf" "$out/docx-pdf/$name.pdf"
    print_pdf "file://$tmp/in/$base" "$tmp/o/$name.chromium.pdf"
    keep "$tmp/o/$name.chromium.pdf" "$out/chromium-pdf/$name.pdf"
  fi
  rm -f "$tmp/in/$base"
done
# ---- round trips: the examples through LaTeX and through a browser ----
if [ "$forms" != corpus ]; then
  [ -x "$girc" ] || { echo "generate.sh: build/girc not found (make build/girc)" >&2; exit 2; }
  command -v xelatex >/dev/null || { echo "generate.sh: xelatex not found (apt-get install texlive-xetex texlive-lang-chinese)" >&2; exit 2; }
  mkdir -p "$out/latex-pdf" "$out/html-pdf" "$tmp/tex"
  for f in "$root"/examples/*.gir; do
    name=$(basename "$f" .gir)
    "$girc" build -f latex -o "$tmp/tex/$name.tex" "$f" >"$tmp/lo.log" 2>&1
    (cd "$tmp/tex" && for run in 1 2; do
       timeout 300 xelatex -interaction=nonstopmode -halt-on-error "$name.tex" >"$tmp/lo.log" 2>&1 || exit 1
     done)
    keep "$tmp/tex/$name.pdf" "$out/latex-pdf/$name.pdf"
    "$girc" build -f html -o "$tmp/o/$name.html" "$f" >"$tmp/lo.log" 2>&1
    print_pdf "file://$tmp/o/$name.html" "$tmp/o/$name.print.pdf"
    keep "$tmp/o/$name.print.pdf" "$out/html-pdf/$name.pdf"
  done
fi
exit $fail
