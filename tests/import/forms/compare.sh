#!/bin/sh
# compare.sh - how many table cells an import of another form gets right.
# Usage: compare.sh [--json] [--diff] GOLDEN.gir IMPORTED.gir [NAME]
# Reads the `table` blocks of both .gir files (comments left out): each
# row is its label and its values; a cell is right when the imported row
# of the same table and label has the same value at the same place.
# Prints "NAME right total" (total = the golden's cells), and exits 0
# when every cell is right, 1 otherwise. Any input form: import it to a
# .gir first (girc import FILE -o OUT.gir), then compare OUT.gir.
# --json: the cells are those of `$GIRC build -f json` (every cell of the
# template, a row left out being 0), for a hand-written GOLDEN such as
# examples/*.gir; GIRC defaults to build/girc.
# --diff: each cell that differs goes to standard error, "-" the
# golden's (TABLE LABEL INDEX VALUE), "+" the import's.
set -u
json=0
diff=0
while :; do
    case ${1:-} in
        --json) json=1; shift ;;
        --diff) diff=1; shift ;;
        *) break ;;
    esac
done
[ $# -ge 2 ] || { echo "usage: compare.sh [--json] [--diff] GOLDEN.gir IMPORTED.gir [NAME]" >&2; exit 2; }
name=${3:-$2}
cells() {
    [ $json = 1 ] && { json_cells "$1"; return; }
    # one line per cell: table<TAB>label<TAB>index<TAB>value
    awk '
        /^table .*\{$/ { t = $2; intab = 1; next }
        intab && /^\}/ { intab = 0; next }
        !intab { next }
        /^[ \t]*#/ { next }
        {
            line = $0
            if (match(line, /"([^"\\]|\\.)*"/)) {
                label = substr(line, RSTART, RLENGTH)
                rest = substr(line, RSTART + RLENGTH)
            } else next
            n = split(rest, v, /[ \t]+/)
            k = 0
            for (i = 1; i <= n; i++) {
                if (v[i] == "") continue
                if (v[i] ~ /^#/) break
                k++
                print t "\t" label "\t" k "\t" v[i]
            }
        }' "$1" | sort
}
json_cells() {
    "${GIRC:-build/girc}" build -f json "$1" 2>/dev/null |
        sed -n 's/.*"row": *"\([^"]*\)", *"column": *"\([^"]*\)".*"value": *\([^,]*\),.*/\1\t\2\t\3/p' | sort
}
g=$(mktemp) && i=$(mktemp) || exit 2
trap 'rm -f "$g" "$i"' EXIT
cells "$1" > "$g"
[ -s "$2" ] && cells "$2" > "$i" || : > "$i"
total=$(wc -l < "$g")
right=$(comm -12 "$g" "$i" | wc -l)
[ $diff = 1 ] && comm -3 "$g" "$i" | sed 's/^\t/+ /; t; s/^/- /' >&2
echo "$name $right $total"
[ "$right" -eq "$total" ]
