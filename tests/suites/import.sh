#!/bin/sh
# tests/suites/import.sh - `girc import` and bulk checking.
#  1. Every published report in tests/import/corpus/ (copies of
#     ../shared/corpus/) imports into a .gir equal byte for byte to
#     tests/import/golden/NAME.gir (each golden was checked by reading the
#     original), with the import diagnostics of NAME.err.
#     The comments of the .gir are in the language of --lang: with
#     --lang=en, every import is the same .gir but for its comments, and
#     tests/import/golden-en/pingtan-2021.txt.{gir,err} is one such import
#     (with its English diagnostics), byte for byte.
#  2. `girc check` on each golden reports exactly the arithmetic findings
#     (E05xx, W05xx) and the "not checkable" notes (N05xx) listed by hand
#     in tests/import/expect/NAME.expect (see EXPECTED_ERRORS.md): codes
#     and positions. Every golden parses (no E01xx/E02xx).
#  3. Round trip: `girc build -f text` of a golden shows the published
#     numbers of tests/import/published/NAME.nums, row by row.
#  4. The seed's import has the table values of examples/mahekou-2020.gir
#     (compared through `girc build -f json`), except the one cell the
#     copy leaves blank (see EXPECTED_ERRORS.md).
#  5. Damaged inputs (truncated HTML, a missing row, wrong or no encoding
#     declaration, bad bytes, junk, markup in the prose) give a .gir that
#     parses and diagnostics naming what was lost. Damaged inputs of
#     every form (a cut, encrypted, text-less or unmapped PDF, a zip that
#     is not a .docx, a cut .docx, a .docx or text without a table or with
#     a table of no readable cell: E1062; a page cut off inside a table:
#     E1064) each exit 1 with the
#     diagnostics of tests/import/damaged/forms.err, and either write
#     nothing (an existing -o FILE untouched) or the whole .gir.
#  6. Bulk: import --check and check over directories, one summary line per
#     file and a tally, JSON for all, -j N with the same output as -j 1.
#  7. Size: a generated 1,000-row table of 50 cells a row (HTML) and an
#     80 KB text page whose one table row holds all its numbers import
#     under a memory cap (ulimit -v 256 MB; for a build that cannot start
#     under ulimit -v, such as ASan's, a 512 MB peak RSS measured by
#     /usr/bin/time), so cost that grows faster than the input fails here.
#     No timing.
# Prints one "ok - NAME" / "not ok - NAME" line per test.
# GIRC_UPDATE_GOLDEN=1 rewrites the goldens (NAME.gir, NAME.err, and the
# English ones) only.
GIRC=${GIRC:-build/girc}
D=tests/import
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-import.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
imp() { "$GIRC" --color=never --lang=zh import "$@"; }
# "CODE LINE:COL" of the E05/W05/N05 diagnostics of a human-format stream.
# R3.8 (this year's 结转 = last year's 结转下年) applies only when a report
# names last year's; the goldens do not, so its notes are left out.
findings() { grep -v ' R3\.8（' | sed -n 's/^[^ ]*:\([0-9]*\):\([0-9]*\): [a-z]*\[\([EWN]05[0-9][0-9]\)\].*/\3 \1:\2/p' | sort; }
# numbers of each table row of `girc build -f text`, one row a line
numbers() {
  awk -F'│' '{ out = ""; for (i = 2; i < NF; i++) { v = $i; gsub(/^ +| +$/, "", v);
    sub(/^\+/, "", v)
    if (v ~ /^-?[0-9]+(\.[0-9]+)?(元|万元)?$/) out = out (out == "" ? "" : " ") v }
    if (out != "") print out }'
}

