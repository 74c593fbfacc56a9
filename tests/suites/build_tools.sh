#!/bin/sh
# tests/suites/build_tools.sh - `girc build` output through the real tools.
# girc-test: plain-only   (xelatex and chromium are slow; ASan adds nothing)
#   - tidy reports nothing (no error, no warning) on every example's HTML;
#   - headless Chromium opens each page and, from the DOM (a copy of the
#     page with a probe script), table 3 has the official rows and cells
#     (2019: 3 header rows + 23 data rows, 161 data cells; 2021: 3 + 25,
#     175) and every table is a rectangular grid with no overlaps;
#   - Chromium prints each example on at most 5 A4 pages, none more than
#     half blank, table 3 on one page; in a 390 px frame table 3 scrolls
#     sideways in its wrapper, 自然人 is one line, the page fits
#     (GIRC_KEEP_SHOTS=DIR keeps the screenshots and PDFs to look at);
#   - xelatex compiles every example (and tests/data/evil.gir) with no
#     error and no "Missing character", and pdftotext finds the labels and
#     numbers; evil.gir's \input{/etc/passwd} and \write18 come out as
#     printed text, read no file and run nothing; no space between digits
#     and Chinese; --style=fontset=fandol,gongwen and fontset=ubuntu
#     compile (gongwen: 仿宋, 28 characters a line); fontset=windows is
#     ctexart's option (its fonts are not installed here).
# A tool that is not installed fails its tests (make check installs them).
GIRC=${GIRC:-build/girc}
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-tools.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
have() { command -v "$1" >/dev/null 2>&1 || { nok "$2: $1 is not installed"; return 1; }; }

EXAMPLES="mahekou-2020 xinhua-gongan-2021"
for n in $EXAMPLES evil; do
  f=examples/$n.gir; [ $n = evil ] && f=tests/data/evil.gir
  "$GIRC" build -o "$T/$n.html" "$f" 2>/dev/null || nok "build $n.html"
  "$GIRC" build --fragment -o "$T/$n.fragment.html" "$f" 2>/dev/null || nok "build $n.fragment.html"
  "$GIRC" build -o "$T/$n.tex" "$f" 2>/dev/null || nok "build $n.tex"
done

# ---- tidy ----
if have tidy "tidy"; then
  for n in $EXAMPLES evil; do
    out=$(tidy -q -e "$T/$n.html" 2>&1); st=$?
    [ $st -eq 0 ] && [ -z "$out" ]; check $? "tidy: $n.html has no errors and no warnings"
    [ -n "$out" ] && printf '%s\n' "$out" | head -10
  done
  # the fragment, wrapped in a minimal page
  { printf '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>\n'
    cat "$T/xinhua-gongan-2021.fragment.html"; printf '</body></html>\n'; } > "$T/frag.html"
  out=$(tidy -q -e "$T/frag.html" 2>&1); st=$?
  [ $st -eq 0 ] && [ -z "$out" ]; check $? "tidy: the --fragment output is clean inside a page"
fi

