#!/bin/sh
# tests/suites/pathological.sh - generated adversarial inputs (issue 7 §2,
# after cmark's pathological_tests.py), the cases robust.sh does not
# cover, and the regressions of the hangs and crashes found by building
# them. Each runs under a generous hang guard (a guard, not a performance
# assertion) and must meet a property on its output: the exit status, a
# count of diagnostics, no sanitizer report, no signal.
GIRC=${GIRC:-build/girc}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ex=examples/mahekou-2020.gir
ex21=examples/xinhua-gongan-2021.gir

# run NAME FILE WANT: girc check FILE; exit status WANT; output in $T/out
run() {
  timeout 180 "$GIRC" --color=never check "$2" >"$T/out" 2>&1
  st=$?
  if [ $st -ne "$3" ]; then echo "not ok - $1 (exit $st, want $3)"; head -c 1500 "$T/out"; return 1; fi
  if grep -q 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error' "$T/out"; then echo "not ok - $1 (sanitizer)"; head -c 3000 "$T/out"; return 1; fi
  return 0
}
count() { grep -c "$1" "$T/out"; }
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; head -c 1500 "$T/out"; }

# a 1 MB single line (500,000 values in one row): one error, and the
# diagnostic shows a window of the line, not the megabyte
awk -v ex=$ex 'BEGIN { while ((getline l < ex) > 0) { if (l ~ /^  规章 /) { printf "  规章"; for (i = 0; i < 500000; i++) printf " 0"; print "" } else print l } }' > "$T/line.gir"
run one-megabyte-line "$T/line.gir" 1 &&
  { [ "$(count 'E0308')" -eq 1 ] && [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$T/out")" -lt 2000 ] && ok one-megabyte-line || nok one-megabyte-line; }

# 10,000 unterminated strings: one E0105 each
{ cat $ex; awk 'BEGIN { print "table 申请处理 {"; for (i = 0; i < 10000; i++) print "  新收 \"abc"; print "}" }'; } > "$T/str.gir"
run unterminated-strings "$T/str.gir" 1 && { [ "$(count 'E0105')" -eq 10000 ] && ok unterminated-strings || nok unterminated-strings; }

# 10,001 prose openers: they pair up, the last one is unterminated
{ cat $ex; awk 'BEGIN { for (i = 0; i < 10001; i++) print "section 其他事项 \"\"\"" }'; } > "$T/prose.gir"
run unterminated-prose "$T/prose.gir" 1 && { [ "$(count 'E0106')" -eq 1 ] && ok unterminated-prose || nok unterminated-prose; }

# a row label with 50,000 pairs of combining marks of different classes
# (U+0301, U+0316): NFKC orders them in quadratic time; it took minutes
awk -v ex=$ex 'BEGIN { while ((getline l < ex) > 0) { if (l ~ /^  规章 /) { printf "  \"规章"; for (i = 0; i < 50000; i++) printf "\314\201\314\226"; print "\" 0 0 0" } else print l } }' > "$T/comb.gir"
run combining-marks "$T/comb.gir" 1 && { [ "$(count 'E0')" -ge 1 ] && ok combining-marks || nok combining-marks; }

# invalid UTF-8 everywhere: a 0xFF byte after every 7 bytes of the example
LC_ALL=C awk '{ out = ""; for (i = 1; i <= length($0); i += 7) out = out substr($0, i, 7) "\377"; print out }' $ex > "$T/bad8.gir"
run invalid-utf8-everywhere "$T/bad8.gir" 1 && { [ "$(count 'E0101')" -gt 100 ] && ok invalid-utf8-everywhere || nok invalid-utf8-everywhere; }

# full-width digits in every table row and prose line: warnings, no error
sed '/^  [a-zA-Z#]/!y/0123456789/０１２３４５６７８９/' $ex21 > "$T/fw.gir"
run full-width-digits "$T/fw.gir" 0 && { [ "$(count 'W0101')" -gt 50 ] && [ "$(count 'error\[')" -eq 0 ] && ok full-width-digits || nok full-width-digits; }

# a BOM, then LF, CR and CRLF line ends in turn, a NUL before every CR
{ printf '\357\273\277'; awk '{ m = NR % 3; if (m == 0) printf "%s\r\n", $0; else if (m == 1) printf "%s\001\r", $0; else printf "%s\n", $0 }' $ex | tr '\001' '\000'; } > "$T/mix.gir"
nul=$(awk 'END { print int((NR + 2) / 3) }' $ex)
run nul-crlf-bom-mix "$T/mix.gir" 1 && { [ "$(count 'E0102')" -eq "$nul" ] && ok nul-crlf-bom-mix || nok nul-crlf-bom-mix; }

