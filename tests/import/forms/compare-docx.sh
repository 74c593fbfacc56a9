#!/bin/sh
# tests/import/forms/compare-docx.sh WANT.gir GOT.gir - the cells of two
# imports of the same report: every table block of WANT (its rows in the
# template's order, comments left out) against the same row and column of
# GOT. Prints "RIGHT TOTAL" (cells of WANT that GOT has equal, cells of
# WANT) on standard output and each differing cell on standard error
# ("TABLE #ROW LABEL [COL]: want W, got G"). Exit 0 when every cell is
# equal, 1 otherwise, 2 for a missing file. Used by
# tests/suites/import_docx.sh (DOCX against the HTML or text import).
[ -f "$1" ] && [ -f "$2" ] || { echo "compare-docx.sh: WANT.gir GOT.gir" >&2; exit 2; }
# "TABLE<TAB>ROW<TAB>LABEL<TAB>COL<TAB>VALUE" for every cell of a .gir
cells() {
  awk '
    /^table [^ ]+ \{/ { t = $2; r = 0; inside = 1; next }
    inside && /^\}/ { inside = 0; next }
    inside {
      line = $0
      sub(/^[ \t]+/, "", line)
      if (line == "" || substr(line, 1, 1) == "#") next
      label = ""; rest = line
      if (substr(line, 1, 1) == "\"") {
        rest = substr(line, 2); q = index(rest, "\"")
        label = substr(rest, 1, q - 1); rest = substr(rest, q + 1)
      }
      sub(/[ \t]*#.*/, "", rest)
      r++
      n = split(rest, v, /[ \t]+/); c = 0
      for (i = 1; i <= n; i++) if (v[i] != "") { c++; printf "%s\t%d\t%s\t%d\t%s\n", t, r, label, c, v[i] }
    }' "$1"
}
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-cmp.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
cells "$1" > "$T/want"
cells "$2" > "$T/got"
awk -F'\t' '
  NR == FNR { got[$1 FS $2 FS $4] = $5; next }
  { total++; k = $1 FS $2 FS $4
    if ((k in got) && got[k] == $5) right++
    else printf "%s #%d %s [%d]: want %s, got %s\n", $1, $2, $3, $4, $5, (k in got) ? got[k] : "(none)" > "/dev/stderr" }
  END { printf "%d %d\n", right, total; exit right == total ? 0 : 1 }' "$T/got" "$T/want"
