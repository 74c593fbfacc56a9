#!/bin/sh
# tests/fuzz/run.sh NAME SECONDS [libFuzzer options...] - run one harness
# (build/fuzz/fuzz_NAME) for SECONDS, for `make fuzz` and by hand.
# Seeds: tests/fuzz/corpus/NAME and the project's own test inputs (fmt
# shares compile's); new inputs are
# kept in $FUZZ_CORPUS (default build/fuzz/corpus/NAME), so the committed
# seed corpus never changes; a crash is saved in build/fuzz/crash/ and
# makes this fail (copy it into tests/fuzz/regressions/NAME/). The
# dictionary is gir.dict plus NAME.dict when there is one. libFuzzer's
# output goes to $FUZZ_LOG (default build/fuzz/NAME.log). Prints one
# summary line: "fuzz_NAME: N execs in S s (R/s), corpus C, no crash".
cd "$(dirname "$0")/../.." || exit 2
n=$1; secs=${2:-60}; shift 2 2>/dev/null || shift $#
B=${B:-build}
# fontconfig's one-time configuration is not a leak of girc's (lsan.supp)
LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
bin=$B/fuzz/fuzz_$n
[ -x "$bin" ] || { echo "fuzz_$n: $bin is not built (make $bin)" >&2; exit 2; }
# the fuzz-only seeds, plus the test inputs the project already has
# (read in place, not copied: examples and goldens, the import corpus)
seeds=tests/fuzz/corpus/$n
case $n in
  compile|fmt) seeds="tests/fuzz/corpus/compile examples tests/golden" ;;
  import) seeds="tests/fuzz/corpus/import tests/import/corpus tests/import/damaged" ;;
esac
work=${FUZZ_CORPUS:-$B/fuzz/corpus/$n}
mkdir -p "$work" "$B/fuzz/crash"
dict=$(mktemp "${TMPDIR:-/tmp}/girc-fuzz-dict.XXXXXX") || exit 2
trap 'rm -f "$dict"' EXIT
cat tests/fuzz/gir.dict > "$dict"
[ -f "tests/fuzz/$n.dict" ] && cat "tests/fuzz/$n.dict" >> "$dict"
maxlen=20000
[ "$n" = import ] && maxlen=131072
[ "$n" = lsp ] && maxlen=65536
[ "$n" = docx ] && maxlen=65536
log=${FUZZ_LOG:-$B/fuzz/$n.log}
# stdin is /dev/null: an input naming /dev/stdin as a template must not block
"$bin" -max_total_time="$secs" -timeout=30 -rss_limit_mb=2560 -max_len=$maxlen \
  -print_final_stats=1 -dict="$dict" -artifact_prefix="$B/fuzz/crash/$n-" \
  "$@" "$work" $seeds </dev/null >"$log" 2>&1
st=$?
if grep -q 'harness inactive' "$log"; then
  echo "fuzz_$n: $(grep -m1 'harness inactive' "$log" | sed 's/^fuzz_[a-z]*: //')"
  exit 0
fi
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
ncorp=$(ls "$work" | wc -l)
if [ $st -ne 0 ]; then
  echo "fuzz_$n: FAILED (exit $st) after ${execs:-?} execs; log $log"
  grep -m1 -A30 -E '==[0-9]+==ERROR|runtime error|deadly signal|Test unit written|fuzz_[a-z]+: ' "$log" | head -60
  ls -t "$B"/fuzz/crash/"$n"-* 2>/dev/null | head -3
  exit 1
fi
echo "fuzz_$n: ${execs:-?} execs in $secs s (${rate:-?}/s), corpus $ncorp, no crash"
