#!/bin/sh
# tests/suites/registry.sh - each registry of girc lists every entry once
# and every entry is used; the documentation follows the tables.
# girc-test: plain-only   (reads sources and help text; ASan adds nothing)
#   - messages: every MSG id of src/base/msgs_*.def is defined once and
#     used by some source of src/ (.c, .h, .inc) or grammar/; its code is
#     "" or a letter and four digits; its Chinese and English formats take
#     the same arguments (by position: each uses 1..k with the same
#     conversions; one may leave out trailing ones, as Chinese does the
#     English plural suffix);
#   - codes: every diagnostic code of the checker's catalogues
#     (msgs_core.def, msgs_check.def) is covered by a golden of
#     tests/golden or examples/errors (golden.sh), except the few no
#     small input can produce, which a named suite covers instead;
#   - commands: every command of girc --help (the command table) has its
#     synopsis in girc(1) with the same options, and an entry under
#     COMMANDS there;
#   - no abort() in src/: running out of memory is reported (arena.h).
# The back ends are checked against girc-build(1) by build.sh, the tables
# themselves by tests/unit/test_registry.c.
GIRC=${GIRC:-build/girc}
cd "$(dirname "$0")/../.." || exit 2
case $GIRC in /*) ;; *) [ -x "$GIRC" ] || GIRC=build/girc ;; esac
[ -x "$GIRC" ] || { echo "not ok - registry: $GIRC is not built"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-registry.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }

# Message ids no source uses yet, each left to the folder that owns its
# catalogue (listed so that a new unused id still fails).
KNOWN_UNUSED="M_HELP_UNKNOWN_LINE I_LABEL_VARIANT I_FIELD_TITLE I_WROTE"
# Codes no small .gir can produce, and the suite that produces each.
NO_GOLDEN="E0001:tests/suites/io.sh E0003:tests/suites/pathological.sh E0007:tests/suites/pathological.sh W0649:tests/suites/similar.sh"

# ---- messages: defined once, used ----
sed -n 's/^MSG(\([A-Z_0-9]*\), "\([^"]*\)".*/\1 \2/p' src/base/msgs_*.def > "$T/ids"
[ -s "$T/ids" ] || nok "messages: no MSG entries found in src/base/msgs_*.def"
dups=$(cut -d' ' -f1 "$T/ids" | sort | uniq -d | tr '\n' ' ')
[ -z "$dups" ] && ok "messages: every id is defined once ($(wc -l < "$T/ids") ids)" || nok "messages: defined more than once: $dups"
# the code, and the tables of other .def files (not the catalogue itself)
find src \( -name '*.c' -o -name '*.h' -o -name '*.inc' -o -name '*.def' \) ! -name 'msgs_*.def' > "$T/sources"
ls grammar/*.re grammar/*.y >> "$T/sources" 2>/dev/null
# shellcheck disable=SC2046 # paths have no spaces
cat $(cat "$T/sources") | grep -o '\b[A-Z][A-Z0-9]*_[A-Z0-9_]*\b' | sort -u > "$T/words"
unused=""
while read -r id code; do
  grep -qx "$id" "$T/words" && continue
  case " $KNOWN_UNUSED " in
    *" $id "*) echo "ok - messages: $id is not used # SKIP known, left to its catalogue's folder"; continue ;;
  esac
  unused="$unused $id"
done < "$T/ids"
[ -z "$unused" ] && ok "messages: every id is used in src/ or grammar/" || nok "messages: never used:$unused"
bad=$(awk '$2 != "" && $2 !~ /^[EWN][0-9][0-9][0-9][0-9]$/ { print $1 "=" $2 }' "$T/ids" | tr '\n' ' ')
[ -z "$bad" ] && ok "messages: every code is empty or a letter and four digits" || nok "messages: malformed codes: $bad"

# zh and en take the same arguments: position -> conversion, for each entry
if command -v python3 >/dev/null 2>&1; then
  python3 - src/base/msgs_*.def <<'PY' > "$T/args"
import re, sys
lit = r'"((?:[^"\\]|\\.)*)"'
entry = re.compile(r'^MSG\(([A-Z_0-9]+), ' + lit + ', ' + lit + ', ' + lit + r'\)\s*$')
spec = re.compile(r'%(?:(\d+)\$)?[-+ #0]*\d*(?:\.\d+)?(hh|h|ll|l|z|j|t)?([diouxXeEfgGcsp%])')
def args(s):
    out, n = {}, 0
    for m in spec.finditer(s):
        if m.group(3) == '%':
            continue
        n += 1
        pos = int(m.group(1)) if m.group(1) else n
        out[pos] = (m.group(2) or '') + m.group(3)
    return out
# Each language uses arguments 1..k (a language may leave out trailing
# ones: Chinese ignores English's plural suffix), with the same
# conversion where both use one.
def agree(a, b):
    if any(sorted(x) != list(range(1, len(x) + 1)) for x in (a, b)):
        return False
    return all(a[p] == b[p] for p in a if p in b)
for path in sys.argv[1:]:
    for line in open(path, encoding='utf-8'):
        m = entry.match(line)
        if m and not agree(args(m.group(3)), args(m.group(4))):
            print(m.group(1), sorted(args(m.group(3)).items()), sorted(args(m.group(4)).items()))
PY
  [ ! -s "$T/args" ] && ok "messages: zh and en take the same arguments ($(grep -c "^MSG(" src/base/msgs_*.def | awk -F: "{ n += \$2 } END { print n }") entries)" || { nok "messages: zh and en take different arguments"; sed 's/^/#   /' "$T/args"; }
else
  ok "messages: zh and en take the same arguments # SKIP no python3"
fi

# ---- codes: covered by a golden ----
cat tests/golden/*.err examples/errors/*.err 2>/dev/null | grep -o '\[[EWN][0-9]*\]' | tr -d '[]' | sort -u > "$T/golden-codes"
for code in $(sed -n 's/^MSG([A-Z_0-9]*, "\([EWN][0-9]*\)".*/\1/p' src/base/msgs_core.def src/base/msgs_check.def | sort -u); do
  if grep -qx "$code" "$T/golden-codes"; then ok "code $code: a golden shows it"; continue; fi
  suite=""
  for x in $NO_GOLDEN; do [ "${x%%:*}" = "$code" ] && suite=${x#*:}; done
  if [ -n "$suite" ] && grep -q "$code" "$suite"; then ok "code $code: covered by $suite (no golden can produce it)"
  else nok "code $code: no golden in tests/golden or examples/errors shows it"; fi
done

# ---- commands: the table and girc(1) ----
# "  NAME SYNOPSIS" lines of girc --help between "commands:" and the blank line
"$GIRC" --lang=en --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on && /^  [a-z]/ { sub(/^  /, ""); sub(/   .*/, ""); print }' > "$T/commands"
[ -s "$T/commands" ] || nok "commands: girc --help lists none"
# the SYNOPSIS of girc(1), one line per command, roff removed
awk '/^\.SH SYNOPSIS/ { on = 1; next } on && /^\.SH/ { exit } on { print }' man/girc.1 |
  sed 's/\\-/-/g; s/^\.[A-Z]* *//; s/"//g' | tr '\n' ' ' | sed 's/\.br/\n/g; s/ br /\n/g' > "$T/synopsis"
awk '/^\.SH COMMANDS/ { on = 1; next } on && /^\.SH/ { exit } on { print }' man/girc.1 > "$T/commands-section"
while read -r name rest; do
  line=$(grep -E "^girc( \[ options \])? $name( |$)" "$T/synopsis" | head -1)
  if [ -z "$line" ]; then nok "command $name: not in the SYNOPSIS of girc(1)"; continue; fi
  miss=""
  for opt in $(printf '%s\n' "$rest" | grep -o -- '-[-a-zA-Z]*' | sort -u); do
    printf '%s\n' "$line" | grep -q -- "$opt" || miss="$miss $opt"
  done
  [ -z "$miss" ] && ok "command $name: girc(1) SYNOPSIS has it with its options" || nok "command $name: girc(1) SYNOPSIS lacks$miss"
  if grep -q "^\.BI\{0,1\} \"\{0,1\}$name\([ \"]\|$\)" "$T/commands-section"; then ok "command $name: an entry under COMMANDS in girc(1)"
  else nok "command $name: no entry under COMMANDS in girc(1)"; fi
done < "$T/commands"

# ---- out of memory is reported, never abort() ----
found=$(grep -rn '\babort *(' src grammar 2>/dev/null | head -5)
[ -z "$found" ] && ok "no abort() in src/ or grammar/" || { nok "abort() in src/"; printf '%s\n' "$found" | sed 's/^/#   /'; }
