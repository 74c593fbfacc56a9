#!/bin/sh
# tests/suites/golden.sh - diagnostics goldens: every tests/golden/*.gir
# and examples/errors/*.gir is checked with `girc check`; stderr plus a
# final "[exit N]" line must equal NAME.err byte for byte (Chinese), and
# NAME.en.err when it exists (English). GIRC_UPDATE_GOLDEN=1 rewrites.
GIRC=${GIRC:-build/girc}
[ -x "$GIRC" ] || { echo "not ok - golden: $GIRC is not built"; exit 1; }
for f in tests/golden/*.gir examples/errors/*.gir; do
  [ -f "$f" ] || continue
  base=${f%.gir}
  for lang in zh en; do
    exp=$base.err; [ $lang = en ] && exp=$base.en.err
    [ $lang = en ] && [ ! -f "$exp" ] && [ -z "$GIRC_UPDATE_GOLDEN" ] && continue
    [ $lang = en ] && [ ! -f "$exp" ] && continue
    got=$( ( "$GIRC" --color=never --lang=$lang check "$f" 2>&1 >/dev/null; echo "[exit $?]" ) )
    if [ -n "$GIRC_UPDATE_GOLDEN" ]; then printf '%s\n' "$got" > "$exp"; echo "ok - $f ($lang, updated)"; continue; fi
    if [ ! -f "$exp" ]; then echo "not ok - $f: missing $exp"; continue; fi
    if printf '%s\n' "$got" | cmp -s - "$exp"; then echo "ok - $f ($lang)"
    else echo "not ok - $f ($lang)"; printf '%s\n' "$got" | diff "$exp" - | head -30; fi
  done
done