# ---- chromium: the table model from the DOM ----
probe='<script>
function grid(t) {
  var occ = [], bad = 0;
  for (var r = 0; r < t.rows.length; r++) {
    occ[r] = occ[r] || [];
    var c = 0;
    for (var k = 0; k < t.rows[r].cells.length; k++) {
      var cell = t.rows[r].cells[k];
      while (occ[r][c]) c++;
      for (var i = 0; i < cell.rowSpan; i++)
        for (var j = 0; j < cell.colSpan; j++) {
          occ[r + i] = occ[r + i] || [];
          if (occ[r + i][c + j]) bad++;
          occ[r + i][c + j] = 1;
        }
      c += cell.colSpan;
    }
  }
  var w = {};
  for (var r2 = 0; r2 < occ.length; r2++) w[occ[r2].filter(Boolean).length] = 1;
  return Object.keys(w).join("/") + " overlaps=" + bad;
}
var out = [];
document.querySelectorAll("table").forEach(function (t) {
  out.push(t.id + " rows=" + t.rows.length + " head=" + (t.tHead ? t.tHead.rows.length : 0) +
    " bodyrows=" + t.querySelectorAll("tbody tr").length + " td=" + t.querySelectorAll("tbody td").length +
    " cols=" + grid(t));
});
var p = document.createElement("pre"); p.id = "probe"; p.textContent = out.join("\n");
document.body.appendChild(p);
</script>'
if have chromium "chromium DOM"; then
  for n in $EXAMPLES; do
    { sed 's#</body>##; s#</html>##' "$T/$n.html"; printf '%s\n</body>\n</html>\n' "$probe"; } > "$T/$n.probe.html"
    ud=$(mktemp -d "$T/chrome.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$ud" --dump-dom "file://$T/$n.probe.html" > "$T/$n.dom" 2>/dev/null
    sed -n '/<pre id="probe">/,/<\/pre>/p' "$T/$n.dom" | sed 's/<[^>]*>//g' > "$T/$n.probe"
    case $n in
      mahekou-2020) want3='tbl-3 rows=26 head=3 bodyrows=23 td=161 cols=10 overlaps=0';;
      *) want3='tbl-3 rows=28 head=3 bodyrows=25 td=175 cols=10 overlaps=0';;
    esac
    grep -qx "$want3" "$T/$n.probe"; check $? "chromium: $n table 3 has the official rows and cells ($want3)"
    [ "$(grep -c 'overlaps=0$' "$T/$n.probe")" -eq 3 ] && ! grep 'cols=' "$T/$n.probe" | grep -q 'cols=[0-9]*/'
    check $? "chromium: $n: every table is a rectangular grid"
    grep -qx 'tbl-4 rows=4 head=3 bodyrows=1 td=15 cols=15 overlaps=0' "$T/$n.probe"
    check $? "chromium: $n table 4 has 3 header rows, no row label and 15 data cells"
    [ -s "$T/$n.probe" ] || cat "$T/$n.dom" | head -5
  done
fi

