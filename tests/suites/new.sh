#!/bin/sh
# tests/suites/new.sh - girc new: the report written from each stdlib
# template checks with no diagnostic and is already laid out (girc fmt
# --check), byte for byte against tests/data/new/*.gir; --from drafts
# from last year (previous, the carried 上年结转 and 现行有效件数, prose
# under the marker: W0070 per section); every option as `--opt value`
# and `--opt=value`, `--`; the errors of the command (E0004 with the
# nearest option, E0071, E0072, E0073, E0050) in zh and en against
# tests/data/new/errors.err; -o writes atomically and keeps nothing on an
# error. GIRC_UPDATE_GOLDEN=1 rewrites the expected files.
GIRC=${GIRC:-build/girc}
[ -x "$GIRC" ] || { echo "not ok - new: $GIRC is not built"; exit 1; }
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
D=tests/data/new
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
G="$GIRC --color=never"

same() {
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$2" "$D/$1"; echo "ok - $1 (updated)"; return; fi
  if cmp -s "$2" "$D/$1"; then echo "ok - $1"; else echo "not ok - $1"; diff "$D/$1" "$2" | head -20; fi
}
check() { if eval "$2"; then echo "ok - $1"; else echo "not ok - $1"; fi; }

# ---- a new report, per template and kind ----
$G --lang=zh new --year 2024 --agency 新华县教育局 -o "$tmp/d2024.gir"
same d2024.gir "$tmp/d2024.gir"
$G --lang=en new --year=2020 --kind=township --agency=某镇 -o "$tmp/t2020.gir"
same t2020.gir "$tmp/t2020.gir"
$G new --kind government --year 2023 > "$tmp/g2023.gir"
for f in d2024 t2020 g2023; do
  out=$($G check "$tmp/$f.gir" 2>&1); st=$?
  n=$(printf '%s\n' "$out" | grep -c 'warning\[W0690\]')
  other=$(printf '%s\n' "$out" | grep ': [a-z]*\[' | grep -vc 'warning\[W0690\]')
  check "$f: checks, with only W0690 at each section's placeholder ($n)" '[ $st = 0 ] && [ "$n" -ge 6 ] && [ "$other" = 0 ]'
  check "$f: laid out as girc fmt would" '$G fmt --check "$tmp/$f.gir" >/dev/null 2>&1'
done
check "2020 uses gov2019, 2024 gov2021" 'grep -q "template gov2019" "$tmp/t2020.gir" && grep -q "template gov2021" "$tmp/d2024.gir"'
check "government: the art. 49 deadline of its kind" 'grep -q "date     2024-03-31" "$tmp/g2023.gir"'
check "township: no deadline, no date" '! grep -q "^  date" "$tmp/t2020.gir"'
check "--template names the template" '$G new --template gov2019 --year 2024 | grep -q "template gov2019"'
check "-- ends the options" '$G new --year 2024 -- >/dev/null'

# ---- W0690: the placeholders girc new writes, not a sentence with 请 ----
$G --lang=zh new --year 2024 -o "$tmp/ph.gir"
sed -i '0,/（请在此填写“一、总体情况”。）/s//本年度请各科室按时报送信息，已全部公开（请见附件）。/' "$tmp/ph.gir"
for l in zh en; do $G --lang=$l check "$tmp/ph.gir" 2>&1 | sed "s|$tmp|TMP|g" | head -9; done > "$tmp/placeholder.err"
same placeholder.err "$tmp/placeholder.err"
n=$($G check "$tmp/ph.gir" 2>&1 | grep -c 'warning\[W0690\]')
check "W0690: the rewritten section (a sentence with 请 and 填写-like words) is not warned ($n = 5)" '[ "$n" = 5 ]'
# 100,000 first halves of the placeholder on one line, none closed: no warning there (the search is bounded)
awk '/^（请在此填写“二、主动公开政府信息情况”。）$/ { for (i = 0; i < 100000; i++) printf "（请在此填写“"; print ""; next } { print }' "$tmp/ph.gir" > "$tmp/ph2.gir"
n=$($G check "$tmp/ph2.gir" 2>&1 | grep -c 'warning\[W0690\]')
check "W0690: a line of 100,000 unclosed halves is not a placeholder ($n = 4)" '[ "$n" = 4 ]'

