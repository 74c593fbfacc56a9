#!/bin/sh
# tests/suites/evaluate.sh - what evaluators check, beyond the goldens
# (tests/golden/640-648): a waiver silences a copied-text warning; girc
# build -f json shows last year's value beside this year's when the report
# names a previous report, and adds no key when it does not; waivers and
# --threshold on the year-over-year jumps (W0680).
GIRC=${GIRC:-build/girc}
[ -x "$GIRC" ] || { echo "not ok - evaluate: $GIRC is not built"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-eval.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
G=tests/golden

# waive W0645 "reason" turns the copied-text warnings into notes
mkdir -p "$T/prev" && cp $G/prev/eval-2021.gir "$T/prev/"
sed 's/^  previous "prev\/eval-2021.gir"/&\n  waive W0645 "沿用上年的制度性表述，经审核确认"/' $G/646-copied-from-last-year.gir > "$T/waived.gir"
out=$("$GIRC" --color=never --diagnostics=json check "$T/waived.gir" 2>&1)
n=$(printf '%s\n' "$out" | grep -c '"code": *"W0645"')
w=$(printf '%s\n' "$out" | grep '"code": *"W0645"' | grep -c '"severity": *"warning"')
if [ "$n" -eq 4 ] && [ "$w" -eq 0 ]; then echo "ok - evaluate: waive W0645 silences the 4 copied sections"
else echo "not ok - evaluate: waive W0645 ($n found, $w still warnings)"; printf '%s\n' "$out" | grep W0645 | head -3; fi

# JSON: last year's value beside this year's
"$GIRC" build -f json -o "$T/a.json" $G/648-stock-breaks.gir 2>/dev/null
if grep -q '"row": "行政规范性文件", "column": "现行有效件数".*"value": 12,.*"previous": 9}' "$T/a.json"; then
  echo "ok - evaluate: json shows last year's 现行有效件数 (9) beside this year's (12)"
else echo "not ok - evaluate: json previous value"; grep '现行有效件数' "$T/a.json" | head -2; fi
"$GIRC" build -f json -o "$T/b.json" examples/xinhua-gongan-2021.gir 2>/dev/null
if grep -q '"previous"' "$T/b.json"; then echo "not ok - evaluate: json has previous without a previous report"
else echo "ok - evaluate: no previous key without a previous report"; fi

# W0680 (tests/golden/680-jump): a waiver silences a jump; --threshold
# overrides the template's ratio (x6.5 is no jump at 10, x12 still is) and
# the length of prose the content checks want; a wrong --threshold is a
# usage error
cp $G/680-jump.gir "$T/jump.gir"
sed 's/^  previous "prev\/eval-2021.gir"/&\n  waive W0680 "本年新收申请和被纠错案件增加已在情况说明中另行报告"/' $G/680-jump.gir > "$T/jump-waived.gir"
out=$("$GIRC" --color=never --diagnostics=json check "$T/jump-waived.gir" 2>&1)
n=$(printf '%s\n' "$out" | grep -c '"code": *"W0680"')
w=$(printf '%s\n' "$out" | grep '"code": *"W0680"' | grep -c '"severity": *"warning"')
if [ "$n" -eq 2 ] && [ "$w" -eq 0 ]; then echo "ok - evaluate: waive W0680 silences the 2 jumps"
else echo "not ok - evaluate: waive W0680 ($n found, $w still warnings)"; fi
out=$("$GIRC" --color=never --lang=en check --threshold jump_ratio=10 "$T/jump.gir" 2>&1)
n=$(printf '%s\n' "$out" | grep -c 'warning\[W0680\]')
if [ "$n" -eq 1 ] && printf '%s\n' "$out" | grep -q "went from 1 last year to 12 (×12.0; the threshold is 10 times)"; then
  echo "ok - evaluate: --threshold jump_ratio=10 leaves the x12 jump only"
else echo "not ok - evaluate: --threshold jump_ratio=10 ($n W0680)"; printf '%s\n' "$out" | head -3; fi
out=$("$GIRC" --color=never --lang=en check $G/643-empty-problems.gir 2>&1)
quiet=$("$GIRC" --color=never --lang=en check --threshold body=100000 $G/643-empty-problems.gir 2>&1)
if printf '%s\n' "$out" | grep -q 'warning\[W0644\]' && ! printf '%s\n' "$quiet" | grep -q W0644; then
  echo "ok - evaluate: --threshold body=100000 leaves the 643 report unjudged (no W0644)"
else echo "not ok - evaluate: --threshold body=100000"; printf '%s\n' "$quiet" | head -3; fi
# a refused --threshold says what would do: the key's range, the keys, or the form
hint() { "$GIRC" --color=never --lang=en check --threshold "$1" "$T/jump.gir" 2>&1 | sed -n 2p; }
if [ "$(hint copied=0)" = "   = help: the range is copied: 1..100 (see gir(5))" ] &&
   [ "$(hint nope=1)" = "   = help: the keys are body, problems, copied, copied_section, jump_ratio, jump_base (see gir(5))" ] &&
   [ "$(hint copied)" = "   = help: write copied=VALUE" ]; then
  echo "ok - evaluate: a refused --threshold hints at the range, the keys or the form"
else echo "not ok - evaluate: --threshold hints: $(hint copied=0) / $(hint nope=1) / $(hint copied)"; fi
for bad in nope=1 copied=0 copied=101 copied jump_ratio=x =3; do
  "$GIRC" --color=never --lang=en check --threshold "$bad" "$T/jump.gir" > "$T/bad.out" 2>&1
  rc=$?
  if [ $rc -eq 2 ] && grep -q "E0004.*'--threshold'" "$T/bad.out"; then echo "ok - evaluate: --threshold $bad is refused"
  else echo "not ok - evaluate: --threshold $bad (exit $rc)"; head -2 "$T/bad.out"; fi
done
