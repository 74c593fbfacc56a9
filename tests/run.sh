#!/bin/sh
# tests/run.sh - run every test and print one aggregate line
# ("N passed, N failed"). Runs the cmocka binaries (plain, then built
# with ASan+UBSan), then each tests/suites/*.sh with GIRC set to the
# plain binary and to the sanitized one. A suite prints one line per
# test: "ok - NAME" or "not ok - NAME"; a suite whose first lines
# contain "girc-test: plain-only" runs with the plain binary only.
cd "$(dirname "$0")/.." || exit 2
pass=0; fail=0; failed=""
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for t in build/tests/test_* build/asan-tests/test_*; do
  [ -x "$t" ] || continue
  case "$t" in *.d) continue;; esac
  out=$("./$t" 2>&1); st=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\.$/\1/p')
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:$/\1/p')
  pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
  if [ $st -ne 0 ]; then
    [ -z "$f" ] && fail=$((fail + 1))
    failed="$failed $t"
    printf '%s\n' "$out" | grep -v '^\[ \(RUN\|      OK\) ' | tail -40
  fi
  echo "$t: ${p:-0} passed, ${f:-0} failed"
done
for s in tests/suites/*.sh; do
  [ -f "$s" ] || continue
  bins="build/girc build/asan/girc"
  head -5 "$s" | grep -q 'girc-test: plain-only' && bins="build/girc"
  for bin in $bins; do
    out=$(GIRC="$bin" sh "$s" 2>&1); st=$?
    p=$(printf '%s\n' "$out" | grep -c '^ok ')
    f=$(printf '%s\n' "$out" | grep -c '^not ok ')
    if [ $st -ne 0 ] && [ "$f" -eq 0 ]; then f=1; printf '%s\n' "$out" | tail -20; fi
    pass=$((pass + p)); fail=$((fail + f))
    [ "$f" -gt 0 ] && { failed="$failed $s($bin)"; printf '%s\n' "$out" | grep -A15 '^not ok ' | head -80; }
    echo "$s [$bin]: $p passed, $f failed"
  done
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
