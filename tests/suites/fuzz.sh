#!/bin/sh
# girc-test: plain-only
# tests/suites/fuzz.sh - the libFuzzer harnesses (tests/fuzz/) in make
# check: each replays its regressions (tests/fuzz/regressions/NAME/, one
# file per crash ever found) and then fuzzes briefly from its seeds
# (FUZZ_CHECK_SECONDS, default 10, into a temporary corpus), so CI catches
# a regression.
# Long runs: make fuzz FUZZ_SECONDS=600.
B=${B:-build}
secs=${FUZZ_CHECK_SECONDS:-10}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# fontconfig's one-time configuration is not a leak of girc's (lsan.supp)
LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
# every harness (tests/fuzz/fuzz_NAME.c), as make fuzz runs them
for n in $(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||'); do
  bin=$B/fuzz/fuzz_$n
  if [ ! -x "$bin" ]; then echo "not ok - fuzz_$n: $bin is not built"; continue; fi
  regs=$(find "tests/fuzz/regressions/$n" -type f ! -name '*.md' 2>/dev/null | sort)
  if [ -n "$regs" ]; then
    k=$(printf '%s\n' "$regs" | wc -l)
    # shellcheck disable=SC2086 # one argument per file (names have no spaces)
    if timeout 300 "$bin" -timeout=30 $regs </dev/null >"$T/replay" 2>&1; then
      echo "ok - fuzz_$n replays $k regression(s)"
    else
      echo "not ok - fuzz_$n replays $k regression(s)"
      grep -m1 -B2 -A25 -E '==[0-9]+==ERROR|runtime error|deadly signal|fuzz_[a-z]+: ' "$T/replay" | head -40
    fi
  else
    echo "ok - fuzz_$n replays 0 regressions"
  fi
  if FUZZ_CORPUS="$T/corpus-$n" FUZZ_LOG="$T/log-$n" B="$B" timeout $((secs + 120)) tests/fuzz/run.sh "$n" "$secs" >"$T/run" 2>&1; then
    echo "ok - fuzz_$n for ${secs}s: $(head -1 "$T/run" | sed 's/^fuzz_[a-z]*: //')"
  else
    echo "not ok - fuzz_$n for ${secs}s"
    head -60 "$T/run"
  fi
done