# ---- chromium: A4 print and a 390 px phone ----
# blank share of each printed page: the rows below its last ink
blank_shares() {
  python3 - "$1" <<'PY'
import subprocess, sys
pdf = sys.argv[1]
info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
n = int([l.split()[1] for l in info.splitlines() if l.startswith('Pages:')][0])
for i in range(1, n + 1):
    d = subprocess.run(['pdftoppm', '-gray', '-r', '20', '-f', str(i), '-l', str(i), pdf], capture_output=True).stdout
    head = d.split(b'\n', 3)
    w, h = map(int, head[1].split())
    px = head[3]
    last = max([y for y in range(h) if min(px[y * w:(y + 1) * w]) < 200] or [0])
    print('%d %.2f' % (i, 1 - (last + 1) / h))
PY
}
# in a 390 px frame (headless windows are at least 500 px wide): the
# widest table scrolls in its wrapper, and the header 自然人 is one line
phone_probe='<script>
var s = document.querySelectorAll(".gir-scroll"), out = [];
s.forEach(function (d) { out.push(d.firstElementChild.id + " " + (d.scrollWidth > d.clientWidth ? "scrolls" : "fits")); });
var th = Array.prototype.filter.call(document.querySelectorAll("th"), function (t) { return t.textContent === "自然人"; })[0];
var r = document.createRange(); r.selectNodeContents(th);
out.push("自然人 lines=" + r.getClientRects().length);
out.push("page " + (document.documentElement.scrollWidth <= innerWidth ? "fits" : "overflows"));
parent.document.getElementById("probe").textContent = out.join("\n");
</script>'
if have chromium "chromium print" && have pdfinfo "pdfinfo"; then
  for n in $EXAMPLES; do
    ud=$(mktemp -d "$T/chrome.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer \
      --user-data-dir="$ud" --print-to-pdf="$T/$n.print.pdf" "file://$T/$n.html" >/dev/null 2>&1
    blank_shares "$T/$n.print.pdf" > "$T/$n.blank"
    pages=$(wc -l < "$T/$n.blank")
    [ "$pages" -ge 2 ] && [ "$pages" -le 5 ] && awk '$2 > 0.5 { bad = 1 } END { exit bad }' "$T/$n.blank"
    check $? "chromium print: $n on $pages A4 pages, none of them mostly blank ($(awk '{ printf "%s ", $2 }' "$T/$n.blank"))"
    # table 3 on one page: its first and its last row label on the same page
    p1=""; p2=""
    for i in $(seq 1 "$pages"); do
      pdftotext -enc UTF-8 -f $i -l $i "$T/$n.print.pdf" - 2>/dev/null | tr -d ' \n' > "$T/pg"
      grep -qF '一、本年新收政府信息公开申请数量' "$T/pg" && p1=$i
      grep -qF '四、结转下年度继续办理' "$T/pg" && p2=$i
    done
    [ -n "$p1" ] && [ "$p1" = "$p2" ]; check $? "chromium print: $n table 3 on one page ($p1-$p2)"
    { sed 's#</body>##; s#</html>##' "$T/$n.html"; printf '%s\n</body>\n</html>\n' "$phone_probe"; } > "$T/$n.phone.html"
    printf '<!DOCTYPE html><html><body><pre id="probe"></pre><iframe src="%s" style="border:0;width:390px;height:700px"></iframe></body></html>\n' "$n.phone.html" > "$T/$n.frame.html"
    ud=$(mktemp -d "$T/chrome.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --allow-file-access-from-files \
      --virtual-time-budget=5000 --user-data-dir="$ud" --dump-dom "file://$T/$n.frame.html" > "$T/$n.phone.dom" 2>/dev/null
    sed -n '/<pre id="probe">/,/<\/pre>/p' "$T/$n.phone.dom" | sed 's/<[^>]*>//g' > "$T/$n.phone"
    grep -qx 'tbl-3 scrolls' "$T/$n.phone" && grep -qx '自然人 lines=1' "$T/$n.phone" && grep -qx 'page fits' "$T/$n.phone"
    check $? "chromium 390 px: $n table 3 scrolls sideways, 自然人 on one line, the page itself fits"
    ud=$(mktemp -d "$T/chrome.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --hide-scrollbars \
      --disable-background-networking --disable-component-update --disable-sync --allow-file-access-from-files \
      --virtual-time-budget=5000 --user-data-dir="$ud" --window-size=500,700 --screenshot="$T/$n.phone.png" "file://$T/$n.frame.html" >/dev/null 2>&1
    [ -s "$T/$n.phone.png" ]; check $? "chromium 390 px: $n screenshot"
    [ -n "$GIRC_KEEP_SHOTS" ] && cp "$T/$n.phone.png" "$T/$n.print.pdf" "$GIRC_KEEP_SHOTS/"
  done
fi

# ---- xelatex ----
if have xelatex "xelatex" && have pdftotext "pdftotext"; then
  for n in $EXAMPLES evil; do
    ( cd "$T" && timeout 300 xelatex -interaction=nonstopmode -halt-on-error -no-shell-escape "$n.tex" > "$n.out" 2>&1 ); st=$?
    [ $st -eq 0 ] && [ -s "$T/$n.pdf" ]; check $? "xelatex compiles $n.tex"
    [ $st -eq 0 ] || grep -A3 '^!' "$T/$n.log" | head -10
    ! grep -q 'Missing character' "$T/$n.log"; check $? "xelatex: no missing character in $n.log"
    pdftotext -enc UTF-8 "$T/$n.pdf" "$T/$n.pdf.txt" 2>/dev/null
    # pdftotext may split a wrapped cell or put spaces between CJK and digits
    tr -d ' \n' < "$T/$n.pdf.txt" > "$T/$n.flat"
  done
  miss=""
  for s in 麻河口镇2020年政府信息公开年度报告 一、总体情况 六、其他需要报告的事项 第二十条第（九）项 政府集中采购 397265元 +111 238 三、本年度办理结果 （六）其他处理 四、结转下年度继续办理 行政复议 未经复议直接起诉 南县麻河口镇人民政府 2021年1月25日; do
    grep -qF "$s" "$T/mahekou-2020.flat" || miss="$miss $s"
  done
  [ -z "$miss" ]; check $? "pdftotext finds the labels and numbers of mahekou-2020${miss:+ (missing:$miss)}"
  miss=""
  for s in 新华县公安局2021年政府信息公开工作年度报告 本年收费金额（单位：万元） 126.35 3856 1243 本列数据的勾稽关系为 3.其他 （七）总计 复议后起诉 “警务公开日”; do
    grep -qF "$s" "$T/xinhua-gongan-2021.flat" || miss="$miss $s"
  done
  [ -z "$miss" ]; check $? "pdftotext finds the labels and numbers of xinhua-gongan-2021${miss:+ (missing:$miss)}"
  n=$(grep -oF '\input{/etc/passwd}' "$T/evil.flat" | wc -l)
  [ "$n" -ge 6 ] && grep -qF '\write18{touchpwned}' "$T/evil.flat" && grep -qF '<script>alert(1)</script>' "$T/evil.flat" \
    && grep -qF '#%$~^_{}\' "$T/evil.flat"
  check $? "xelatex: hostile strings are printed as text ($n times \\input{/etc/passwd})"
  ! grep -q '^root:' "$T/evil.pdf.txt" && ! grep -q '(/etc/passwd' "$T/evil.log" && [ ! -e "$T/pwned" ] && [ ! -e "$T/pwned.tex" ]
  check $? "xelatex: evil.tex read no file and ran nothing"
  # no space between digits and Chinese (pdftotext -layout shows xeCJK's
  # old glue as a space: 2021 年)
  pdftotext -enc UTF-8 -layout "$T/xinhua-gongan-2021.pdf" - 2>/dev/null | grep -qF '统计期限为2021年1月1日至2021年12月31'
  check $? "xelatex: no space between digits and Chinese (2021年1月1日)"
  # --style=fontset=NAME and gongwen
  for st in fontset=fandol,gongwen fontset=ubuntu; do
    "$GIRC" build -f latex --style=$st -o "$T/style.tex" examples/xinhua-gongan-2021.gir 2>/dev/null
    ( cd "$T" && timeout 300 xelatex -interaction=nonstopmode -halt-on-error -no-shell-escape style.tex > style.out 2>&1 ); rc=$?
    [ $rc -eq 0 ] && [ -s "$T/style.pdf" ] && ! grep -q 'Missing character' "$T/style.log"
    check $? "xelatex compiles --style=$st"
    grep -qF "fontset=${st#fontset=}" "$T/style.tex" || grep -qF "fontset=$(echo "${st#fontset=}" | cut -d, -f1)]" "$T/style.tex"
    check $? "--style=$st: ctexart's fontset option"
    case $st in *gongwen*)
      pdffonts "$T/style.pdf" 2>/dev/null | grep -q FandolFang; check $? "gongwen: the body is in 仿宋 (FandolFang)"
      # 28 characters a line: the longest line of the prose page is 28 full-width characters
      pdftotext -enc UTF-8 -f 1 -l 1 "$T/style.pdf" - 2>/dev/null | grep '^称《条例》）和' | python3 -c '
import sys, unicodedata
l = sys.stdin.readline().strip()
w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
sys.exit(0 if w == 56 else 1)'
      check $? "gongwen: 28 characters a line";;
    esac
  done
  "$GIRC" build -f latex --style=fontset=windows examples/xinhua-gongan-2021.gir 2>/dev/null | grep -qx '\\documentclass\[UTF8,a4paper,zihao=-4,fontset=windows\]{ctexart}'
  check $? "--style=fontset=windows: SimSun and the other fonts of an office PC (not compiled: not installed here)"
fi
