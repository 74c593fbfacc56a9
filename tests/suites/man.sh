#!/bin/sh
# tests/suites/man.sh - the examples in the man pages are tests
# (ANCHORS.md §3, practice 15: documentation is source). Every example in
# man/*.1 and man/*.5 is extracted, run with $GIRC (default build/girc),
# and reported as "ok - PAGE:NAME" or "not ok - PAGE:NAME".
#
# Markup. Examples are framed by roff comment lines, which the rendered
# page does not show; the example text is the .EX/.EE block(s) between
# the frame lines (other lines in the frame are ignored):
#
#   .\" example: NAME           a complete .gir file
#   .\" example-fragment: NAME [BASE]
#                               some items of a report (its header, a
#                               section, a table), checked inside the
#                               small valid report BASE (default gov2021):
#                               each item replaces the base's item with
#                               the same first two words ("report" alone
#                               for the header; "table 申请处理",
#                               "section 总体情况"), or is added at the
#                               end. All of the fragment goes where the
#                               first replaced item was.
#   .\" example-sh: NAME        a shell session. Lines "$ COMMAND" (and
#                               continuation lines "> TEXT", as for a
#                               here-document) are run
#                               in order by sh, in a scratch directory
#                               that holds report.gir (the gov2021 base),
#                               with `girc` on PATH running $GIRC, LANG=C
#                               and no LC_ALL/LC_MESSAGES/GIRPATH. Other
#                               lines, if any, are the expected output
#                               (stdout and stderr together), compared
#                               byte for byte.
#   .\" fragment-base: BASE     (inside a complete example) this example
#                               is the base report named BASE. gir(5)
#                               defines gov2021 and gov2019. Keep bases
#                               simple: a header whose last line is "}",
#                               one-line tables "table NAME {}", sections
#                               on one line or with """ alone on the
#                               closing line.
#   .\" expect: ok | CODE...    what the check must report (default ok)
#   .\" end-example
#
# Expectations. For .gir examples (complete or fragment) girc runs with
# --diagnostics=json; the set of codes it reports (findings a waiver made
# notes, gir(5), not counted) must equal the CODE
# list exactly ("ok" = no diagnostic at all), and the exit status must be
# 1 if the list has an E code, else 0. For shell examples every CODE must
# appear in the output; when the example shows output, the output must be
# exactly that (show "$ echo $?" to pin an exit status); when it shows
# none, the exit status of the last command must be non-zero if the list
# has an E code, else 0.
#
# Roff in examples: keep it simple. Inside .EX/.EE the escapes \e \- \&
# \(dq \(aq \(ga \(rs \(ti \(ha \~ "\ " \% and the font escapes \fB \fI
# \fR \fP \f(CW are translated; any other line starting with "." or "'"
# is a request and is skipped.
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
cd "$(dirname "$0")/../.." || exit 2
[ -x "$GIRC" ] || { echo "not ok - man: $GIRC is not executable"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/girc-man.XXXXXX") || exit 2
# GIRC_MAN_KEEP=1 keeps the scratch directory (each example's files, and
# the file checked as ex/N/checked.gir) and prints its name.
if [ -n "$GIRC_MAN_KEEP" ]; then echo "# scratch directory: $T"; else trap 'rm -rf "$T"' EXIT INT TERM; fi
mkdir -p "$T/ex" "$T/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$GIRC" > "$T/bin/girc"
chmod +x "$T/bin/girc"

pages=""
for f in man/*.1 man/*.5; do [ -f "$f" ] && pages="$pages $f"; done
[ -n "$pages" ] || { echo "not ok - man: no man pages in man/"; exit 1; }

# ---- extraction: one directory per example under $T/ex ----
# $T/ex/NNNN/{name,kind,page,base,expect,text,basename}
awk -v out="$T/ex" '
function rep(s, a, b,   r, i) {
  r = ""
  while ((i = index(s, a)) > 0) { r = r substr(s, 1, i - 1) b; s = substr(s, i + length(a)) }
  return r s
}
function unroff(s) {
  s = rep(s, "\\e", "\001"); s = rep(s, "\\(rs", "\001")
  s = rep(s, "\\(dq", "\""); s = rep(s, "\\(aq", "\047"); s = rep(s, "\\(ga", "`")
  s = rep(s, "\\(ti", "~"); s = rep(s, "\\(ha", "^"); s = rep(s, "\\-", "-")
  s = rep(s, "\\~", " "); s = rep(s, "\\ ", " "); s = rep(s, "\\&", ""); s = rep(s, "\\%", "")
  s = rep(s, "\\fB", ""); s = rep(s, "\\fI", ""); s = rep(s, "\\fR", ""); s = rep(s, "\\fP", "")
  s = rep(s, "\\f(CW", "")
  return rep(s, "\001", "\\")
}
function put(f, v) { print v > (dir "/" f); close(dir "/" f) }
function start(kind, rest,   w, nw) {
  if (inex) { print "not ok - " FILENAME ":" name ": no end-example before line " FNR; }
  nw = split(rest, w, /[ \t]+/)
  n++; dir = out "/" sprintf("%04d", n); system("mkdir -p \"" dir "\"")
  name = w[1]; inex = 1; ex = 0
  put("name", FILENAME ":" name); put("kind", kind); put("page", FILENAME)
  if (kind == "fragment") put("base", nw >= 2 ? w[2] : "gov2021")
  printf "" > (dir "/text"); close(dir "/text")
  printf "ok\n" > (dir "/expect"); close(dir "/expect")
}
/^\.\\" example: /          { start("file", substr($0, 14)); next }
/^\.\\" example-fragment: / { start("fragment", substr($0, 23)); next }
/^\.\\" example-sh: /       { start("sh", substr($0, 17)); next }
/^\.\\" expect: /           { if (inex) put("expect", substr($0, 13)); next }
/^\.\\" fragment-base: /    { if (inex) put("basename", substr($0, 20)); next }
/^\.\\" end-example/        { if (!inex) print "not ok - " FILENAME ":" FNR ": end-example without example"; inex = 0; ex = 0; next }
inex && /^\.EX/ { ex = 1; next }
inex && /^\.EE/ { ex = 0; next }
inex && ex && /^[.\047]/ { next }
inex && ex { print unroff($0) >> (dir "/text"); close(dir "/text"); next }
END { if (inex) print "not ok - " name ": no end-example at end of file" }
' $pages

# ---- bases ----
for d in "$T"/ex/*/; do
  [ -f "$d/basename" ] && cp "$d/text" "$T/base.$(cat "$d/basename").gir"
done

# Codes in JSON diagnostics (stdin), sorted and unique, one line.
codes_of() { grep -v '"waived":"' | grep -o '"code":"[A-Z][0-9]*"' | sed 's/.*:"\(.*\)"/\1/' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
has_error() { for c in $1; do case $c in E*) return 0 ;; esac; done; return 1; }

# Builds the file to check for a fragment example: $1 = dir, $2 = output.
assemble() {
  base=$T/base.$(cat "$1/base").gir
  [ -f "$base" ] || { echo "no base report '$(cat "$1/base")'"; return 1; }
  awk -v frag="$1/text" '
    function key(l,   w) {
      if (l ~ /^report([ \t{"]|$)/) return "report"
      if (l ~ /^(table|section)[ \t]/) { split(l, w, /[ \t]+/); return w[1] " " w[2] }
      return ""
    }
    function dump() { if (!placed) { printf "%s", text; placed = 1 } }
    BEGIN { while ((getline l < frag) > 0) { text = text l "\n"; k = key(l); if (k != "") want[k] = 1 } }
    skip == "brace" { if ($0 ~ /^}/) skip = ""; next }
    skip == "prose" { if (index($0, "\"\"\"")) skip = ""; next }
    {
      k = key($0)
      if (k == "" || !(k in want)) { print; next }
      dump()
      if (k == "report" || ($0 ~ /\{[ \t]*$/)) skip = "brace"
      else if (k ~ /^section/ && index($0, "\"\"\"") && !index(substr($0, index($0, "\"\"\"") + 3), "\"\"\"")) skip = "prose"
    }
    END { dump() }' "$base" > "$2"
}

seen=""
for d in "$T"/ex/*/; do
  [ -f "$d/name" ] || continue
  name=$(cat "$d/name"); kind=$(cat "$d/kind")
  expect=$(sed 's/^ *//; s/ *$//' "$d/expect")
  case " $seen " in *" $name "*) echo "not ok - $name: duplicate example name"; continue ;; esac
  seen="$seen $name"
  [ -s "$d/text" ] || { echo "not ok - $name: empty example (no .EX block?)"; continue; }
  want=""; [ "$expect" = ok ] || want=$(printf '%s\n' $expect | sort -u | tr '\n' ' ' | sed 's/ $//')
  why=""
  if [ "$kind" = sh ]; then
    w=$T/run; rm -rf "$w"; mkdir -p "$w"
    [ -f "$T/base.gov2021.gir" ] && cp "$T/base.gov2021.gir" "$w/report.gir"
    sed -n 's/^[$>] //p; s/^>$//p' "$d/text" > "$T/script.sh"
    grep -v -e '^[$>] ' -e '^>$' "$d/text" > "$T/want.out"
    ( cd "$w" && unset LC_ALL LC_MESSAGES GIRPATH NO_COLOR && LANG=C PATH="$T/bin:$PATH" sh "$T/script.sh" ) > "$T/got.out" 2>&1
    st=$?
    for c in $want; do grep -a -q "$c" "$T/got.out" || why="$why; $c not in the output"; done
    if [ -s "$T/want.out" ]; then
      cmp -s "$T/want.out" "$T/got.out" || why="$why; output differs:
$(diff "$T/want.out" "$T/got.out" | head -20)"
    elif has_error "$want"; then [ $st -ne 0 ] || why="$why; exit status 0, expected non-zero"
    else [ $st -eq 0 ] || why="$why; exit status $st, expected 0"; fi
  else
    f=$T/example.gir
    if [ "$kind" = fragment ]; then
      msg=$(assemble "$d" "$f") || { echo "not ok - $name: $msg"; continue; }
    else
      cp "$d/text" "$f"
    fi
    [ -n "$GIRC_MAN_KEEP" ] && cp "$f" "$T/ex/$(basename "$d")/checked.gir"
    ( cd "$T" && "$GIRC" --diagnostics=json check example.gir ) > "$T/got.json" 2> "$T/got.err"
    st=$?
    got=$(codes_of < "$T/got.json")
    [ "$got" = "$want" ] || why="$why; reported {${got}}, expected {${want}}"
    if has_error "$want"; then ex=1; else ex=0; fi
    [ $st -eq $ex ] || why="$why; exit status $st, expected $ex"
    [ -s "$T/got.err" ] && why="$why; stderr: $(head -3 "$T/got.err")"
  fi
  if [ -z "$why" ]; then echo "ok - $name"
  else
    echo "not ok - $name${why}"
    [ "$kind" = sh ] || sed 's/^/#   /' "$T/got.json" | cut -c1-300 | head -5
  fi
done
