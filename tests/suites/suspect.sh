#!/bin/sh
# tests/suites/suspect.sh - the likely wrong cell (N0660, N0661, check/suspect.c): slips injected
# into table 3 of examples/xinhua-gongan-2021.gir (tests/data/suspect-inject.py) are named exactly
# or listed with the right answer, or nothing is said; never a wrong cell named as the answer.
GIRC=${GIRC:-build/girc}
[ -x "$GIRC" ] || { echo "not ok - suspect: $GIRC is not built"; exit 1; }
if ! command -v python3 >/dev/null 2>&1; then echo "ok - suspect: injected slips # SKIP no python3"; exit 0; fi
got=$(GIRC=$GIRC python3 tests/data/suspect-inject.py examples/xinhua-gongan-2021.gir)
want="{'one-cell:one-right': 66, 'moved:list-has-right': 56, 'moved:one-right': 35, 'moved:silent': 24, 'one-cell:silent': 6}"
case $got in *WRONG*|*without-right*) echo "not ok - suspect: a wrong answer: $got";; *) echo "ok - suspect: no wrong cell named ($got)";; esac
[ "$got" = "$want" ] && echo "ok - suspect: 72 one-cell slips (66 named, 6 left to E0501) and 115 moved applications (35 named, 56 listed, 24 silent)" \
  || echo "not ok - suspect: tally $got, expected $want"
