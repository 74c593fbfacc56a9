#!/bin/sh
# tests/suites/cli.sh - the command line of girc build and girc import
# (getopt_long, as every command: --opt value, --opt=value, `--`, unique
# abbreviations, a mistyped option with the nearest one), --style words
# (an unknown word or font set is a usage error with the nearest word),
# and --column-unit=display|byte|char in the human, JSON-lines, GitHub
# and SARIF forms, on a line of Chinese with a tab before the finding
# (tests/data/cli/columns.gir, line 76: "  新收<TAB>17 3 0 0 2 1 24").
# Goldens in tests/data/cli/, byte for byte, zh and en;
# GIRC_UPDATE_GOLDEN=1 rewrites them. Prints "ok - NAME" / "not ok - NAME".
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
D=tests/data/cli
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-cli.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
G="$GIRC --color=never"
R=examples/xinhua-gongan-2021.gir

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
same() {
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$2" "$D/$1"; ok "$1 (updated)"; return; fi
  if cmp -s "$2" "$D/$1"; then ok "$1"; else nok "$1"; diff "$D/$1" "$2" | head -20; fi
}
# run NAME ARGS...: "$ girc ARGS", its stderr and exit status, into $T/NAME
run() {
  n=$1; shift
  echo "\$ girc $*" >> "$T/$n"
  $G "$@" > /dev/null 2>> "$T/$n"
  echo "[exit $?]" >> "$T/$n"
}

# ---- girc build: the options through getopt_long ----
$G build -f text "$R" > "$T/ref.txt" 2>/dev/null
for form in "--format text" "--format=text" "--form text" "-ftext" "-f text --"; do
  $G build $form "$R" > "$T/b.txt" 2>/dev/null
  cmp -s "$T/b.txt" "$T/ref.txt"; check $? "build $form FILE: the text back end"
done
$G build -f text -o "$T/o1.txt" "$R" 2>/dev/null && $G build --output "$T/o2.txt" --format text "$R" 2>/dev/null
cmp -s "$T/o1.txt" "$T/ref.txt" && cmp -s "$T/o2.txt" "$T/ref.txt"; check $? "build -o OUT and --output OUT (options after the operand too)"
$G build "$R" -f text --style ascii > "$T/a1.txt" 2>/dev/null
$G build --style=ascii -f text "$R" > "$T/a2.txt" 2>/dev/null
cmp -s "$T/a1.txt" "$T/a2.txt" && ! cmp -s "$T/a1.txt" "$T/ref.txt"; check $? "build --style ascii and --style=ascii"
cp "$R" "$T/-x.gir"
(cd "$T" && $G build -f text -- -x.gir) > "$T/dash.txt" 2>/dev/null
cmp -s "$T/dash.txt" "$T/ref.txt"; check $? "build -- -x.gir: -- ends the options"

: > "$T/build.err"
for l in zh en; do
  run build.err --lang=$l build --formt text "$R"
  run build.err --lang $l build --fragmnt "$R"
  run build.err --lang=$l build -f
  run build.err --lang=$l build --style=asci -f text "$R"
  run build.err --lang=$l build --style=ascii,fontset=windos -f latex "$R"
  run build.err --lang=$l build --style fontset -f latex "$R"
  run build.err --lang=$l build --style=zzz "$R"
done
same build.err "$T/build.err"
$G build --style=ascii,fontset=windows,gongwen,fontset=noto -f latex "$R" > /dev/null 2>&1
check $? "build --style: every known word and font set is taken"

# ---- girc import: the options through getopt_long ----
I=tests/import/corpus/excerpt-009.txt
$G import "$I" > "$T/i0.gir" 2>/dev/null
$G import --output "$T/i1.gir" "$I" 2>/dev/null; $G import "$I" --output="$T/i2.gir" 2>/dev/null
$G import -o "$T/i3.gir" -- "$I" 2>/dev/null; $G import --out "$T/i4.gir" "$I" 2>/dev/null
for k in 1 2 3 4; do cmp -s "$T/i$k.gir" "$T/i0.gir" || break; done
check $? "import --output OUT, --output=OUT, -o OUT --, --out OUT: the same .gir"
$G import --jobs 2 --check tests/import/corpus > "$T/j2.out" 2>&1
$G import -j1 --check tests/import/corpus > "$T/j1.out" 2>&1
cmp -s "$T/j1.out" "$T/j2.out"; check $? "import --jobs 2 and -j1"
: > "$T/import.err"
for l in zh en; do
  run import.err --lang=$l import --chek "$I"
  run import.err --lang=$l import --text-layr "$I"
  run import.err --lang=$l import -o
  run import.err --lang=$l import --jobs=0 --check "$I"
done
same import.err "$T/import.err"

# ---- --column-unit ----
C=$D/columns.gir
: > "$T/columns.err"
for l in zh en; do
  for u in display byte char; do
    echo "\$ girc --lang=$l --column-unit=$u check columns.gir" >> "$T/columns.err"
    $G --lang=$l --column-unit=$u check "$C" 2>> "$T/columns.err"
  done
done
$G check "$C" 2>&1 | head -1 > "$T/default"
$G --column-unit=display check "$C" 2>&1 | head -1 | cmp -s - "$T/default"; check $? "--column-unit: display is the default"
grep -q 'columns.gir:76:22: ' "$T/default"; check $? "display: the tab to column 8, each CJK character 2 (76:22)"
same columns.err "$T/columns.err"
: > "$T/columns.jsonl"
for u in display byte char; do
  $G --diagnostics=json --column-unit $u check "$C" >> "$T/columns.jsonl" 2>/dev/null
  $G --diagnostics=github --column-unit=$u check "$C" >> "$T/columns.jsonl" 2>/dev/null
done
same columns.jsonl "$T/columns.jsonl"
$G --diagnostics=sarif --column-unit=byte check "$C" 2>/dev/null > "$T/s-byte.sarif"
$G --diagnostics=sarif check "$C" 2>/dev/null > "$T/s-display.sarif"
cmp -s "$T/s-byte.sarif" "$T/s-display.sarif" && grep -q '"columnKind":[[:space:]]*"unicodeCodePoints"' "$T/s-byte.sarif" &&
  grep -q '"startColumn":[[:space:]]*19,' "$T/s-byte.sarif"
check $? "SARIF: code points (startColumn 19) whatever --column-unit says"
: > "$T/unit.err"
for l in zh en; do run unit.err --lang=$l --column-unit=bytes check "$C"; run unit.err --lang=$l check --column-unit "$C"; done
same unit.err "$T/unit.err"
$G check --column-unit=byte "$C" 2>&1 | head -1 | grep -q 'columns.gir:76:23: '
check $? "--column-unit after the command (byte: 76:23)"
