#!/bin/sh
# tests/suites/data.sh - the data back ends of `girc build` (json, csv,
# xlsx), which also write reports with checking errors: goldens of
# tests/data/errors.gir as JSON and CSV (a wrong total, a failed rule, a
# blank and an unknown cell, a missing table; the clean examples' goldens
# are build.sh's), exit status 1 and E0804 with the file written, the
# document formats still refusing; an independent python3 check that the
# CSV's values equal the JSON's and the source's, with the BOM, CRLF and
# quoting of an agency holding , and "; the XLSX opened and converted by
# LibreOffice (one private profile, a few runs) and its values read back
# and compared with the JSON, its merged ranges read from the XML with
# zipfile; a batch of 1,000 generated reports (tests/gen-batch.py) to
# csv and xlsx, every figure recomputed from the .gir files by
# tests/check-batch.py; atomic writes and the batch's usage errors.
# Prints one "ok - NAME" / "not ok - NAME" line per test.
# GIRC_UPDATE_GOLDEN=1 rewrites the goldens. N sets the batch size
# (1,000; 100 with the sanitized binary).
GIRC=${GIRC:-build/girc}
G=tests/golden/data
# the sanitized binary checks memory on a smaller batch (ASan is slow)
case $GIRC in *asan*) N=${N:-100};; *) N=${N:-1000};; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-data.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
mkdir -p "$G"
E=tests/data/errors.gir
M=examples/mahekou-2020.gir

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
skip() { echo "ok - $1 # SKIP $2"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
golden() {
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$2" "$G/$1"; ok "golden $1 (updated)"; return; fi
  if [ ! -f "$G/$1" ]; then nok "golden $1: missing $G/$1"; return; fi
  if cmp -s "$2" "$G/$1"; then ok "golden $1"; else nok "golden $1"; diff "$G/$1" "$2" | head -20; fi
}

# ---- a report with errors is written by the data back ends, exit 1 ----
for fmt in json csv xlsx; do
  rm -f "$T/errors.$fmt"
  "$GIRC" --lang=en build -f $fmt -o "$T/errors.$fmt" $E 2>"$T/err.$fmt"; st=$?
  [ $st -eq 1 ] && [ -s "$T/errors.$fmt" ] && grep -q 'error\[E0501\]' "$T/err.$fmt" \
    && grep -q "error\[E0804\]: '$E' has errors; the $fmt output was written all the same" "$T/err.$fmt"
  check $? "$fmt: a report with errors is written, exit 1, E0804 says so"
done
for fmt in html latex text; do
  rm -f "$T/errors.$fmt"
  "$GIRC" build -f $fmt -o "$T/errors.$fmt" $E 2>"$T/err"; st=$?
  [ $st -eq 1 ] && [ ! -e "$T/errors.$fmt" ] && grep -q 'E0801' "$T/err"; check $? "$fmt: a report with errors is still not built (E0801)"
done
"$GIRC" --lang=zh build -f json $E > "$T/errors.zh.json" 2>/dev/null; golden errors.json "$T/errors.zh.json"
"$GIRC" --lang=zh build -f csv $E > "$T/errors.zh.csv" 2>/dev/null; golden errors.csv "$T/errors.zh.csv"
cmp -s "$T/errors.zh.csv" "$T/errors.csv"; check $? "csv: standard output and -o give the same bytes"
"$GIRC" --diagnostics=json build -f csv $E > "$T/x.csv" 2>"$T/err"; st=$?
[ $st -eq 1 ] && cmp -s "$T/x.csv" "$T/errors.csv" && grep -q '"code":"E0804"' "$T/err"; check $? "--diagnostics=json: E0804 on stderr, the CSV on stdout"

# ---- CSV against JSON and the source (python3, csv module) ----
"$GIRC" build -f json -o "$T/m.json" $M 2>/dev/null
"$GIRC" build -f csv -o "$T/m.csv" $M 2>/dev/null
if command -v python3 >/dev/null 2>&1; then
  python3 - "$T/errors.json" "$T/errors.csv" "$T/m.json" "$T/m.csv" <<'EOF'
import csv, json, sys
from decimal import Decimal
bad = []
def cells(j):
    out = {}
    for s in j['sections']:
        t = s['table']
        if t:
            for c in t['cells']:
                out[(t['label'] or t['name'], t['blocks'][c['block']]['caption'] or '', c['row'], c['column'])] = c
    return out
for jp, cp in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
    j = json.load(open(jp, encoding='utf-8'))
    raw = open(cp, 'rb').read()
    if not raw.startswith(b'\xef\xbb\xbf'): bad.append('no BOM in ' + cp)
    if raw.count(b'\n') != raw.count(b'\r\n'): bad.append('a line end that is not CRLF in ' + cp)
    rows = list(csv.DictReader(open(cp, encoding='utf-8-sig', newline='')))
    jc = cells(j)
    if len(rows) != len(jc): bad.append('%s: %d lines, %d JSON cells' % (cp, len(rows), len(jc)))
    for r in rows:
        c = jc[(r['table'], r['block'], r['row'], r['column'])]
        if r['agency'] != j['report']['agency']: bad.append('agency %r' % r['agency'])
        v = c['value']
        same = (r['value'] == '') if v is None else (r['value'] == v if isinstance(v, str) else Decimal(r['value']) == Decimal(str(v)))
        e = c['expected']
        same = same and r['state'] == c['state'] and r['rule'] == (c['rule'] or '') and (r['expected'] == '' if e is None else Decimal(r['expected']) == Decimal(str(e)))
        same = same and r['unit'] == (c['unit'] or '') and r['row_label'] == ' / '.join(c['row_path'] or [c['row']])
        if not same: bad.append('%s: %r vs %r' % (cp, r, c))
# errors.gir: the states the source asks for (see its comment)
j = json.load(open(sys.argv[1], encoding='utf-8'))
c = {(k[2], k[3]): v for k, v in cells(j).items() if k[0].startswith('三') or k[0] == '收到和处理政府信息公开申请情况'}
want = {('新收', '总计'): ('wrong', 24, 23, '总计'), ('结转下年', '法律服务机构'): ('wrong', 2, None, 'R3.1'),
        ('新收', '法律服务机构'): ('wrong', 2, None, 'R3.1'), ('办结总计', '法律服务机构'): ('wrong', 1, None, 'R3.1'),
        ('部分公开', '商业企业'): ('blank', None, None, None), ('办结总计', '商业企业'): ('unknown', None, None, None),
        ('办结总计', '自然人'): ('computed', 16, None, None), ('新收', '自然人'): ('written', 17, None, None)}
fee = [x for s in j['sections'] if s['table'] and s['name'] == '主动公开' for x in s['table']['cells'] if x['column'] == '收费金额'][0]
if (fee['state'], str(fee['value']), fee['unit'], fee['rule']) != ('warning', '12000.5', '万元', 'H2.2'): bad.append('fee %r' % fee)
for k, w in want.items():
    got = (c[k]['state'], c[k]['value'], c[k]['expected'], c[k]['rule'])
    if got != w: bad.append('%s: %r, want %r' % (k, got, w))
if j['report']['agency'] != '新华县"示范",公安局': bad.append('agency ' + j['report']['agency'])
miss = [x for s in j['sections'] if s['table'] and s['name'] == '复议诉讼' for x in s['table']['cells']]
if not miss or any(x['state'] != 'missing' or x['value'] is not None for x in miss): bad.append('复议诉讼 cells not missing')
d = [(x['code'], x['severity'], x['line']) for x in j['diagnostics']]
for w in (('E0501', 'error', 35), ('E0502', 'error', 35), ('E0616', 'error', 51), ('N0502', 'note', 38), ('W0501', 'warning', 31)):
    if w not in d: bad.append('diagnostic %r not in %r' % (w, d))
if j['errors'] != 3 or j['warnings'] != 1 or any(x['waived'] is not None for x in j['diagnostics']): bad.append('errors %r' % j['errors'])
m = json.load(open(sys.argv[3], encoding='utf-8'))
if m['errors'] != 0 or m['warnings'] != 1 or [x['code'] for x in m['diagnostics']] != ['W0502']: bad.append('clean example diagnostics')
for b in bad[:20]: print('#', b)
sys.exit(1 if bad else 0)
EOF
  check $? "csv: values, states, expected, rules equal the JSON's; BOM, CRLF, quoted agency; the states errors.gir asks for"
  # the source's own figures, read from the .gir text
  python3 - $E "$T/errors.csv" <<'EOF'
import csv, sys
src = {}
cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
on = False
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.strip()
    if line.startswith('table 申请处理'): on = True; continue
    if on and line == '}': break
    if on:
        p = line.split()
        for c, v in zip(cols, p[1:]): src[(p[0], c)] = '' if v == '_' else v
rows = [r for r in csv.DictReader(open(sys.argv[2], encoding='utf-8-sig', newline='')) if r['table'] == '收到和处理政府信息公开申请情况']
got = {(r['row'], r['column']): r['value'] for r in rows if (r['row'], r['column']) in src}
bad = [k for k in src if got.get(k) != src[k]]
for k in bad: print('#', k, got.get(k), src[k])
sys.exit(1 if bad or len(got) != len(src) else 0)
EOF
  check $? "csv: every figure written in errors.gir's table 3 is the CSV's value"
else
  skip "csv: values, states, expected, rules equal the JSON's" "no python3"
fi

# ---- XLSX: LibreOffice opens it; values, merged ranges, determinism ----
"$GIRC" build -f xlsx -o "$T/m.xlsx" $M 2>/dev/null
"$GIRC" build -o "$T/m2.xlsx" $M 2>/dev/null
cmp -s "$T/m.xlsx" "$T/m2.xlsx"; check $? "xlsx: -o NAME.xlsx gives the same bytes as -f xlsx, twice"
"$GIRC" build -f xlsx $M 2>/dev/null | cmp -s - "$T/m.xlsx"; check $? "xlsx: standard output gives the same bytes"
if command -v soffice >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  mkdir -p "$T/conv"
  HOME="$T" soffice "-env:UserInstallation=file://$T/lo-profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$T/conv" "$T/errors.xlsx" "$T/m.xlsx" >"$T/soffice.log" 2>&1
  [ -s "$T/conv/errors-汇总.csv" ] && [ -s "$T/conv/m-gov2019 申请处理.csv" ]; check $? "xlsx: LibreOffice opens the workbooks and converts every sheet"
  python3 - "$T/conv" "$T/errors.json" "$T/m.json" <<'EOF'
import csv, json, os, sys
from decimal import Decimal
d = sys.argv[1]
bad = []
for name, jp in (('errors', sys.argv[2]), ('m', sys.argv[3])):
    j = json.load(open(jp, encoding='utf-8'))
    rows = list(csv.reader(open(os.path.join(d, name + '-汇总.csv'), encoding='utf-8', newline='')))
    head, row = rows[0], rows[1]
    if head[:6] != ['file', 'agency', 'year', 'template', 'errors', 'warnings']: bad.append('head %r' % head[:6])
    if row[1] != j['report']['agency'] or row[2] != str(j['report']['year']) or Decimal(row[4]) != j['errors']: bad.append('row %r' % row[:6])
    n = 0
    for s in j['sections']:
        t = s['table']
        if not t: continue
        for c in t['cells']:
            k = head.index('%s.%s.%s' % (t['name'], c['row'], c['column']))
            v = c['value']
            got = row[k] if k < len(row) else ''
            same = got == '' if v is None else (got == v if isinstance(v, str) else Decimal(got) == Decimal(str(v)))
            n += 1
            if not same: bad.append('%s %s.%s: %r vs %r' % (name, c['row'], c['column'], got, v))
    if n != len(head) - 6: bad.append('%s: %d cells, %d columns' % (name, n, len(head) - 6))
# the official layout in the 申请处理 sheet of errors.xlsx
t3 = list(csv.reader(open(os.path.join(d, 'errors-gov2021 申请处理.csv'), encoding='utf-8', newline='')))
if t3[0][0] != 'tests/data/errors.gir  新华县"示范",公安局  2021': bad.append('title %r' % t3[0][0])
if t3[1][3] != '申请人情况' or t3[2][4] != '法人或其他组织' or t3[3][4] != '商业企业': bad.append('header %r' % t3[1:4])
if t3[4] != ['一、本年新收政府信息公开申请数量', '', '', '17', '3', '0', '0', '2', '1', '24']: bad.append('新收 %r' % t3[4])
if t3[7][1].startswith('（二）部分公开') is False or t3[7][4] != '': bad.append('blank %r' % t3[7])
for b in bad[:20]: print('#', b)
sys.exit(1 if bad else 0)
EOF
  check $? "xlsx: LibreOffice reads back the JSON's values (summary sheet) and the official layout (table sheet)"
else
  skip "xlsx: LibreOffice opens the workbooks" "no soffice or python3"
fi
if command -v python3 >/dev/null 2>&1; then
  python3 - "$T/errors.xlsx" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read('xl/workbook.xml').decode()
names = re.findall(r'<sheet name="([^"]*)"', wb)
assert names == ['汇总', 'gov2021 主动公开', 'gov2021 申请处理', 'gov2021 复议诉讼'], names
s3 = z.read('xl/worksheets/sheet3.xml').decode()
m = set(re.findall(r'<mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"/>', s3))
# FORMATS.md table 3 (2021): the 勾稽 note corner 3x3, 申请人情况 over 7 columns,
# 法人或其他组织 over 5, 自然人 and 总计 down 2 rows, 三、本年度办理结果 down 22 rows
want = {'A2:C4', 'D2:J2', 'E3:I3', 'D3:D4', 'J3:J4', 'A7:A28'}
assert want <= m, sorted(want - m)
s4 = z.read('xl/worksheets/sheet4.xml').decode()
m4 = set(re.findall(r'<mergeCell ref="([^"]*)"/>', s4))
assert 'F2:O2' in m4, sorted(m4)   # table 4: 行政诉讼 over 10 columns
core = z.read('docProps/core.xml').decode()
assert '<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-20T12:00:00Z<' in core, core
EOF
  check $? "xlsx: merged ranges of FORMATS.md in the XML, sheet names, created time from the report's date"
fi

# ---- hostile bytes: invalid UTF-8 (U+FFFD) and a control character (dropped by the lexer, W0110) stay valid output ----
sed 's/"新华县\\"示范\\",公安局"/"新华\xff\x01县"/' $E > "$T/bad8.gir"
if command -v python3 >/dev/null 2>&1 && grep -q "$(printf '\377')" "$T/bad8.gir"; then
  for fmt in json csv xlsx; do "$GIRC" build -f $fmt -o "$T/bad8.$fmt" "$T/bad8.gir" 2>/dev/null; done
  python3 - "$T/bad8.json" "$T/bad8.csv" "$T/bad8.xlsx" <<'EOF2'
import csv, json, sys, zipfile
import xml.etree.ElementTree as ET
j = json.load(open(sys.argv[1], encoding='utf-8'))
assert j['report']['agency'] == '新华\ufffd县', j['report']['agency']
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8-sig', newline='')))
assert rows[0]['agency'] == '新华\ufffd县'
z = zipfile.ZipFile(sys.argv[3])
for n in z.namelist():
    if n.endswith('.xml'): ET.fromstring(z.read(n))
EOF2
  check $? "invalid UTF-8 and a control character become U+FFFD: valid JSON, CSV and XLSX XML"
else
  skip "invalid UTF-8 becomes U+FFFD" "no python3"
fi

# ---- a text field that looks like a formula is not run by a spreadsheet ----
sed 's/"新华县\\"示范\\",公安局"/"=HYPERLINK(\\"http:\/\/x\\")"/' $E > "$T/formula.gir"
"$GIRC" build -f csv "$T/formula.gir" 2>/dev/null | sed -n 2p | grep -qF ",\"'=HYPERLINK(\"\"http://x\"\")\",2021,"
check $? "csv: a field starting with = is written after a ' (and quoted for its quotes)"

# ---- batches: one output for many files and directories ----
"$GIRC" build -f csv -o "$T/two.csv" $M examples/xinhua-gongan-2021.gir 2>/dev/null; st=$?
n=$(grep -c '^.\{0,3\}file,agency,' "$T/two.csv")
[ $st -eq 0 ] && [ "$n" -eq 1 ] && [ "$(grep -c 'mahekou-2020.gir,' "$T/two.csv")" -eq 198 ] && [ "$(grep -c 'xinhua-gongan-2021.gir,' "$T/two.csv")" -eq 200 ]
check $? "csv batch: one BOM and header line, then each report's lines"
"$GIRC" build -f xlsx -o "$T/mix.xlsx" $M stdlib/gov2021.gir $E 2>"$T/err"; st=$?
[ $st -eq 1 ] && [ -s "$T/mix.xlsx" ] && grep -q 'E0802' "$T/err" && grep -q 'E0804' "$T/err"
check $? "xlsx batch: a file that is not a report is reported and left out, the others written, exit 1"
printf 'old\n' > "$T/keep.csv"
"$GIRC" build -f csv -o "$T/keep.csv" stdlib/gov2021.gir 2>/dev/null; st=$?
[ $st -eq 1 ] && [ "$(cat "$T/keep.csv")" = old ]; check $? "a batch with no report leaves an existing output intact"
"$GIRC" build -f xlsx -o "$T/nodir/x.xlsx" $M 2>"$T/err"; st=$?
[ $st -eq 2 ] && grep -q 'E0005' "$T/err" && [ ! -e "$T/nodir" ]; check $? "xlsx: an unwritable output is an I/O error (exit 2)"
[ -z "$(ls "$T" | grep '\.tmp\.')" ]; check $? "no temporary file is left beside the outputs"
if command -v python3 >/dev/null 2>&1; then
  # a template wider than Excel's 16,384 columns: libxlsxwriter refuses the cells
  python3 - "$T/wide.gir" <<'EOF'
import sys
cols = ' '.join('c%d "c%d"' % (i, i) for i in range(16400))
open(sys.argv[1], 'w').write('template wide "w" {\n years 2000 .. 9999\n section t "t" table t\n'
    ' table t "t" {\n  columns { %s }\n  rows { a "a" }\n }\n}\n'
    'report "r" {\n template wide\n agency "x"\n year 2021\n}\ntable t {}\n' % cols)
EOF
  printf 'old\n' > "$T/wide.xlsx"
  "$GIRC" build -o "$T/wide.xlsx" "$T/wide.gir" 2>"$T/err"; st=$?
  [ $st -eq 2 ] && grep -q 'E0805' "$T/err" && [ "$(cat "$T/wide.xlsx")" = old ] && [ -z "$(ls "$T" | grep 'wide.xlsx.tmp')" ]
  check $? "xlsx: a workbook libxlsxwriter cannot write is E0805, exit 2, the target untouched, no temporary file"
fi
"$GIRC" build -f json $M examples/xinhua-gongan-2021.gir >/dev/null 2>"$T/err"; st=$?
[ $st -eq 2 ] && grep -q 'E0004' "$T/err" && grep -q 'csv' "$T/err"; check $? "json takes one file: a second is a usage error naming the batch formats"
"$GIRC" build -f html examples >/dev/null 2>&1; check $(( $? != 2 )) "html takes no directory"

if command -v python3 >/dev/null 2>&1; then
  python3 tests/gen-batch.py "$T/batch" "$N"
  "$GIRC" build -f csv -o "$T/batch.csv" "$T/batch" 2>"$T/batch.err"; st1=$?
  "$GIRC" build -f xlsx -o "$T/batch.xlsx" "$T/batch" 2>>"$T/batch.err"; st2=$?
  [ $st1 -eq 1 ] && [ $st2 -eq 1 ] && [ -s "$T/batch.csv" ] && [ -s "$T/batch.xlsx" ]
  check $? "a batch of $N generated reports (some with errors) to csv and xlsx: written, exit 1"
  python3 tests/check-batch.py "$T/batch" "$T/batch.csv" "$T/batch.xlsx" > "$T/check.out"; st=$?
  sed -n 's/^# \(csv\|xlsx\): [0-9]* \(lines\|cells\).*/&/p' "$T/check.out"
  [ $st -ne 0 ] && head -20 "$T/check.out"
  check $st "batch of $N: every figure of the CSV and of the XLSX summary equals the one recomputed from the .gir files"
  [ "$(grep -c ',wrong,' "$T/batch.csv")" -gt 0 ] && [ "$(grep -c ',unknown,' "$T/batch.csv")" -gt 0 ]
  check $? "batch of $N: the generated errors show as wrong and unknown cells"
else
  skip "a batch of $N generated reports" "no python3"
fi