# ---- 1, 2: goldens and findings ----
for f in $D/corpus/*.txt $D/corpus/*.html; do
  b=$(basename "$f")
  imp "$f" > "$T/$b.gir" 2> "$T/$b.err"; echo "[exit $?]" >> "$T/$b.err"
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then
    cp "$T/$b.gir" "$D/golden/$b.gir"; cp "$T/$b.err" "$D/golden/$b.err"; ok "golden $b (updated)"; continue
  fi
  if cmp -s "$T/$b.gir" "$D/golden/$b.gir"; then ok "import $b: .gir equals the golden"
  else nok "import $b: .gir equals the golden"; diff "$D/golden/$b.gir" "$T/$b.gir" | head -20; fi
  if cmp -s "$T/$b.err" "$D/golden/$b.err"; then ok "import $b: diagnostics equal the golden"
  else nok "import $b: diagnostics equal the golden"; diff "$D/golden/$b.err" "$T/$b.err" | head -20; fi
  "$GIRC" --color=never --lang=zh --column-unit=char check "$D/golden/$b.gir" > /dev/null 2> "$T/$b.check"
  ! grep -q '\[E0[12][0-9][0-9]\]' "$T/$b.check"; check $? "golden $b parses"
  findings < "$T/$b.check" > "$T/$b.got"
  grep -av "^#" "$D/expect/$b.expect" 2>/dev/null | awk 'NF { print $1, $2 }' | sort > "$T/$b.want"
  if [ ! -f "$D/expect/$b.expect" ]; then nok "check $b: missing $D/expect/$b.expect"
  elif cmp -s "$T/$b.got" "$T/$b.want"; then ok "check $b: findings equal the hand-made list ($(wc -l < "$T/$b.want"))"
  else nok "check $b: findings equal the hand-made list"; diff "$T/$b.want" "$T/$b.got" | head -10; fi
done

# ---- 1 (cont.): the comments follow --lang ----
uncomment() { sed 's/ *#.*//' "$1"; }
for f in $D/corpus/*.txt $D/corpus/*.html; do
  b=$(basename "$f")
  "$GIRC" --color=never --lang=en import "$f" > "$T/$b.en.gir" 2> /dev/null
  uncomment "$T/$b.gir" > "$T/$b.zh.vals"; uncomment "$T/$b.en.gir" > "$T/$b.en.vals"
  cmp -s "$T/$b.zh.vals" "$T/$b.en.vals" && ! cmp -s "$T/$b.gir" "$T/$b.en.gir"
  check $? "import --lang=en $b: the same .gir but for its comments"
done
for b in pingtan-2021.txt; do
  "$GIRC" --color=never --lang=en import "$D/corpus/$b" > "$T/$b.en.gir" 2> "$T/$b.en.err"; echo "[exit $?]" >> "$T/$b.en.err"
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then
    mkdir -p "$D/golden-en"; cp "$T/$b.en.gir" "$D/golden-en/$b.gir"; cp "$T/$b.en.err" "$D/golden-en/$b.err"
    ok "golden-en $b (updated)"; continue
  fi
  if cmp -s "$T/$b.en.gir" "$D/golden-en/$b.gir"; then ok "import --lang=en $b: .gir equals the English golden"
  else nok "import --lang=en $b: .gir equals the English golden"; diff "$D/golden-en/$b.gir" "$T/$b.en.gir" | head -20; fi
  cmp -s "$T/$b.en.err" "$D/golden-en/$b.err"; check $? "import --lang=en $b: diagnostics equal the English golden"
done

# ---- 3: round trip ----
if "$GIRC" --help 2>/dev/null | grep -q '^  build'; then
  for n in $D/published/*.nums; do
    b=$(basename "$n" .nums)
    "$GIRC" build -f text "$D/golden/$b.gir" 2>/dev/null | numbers > "$T/$b.rt"
    grep -v '^#' "$n" | sed 's/^+//; s/ +/ /g' > "$T/$b.pub"
    if cmp -s "$T/$b.rt" "$T/$b.pub"; then ok "round trip $b: build -f text shows the published numbers"
    else nok "round trip $b: build -f text shows the published numbers"; diff "$T/$b.pub" "$T/$b.rt" | head -10; fi
  done
else
  ok "round trip: SKIPPED, this girc has no build command (# SKIP)"
fi

# ---- 4: the seed and the hand-made example ----
cells() {
  "$GIRC" build -f json "$1" 2>/dev/null |
    sed -n 's/.*"row": *"\([^"]*\)", *"column": *"\([^"]*\)".*"value": *\([^,]*\),.*/\1 \2 \3/p' | sort
}
if "$GIRC" --help 2>/dev/null | grep -q '^  build'; then
  cells "$D/golden/seed-mahekou-2020.txt.gir" > "$T/seed.cells"
  cells examples/mahekou-2020.gir > "$T/example.cells"
  n=$(wc -l < "$T/seed.cells")
  diff "$T/example.cells" "$T/seed.cells" | grep '^[<>]' > "$T/seed.diff"
  printf '< 结转下年 自然人 0\n> 结转下年 自然人 null\n' | cmp -s - "$T/seed.diff"
  check $? "seed: the $n table values equal examples/mahekou-2020.gir but the cell the copy leaves blank"
