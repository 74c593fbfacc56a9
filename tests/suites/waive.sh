#!/bin/sh
# tests/suites/waive.sh - waivers in the machine formats, strict CI and
# SARIF: --deny-warnings (and -Werror) with only warnings, byte for byte
# against tests/data/waive/*.err (zh and en); --diagnostics=json of a
# report with waivers against *.jsonl; --diagnostics=sarif against *.sarif
# (zh and en) and valid under the SARIF 2.1.0 schema
# (tests/data/sarif-schema-2.1.0.json, python3-jsonschema), also over
# several files with -j 2 (the same document as -j 1) and for an error of
# the command line; an imported report with errors has no waiver.
# GIRC_UPDATE_GOLDEN=1 rewrites the expected files.
GIRC=${GIRC:-build/girc}
[ -x "$GIRC" ] || { echo "not ok - waive: $GIRC is not built"; exit 1; }
D=tests/data/waive
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# same NAME FILE: FILE equals $D/NAME (or rewrites it)
same() {
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$2" "$D/$1"; echo "ok - $1 (updated)"; return; fi
  if cmp -s "$2" "$D/$1"; then echo "ok - $1"; else echo "not ok - $1"; diff "$D/$1" "$2" | head -20; fi
}

# valid NAME FILE: FILE is a SARIF 2.1.0 document
valid() {
  if ! python3 -c 'import jsonschema' 2>/dev/null; then echo "ok - $1 is valid SARIF # SKIP python3-jsonschema is not installed"; return; fi
  if python3 - "$2" tests/data/sarif-schema-2.1.0.json > "$tmp/why" 2>&1 <<'PY'
import json, sys, jsonschema
doc = json.load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft4Validator(schema).validate(doc)
PY
  then echo "ok - $1 is valid SARIF 2.1.0"; else echo "not ok - $1 is valid SARIF 2.1.0"; tail -5 "$tmp/why"; fi
}

w=tests/golden/751-waiver-unused.gir     # only warnings
x=tests/golden/750-waiver-waives.gir     # waivers that waive, one error left

# ---- --deny-warnings ----
"$GIRC" --color=never check "$w" > /dev/null 2>&1; plain=$?
for lang in zh en; do
  sfx=; [ $lang = en ] && sfx=.en
  ( "$GIRC" --color=never --lang=$lang check --deny-warnings "$w" 2>&1 >/dev/null; echo "[exit $?]" ) > "$tmp/deny"
  same "deny-warnings$sfx.err" "$tmp/deny"
done
( "$GIRC" --color=never --lang=zh check -Werror "$w" 2>&1 >/dev/null; echo "[exit $?]" ) > "$tmp/werror"
if [ $plain -eq 0 ] && cmp -s "$tmp/werror" "$D/deny-warnings.err"; then echo "ok - only warnings: exit 0, and -Werror is --deny-warnings"
else echo "not ok - -Werror / plain exit ($plain)"; diff "$D/deny-warnings.err" "$tmp/werror" | head; fi
"$GIRC" --color=never check --deny-warnings tests/golden/750-waiver-waives.gir > /dev/null 2>&1; rc=$?
"$GIRC" --color=never check --deny-warnings examples/xinhua-gongan-2021.gir > /dev/null 2>&1; ok=$?
if [ $rc -eq 1 ] && [ $ok -eq 0 ]; then echo "ok - --deny-warnings: a clean report passes, waived findings stay notes"
else echo "not ok - --deny-warnings on clean/waived reports ($ok $rc)"; fi

# ---- JSON lines ----
"$GIRC" --lang=en --diagnostics=json check "$x" > "$tmp/x.jsonl" 2>/dev/null
same waives.jsonl "$tmp/x.jsonl"
n=$(grep -c '"severity":"note","code":"E0502".*"waived":"两件申请跨年度合并办理，见说明"}$' "$tmp/x.jsonl")
[ "$n" = 1 ] && echo "ok - json: the waived finding is a note with its reason" || echo "not ok - json: waived field ($n)"

# ---- SARIF ----
for lang in zh en; do
  sfx=; [ $lang = en ] && sfx=.en
  "$GIRC" --lang=$lang --diagnostics=sarif check "$x" > "$tmp/x.sarif" 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] && [ ! -s "$tmp/err" ] && echo "ok - sarif ($lang): exit 1, nothing on stderr" || echo "not ok - sarif ($lang): exit $rc"
  same "waives$sfx.sarif" "$tmp/x.sarif"
  valid "waives$sfx.sarif" "$tmp/x.sarif"
