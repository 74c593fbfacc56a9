#!/bin/sh
# tests/suites/readme.sh - the README's examples do what it says: every
# .gir block (a fenced block without a language that starts with
# `report "`) checks with no diagnostic; every `build/girc check FILE`
# line of its shell blocks whose comment says "exit N" exits N; the
# `build/girc new` lines run in order in a scratch directory and write
# reports that check (a draft from --from: only W0070, as girc-new(1)
# says of a draft from a report whose figures are 0).
# girc-test: plain-only
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
cd "$(dirname "$0")/../.." || exit 2
[ -x "$GIRC" ] || { echo "not ok - readme: $GIRC is not built"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# the .gir blocks, one file each: $tmp/gir.N
awk -v d="$tmp" '
  /^```/ { if (inb) { inb = 0; if (keep) close(f); next } inb = 1; keep = ($0 == "```"); if (keep) { n++; f = d "/block." n } next }
  inb && keep { print > f }
' README.md
n=0
for f in "$tmp"/block.*; do
  head -1 "$f" | grep -q '^report "' || continue
  n=$((n + 1))
  out=$("$GIRC" --color=never check "$f" 2>&1); st=$?
  if [ $st = 0 ] && [ -z "$out" ]; then echo "ok - README .gir example $n checks"
  else echo "not ok - README .gir example $n (exit $st)"; printf '%s\n' "$out" | head -10; fi
done
[ $n -gt 0 ] || echo "not ok - README: no .gir example found"

# `build/girc check FILE ...  # exit N`
grep -E '^build/girc check [^ ]+ +# exit [0-9]' README.md | while IFS= read -r line; do
  cmd=${line%%#*}
  want=$(printf '%s\n' "$line" | sed 's/.*# exit \([0-9]*\).*/\1/')
  set -- $cmd
  shift
  "$GIRC" "$@" > /dev/null 2>&1; st=$?
  if [ "$st" = "$want" ]; then echo "ok - README: $cmd exits $want"; else echo "not ok - README: $cmd exits $st, not $want"; fi
done

# `build/girc new ...` in order, in a scratch directory
grep -E '^build/girc new ' README.md | sed 's/ *#.*//' > "$tmp/new.sh"
(cd "$tmp" && while IFS= read -r cmd; do set -- $cmd; shift; "$GIRC" "$@" || exit 1; done < new.sh); st=$?
if [ $st = 0 ] && [ -s "$tmp/2024.gir" ]; then echo "ok - README: the girc new lines run"; else echo "not ok - README: girc new lines (exit $st)"; fi
if "$GIRC" check "$tmp/2024.gir" > /dev/null 2>&1; then echo "ok - README: the new report checks"; else echo "not ok - README: the new report does not check"; fi
codes=$(cd "$tmp" && "$GIRC" --diagnostics=json check 2025.gir 2>/dev/null | grep -o '"code": *"[A-Z0-9]*"' | sort -u | tr -d ' ')
if [ "$codes" = '"code":"W0070"' ]; then echo "ok - README: the draft has only W0070"; else echo "not ok - README: the draft reports $codes"; fi

# ---- the man pages: one footer (date, "girc VERSION" of girc --version),
# and man --warnings has nothing to say about any page ----
ver=$("$GIRC" --version | sed 's/^girc //')
feet=$(sed -n 's/^\.TH [A-Z-]* [15] \([^ ]*\) "\([^"]*\)" .*/\1 \2/p' man/*.[15] | sort -u)
n=$(printf '%s\n' "$feet" | wc -l)
if [ "$n" = 1 ] && [ "${feet#* }" = "girc $ver" ] && [ "$(grep -c '^\.TH' man/*.[15] | grep -vc ':1$')" = 0 ]
then echo "ok - man pages: one footer ($feet)"; else echo "not ok - man pages: footers differ:"; printf '%s\n' "$feet"; fi
if command -v man > /dev/null 2>&1; then
  for f in man/*.[15]; do
    w=$(MANWIDTH=80 man --warnings -l "$f" 2>&1 > /dev/null)
    if [ -z "$w" ]; then echo "ok - man --warnings: $f"; else echo "not ok - man --warnings: $f"; printf '%s\n' "$w" | head -5; fi
  done
else echo "ok - man --warnings # SKIP man is not installed"; fi