else
  ok "seed vs example: SKIPPED, this girc has no build command (# SKIP)"
fi

# ---- 5: damaged inputs ----
# control characters in a page's prose (an OSC 52 escape, BEL, a C1 CSI)
# never reach the .gir girc prints: they become spaces
printf '2023年政府信息公开工作年度报告\n一、总体情况\n本年度\033]52;c;aGVsbG8=\a我局\302\23331m 做了工作。\n' > "$T/esc.txt"
imp "$T/esc.txt" > "$T/esc.gir" 2> /dev/null
! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/esc.gir" && ! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$T/esc.gir" &&
  grep -qF '本年度 \]52;c;aGVsbG8= 我局 31m 做了工作。' "$T/esc.gir"
check $? "control characters in the prose of a page become spaces in the .gir (no escape sequence reaches a terminal)"
# … and in the title, the agency, the comments (text before the first part,
# what was not understood), C1 (U+009B, a CSI) too; W1061 says so at the
# first one, in zh and en
printf '前言\033]52;c;aGVsbG8=\a开头\302\233\n2023年政府信息公开工作年度报告\n一、总体情况\n本年度我局做了工作。\n二、主动公开政府信息情况\n规章 \033[31m 0 0 0 乱\033[0m码\n' > "$T/esc2.txt"
imp "$T/esc2.txt" > "$T/esc2.gir" 2> "$T/esc2.err"
"$GIRC" --color=never --lang=en import "$T/esc2.txt" 2>&1 > /dev/null | grep -A2 'W1061' > "$T/esc2.en"
! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/esc2.gir" && ! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$T/esc2.gir" &&
  grep -qF '#   前言 ]52;c;aGVsbG8= 开头 ' "$T/esc2.gir" &&
  grep -A2 'W1061' "$T/esc2.err" | sed "s|$T/||" > "$T/esc2.zh" &&
  printf '%s\n' 'esc2.txt:1:5: warning[W1061]: 输入中有 5 个控制字符（此处为第一个，如终端的转义序列）：在 .gir 中写为空格，不会传到终端' \
    '    1 | 前言�]52;c;aGVsbG8=�开头�' '      |     ^' | cmp -s - "$T/esc2.zh" &&
  sed "s|$T/||" "$T/esc2.en" | head -n 1 | grep -qxF 'esc2.txt:1:5: warning[W1061]: the input holds 5 control characters (the first is here; a terminal escape sequence, for instance): written as spaces in the .gir, so none reaches a terminal'
check $? "control characters anywhere (title, agency, comments; C0 and C1) never reach the .gir; W1061 at the first (zh, en)"

dmg() {  # NAME, then the codes (and texts) the diagnostics must contain
  n=$1; shift
  imp "$D/damaged/$n" > "$T/d.gir" 2> "$T/d.err"; st=$?
  "$GIRC" --color=never check "$T/d.gir" > /dev/null 2> "$T/d.check"
  ! grep -q '\[E0[12][0-9][0-9]\]\|\[E1023\]' "$T/d.check" && [ -s "$T/d.gir" ]; check $? "damaged $n: the .gir parses"
  for want in "$@"; do grep -qF "$want" "$T/d.err"; check $? "damaged $n: diagnostics name $want"; done
}
dmg truncated-2021.html 'error[E1064]' '三、收到和处理政府信息公开申请情况' '“四、政府信息公开行政复议、行政诉讼情况”'
grep -q '"4.保护第三方合法权益" *_ *_ *_ *_ *_ *_ *_$' "$T/d.gir" && grep -q '# 输入在这一行之前结束' "$T/d.gir"
check $? "damaged truncated-2021.html: the rows after the cut are written _ with a comment"
# cut off inside table 2: one E1064 naming both tables lost after it, exit 1
head -n 20 "$D/corpus/excerpt-009.txt" > "$T/cut2.txt"
imp "$T/cut2.txt" > "$T/cut2.gir" 2> "$T/cut2.err"; st=$?
[ $st -eq 1 ] && [ "$(grep -c 'error\[' "$T/cut2.err")" -eq 1 ] &&
  grep -q 'error\[E1064\]: 输入在“二、主动公开政府信息情况”中结束（报告不完整）.*连同表格“三、收到和处理政府信息公开申请情况”、“四、政府信息公开行政复议、行政诉讼情况”' "$T/cut2.err" &&
  grep -q '^# 输入中没有表格 申请处理' "$T/cut2.gir" && grep -q '^# 输入中没有表格 复议诉讼' "$T/cut2.gir"