done
"$GIRC" --diagnostics=sarif check -j 1 tests/golden/75*.gir examples > "$tmp/j1.sarif" 2>/dev/null
"$GIRC" --diagnostics=sarif check -j 2 tests/golden/75*.gir examples > "$tmp/j2.sarif" 2>/dev/null
if cmp -s "$tmp/j1.sarif" "$tmp/j2.sarif" && [ "$(grep -c '"\$schema"' "$tmp/j2.sarif")" = 1 ]; then echo "ok - sarif: one document for many files, the same with -j 2"
else echo "not ok - sarif -j 2"; diff "$tmp/j1.sarif" "$tmp/j2.sarif" | head; fi
valid "sarif of many files" "$tmp/j2.sarif"
"$GIRC" --diagnostics=sarif check > "$tmp/usage.sarif" 2>/dev/null; rc=$?
if [ $rc -eq 2 ] && grep -q '"ruleId":	"E0004"' "$tmp/usage.sarif" && grep -q '"executionSuccessful":	false' "$tmp/usage.sarif"
then echo "ok - sarif: a usage error is a result, the invocation failed"; else echo "not ok - sarif usage error (exit $rc)"; fi
valid "sarif of a usage error" "$tmp/usage.sarif"

# ---- the importer never invents a waiver ----
f=tests/import/corpus/excerpt-009.txt
"$GIRC" import "$f" > "$tmp/imp.gir" 2>/dev/null
"$GIRC" check "$tmp/imp.gir" > /dev/null 2>&1; rc=$?
if [ $rc -eq 1 ] && ! grep -q '^ *waive\b' "$tmp/imp.gir"; then echo "ok - an imported report with errors has no waiver"
else echo "not ok - import and waivers (check exit $rc)"; grep -n waive "$tmp/imp.gir" | head -3; fi

# ---- SARIF beside a document on standard output: on standard error ----
"$GIRC" --diagnostics=sarif build -f text -o - "$w" > "$tmp/doc.txt" 2> "$tmp/doc.sarif"; rc=$?
if [ $rc -eq 0 ] && grep -q '^新华县公安局' "$tmp/doc.txt" && grep -q '"ruleId":	"W0755"' "$tmp/doc.sarif"
then echo "ok - sarif goes to standard error when the document is on standard output"; else echo "not ok - sarif with build -o - (exit $rc)"; fi
valid "sarif beside a document" "$tmp/doc.sarif"
# girc lsp: standard output is the protocol; a SARIF document never lands there
printf 'Content-Length: 44\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}' | "$GIRC" --diagnostics=sarif lsp > "$tmp/lsp.out" 2> "$tmp/lsp.err"
if ! grep -q 'sarif' "$tmp/lsp.out" && grep -q '"version":	"2.1.0"' "$tmp/lsp.err"; then echo "ok - girc lsp keeps SARIF off the protocol"
else echo "not ok - girc lsp with --diagnostics=sarif"; head -c 300 "$tmp/lsp.out"; fi
# girc fmt prints the laid-out text on stdout: the SARIF document goes to stderr
"$GIRC" --diagnostics=sarif fmt tests/data/waivers-messy.gir > "$tmp/fmt.out" 2> "$tmp/fmt.err"
if cmp -s "$tmp/fmt.out" tests/data/waivers-messy.fmt && grep -q '"version":	"2.1.0"' "$tmp/fmt.err"; then echo "ok - girc fmt keeps SARIF off the laid-out text"
else echo "not ok - girc fmt with --diagnostics=sarif"; fi
# --deny-warnings over several files (bulk, -j 2): the file with only warnings fails the run
"$GIRC" --lang=zh check -j 2 --deny-warnings examples/xinhua-gongan-2021.gir "$w" > "$tmp/bulk.out" 2>&1; rc=$?
"$GIRC" check -j 2 examples/xinhua-gongan-2021.gir "$w" > /dev/null 2>&1; plain=$?
if [ $rc -eq 1 ] && [ $plain -eq 0 ] && grep -q "751-waiver-unused.gir：2 个错误" "$tmp/bulk.out"; then echo "ok - --deny-warnings with several files and -j 2"
else echo "not ok - --deny-warnings bulk ($rc, $plain)"; tail -3 "$tmp/bulk.out"; fi
