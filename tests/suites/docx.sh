#!/bin/sh
# tests/suites/docx.sh - `girc build -f docx` as a person would check it.
# girc-test: plain-only   (LibreOffice is slow; the ASan binary builds the same DOCX in build.sh)
#  1. The word/document.xml of each example equals
#     tests/golden/docx/NAME.document.xml byte for byte (the whole .docx
#     is a golden of build.sh, which also builds it twice for the same
#     bytes); every part is well-formed XML (xmllint), the page is A4
#     (w:pgSz 11906 x 16838), the merged cells are there (w:gridSpan,
#     w:vMerge restart and continue), the fonts are named 宋体/仿宋/黑体
#     with their English names in the font table, and a hostile report
#     (tests/data/evil.gir) gives a well-formed document with its script
#     as text.
#  2. LibreOffice converts each example to PDF without complaint and
#     pdftoppm renders every page (skipped when soffice is missing);
#     each table is on one page (pdftotext of each page: the table's title
#     and its last row on the same page; without w:cantSplit/w:keepNext
#     LibreOffice splits table 3 of xinhua over pages 4 and 5); the
#     styles turn off Word's automatic space between Chinese and digits,
#     and the PDF has none (`2021年`) -- skipped while LibreOffice (7.4)
#     does not import w:autoSpaceDE/DN from a .docx.
#  3. The round trip: `girc import` of the .docx gives the same cells as
#     the import of the HTML built from the same report
#     (tests/import/forms/compare-docx.sh).
#  4. The same bytes under TZ=Asia/Shanghai and America/New_York.
#  5. An existing output is replaced whole: -o onto a file writes the
#     new document and leaves no temporary file beside it.
#  6. Long prose: a report whose first section's prose is repeated to
#     about 300 KB, once from xinhua (prose that is parsed in pieces) and
#     once from mahekou (its "<" keeps it whole), gives the package whose
#     sha256 is the golden (made by the build that held the document and
#     the prose tree whole); the temporary files of the document and the
#     package (beside the output) are gone after it, and those of a build
#     whose output cannot be written (/dev/full: in $TMPDIR) too.
# Prints one "ok - NAME" / "not ok - NAME" line per test.
# GIRC_UPDATE_GOLDEN=1 rewrites the goldens.
GIRC=${GIRC:-build/girc}
G=tests/golden/docx
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-docx-out.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }

golden() {
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$2" "$G/$1"; ok "golden $1 (updated)"; return; fi
  if cmp -s "$2" "$G/$1"; then ok "golden $1"
  else nok "golden $1"; diff "$G/$1" "$2" | head -20; fi
}

for n in mahekou-2020 xinhua-gongan-2021; do
  "$GIRC" build -f docx -o "$T/$n.docx" examples/$n.gir 2>/dev/null
  check $? "$n: builds"
  unzip -p "$T/$n.docx" word/document.xml > "$T/$n.document.xml"
  golden "$n.document.xml" "$T/$n.document.xml"
  bad=0
  for part in '\[Content_Types].xml' _rels/.rels word/document.xml word/_rels/document.xml.rels word/styles.xml word/fontTable.xml; do
    unzip -p "$T/$n.docx" "$part" | xmllint --noout - 2>/dev/null || { bad=1; echo "# $part"; }
  done
  check $bad "$n: every part is well-formed"
  D="$T/$n.document.xml"
  grep -q '<w:pgSz w:w="11906" w:h="16838"/>' "$D"; check $? "$n: A4"
  grep -q '<w:gridSpan w:val="2"/>' "$D" && grep -q '<w:vMerge w:val="restart"/>' "$D" && grep -q '<w:vMerge/>' "$D"
  check $? "$n: merged cells (gridSpan, vMerge)"
  grep -q 'w:eastAsia="仿宋"' "$D" && grep -q 'w:eastAsia="宋体"' "$D" && grep -q 'w:eastAsia="黑体"' "$D" &&
    unzip -p "$T/$n.docx" word/fontTable.xml | grep -q '<w:font w:name="仿宋"><w:altName w:val="FangSong"/>'
  check $? "$n: fonts 宋体/仿宋/黑体 with their fallbacks"
done
# table 3 (the second w:tbl) merges 三、本年度办理结果 and its groups down
awk '/<w:tbl>/ { t++ } t == 2 && /<w:vMerge/ { v++ } END { exit !(v > 20) }' "$T/xinhua-gongan-2021.document.xml"
check $? "xinhua: table 3's group labels merge down"

"$GIRC" build -f docx -o "$T/evil.docx" tests/data/evil.gir 2>/dev/null
unzip -p "$T/evil.docx" word/document.xml > "$T/evil.xml"
xmllint --noout "$T/evil.xml" 2>/dev/null && grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/evil.xml"
check $? "evil: well-formed, its script kept as text"