check $? "cut off inside table 2: one error E1064 naming tables 3 and 4, exit 1, their places comments"
"$GIRC" --color=never --lang=en import "$T/cut2.txt" 2>&1 > /dev/null |
  grep -qF "error[E1064]: the input ends inside '二、主动公开政府信息情况' (the report is cut short): that table's cells after the cut are written _ (missing), and every part after it is missing, with the tables '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'"
check $? "cut off inside table 2: E1064 in English"
dmg missing-row-2023.html 'W1011' '3.危及“三安全一稳定”'
grep -q '"2.其他法律行政法规禁止公开" *0 *0 *0 *0 *0 *0 *0$' "$T/d.gir" && grep -q '"3.危及“三安全一稳定”" *_ *_ *_ *_ *_ *_ *_$' "$T/d.gir" &&
  grep -q '"4.保护第三方合法权益" *1 *0 *0 *0 *0 *0 *1$' "$T/d.gir"
check $? "damaged missing-row-2023.html: the rows around the missing one keep their values"
dmg seed-missing-row.txt 'W1011' '规范性文件'
dmg gbk-declared-utf8.html 'W1001' 'GB18030'
sed -n '/^table/,$p' "$T/d.gir" > "$T/d1"; sed -n '/^table/,$p' "$D/golden/pingtan-2019.html.gir" > "$T/d2"
cmp -s "$T/d1" "$T/d2"; check $? "damaged gbk-declared-utf8.html: same tables as the UTF-8 page"
dmg utf8-declared-gbk.html 'W1001' 'UTF-8'
sed -n '/^table/,$p' "$T/d.gir" > "$T/d1"; cmp -s "$T/d1" "$T/d2"; check $? "damaged utf8-declared-gbk.html: same tables as the golden"
imp "$D/damaged/gbk-ok.html" > "$T/d.gir" 2> "$T/d.err"
sed -n '/^table/,$p' "$T/d.gir" > "$T/d1"; cmp -s "$T/d1" "$T/d2" && ! grep -q 'W100[12]' "$T/d.err"
check $? "a GBK page that says gb2312 reads as the UTF-8 page, without warnings"
dmg bad-bytes.txt 'W1002' 'W1003'
dmg empty.txt 'E1006'
# random bytes are told by their content to be binary: one error, no .gir
imp "$D/damaged/junk.txt" > "$T/d.gir" 2> "$T/d.err"; st=$?
[ $st -eq 1 ] && [ ! -s "$T/d.gir" ] && grep -qF 'E1026' "$T/d.err" && [ "$(grep -c 'error\[' "$T/d.err")" -eq 1 ]
check $? "damaged junk.txt: binary data is one error E1026, exit 1, nothing written"
dmg markup-prose.txt 'N1005'
grep -qF '三个引号""\"在这里，四个引号""\""也在这里，七个引号""\""\""\"到此' "$T/d.gir" && grep -qF '\# 这一行以井号开头' "$T/d.gir" &&
  grep -qF '1\. 这一行像有序列表' "$T/d.gir" && grep -qF '\<b>像标签\</b> \&amp;' "$T/d.gir"
check $? "damaged markup-prose.txt: quotes, #, *, 1., <, & in the prose are escaped, never a triple quote"

