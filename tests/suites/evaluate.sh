#!/bin/sh
# tests/suites/evaluate.sh - what evaluators check, beyond the goldens
# (tests/golden/640-648): a waiver silences a copied-text warning; girc
# build -f json shows last year's value beside this year's when the report
# names a previous report, and adds no key when it does not.
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
