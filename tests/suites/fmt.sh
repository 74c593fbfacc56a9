#!/bin/sh
# tests/suites/fmt.sh - `girc fmt` from the command line. For every
# .gir file in examples/, examples/errors/, tests/golden/ (and prev/),
# tests/lsp/ and stdlib/: either it formats (exit 0), the result is a
# fixed point (idempotent: formatting it again changes nothing, and
# --check accepts it), and the checked report is unchanged (the JSON
# diagnostics without positions are identical); or it has syntax errors
# and fmt refuses (exit 1, E0901, nothing on stdout). Then --check, -w
# (atomic rewrite; refused on syntax errors, file untouched) and stdin.
GIRC=${GIRC:-build/girc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
nopos() {  # JSON diagnostics without positions, file names or related spans
  sed -e 's/"file":"[^"]*",//g' -e 's/"\(line\|column\|end_line\|end_column\|byte_start\|byte_end\)":[0-9]*,\{0,1\}//g'
}
for f in examples/*.gir examples/errors/*.gir tests/golden/*.gir tests/golden/prev/*.gir tests/lsp/*.gir stdlib/*.gir; do
  [ -f "$f" ] || continue
  "$GIRC" fmt "$f" > "$tmp/a.gir" 2> "$tmp/err"; rc=$?
  if [ $rc -eq 1 ] && grep -q 'E0901' "$tmp/err" && [ ! -s "$tmp/a.gir" ]; then echo "ok - fmt refuses $f (syntax errors)"; continue; fi
  if [ $rc -ne 0 ]; then echo "not ok - fmt $f: exit $rc"; head -5 "$tmp/err"; continue; fi
  "$GIRC" fmt "$tmp/a.gir" > "$tmp/b.gir" 2>&1
  if cmp -s "$tmp/a.gir" "$tmp/b.gir" && "$GIRC" fmt --check "$tmp/a.gir" > /dev/null 2>&1; then echo "ok - fmt idempotent $f"
  else echo "not ok - fmt idempotent $f"; diff "$tmp/a.gir" "$tmp/b.gir" | head -10; fi
  # the report is the same: template files are checked from their own folder
  # (not for a report that names itself as previous: a copy names the original)
  grep -q '^# fmt.sh: names itself' "$f" && continue
  cp "$tmp/a.gir" "$(dirname "$f")/.fmt-test-$$.gir"
  "$GIRC" --diagnostics=json check "$f" 2>/dev/null | nopos > "$tmp/d1"
  "$GIRC" --diagnostics=json check "$(dirname "$f")/.fmt-test-$$.gir" 2>/dev/null | nopos > "$tmp/d2"
  rm -f "$(dirname "$f")/.fmt-test-$$.gir"
  if cmp -s "$tmp/d1" "$tmp/d2"; then echo "ok - fmt keeps the checked report $f"
  else echo "not ok - fmt keeps the checked report $f"; diff "$tmp/d1" "$tmp/d2" | head -6; fi
done

# --check: exit 1 and a diff when something would change, 0 and silence otherwise
printf 'report "r" {\n template gov2021\n}\ntable 申请处理 {\n新收   1 2\n}\n' > "$tmp/u.gir"
"$GIRC" fmt --check "$tmp/u.gir" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q '^--- ' "$tmp/out" && grep -q '^+  新收  1 2$' "$tmp/out" && grep -q '^- template gov2021$' "$tmp/out"
then echo "ok - fmt --check shows a diff and exits 1"; else echo "not ok - fmt --check (exit $rc)"; cat "$tmp/out" "$tmp/err" | head; fi
# -w: rewritten in place, then a fixed point
cp "$tmp/u.gir" "$tmp/w.gir"
"$GIRC" fmt -w "$tmp/w.gir" > "$tmp/out" 2>&1; rc=$?
"$GIRC" fmt "$tmp/u.gir" > "$tmp/want" 2>/dev/null
if [ $rc -eq 0 ] && [ ! -s "$tmp/out" ] && cmp -s "$tmp/w.gir" "$tmp/want" && "$GIRC" fmt --check "$tmp/w.gir" >/dev/null 2>&1 \
   && [ -z "$(ls "$tmp" | grep '\.tmp\.')" ]
then echo "ok - fmt -w rewrites the file"; else echo "not ok - fmt -w (exit $rc)"; cat "$tmp/out"; fi
# -w on syntax errors: refused, diagnostics shown, the file untouched
printf 'table t {\n  新收 1 @ 2\n}\n' > "$tmp/bad.gir"
cp "$tmp/bad.gir" "$tmp/bad.orig"
"$GIRC" --color=never fmt -w "$tmp/bad.gir" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && cmp -s "$tmp/bad.gir" "$tmp/bad.orig" && grep -q 'E0103' "$tmp/err" && grep -q 'E0901' "$tmp/err"
then echo "ok - fmt -w refuses a file with syntax errors"; else echo "not ok - fmt -w with syntax errors (exit $rc)"; cat "$tmp/err"; fi
# the refusal is a diagnostic like any other: in JSON with its file
"$GIRC" --diagnostics=json --lang=en fmt "$tmp/bad.gir" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q '"code":"E0103"' "$tmp/out" \
   && grep -q "^{\"schema\":1,\"file\":\"$tmp/bad.gir\",\"severity\":\"error\",\"code\":\"E0901\",\"message\":\"'$tmp/bad.gir' has syntax errors; not formatted\",\"line\":null," "$tmp/out"
then echo "ok - fmt's refusal in --diagnostics=json"; else echo "not ok - fmt's refusal in --diagnostics=json (exit $rc)"; cat "$tmp/out" "$tmp/err"; fi
# GObject Introspection XML is not .gir source: refused, not mangled
printf '<?xml version="1.0"?>\n<repository version="1.2"/>\n' > "$tmp/Gtk-3.0.gir"
"$GIRC" fmt -w "$tmp/Gtk-3.0.gir" > /dev/null 2>&1; rc=$?
if [ $rc -eq 1 ] && grep -q '^<?xml' "$tmp/Gtk-3.0.gir"; then echo "ok - fmt leaves GObject Introspection XML alone"
else echo "not ok - fmt on GObject Introspection XML (exit $rc)"; fi
# standard input; several files; usage errors
if "$GIRC" fmt - < "$tmp/u.gir" | cmp -s - "$tmp/want"; then echo "ok - fmt reads standard input"; else echo "not ok - fmt -"; fi
"$GIRC" fmt "$tmp/w.gir" "$tmp/w.gir" > "$tmp/two" 2>&1; rc=$?
if [ $rc -eq 0 ] && [ "$(wc -l < "$tmp/two")" -eq $(( 2 * $(wc -l < "$tmp/want") )) ]; then echo "ok - fmt several files"; else echo "not ok - fmt several files"; fi
"$GIRC" fmt > /dev/null 2>&1; a=$?
"$GIRC" fmt --bogus x.gir > /dev/null 2>&1; b=$?
"$GIRC" fmt "$tmp/missing.gir" > /dev/null 2>&1; c=$?
if [ $a -eq 2 ] && [ $b -eq 2 ] && [ $c -eq 2 ]; then echo "ok - fmt usage and I/O errors exit 2"; else echo "not ok - fmt usage errors ($a $b $c)"; fi
# waivers keep their place (table, header, top level) and are laid out as items
"$GIRC" fmt tests/data/waivers-messy.gir > "$tmp/wv.gir" 2>&1; rc=$?
if [ $rc -eq 0 ] && cmp -s "$tmp/wv.gir" tests/data/waivers-messy.fmt; then echo "ok - fmt lays out waivers"
else echo "not ok - fmt lays out waivers (exit $rc)"; diff tests/data/waivers-messy.fmt "$tmp/wv.gir" | head; fi
# a directory: its *.gir files, sorted, like girc check; getopt_long: --write,
# options after the files, `--`, the nearest option for a mistyped one
mkdir -p "$tmp/dir/sub" && cp "$tmp/u.gir" "$tmp/dir/b.gir" && cp "$tmp/u.gir" "$tmp/dir/sub/a.gir" && echo x > "$tmp/dir/notes.txt"
"$GIRC" fmt --check "$tmp/dir" > /dev/null 2>&1; a=$?
"$GIRC" fmt "$tmp/dir" --write > /dev/null 2>&1; b=$?
"$GIRC" fmt --check -- "$tmp/dir" > /dev/null 2>&1; c=$?
if [ $a -eq 1 ] && [ $b -eq 0 ] && [ $c -eq 0 ] && cmp -s "$tmp/dir/sub/a.gir" "$tmp/want" && [ "$(cat "$tmp/dir/notes.txt")" = x ]
then echo "ok - fmt takes a directory (--check, --write after it, --)"; else echo "not ok - fmt on a directory ($a $b $c)"; fi
if "$GIRC" --lang=en fmt --chek x.gir 2>&1 | grep -q "did you mean '--check'"; then echo "ok - fmt: a mistyped option gets the nearest"
else echo "not ok - fmt: no did-you-mean for --chek"; fi