# Damaged inputs of every form (issue 11 §5): each names what was lost,
# exit 1, and never a half-written .gir. Those that cannot be read (a cut
# PDF, an encrypted one, one without a text layer, one without a Unicode
# mapping, a zip that is not a .docx, a cut .docx) write nothing; those
# that lack a table (a .docx without its table 4, a text without it, a
# text whose table 4 has no readable cell) write the whole .gir, the
# table's place a comment (E1062); so does a page cut off inside a table
# (E1064: the cells after the cut are _, the tables after it comments).
# The diagnostics, exit status and what
# was written equal tests/import/damaged/forms.err, byte for byte.
mkdir -p "$T/forms"
: > "$T/forms.err"
for f in pdf/truncated.pdf pdf/encrypted.pdf pdf/no-text.pdf pdf/no-unicode.pdf docx/plain.zip.docx docx/truncated.docx \
         docx/no-table-3.docx damaged/no-table-4-2021.txt damaged/unread-table-2021.txt damaged/truncated-2021.html; do
  o="$T/forms/$(basename "$f").gir"
  echo "stale" > "$o.keep"
  imp "$D/$f" > "$T/forms/stdout" 2> "$T/forms/err"; st=$?
  imp -o "$o" "$D/$f" > /dev/null 2>&1; sto=$?
  imp -o "$o.keep" "$D/$f" > /dev/null 2>&1
  if [ ! -e "$o" ]; then got="no .gir"
  elif [ "$(sed 1d "$o")" = "$(sed 1d "$T/forms/stdout")" ] && tail -n 1 "$o" | grep -q '^\(}\|"""\|# .*\)$' &&
       ! "$GIRC" --color=never check "$o" 2>&1 | grep -q '\[E0[12][0-9][0-9]\]'; then got=".gir written whole"
  else got=".gir written but not whole"; fi
  if [ ! -e "$o" ] && [ "$(cat "$o.keep")" != stale ]; then got="$got, an existing -o FILE overwritten"; fi
  { echo "== $f"; cat "$T/forms/err"
    echo "[exit $st, with -o: exit $sto, $got]"; } >> "$T/forms.err"
done
[ "$(ls "$T/forms" | grep -vc '\.gir$\|\.keep$\|^stdout$\|^err$')" -eq 0 ]; check $? "damaged inputs of every form: no temporary file left"
if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$T/forms.err" "$D/damaged/forms.err"; fi
cmp -s "$T/forms.err" "$D/damaged/forms.err" || diff "$D/damaged/forms.err" "$T/forms.err" | head -20
check $? "damaged inputs of every form: diagnostics, exit 1 and what was written equal tests/import/damaged/forms.err"
[ "$(grep -c '^\[exit 1, with -o: exit 1, ' "$T/forms.err")" -eq 10 ] && ! grep -q 'not whole\|overwritten\|\[exit 0' "$T/forms.err"
check $? "damaged inputs of every form: each exits 1, nothing half-written"

# a small page of our own: table 2 split in two tables, an empty cell
# spanning five columns, a merged (rowspan) value cell, two planted errors
imp "$D/damaged/synthetic-2021.html" > "$T/s.gir" 2> "$T/s.err"
grep -q '"行政许可" *12$' "$T/s.gir" && grep -q '"行政事业性收费" *1.5$' "$T/s.gir"
check $? "synthetic-2021.html: table 2 split over two <table>s is read"
grep -q '"一、本年新收政府信息公开申请数量" *5 _ _ _ _ _ 5$' "$T/s.gir"
check $? "synthetic-2021.html: an empty cell with colspan=5 is five blank cells"
grep -q '"（二）部分公开（区分处理的，只计这一情形，不计其他情形）" *_ 0 0 0 0 0 2$' "$T/s.gir"
check $? "synthetic-2021.html: under a merged (rowspan) value cell the row keeps its columns, the covered cell blank"
! grep -q '版权所有\|首页' "$T/s.gir" && sed -n '/^section 其他事项/,/^"""$/p' "$T/s.gir" | tail -n 4 | tr '\n' '|' | grep -qx '合成县测试局||2022年1月20日|"""|'
check $? "synthetic-2021.html: navigation and footer left out, the 落款 the last lines of the last part's prose"
"$GIRC" --color=never check "$T/s.gir" 2>&1 >/dev/null | findings | awk '$1 ~ /^E/' > "$T/s.find"
[ "$(wc -l < "$T/s.find")" -eq 2 ]; check $? "synthetic-2021.html: check finds the two planted total errors (E0501)"

