#!/bin/sh
# tests/suites/lsp.sh - `girc lsp` scripted sessions and the randomised
# session. Each tests/lsp/NAME.in (script format: top of
# tests/lsp/lsptool.c) is framed, fed to `$GIRC lsp`, and the replies,
# one JSON body per line, plus "[exit N]" must equal NAME.out byte for
# byte; the server must print nothing on stderr (ASan/UBSan reports).
# GIRC_UPDATE_GOLDEN=1 rewrites the .out files. Then a seeded random
# session of 10,000 messages (valid and invalid mixed) must end with the
# server answering a hover correctly, shutting down, and exiting 0.
GIRC=${GIRC:-build/girc}
ROOT=$(pwd)
TOOL=build/lsptool
LC_ALL=C; export LC_ALL                     # Chinese messages (girc's default)
XDG_CACHE_HOME=$ROOT/build/lsp-cache; export XDG_CACHE_HOME
if [ ! -x "$TOOL" ] || [ tests/lsp/lsptool.c -nt "$TOOL" ]; then
  mkdir -p build
  ${CC:-cc} -O2 -std=c11 -Wall -Wextra -Werror -o "$TOOL" tests/lsp/lsptool.c || { echo "not ok - build lsptool"; exit 1; }
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

run() {  # run SCRIPT_FRAMED_FILE -> $tmp/got (bodies + [exit N]), $tmp/err
  "$GIRC" lsp < "$1" > "$tmp/out" 2> "$tmp/err"
  rc=$?
  "$TOOL" unframe "$ROOT" < "$tmp/out" > "$tmp/got"
  echo "[exit $rc]" >> "$tmp/got"
}

for f in tests/lsp/*.in; do
  [ -f "$f" ] || continue
  name=${f%.in}
  "$TOOL" frame "$ROOT" < "$f" > "$tmp/in" || { echo "not ok - $f: bad script"; continue; }
  run "$tmp/in"
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$tmp/got" "$name.out"; echo "ok - $f (updated)"; continue; fi
  if [ -s "$tmp/err" ]; then echo "not ok - $f: stderr"; head -30 "$tmp/err"; continue; fi
  if cmp -s "$tmp/got" "$name.out"; then echo "ok - $f"
  else echo "not ok - $f"; diff "$name.out" "$tmp/got" | cut -c1-300 | head -20; fi
done

# the randomised session: 10,000 messages, then a hover that must be answered exactly
"$TOOL" gen 20261126 10000 "$ROOT" tests/lsp/wrong-total.gir examples/*.gir tests/lsp/mini-report.gir > "$tmp/in"
"$TOOL" frame "$ROOT" >> "$tmp/in" <<'END'
{"jsonrpc":"2.0","id":900001,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///fixed.gir"},"position":{"line":75,"character":27}}}
{"jsonrpc":"2.0","id":900002,"method":"shutdown"}
{"jsonrpc":"2.0","method":"exit"}
END
run "$tmp/in"
if [ -s "$tmp/err" ]; then echo "not ok - random session: stderr"; head -30 "$tmp/err"
elif grep -q '^BAD\|^SHORT' "$tmp/got"; then echo "not ok - random session: bad frame"; grep -m3 '^BAD\|^SHORT' "$tmp/got"
elif tail -3 "$tmp/got" | cmp -s - tests/lsp/random.tail; then
  echo "ok - random session of 10000 messages ($(wc -l < "$tmp/got") replies), server alive and answering"
elif [ -n "$GIRC_UPDATE_GOLDEN" ]; then tail -3 "$tmp/got" > tests/lsp/random.tail; echo "ok - random session (updated)"
else echo "not ok - random session"; tail -3 "$tmp/got" | diff tests/lsp/random.tail - | cut -c1-300; fi

# a document naming the server's own standard input (a pipe: its protocol
# stream) as its template: E0620 (not a regular file), never a read of
# the stream (which would swallow the rest of the session); the request
# after it is answered and the server exits 0
"$TOOL" frame "$ROOT" > "$tmp/in" <<'END'
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///stdin.gir","languageId":"gir","version":1,"text":"report \"x\" {\n  template \"/dev/stdin\"\n  agency \"局\"\n  year 2021\n}\n"}}}
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fd0.gir","languageId":"gir","version":1,"text":"report \"x\" {\n  template \"/proc/self/fd/0\"\n  previous \"/dev/stdin\"\n  agency \"局\"\n  year 2021\n}\n"}}}
{"jsonrpc":"2.0","id":2,"method":"shutdown"}
{"jsonrpc":"2.0","method":"exit"}
END
cat "$tmp/in" | timeout 60 "$GIRC" lsp > "$tmp/out" 2> "$tmp/err"
rc=$?
"$TOOL" unframe "$ROOT" < "$tmp/out" > "$tmp/got"
if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && [ "$(grep -c '"code":"E0620"' "$tmp/got")" -eq 2 ] && grep -q '"id":2,"result":null' "$tmp/got"
then echo "ok - template /dev/stdin (a pipe) in the language server: E0620, session goes on"
else echo "not ok - template /dev/stdin in the language server (exit $rc)"; cut -c1-300 "$tmp/got" | head; head "$tmp/err"; fi