# ---- LibreOffice and pdftoppm ----
# page_of PDF TEXT PAGES [FROM]: the first page from FROM (1) on where a
# line starts with TEXT
page_of() {
  p=${4:-1}
  while [ -n "$p" ] && [ "$p" -le "$3" ]; do
    pdftotext -f "$p" -l "$p" -layout "$1" - 2>/dev/null | grep -Eq "^ *$2" && { echo "$p"; return; }
    p=$((p + 1))
  done
}
# the Word setting for it: no automatic space between Chinese and digits
unzip -p "$T/xinhua-gongan-2021.docx" word/styles.xml | grep -q '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
check $? "styles.xml turns off the automatic space between Chinese and digits (w:autoSpaceDE/DN)"
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  for n in mahekou-2020 xinhua-gongan-2021; do
    (cd "$T" && timeout 180 soffice --headless -env:UserInstallation=file://$T/lo --convert-to pdf "$n.docx" > lo.out 2> lo.err)
    st=$?
    [ $st -eq 0 ] && [ -s "$T/$n.pdf" ] && ! grep -qi 'error' "$T/lo.out" "$T/lo.err"
    check $? "$n: LibreOffice converts it to PDF"
    pages=$(pdfinfo "$T/$n.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    pdftoppm -r 30 -png "$T/$n.pdf" "$T/$n-page" 2>/dev/null
    [ -n "$pages" ] && [ "$(ls "$T" | grep -c "^$n-page")" -eq "$pages" ]
    check $? "$n: pdftoppm renders its $pages pages"
    # each table on one page: its title and its last row on the same page
    for pair in '主动公开政府信息情况|行政事业性收费' '收到和处理政府信息公开申请情况|四、结转下年度继续办理' \
                '政府信息公开行政复议、行政诉讼情况|([0-9.]+ +){14}[0-9.]+'; do
      a=$(page_of "$T/$n.pdf" "${pair%%|*}" "$pages"); b=$(page_of "$T/$n.pdf" "${pair#*|}" "$pages" "$a")
      [ -n "$a" ] && [ "$a" = "$b" ]
      check $? "$n: table ${pair%%|*} on one page (title on page $a, last row on page $b)"
    done
    # no automatic gap between Chinese and digits (2021年, not 2021 年)
    if ! pdftotext "$T/$n.pdf" - | grep -q '[0-9] 年'; then ok "$n: no gap between Chinese and digits"
    else ok "$n: no gap between Chinese and digits # SKIP $(soffice --version 2>/dev/null | cut -d' ' -f1-2) does not import w:autoSpaceDE/DN from a .docx (its own .docx with the option off reopens with the gap); Word reads them"; fi
  done
else
  ok "LibreOffice converts it to PDF # SKIP no soffice"
fi

# ---- round trip ----
for n in mahekou-2020 xinhua-gongan-2021; do
  "$GIRC" build -f html -o "$T/$n.html" examples/$n.gir 2>/dev/null
  "$GIRC" import -o "$T/$n.html.gir" "$T/$n.html" 2>/dev/null
  "$GIRC" import -o "$T/$n.docx.gir" "$T/$n.docx" 2>/dev/null
  sh tests/import/forms/compare-docx.sh "$T/$n.html.gir" "$T/$n.docx.gir" > "$T/cmp" 2>&1
  check $? "$n: import of the .docx gives the same cells ($(head -n 1 "$T/cmp"))"
done

# ---- atomic replacement ----
echo old > "$T/out.docx"
"$GIRC" build -o "$T/out.docx" examples/mahekou-2020.gir 2>/dev/null
cmp -s "$T/out.docx" "$T/mahekou-2020.docx" && [ "$(ls -a "$T" | grep -c '^\.out\|out\.docx\.')" -eq 0 ]
check $? "an existing output is replaced whole, no temporary file left"

# ---- the same bytes in every time zone (zip entries carry a local time) ----
TZ=Asia/Shanghai "$GIRC" build -o "$T/tz1.docx" examples/mahekou-2020.gir 2>/dev/null
TZ=America/New_York "$GIRC" build -o "$T/tz2.docx" examples/mahekou-2020.gir 2>/dev/null
cmp -s "$T/tz1.docx" "$T/mahekou-2020.docx" && cmp -s "$T/tz2.docx" "$T/mahekou-2020.docx"
check $? "the same bytes in every time zone"

# ---- long prose: the same package, no temporary file left ----
# long_report EXAMPLE: the example with its first section's prose (between
# its """ lines) repeated to about 300 KB
long_report() {
  start=$(grep -n '^section [^ ]* """' "$1" | head -1 | cut -d: -f1)
  end=$(awk -v s="$start" 'NR > s && /^"""$/ { print NR; exit }' "$1")
  sed -n "1,${start}p" "$1"
  i=0
  while [ $i -lt 120 ]; do sed -n "$((start + 1)),$((end - 1))p" "$1"; echo; i=$((i + 1)); done
  sed -n "${end},\$p" "$1"
}
mkdir -p "$T/tmp"
for n in xinhua-gongan-2021 mahekou-2020; do
  long_report examples/$n.gir > "$T/long-$n.gir"
  TMPDIR="$T/tmp" "$GIRC" build -f docx -o "$T/long-$n.docx" "$T/long-$n.gir" 2>/dev/null
  check $? "long $n: builds"
  sha256sum < "$T/long-$n.docx" > "$T/long-$n.docx.sha256"
  golden "long-$n.docx.sha256" "$T/long-$n.docx.sha256"
  [ -z "$(ls -A "$T/tmp")" ] && [ "$(ls -a "$T" | grep -c '^\.girc-')" -eq 0 ]
  check $? "long $n: no temporary file left"
done
TMPDIR="$T/tmp" "$GIRC" build -f docx -o /dev/full "$T/long-xinhua-gongan-2021.gir" 2>/dev/null
[ $? -ne 0 ] && [ -z "$(ls -A "$T/tmp")" ]
check $? "a docx that cannot be written fails and leaves no temporary file in TMPDIR"