# the 落款 is prose, so girc check reads it (W0672, W0673): a one-line copy
# whose 落款 names another agency, dated after the publication date
sed 's/平潭综合实验区财政金融局 2021年1月27日 附件下载/平潭综合实验区市场监督管理局 2021年2月27日 附件下载/' $D/corpus/pingtan-czj-2020.txt > "$T/sig.txt"
imp "$T/sig.txt" > "$T/sig.gir" 2> /dev/null
"$GIRC" --color=never check "$T/sig.gir" > /dev/null 2> "$T/sig.err"
sed -n '/^section 其他事项/,/^"""$/p' "$T/sig.gir" | grep -qx '平潭综合实验区市场监督管理局 2021年2月27日' && grep -q '^# 落款之后的网页文字：附件下载$' "$T/sig.gir" &&
  grep -q 'sig\.gir:[0-9]*:1: warning\[W0672\]: 落款的机关“平潭综合实验区市场监督管理局”与 agency 字段的“平潭综合实验区财政金融局”不一致' "$T/sig.err" &&
  grep -q 'sig\.gir:[0-9]*:[0-9]*: warning\[W0673\]: 落款日期 2021-02-27 晚于 date 字段的发布日期 2021-01-28' "$T/sig.err"
check $? "an imported 落款 is prose: check warns W0672 (another agency) and W0673 (dated after the date); 附件下载 a comment"
# … and no corpus import warns either (their 落款 are right)
n=0; for g in $D/golden/*.gir; do "$GIRC" --color=never check "$g" 2>&1 | grep -q 'W067[23]' && n=$((n + 1)); done
[ $n -eq 0 ]; check $? "no corpus import's 落款 warns W0672/W0673 ($n do)"

# ---- 6: bulk ----
imp --check "$D/corpus" > "$T/b1.out" 2>&1; st1=$?
imp --check -j 4 "$D/corpus" > "$T/b4.out" 2>&1; st4=$?
cmp -s "$T/b1.out" "$T/b4.out" && [ $st1 -eq $st4 ]; check $? "import --check DIR: -j 4 prints what -j 1 prints"
nin=$(ls "$D"/corpus | wc -l)   # every file, by content: README.md too (a text without a report)
nsum=$(grep -c '^tests/import/corpus/[^:]*：' "$T/b1.out")
[ "$nsum" -eq "$nin" ] && tail -n 1 "$T/b1.out" | grep -q "^共 $nin 个文件"; check $? "import --check DIR: one summary line per file ($nsum) and a tally"
[ $st1 -eq 1 ]; check $? "import --check DIR: exit 1 (the excerpts lack parts)"
imp --check --diagnostics=json -j 3 "$D/corpus" > "$T/bj.out" 2>"$T/bj.err"
[ "$(grep -c '"kind":"file"' "$T/bj.out")" -eq "$nin" ] && [ "$(grep -c '"kind":"tally"' "$T/bj.out")" -eq 1 ] &&
  [ "$(grep -c '"code":"N1005"' "$T/bj.out")" -eq "$nin" ] && [ ! -s "$T/bj.err" ]
check $? "import --check --diagnostics=json: every diagnostic, summary and the tally as JSON"
mkdir -p "$T/outdir"
imp -o "$T/outdir" "$D/corpus/seed-mahekou-2020.txt" "$D/corpus/pingtan-2021.html" > /dev/null 2>&1
cmp -s "$T/outdir/seed-mahekou-2020.gir" "$D/golden/seed-mahekou-2020.txt.gir"; check $? "import -o DIR writes DIR/NAME.gir"
imp "$D/corpus/seed-mahekou-2020.txt" "$D/corpus/pingtan-2021.html" > /dev/null 2>&1; [ $? -eq 2 ]
check $? "several inputs without -o or --check: usage error"
imp -j 0 --check "$D/corpus" > /dev/null 2>&1; [ $? -eq 2 ]; check $? "-j 0 is a usage error"
"$GIRC" --color=never check "$D/golden" > "$T/c1.out" 2>&1; c1=$?
"$GIRC" --color=never check -j 5 "$D/golden" > "$T/c5.out" 2>&1; c5=$?
cmp -s "$T/c1.out" "$T/c5.out" && [ $c1 -eq $c5 ]; check $? "check DIR: -j 5 prints what -j 1 prints"
ngir=$(ls "$D"/golden/*.gir | wc -l)
[ "$(grep -c '^tests/import/golden/[^:]*：' "$T/c1.out")" -eq "$ngir" ]; check $? "check DIR: one summary line per .gir ($ngir)"
grep -q '^tests/import/golden/seed-mahekou-2020.txt.gir：1 个警告，2 项无法核对$' "$T/c1.out"
check $? "check DIR: the summary counts not-checkable rules apart"
"$GIRC" --color=never check examples/mahekou-2020.gir > "$T/s.out" 2> "$T/s.err"
! grep -q '：\|共 ' "$T/s.out"; check $? "check FILE: no summary line or tally for a single file"

# ---- 7: size ----
# the generated pages: tools/gen-import.sh (the bench's generator too)
big_table() { tools/gen-import.sh rows "$1"; }
long_row() { tools/gen-import.sh row "$1"; }
# capped FILE: imports FILE into $T/cap.gir under the memory cap; exit
# status of the import (3 when the cap was exceeded)
if (ulimit -v 262144 && "$GIRC" --version) > /dev/null 2>&1; then
  cap_how="ulimit -v 256 MB"
  capped() { (ulimit -v 262144; "$GIRC" --color=never import "$1" > "$T/cap.gir" 2> "$T/cap.err"); }
elif [ -x /usr/bin/time ]; then
  cap_how="peak RSS 512 MB"
  capped() {
    /usr/bin/time -f '%M' -o "$T/cap.rss" "$GIRC" --color=never import "$1" > "$T/cap.gir" 2> "$T/cap.err"; st=$?
    [ "$(tail -n 1 "$T/cap.rss")" -le 524288 ] || return 3
    return $st
  }
else
  cap_how=""
fi
if [ -n "$cap_how" ]; then
  big_table 1000 > "$T/table.html"
  capped "$T/table.html"; st=$?
  "$GIRC" --color=never check "$T/cap.gir" > /dev/null 2> "$T/cap.check"
  [ $st -le 1 ] && ! grep -q '\[E0[12][0-9][0-9]\]' "$T/cap.check" &&
    grep -Eq '^  "一、本年新收政府信息公开申请数量"( +[0-9]+){7}$' "$T/cap.gir"
  check $? "size: a 1,000 x 50-cell table imports under $cap_how, its rows read"
  long_row 80000 > "$T/row.txt"
  capped "$T/row.txt"; st=$?
  "$GIRC" --color=never check "$T/cap.gir" > /dev/null 2> "$T/cap.check"
  [ $st -le 1 ] && ! grep -q '\[E0[12][0-9][0-9]\]' "$T/cap.check" && grep -q '^  "规章" *1 2 3$' "$T/cap.gir"
  check $? "size: an 80 KB page whose one table row holds every number imports under $cap_how"
else
  ok "size: SKIPPED, neither ulimit -v nor /usr/bin/time can cap this girc (# SKIP)"
  ok "size: SKIPPED (# SKIP)"
fi

# a part whose heading is there but whose table is gone: E1062 at the heading
imp $D/damaged/no-table-4-2021.txt > /dev/null 2> "$T/notab.err"; st=$?
[ $st -eq 1 ] && grep -q '^[^ ]*no-table-4-2021\.txt:10:[0-9]*: error\[E1062\]: 输入中没有表格“四、政府信息公开行政复议、行政诉讼情况”' "$T/notab.err" &&
  grep -A1 'E1062' "$T/notab.err" | grep -q '行政诉讼情况 五、'
check $? "a heading whose table is gone: E1062 points at the heading, exit 1"
