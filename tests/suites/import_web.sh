#!/bin/sh
# tests/suites/import_web.sh - `girc import` on web pages as they really
# are: small realistic pages and texts in tests/import/web/, each with a
# golden NAME.gir and its diagnostics NAME.err (compared byte for byte),
# and assertions on the exact bug each input was made for:
#   markdown-2023.txt   Markdown headings and tables (| --- | rows, leading
#                       pipes), a page footer "— 2 —" between two tables
#   script-2023.html    the same report as HTML in a JavaScript string
#                       (let content = "…" with \" and \/ escapes)
#   script-concat-2023.html  the same string as a chain of literals, one a
#                       line, joined by + (double and single quotes)
#   script-append-2023.html  the same built statement by statement
#                       (var html = ""; html += "…"; …)
#   script-join-2023.html    the same as an array of pieces, joined
#                       (["…", "…"].join(""))
#   script-write-2023.html   the same written by one document.write a line
#   api-2023.json       the same report in a JSON API answer, every
#                       Chinese character a \uXXXX escape
#   nulref-2023.html    a value cell "26&#0;2": a NUL character reference
#   headings-variant-2023.txt  五、存在的主要问题及改进措施 (an alias of the
#                       template); a run-in heading 六、其他需要报告的事项无
#   headings-plan-2023.txt     五、…改进情况和明年工作计划; 六、…事项：本年度…
#   headings-runin-2023.txt    an unnumbered run-in heading 其他需要报告的事项：无。
#   headings-misnumbered-2023.txt  table 4 left out, parts 5 and 6 numbered
#                       四 and 五: their words, not their numbers, decide
#   cell-notes-2024.html  cells "13（含废止2件）" and "47（其中修订16件）"
#   zeros-2023.txt      "000" and, after the empty cell of a label that
#                       spans two columns, "0000000" (seven cells)
#   block-order-2023.txt  table 2's blocks in the order （一）（八）（六）（五）
#   group-after-2023.txt  the group label （三）不予公开 on the row after its
#                       first row 1.属于国家秘密 (a label centred on a rowspan)
#   prose-split-2023.txt  table 2's "13698" (six readings), and the prose
#                       "现行有效行政规范性文件698件" that leaves one
#   header-broken-2024.txt   the title over two lines, the year "2024 年"
#   note-after-2023.txt  markdown-2023.txt with table 3's note moved out of
#                       the table, to the line after it (注：…。): N1063
#   header-period-2024.html  no year in the title, "2019年修订" before the
#                       statistics period "统计期限为2024年1月1日至12月31日"
# and, made in the test from girc's own HTML of examples/xinhua-gongan-2021
# (tests/import/drop-table.py): the page itself (the paragraph before
# table 4 is prose: no W1016) and the page without part 三's table
# (error E1062 at its heading, no-table-3.err in zh and en; exit 1, the
# .gir still written whole with -o, its place marked by a comment).
# and the page with table 3's note moved out of the table, after or before
# it (tests/import/move-note.py): the table's note, not prose (N1063,
# note-outside.err).
# Round trip: every examples/*.gir built with `girc build -f html` (the
# page itself) imports back, exit 0, to every cell of the example
# (tests/import/forms/compare.sh --json).
# Prints one "ok - NAME" / "not ok - NAME" line per test.
# GIRC_UPDATE_GOLDEN=1 rewrites the goldens (review the diff).
GIRC=${GIRC:-build/girc}
D=tests/import/web
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-web.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
imp() { "$GIRC" --color=never --lang=zh import "$@"; }