# ---- --template PATH and --from with -o in another folder: relative to the output ----
mkdir -p "$tmp/tpl" "$tmp/out/2024"
cp stdlib/gov2021.gir "$tmp/tpl/mine.gir"
(cd "$tmp" && $G new --year 2024 --template tpl/mine.gir -o out/2024/r.gir)
check "--template tpl/x.gir -o out/2024/r.gir writes template \"../../tpl/x.gir\"" 'grep -q "^  template \"../../tpl/mine.gir\"" "$tmp/out/2024/r.gir"'
check "... and the report checks from another directory" '(cd / && $G check "$tmp/out/2024/r.gir" >/dev/null 2>&1)'
(cd "$tmp" && $G new --year 2024 --template ./tpl/mine.gir -o tpl/r.gir)
check "--template ./tpl/x.gir -o tpl/r.gir writes template \"mine.gir\"" 'grep -q "^  template \"mine.gir\"" "$tmp/tpl/r.gir"'

# ---- --from: this year's draft ----
cp examples/xinhua-gongan-2021.gir "$tmp/last.gir"
(cd "$tmp" && $G --lang=zh new --from last.gir -o draft.gir)
same draft.gir "$tmp/draft.gir"
(cd "$tmp" && $G --lang=zh new --from last.gir -o out/2024/draft.gir)
check "--from last.gir -o out/2024/d.gir: previous \"../../last.gir\"" 'grep -q "previous \"../../last.gir\"" "$tmp/out/2024/draft.gir"'
check "--from: previous names last year's file" 'grep -q "previous \"last.gir\"" "$tmp/draft.gir"'
check "--from: 上年结转 is last year's 结转下年" 'grep -q "^  结转  *3 0 0 0 1 0 4 " "$tmp/draft.gir"'
check "--from: 现行有效件数 is last year's" 'grep -q "^  行政规范性文件  *0 0 9 " "$tmp/draft.gir"'
n=$( (cd "$tmp" && $G check draft.gir 2>&1) | grep -c "warning\[W0070\]")
check "--from: W0070 for each of the six sections ($n)" '[ "$n" = 6 ]'

# ---- errors, zh and en ----
printf 'report "x" {\n  template gov2021\n  agency "x"\n  year 2021\n}\ntable 申请处理 { 新收 1 }\n' > "$tmp/bad.gir"
mkdir -p "$tmp/inc"
printf 'template strict "x" {\n  section s "s" table t\n  table t "t" {\n    columns { n "n" }\n    rows { r "r" }\n    rule "X1" error: r.n >= 1 "at least one"\n  }\n}\n' > "$tmp/inc/strict.gir"
: > "$tmp/errors.err"
for l in zh en; do
  for args in "--kind bogus" "--yeer 2020" "--year" "--year=12x" "extra.gir" "--from $tmp/bad.gir" "-I $tmp/inc --template strict" "--from $tmp/last.gir -o $tmp/last.gir"; do
    echo "\$ girc new $args" | sed "s|$tmp|TMP|g" >> "$tmp/errors.err"
    $G --lang=$l new $args > /dev/null 2>> "$tmp/errors.err"
    echo "[exit $?]" >> "$tmp/errors.err"
  done
done
sed -i "s|$tmp|TMP|g" "$tmp/errors.err"
same errors.err "$tmp/errors.err"
check "E0050: last year's report is untouched" 'cmp -s "$tmp/last.gir" examples/xinhua-gongan-2021.gir'
echo keep > "$tmp/keep.gir"
$G new -I "$tmp/inc" --template strict -o "$tmp/keep.gir" 2>/dev/null
check "an error writes nothing over -o" 'grep -qx keep "$tmp/keep.gir"'

# ---- gir(5) lists every row and column of the stdlib: the part between
# the markers is exactly what `girc new --list` prints (rewritten by
# GIRC_UPDATE_GOLDEN=1) ----
$G new --list > "$tmp/list.roff"
awk '/^\.\\" begin-generated: girc new --list/{p=1;next} /^\.\\" end-generated/{p=0} p' man/gir.5 > "$tmp/page.roff"
if [ -n "$GIRC_UPDATE_GOLDEN" ]; then
  awk -v f="$tmp/list.roff" '/^\.\\" begin-generated: girc new --list/{print;while((getline l<f)>0)print l;skip=1;next} /^\.\\" end-generated/{skip=0} !skip' man/gir.5 > "$tmp/gir.5" && cp "$tmp/gir.5" man/gir.5
  echo "ok - gir(5) tables (updated)"
elif cmp -s "$tmp/list.roff" "$tmp/page.roff"; then echo "ok - gir(5) lists the stdlib's rows and columns as girc new --list does"
else echo "not ok - gir(5) tables differ from girc new --list (GIRC_UPDATE_GOLDEN=1 rewrites)"; diff "$tmp/page.roff" "$tmp/list.roff" | head -10; fi
check "the rows of table 3 are in gir(5)" 'grep -q "^\.B 逾\\\\:期\\\\:未\\\\:缴\\\\:费$" man/gir.5 && grep -q "^\.B 结\\\\:转\\\\:下\\\\:年$" man/gir.5'