# a rule of 100,000 terms: compiled by recursion, it overflowed the stack
tmpl() { # $1: the rule or leaf line(s) to put in the table
  printf 'template t "t" {\n section a "a" table x\n table x "x" {\n  columns { c "c" d "d" }\n  rows { r "r" s "s" }\n%s\n }\n}\n' "$1"
}
tmpl "  rule \"R\" error over each column: r$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf " + r" }') == s \"m\"" > "$T/rule.gir"
run rule-of-100000-terms "$T/rule.gir" 0 && ok rule-of-100000-terms
# a sum of 100,000 references: arrays grown one element at a time took 22 GB
printf 'template t "t" {\n section a "a" table x\n table x "x" {\n  columns { c "c" d "d" = sum(c%s) }\n  rows { r "r" }\n }\n}\n' "$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf ", c" }')" > "$T/sum.gir"
run sum-of-100000-refs "$T/sum.gir" 0 && ok sum-of-100000-refs
# 100,000 aliases and rows that match none: every lookup folded every alias
{ printf 'template t "t" {\n section a "a" table x\n table x "x" {\n  columns { c "c" }\n  rows { r "r" alias a0'
  awk 'BEGIN { for (i = 1; i < 100000; i++) printf ", a%d", i }'
  printf ' s "s" }\n }\n}\nreport "x" {\n template t\n agency "a"\n kind department\n year 2021\n}\nsection a "x"\ntable x {\n'
  awk 'BEGIN { for (i = 0; i < 1000; i++) print "  zz" i " 1" }'
  printf '}\n'; } > "$T/alias.gir"
run many-aliases "$T/alias.gir" 1 && { [ "$(count 'error\[')" -ge 1000 ] && ok many-aliases || nok many-aliases; }
# 100,000 misspelt rows in a real table: 1.6 GB before the folds were cached
awk '{ print } /^table 申请处理/ { for (i = 0; i < 100000; i++) print "  未知的行 0 0 0" }' $ex > "$T/unknown.gir"
run misspelt-rows "$T/unknown.gir" 1 && { [ "$(count 'E0003')" -eq 1 ] && ok misspelt-rows || nok misspelt-rows; }

# past the token limit: E0007, and the rest is not read
{ cat $ex; awk 'BEGIN { print "table 申请处理 {"; for (i = 0; i < 100000; i++) print "  新收 0 0 0 0 0 0 0 0 0 0 0 0"; print "}" }'; } > "$T/tokens.gir"
run token-limit "$T/tokens.gir" 1 && { [ "$(count 'E0007')" -eq 1 ] && ok token-limit || nok token-limit; }
# a 9 MB row label: folded only in part
awk -v ex=$ex 'BEGIN { while ((getline l < ex) > 0) { if (l ~ /^  规章 /) { printf "  \"规章"; for (i = 0; i < 3000000; i++) printf "规"; print "\" 0 0 0" } else print l } }' > "$T/label.gir"
run nine-megabyte-label "$T/label.gir" 1 && ok nine-megabyte-label

# a report's own template of 100,000 rows, and 100,000 report rows that
# name them: linear (template lookups and duplicate-name checks were
# quadratic: 38.7 s for the template alone). A CPU-time guard of 30 s
# (ulimit -t, a hang guard: the run takes about 1.5 s plain)
awk 'BEGIN { print "template t {\n  section s \"s\"\n  table tb \"tb\" {\n    block \"b\" {\n      columns {\n        c \"c\"\n      }\n      rows {";
  for (i = 1; i <= 100000; i++) printf "        r%d \"行%d\"\n", i, i;
  print "      }\n    }\n  }\n}\nreport \"x\" {\n template t\n agency \"a\"\n year 2021\n date 2022-01-20\n}\nsection s \"x\"\ntable tb {";
  for (i = 1; i <= 100000; i++) printf "  r%d 1\n", i; print "}" }' > "$T/rows.gir"
(ulimit -t 30; exec "$GIRC" --color=never check "$T/rows.gir") >"$T/out" 2>&1
st=$?
[ $st -eq 0 ] && ok template-of-100000-rows || nok "template-of-100000-rows (exit $st)"
# 50,000 rows with one name twice each: 50,000 E0712, counted
awk 'BEGIN { print "template t {\n  section s \"s\"\n  table tb \"tb\" {\n    columns {\n      c \"c\"\n    }\n    rows {";
  for (i = 1; i <= 100000; i++) printf "      r%d \"行%d\"\n", int((i + 1) / 2), i;
  print "    }\n  }\n}" }' > "$T/dups.gir"
(ulimit -t 30; exec "$GIRC" --color=never --lang=en check "$T/dups.gir") >"$T/out" 2>&1
st=$?
[ $st -eq 1 ] && tail -1 "$T/out" | grep -q '^50000 errors' && ok template-of-50000-duplicate-names || nok "template-of-50000-duplicate-names (exit $st)"