# ---- goldens ----
for f in $D/*; do
  case $f in *.gir|*.err) continue ;; esac
  b=$(basename "$f")
  imp "$f" > "$T/$b.gir" 2> "$T/$b.err"; echo "[exit $?]" >> "$T/$b.err"
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then
    cp "$T/$b.gir" "$D/$b.gir"; cp "$T/$b.err" "$D/$b.err"; ok "golden $b (updated)"; continue
  fi
  if cmp -s "$T/$b.gir" "$D/$b.gir"; then ok "import $b: .gir equals the golden"
  else nok "import $b: .gir equals the golden"; diff "$D/$b.gir" "$T/$b.gir" | head -20; fi
  if cmp -s "$T/$b.err" "$D/$b.err"; then ok "import $b: diagnostics equal the golden"
  else nok "import $b: diagnostics equal the golden"; diff "$D/$b.err" "$T/$b.err" | head -20; fi
  "$GIRC" --color=never check "$T/$b.gir" > /dev/null 2> "$T/$b.check"
  ! grep -q '\[E0[12][0-9][0-9]\]' "$T/$b.check"; check $? "$b: the .gir parses"
done
g() { sed 's/ *#.*//' "$T/$1.gir"; }   # the .gir without its comments

# ---- Markdown and footers ----
b=markdown-2023.txt
! grep -q 'W1015\|W1016' "$T/$b.err"; check $? "$b: no separator row, '#' mark or footer read as a cell"
g $b | grep -q '"行政事业性收费" *59.4$'; check $? "$b: the footer after the last row of table 1 is not a value"
! g $b | grep -q '##'; check $? "$b: '#' marks of headings are not prose"
g $b | grep -q '"一、本年新收政府信息公开申请数量" *8 1 0 0 0 0 9$' && g $b | grep -q '^  1 0 0 0 1 0 0 0 0 0 0 0 0 0 0$'
check $? "$b: leading pipes are not empty cells (no shift)"

# ---- HTML inside a script or JSON string ----
tables() { sed -n '/^table/,$p' "$1" | sed 's/ *#.*//'; }
tables "$D/markdown-2023.txt.gir" > "$T/md.tables"
for b in script-2023.html script-concat-2023.html script-append-2023.html script-join-2023.html script-write-2023.html api-2023.json; do
  grep -q 'N1050' "$T/$b.err"; check $? "$b: the report inside the string is found (N1050)"
  tables "$T/$b.gir" > "$T/$b.tables"
  cmp -s "$T/md.tables" "$T/$b.tables"; check $? "$b: every table cell as in the Markdown copy of the same report"
done
grep -q '^  date     2024-01-20 ' "$T/script-2023.html.gir"; check $? "script-2023.html: the head of the page around the script is read (PubDate)"
b=nulref-2023.html
grep -q 'W1051' "$T/$b.err" && ! g $b | grep -q '"行政许可" *262$'
check $? "$b: a NUL character reference separates (never 262) and is reported (W1051)"

# ---- header fields ----
b=header-broken-2024.txt
grep -q '^report "合成区交通运输局2024 年政府信息公开工作年度报告" {$' "$T/$b.gir" &&
  grep -q '^  year     2024  *# 取自标题$' "$T/$b.gir" && grep -q '^  agency   "合成区交通运输局" ' "$T/$b.gir"
check $? "$b: a title over two lines is joined, its spaced year read (2024)"
b=header-period-2024.html
grep -q '^  year     2024  *# 取自统计期限一句$' "$T/$b.gir"; check $? "$b: the year of the statistics period beats an earlier year of the text, marked as such"
grep -q '^  agency   "合成区交通运输局"' "$T/$b.gir"; check $? "$b: the agency from a title without a year"

# ---- headings ----
b=headings-variant-2023.txt
grep -q '^# 原文的标题：五、存在的主要问题及改进措施$' "$T/$b.gir" && ! grep -q 'W1007' "$T/$b.err"
check $? "$b: a variant heading is the part's, its wording kept"
sed -n '/^section 其他事项/,/^"""$/p' "$T/$b.gir" | grep -qx '无'; check $? "$b: a run-in heading is the heading and the prose 无"
b=headings-plan-2023.txt
grep -q '^# 原文的标题：五、存在的主要问题及改进情况和明年工作计划$' "$T/$b.gir" && ! grep -q '^和明年工作计划' "$T/$b.gir"
check $? "$b: …和明年工作计划 is all heading, not prose"
sed -n '/^section 其他事项/,/^"""$/p' "$T/$b.gir" | grep -qx '本年度未收取信息处理费。'; check $? "$b: 事项：text is a heading and its prose"
b=headings-misnumbered-2023.txt
! grep -q 'W1007' "$T/$b.err" && grep -q 'error\[E1062\].*四、政府信息公开行政复议' "$T/$b.err" && [ "$(grep -c 'N1009' "$T/$b.err")" -eq 2 ]
check $? "$b: the words beat the numbers: only the table really missing is reported, each renumbered heading noted"
grep -q '^section 问题改进' "$T/$b.gir" && grep -q '^section 其他事项' "$T/$b.gir"; check $? "$b: parts 5 and 6 are found"

