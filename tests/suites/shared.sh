#!/bin/sh
# tests/suites/shared.sh - one compiled template shared by many reports
# (src/template/cache.h) changes nothing: each report of a batch gets
# the same diagnostics as when it is checked alone, in any order and
# with any -j, so the checker never writes into the shared template.
#   - reports of both stdlib formats, with errors, warnings and prose
#     mentions, checked alone, then in one batch forwards, backwards and
#     with -j 3 (run under build/asan/girc too by tests/run.sh);
#   - a template from -I, compiled once for two reports;
#   - a template named by a report that does not build is reported for
#     every report that names it (never cached as if it were good).
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
cd "$(dirname "$0")/../.." || exit 2
[ -x "$GIRC" ] || { echo "not ok - shared: $GIRC is not built"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-shared.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; fails=$((fails + 1)); }

# the inputs: the examples, and one with prose numbers that disagree
mkdir "$T/in"
cp examples/*.gir examples/errors/*.gir "$T/in/"
sed 's/本年新收政府信息公开申请5件/本年新收政府信息公开申请7件，上年结转2件，共办结共办结6件/' examples/errors/wrong-total.gir > "$T/in/zz-mention.gir"
grep -q '共办结共办结6件' "$T/in/zz-mention.gir" || nok "shared: the mention input was not made"
# the diagnostics of each report checked alone, and in a batch
files=$(ls "$T"/in/*.gir | sort)
: > "$T/alone"
for f in $files; do "$GIRC" --lang=en --color=never check "$f" 2>&1 | sed '$d' >> "$T/alone"; done
run() { "$GIRC" --lang=en --color=never check "$@" > "$T/batch" 2>&1; }
run $files
awk -v list="$files" 'BEGIN { n = split(list, v, /[ \n]+/) }
  { hit = 0; for (i = 1; i <= n; i++) if (v[i] != "" && index($0, v[i] ": ") == 1) hit = 1; if (!hit && $0 !~ /^[0-9]+ files:/) print }' "$T/batch" > "$T/fw"
cmp -s "$T/alone" "$T/fw" && ok "shared: a batch says for each report what it says alone" || nok "shared: a batch differs from the reports alone"
[ -s "$T/alone" ] && grep -q 'W0604' "$T/alone" && grep -q 'E0' "$T/alone" || nok "shared: the inputs have no errors or no mentions"
# backwards: every report's block is the same
rev=$(printf '%s\n' $files | sort -r)
"$GIRC" --lang=en --color=never check $rev > "$T/bw" 2>&1
"$GIRC" --lang=en --color=never check -j 3 $files > "$T/j3" 2>&1
# the whole output of -j 3 is the output of -j 1
cmp -s "$T/batch" "$T/j3" && ok "shared: -j 3 prints what -j 1 prints" || nok "shared: -j 3 differs from -j 1"
# backwards: the same lines, each report's block moved with it
sort "$T/batch" > "$T/s1"
sort "$T/bw" > "$T/s2"
cmp -s "$T/s1" "$T/s2" && ok "shared: backwards the same diagnostics" || nok "shared: backwards differs"

# a template from -I: two reports, one compiled template
mkdir "$T/inc" "$T/two"
printf 'template mini "mini" {\n  section s "s" table tb\n  table tb "tb" {\n    columns { a "a" b "b" t "t" = sum(a, b) }\n    rows { r "r" }\n  }\n}\n' > "$T/inc/mini.gir"
for k in 1 2; do
  printf 'report "x%s" {\n template mini\n agency "a"\n year 2021\n date 2022-01-20\n}\nsection s "x"\ntable tb {\n  r 1 1 %s\n}\n' $k $((k + 2)) > "$T/two/r$k.gir"
done
"$GIRC" --lang=en --color=never -I "$T/inc" check "$T/two/r1.gir" 2>&1 | sed '$d' > "$T/i1"
"$GIRC" --lang=en --color=never -I "$T/inc" check "$T/two/r2.gir" 2>&1 | sed '$d' > "$T/i2"
"$GIRC" --lang=en --color=never -I "$T/inc" check "$T/two/r1.gir" "$T/two/r2.gir" 2>&1 | grep -v "^$T/two/r[12].gir: \|^2 files:" > "$T/i12"
cat "$T/i1" "$T/i2" > "$T/iexp"
grep -q E0 "$T/i2" && cmp -s "$T/iexp" "$T/i12" && ok "shared: a template from -I shared by two reports" || nok "shared: a template from -I shared by two reports"

# a broken template: its error for each report that names it
printf 'template bad "bad" {\n  section s "s" table nosuch\n}\n' > "$T/inc/bad.gir"
for k in 1 2; do
  printf 'report "y%s" {\n template bad\n agency "a"\n year 2021\n date 2022-01-20\n}\nsection s "x"\n' $k > "$T/two/b$k.gir"
done
"$GIRC" --lang=en --color=never -I "$T/inc" check "$T/two/b1.gir" "$T/two/b2.gir" > "$T/bad" 2>&1
n=$(grep -c 'error\[E0' "$T/bad")
[ "$n" -ge 2 ] && grep -q "b2.gir: 1 error" "$T/bad" && ok "shared: a broken template is reported for every report" || nok "shared: a broken template is reported for every report ($n errors)"
[ $fails -eq 0 ]
