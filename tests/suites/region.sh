#!/bin/sh
# tests/suites/region.sh - the reviewer's region: girc sum, girc check
# --summary=csv|json|html, --roster and --units.
# girc-test: plain-only   (Chromium is slow; valgrind/ASan spot checks are in the note)
#   - on 1,000 generated unit reports (tests/region/gen_units.py, seeded:
#     some with errors, some with a waived error, some late, some blank cells, some not on the
#     roster, some roster units missing), tests/region/recompute.py
#     recomputes from the .gir rows and the roster what girc sum and the
#     three summaries must say, and compares;
#   - the sum parses and checks (exit 0), and --units finds exactly the
#     one figure of the region's report that was changed;
#   - reports of mixed templates or years are errors, and -o is then not
#     touched;
#   - the HTML summary passes tidy with no warning, has lang, a caption,
#     scope on every heading, a button in every column heading, aria-sort,
#     readable contrast; headless Chromium sorts it by clicking a heading
#     (ascending, then descending, stable);
#   - goldens (tests/region/golden/cases) of the new diagnostics in zh
#     and en (GIRC_UPDATE_GOLDEN=1 rewrites them);
#   - waived findings: some generated units waive their wrong total
#     (waive E0501); the summaries count them as waived, not as errors.
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
cd "$(dirname "$0")/../.." || exit 2
[ -x "$GIRC" ] || { echo "not ok - region: $GIRC is not built"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-region.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
R=$(pwd)/tests/region

# ---- 1,000 units ----
python3 "$R/gen_units.py" "$T/g" 1000 2026 || nok "gen_units.py"
(cd "$T/g" && "$GIRC" --lang=zh sum --roster roster.csv units -o sum.gir 2> sum.err); st=$?
[ $st -eq 0 ] && [ -s "$T/g/sum.gir" ]; check $? "sum of 1,000 units: exit 0 and a .gir (exit $st)"
grep -q 'W1104' "$T/g/sum.err" && grep -q 'W1120' "$T/g/sum.err" && grep -q 'W1122' "$T/g/sum.err" && grep -q '^名册 1005 个单位' "$T/g/sum.err"
check $? "sum: units with errors, missing and unlisted units are named, and the roster's rate is printed"
(cd "$T/g" && python3 "$R/recompute.py" sum units sum.gir) | sed 's/^/  /; s/^  //'
(cd "$T/g" && "$GIRC" check sum.gir > chk.out 2>&1); st=$?
[ $st -eq 0 ] && ! grep -q 'error\[' "$T/g/chk.out"; check $? "the sum checks: no error (exit $st)"
for f in csv json html; do
  (cd "$T/g" && "$GIRC" --lang=zh check --summary=$f --roster roster.csv units -o summary.$f 2> summary.$f.err); st=$?
  [ $st -eq 1 ] && [ -s "$T/g/summary.$f" ]; check $? "check --summary=$f: written, exit 1 (some reports have errors)"
done
(cd "$T/g" && "$GIRC" --lang=zh check --summary=csv --roster roster.csv units > stdout.csv 2>/dev/null)
cmp -s "$T/g/stdout.csv" "$T/g/summary.csv"; check $? "check --summary=csv without -o writes the same to standard output"
(cd "$T/g" && python3 "$R/recompute.py" summary units roster.csv summary.csv summary.json summary.html)

# ---- the region against its units ----
sed 's/^  行政许可 \([0-9]*\)/  行政许可 1\1/' "$T/g/sum.gir" > "$T/g/region.gir"
(cd "$T/g" && "$GIRC" --lang=en check region.gir --units units > units.out 2>&1); st=$?
[ $st -eq 0 ] && [ "$(grep -c 'warning\[W1130\]' "$T/g/units.out")" -eq 1 ] && grep -q "region.gir:[0-9]*:[0-9]*: warning\[W1130\]: the region's “主动公开.行政许可.处理决定数量” is 1" "$T/g/units.out"
check $? "check --units: the one changed figure, at the region's cell, with both values"
(cd "$T/g" && "$GIRC" check sum.gir --units units > same.out 2>&1); st=$?
[ $st -eq 0 ] && ! grep -q 'W113' "$T/g/same.out"; check $? "check --units: the sum itself differs nowhere"

# ---- the 2019 format: money in 元, signed changes ----
mkdir -p "$T/m"
cp examples/mahekou-2020.gir "$T/m/a.gir"
sed 's/麻河口镇/茅草街镇/g' examples/mahekou-2020.gir > "$T/m/b.gir"
"$GIRC" sum -o "$T/m/sum.gir" "$T/m" 2>/dev/null; st=$?
[ $st -eq 0 ] && "$GIRC" check "$T/m/sum.gir" 2>"$T/m/err" && ! grep -q 'error\[' "$T/m/err" &&
  grep -q '^  政府集中采购 26 794530 ' "$T/m/sum.gir" && grep -q '^  行政许可 6 222 228 ' "$T/m/sum.gir"
check $? "gov2019: the sum of two reports checks; money and signed changes add exactly"

# ---- --roster without --summary: the diagnostics as girc check prints them ----
(cd "$T/g" && "$GIRC" --lang=en check --roster roster.csv units/unit-0037.gir units/unit-0038.gir > ro.out 2> ro.err); st=$?
[ $st -eq 1 ] && grep -q 'unit-0037.gir:[0-9]*:[0-9]*: error\[E0501\]' "$T/g/ro.err" && grep -q '^roster of 1005 units: 2 reported' "$T/g/ro.err"
check $? "check --roster without --summary: each report's diagnostics, then the roster's rate"
"$GIRC" --lang=en check --summary=html "$T/m" 2>/dev/null | grep -q '<html lang="en">'
check $? "html: in English with --lang=en, lang=\"en\""

# ---- enormous numbers: a sum past 64 bits is _ and said so, never wrapped ----
mkdir -p "$T/ov"
awk '/example: minimal-2021/,/end-example/' man/gir.5 | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' |
  sed 's/^table 申请处理 {}/table 申请处理 {\n  新收 9000000000000000000\n  予以公开 9000000000000000000\n}/' > "$T/ov/a.gir"
cp "$T/ov/a.gir" "$T/ov/b.gir"
"$GIRC" --lang=en sum -o "$T/ov/sum.gir" "$T/ov" 2>/dev/null; st=$?
[ $st -eq 0 ] && grep -q '^  新收 _ 0 0 0 0 0 _  # 2 units; the sum of 自然人 does not fit in 64 bits: written _' "$T/ov/sum.gir" && "$GIRC" check "$T/ov/sum.gir" 2>/dev/null
check $? "sum past 64 bits: the cell is _ with a comment, and the sum checks (exit $st)"

# ---- mixed inputs leave -o alone ----
echo keep > "$T/keep.gir"
"$GIRC" sum tests/region/mixed-template -o "$T/keep.gir" 2>/dev/null; st=$?
[ $st -eq 1 ] && [ "$(cat "$T/keep.gir")" = keep ] && [ -z "$(ls "$T" | grep 'keep.gir.tmp')" ]; check $? "sum of mixed templates: exit 1, -o untouched"

# ---- hostile text: an agency name that is a formula, markup and quotes ----
mkdir -p "$T/evil"
awk '/example: minimal-2021/,/end-example/' man/gir.5 | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' |
  sed 's/"示例局"/"=HYPERLINK(\\"x\\")<script>, \&amp;"/' > "$T/evil/e.gir"
"$GIRC" check --summary=csv "$T/evil/e.gir" 2>/dev/null | grep -qF ",\"'=HYPERLINK(\"\"x\"\")<script>, &amp;\","
check $? "csv: a formula-like agency is quoted and starts with an apostrophe"
"$GIRC" check --summary=html -o "$T/evil/e.html" "$T/evil/e.gir" 2>/dev/null
grep -qF '<td>=HYPERLINK(&quot;x&quot;)&lt;script&gt;, &amp;amp;</td>' "$T/evil/e.html" && ! grep -q '<script>,' "$T/evil/e.html"
check $? "html: the agency is escaped"
"$GIRC" check --summary=json "$T/evil/e.gir" 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(d["reports"][0]["agency"] != "=HYPERLINK(\"x\")<script>, &amp;")'
check $? "json: the agency is the same string"
# hostile rosters: each one error, no crash
printf '单位\n\377\376\n' > "$T/evil/r1.csv"
printf '单位\n"open\n' > "$T/evil/r2.csv"
printf '单位\000,x\n' > "$T/evil/r3.csv"
printf '\n\n' > "$T/evil/r4.csv"
for n in 1:E1118 2:E1116 3:E1118 4:E1110; do
  "$GIRC" check --roster "$T/evil/r${n%%:*}.csv" --summary=csv -o "$T/evil/out.csv" "$T/evil/e.gir" > /dev/null 2> "$T/evil/r.err"; st=$?
  [ $st -eq 1 ] && grep -q "error\[${n#*:}\]" "$T/evil/r.err"; check $? "roster r${n%%:*}: error ${n#*:}, exit 1 (exit $st)"
done
# a roster of 200,000 units against 1,000 reports: linear (no time asserted; it finishes)
python3 -c '
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("unit,deadline\n")
    for i in range(200000):
        f.write("示例县第%04d号单位,2022-01-31\n" % i)' "$T/big-roster.csv"
(cd "$T/g" && timeout 60 "$GIRC" check --summary=json --roster "$T/big-roster.csv" units -o big.json 2>/dev/null); st=$?
[ $st -eq 1 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["roster"]; sys.exit(not (r["units"] == 200000 and r["reported"] == 1000 and r["missing"] == 199000))' "$T/g/big.json"
check $? "a roster of 200,000 units: 1,000 reported, 199,000 missing (exit $st)"

printf 'unit,deadline\n未来局,2999-01-31\n过去局,2001-01-31\n' > "$T/evil/due.csv"
"$GIRC" check --summary=csv --roster "$T/evil/due.csv" "$T/evil/e.gir" 2>/dev/null | tr -d '\r' > "$T/evil/due.out"
grep -q '^,未来局,,,,,,,,,0,missing,missing,未来局,2999-01-31$' "$T/evil/due.out" && grep -q '^,过去局,,,,,,,,,1,missing,missing,过去局,2001-01-31$' "$T/evil/due.out"
check $? "csv: a missing unit is late once its deadline has passed, not before"

# ---- the HTML page ----
H=$T/g/summary.html
if command -v tidy >/dev/null 2>&1; then
  out=$(tidy -q -e "$H" 2>&1); st=$?
  [ $st -eq 0 ] && [ -z "$out" ]; check $? "tidy: the summary page has no errors and no warnings"
else nok "tidy is not installed"; fi
python3 - "$H" <<'PY'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
def ok(c, m): print(("ok - " if c else "not ok - ") + m)
ok(re.search(r'<html lang="zh-CN">', h) is not None, "html: lang on <html>")
ok(h.count("<caption>") == 1, "html: the table has a caption")
heads = re.findall(r"<th scope=\"col\"[^>]*><button type=\"button\"", h)
ok(len(heads) == 16 and h.count('<th scope="col"') == 16, "html: every column heading has scope and a button (%d)" % len(heads))
ok(h.count('<th scope="row"') == h.count("<tr>") - 1, "html: every row starts with a row heading")
ok(h.count('aria-sort="') == 1, "html: one column is marked sorted (aria-sort)")
ok("<details><summary>" in h and "http" not in h.replace("http-equiv", ""), "html: diagnostics in <details>, nothing from the network")
def lum(c):
    v = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    v = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in v]
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
def ratio(a, b):
    x, y = sorted((lum(a), lum(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)
fg = set(re.findall(r"[^-]color:(#[0-9a-f]{6})", h))
pairs = [(f, "#ffffff") for f in fg] + [("#1b1b1b", "#e8e8e8")]
low = [(f, b, round(ratio(f, b), 2)) for f, b in pairs if ratio(f, b) < 4.5]
ok(fg and not low, "html: every text colour has contrast >= 4.5:1 (%s)%s" % (", ".join(sorted(fg)), " low: %s" % low if low else ""))
PY

probe='<script>
(function () {
  function order() {
    return Array.prototype.map.call(document.querySelectorAll("#gir-summary tbody tr"), function (r) {
      return r.cells[0].textContent + "|" + r.cells[6].textContent; }).join("\n");
  }
  var hs = document.querySelectorAll("#gir-summary thead th"), b = hs[6].querySelector("button");
  b.click();
  var asc = order(), s1 = hs[6].getAttribute("aria-sort") + " " + hs[0].hasAttribute("aria-sort");
  b.click();
  var desc = order(), s2 = hs[6].getAttribute("aria-sort");
  var p = document.createElement("pre"); p.id = "probe";
  p.textContent = "S1 " + s1 + "\nS2 " + s2 + "\nASC\n" + asc + "\nDESC\n" + desc + "\nEND";
  document.body.appendChild(p);
})();
</script>'
if command -v chromium >/dev/null 2>&1; then
  { sed 's#</body>##; s#</html>##' "$H"; printf '%s\n</body>\n</html>\n' "$probe"; } > "$T/probe.html"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$T/chrome" --dump-dom "file://$T/probe.html" > "$T/dom.html" 2>/dev/null
  python3 - "$T/dom.html" "$T/g/summary.csv" <<'PY'
import csv, html, io, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
def ok(c, s): print(("ok - " if c else "not ok - ") + s)
if not m:
    ok(False, "chromium: the probe ran")
    sys.exit()
t = html.unescape(m.group(1)).split("\n")
rows = list(csv.DictReader(io.StringIO(open(sys.argv[2], encoding="utf-8-sig").read())))
base = [(r["file"] or r["unit"], r["errors"]) for r in rows]
key = lambda x: -1 if x[1] == "" else int(x[1])
asc = sorted(base, key=key)
desc = sorted(asc, key=key, reverse=True)
desc = sorted(base, key=lambda x: -key(x))
got_asc = [tuple(l.split("|")) for l in t[t.index("ASC") + 1:t.index("DESC")]]
got_desc = [tuple(l.split("|")) for l in t[t.index("DESC") + 1:t.index("END")]]
ok(t[0] == "S1 ascending false" and t[1] == "S2 descending", "chromium: aria-sort follows the clicked heading (%s; %s)" % (t[0], t[1]))
ok(got_asc == asc, "chromium: a click sorts by errors, ascending and stable (%d rows)" % len(got_asc))
ok(got_desc == desc, "chromium: a second click sorts descending, ties in file order")
PY
else nok "chromium is not installed"; fi

# ---- goldens ----
grep -v '^#' tests/region/golden/cases | while read -r name args; do
  for lang in zh en; do
    g=tests/region/golden/$name.err; [ $lang = en ] && g=tests/region/golden/$name.en.err
    # shellcheck disable=SC2086 # ARGS are words
    "$GIRC" --lang=$lang $args > /dev/null 2> "$T/$name.$lang.err"; st=$?
    if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$T/$name.$lang.err" "$g"; echo $st > "tests/region/golden/$name.rc"; fi
    cmp -s "$T/$name.$lang.err" "$g" && [ "$st" = "$(cat "tests/region/golden/$name.rc" 2>/dev/null)" ]
    check $? "golden $name ($lang, exit $st)"
    cmp -s "$T/$name.$lang.err" "$g" || diff "$g" "$T/$name.$lang.err" | head -10 | sed 's/^/#   /'
  done
done