# ---- notes inside cells, run-together zeros ----
b=cell-notes-2024.html
g $b | grep -q '"行政规范性文件" *7 13 47$' && ! grep -q 'W1016\|W1015' "$T/$b.err" &&
  grep -q '^  # 现行有效件数：“47(其中修订16件)” → 47$' "$T/$b.gir"
check $? "$b: a note in a cell is never a value, and is kept as a comment"
b=zeros-2023.txt
g $b | grep -q '"二、上年结转政府信息公开申请数量" *0 0 0 0 0 0 0$' && g $b | grep -q '"规章" *0 *0 *0$' && ! grep -q 'W1015' "$T/$b.err"
check $? "$b: 0000000 is seven cells, split by the rules of run-together digits"

# ---- table 2's blocks in any order; a group label after its first row ----
b=block-order-2023.txt
g $b | grep -q '"行政许可" *262$' && g $b | grep -q '"行政事业性收费" *59.4$' && ! grep -q 'N1012' "$T/$b.err"
check $? "$b: each block of table 2 matched by its labels, wherever it stands"
b=group-after-2023.txt
g $b | grep -q '"1.属于国家秘密" *1 0 0 0 0 0 1$' && ! grep -q 'W1015\|N1012' "$T/$b.err"
check $? "$b: a group label after its first row does not knock that row out"

# ---- the prose settles run-together digits ----
b=prose-split-2023.txt
g $b | grep -q '"行政规范性文件" *1 3 698$' && grep -q 'N1052' "$T/$b.err" && ! grep -q 'W1014' "$T/$b.err" &&
  grep -q '^  # 推断：由正文“行政规范性文件698件”确定拆法：1 3 698$' "$T/$b.gir"
check $? "$b: the one reading the prose allows is taken, and the comment says so"
b=headings-runin-2023.txt
! grep -q 'W1007' "$T/$b.err" && sed -n '/^section 其他事项/,/^"""$/p' "$T/$b.gir" | grep -qx '无。'
check $? "$b: an unnumbered run-in heading with 无 is the heading and its prose"

# ---- prose is not a table; a table taken out (E1062) ----
# girc's own HTML page: the paragraph before table 4 ("…被申请行政复议…结果
# 维持…") is prose, never read as a table (no W1016); with part 三's
# table (the second <table>) deleted by tests/import/drop-table.py, the
# part is error E1062 at its heading and no row is made from the text
# around (tests/import/web/no-table-3.err, zh and en, byte for byte); the
# import exits 1 and -o FILE still gets the whole .gir, the table's place
# a comment.
"$GIRC" build -f html -o "$T/own.html" examples/xinhua-gongan-2021.gir 2> /dev/null
imp "$T/own.html" > "$T/own.gir" 2> "$T/own.err"
[ -s "$T/own.gir" ] && ! grep -q 'W1016\|E1062\|W1011' "$T/own.err"
check $? "prose: girc's own HTML imports back without W1016 (the paragraph before table 4 is prose)"
python3 tests/import/drop-table.py "$T/own.html" 2 "$T/no-table-3.html"
imp "$T/no-table-3.html" > "$T/no-table-3.gir" 2> "$T/nt3.zh"; echo "[exit $?]" >> "$T/nt3.zh"
"$GIRC" --color=never --lang=en import "$T/no-table-3.html" 2> "$T/nt3.en" > /dev/null; echo "[exit $?]" >> "$T/nt3.en"
cat "$T/nt3.zh" "$T/nt3.en" | sed "s|$T/||" > "$T/no-table-3.err"
if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$T/no-table-3.err" "$D/no-table-3.err"; fi
cmp -s "$T/no-table-3.err" "$D/no-table-3.err"
check $? "no-table-3.html: E1062 at part 三's heading, exit 1, diagnostics equal tests/import/web/no-table-3.err"
! grep -q 'W1011\|W1015\|W1016' "$T/no-table-3.err" && ! grep -q '^table 申请处理' "$T/no-table-3.gir" &&
  grep -q '^table 主动公开' "$T/no-table-3.gir" && grep -q '^table 复议诉讼' "$T/no-table-3.gir"
check $? "no-table-3.html: no table 3 made from the text around it; tables 2 and 4 are read"
imp "$T/no-table-3.html" -o "$T/nt3-o.gir" 2> /dev/null; st=$?
[ $st -eq 1 ] && [ "$(sed 1d "$T/nt3-o.gir")" = "$(sed 1d "$T/no-table-3.gir")" ] && tail -1 "$T/nt3-o.gir" | grep -q '^"""$' &&
  grep -q '^# 输入中没有表格 申请处理（三、收到和处理政府信息公开申请情况）：它的单元格空缺，待补填$' "$T/nt3-o.gir" &&
  [ "$(ls "$T" | grep -c 'nt3-o')" -eq 1 ]
check $? "no-table-3.html -o FILE: exit 1, FILE is the whole .gir (its last part closed, the table's place a comment), no temporary file left"

# ---- a table's note outside its table (N1063) ----
# girc's own HTML with table 3's note cell moved out of the table, onto the
# line right after it (注：…。) or right before it (（…）), by
# tests/import/move-note.py: the note is the table's, never the part's
# prose, the cells are those of the page itself, and a note N1063 at the
# line says so (tests/import/web/note-outside.err, zh and en).
sed 1d "$T/own.gir" | sed -n '/^table 申请处理/,/^}/p' > "$T/own.t3"
: > "$T/note-outside.err"
for w in after before; do
  python3 tests/import/move-note.py "$T/own.html" $w "$T/note-$w.html"
  imp "$T/note-$w.html" > "$T/note-$w.gir" 2> "$T/note-$w.zh"; st=$?
  "$GIRC" --color=never --lang=en import "$T/note-$w.html" 2>&1 > /dev/null | grep -A2 'N1063' > "$T/note-$w.en"
  { grep -A2 'N1063' "$T/note-$w.zh"; cat "$T/note-$w.en"; echo "[exit $st]"; } | sed "s|$T/||" >> "$T/note-outside.err"
  sed -n '/^table 申请处理/,/^}/p' "$T/note-$w.gir" > "$T/note-$w.t3"
  ! grep -q '勾稽' "$T/note-$w.gir" && cmp -s "$T/own.t3" "$T/note-$w.t3" && ! grep -q 'W1016\|W1011' "$T/note-$w.zh"
  check $? "a table note on the line $w its table: not prose, table 3's cells as on the page itself"
done
b=note-after-2023.txt
sed 1d "$T/markdown-2023.txt.gir" > "$T/md.body"
sed 1d "$T/$b.gir" | cmp -s - "$T/md.body" && grep -q 'note\[N1063\]' "$T/$b.err"
check $? "$b: a text's table note after its table: the .gir of markdown-2023.txt (N1063, not prose)"
if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$T/note-outside.err" "$D/note-outside.err"; fi
cmp -s "$T/note-outside.err" "$D/note-outside.err"
check $? "a table note outside its table: N1063 at its line, diagnostics equal tests/import/web/note-outside.err"

# ---- round trip: girc's own page of every example ----
for e in examples/*.gir; do
  b=$(basename "$e" .gir)
  "$GIRC" build -f html -o "$T/rt-$b.html" "$e" 2> /dev/null
  imp "$T/rt-$b.html" > "$T/rt-$b.gir" 2> /dev/null; st=$?
  got=$(GIRC=$GIRC sh tests/import/forms/compare.sh --json "$e" "$T/rt-$b.gir" x); cst=$?
  [ $st -eq 0 ] && [ $cst -eq 0 ]; check $? "round trip: build -f html of $b imports back to every cell of the example (${got#x })"
done
