#!/bin/sh
# tests/suites/io.sh - I/O faults: an unreadable input, a missing output
# directory, a full disk (/dev/full as -o and as stdout; a regular file
# under `ulimit -f`), a closed stdout, an output path that is a directory.
# Each must give exit 2, a clear message ("girc: error[E....]: ... PATH:
# reason") and no partial file: the output is absent or unchanged, no
# temporary file is left, /dev/full is still a device. An input over the
# 64 MiB limit (a sparse file of zeros) is a diagnostic instead: E0001, exit 1, nothing
# written. Cases hold for
# root (CI runs as root, which reads through chmod 000), so unreadable
# inputs are a missing path, /proc/self/mem (EIO), a closed stdin and a
# directory as stdin (a directory argument may mean "every file in it"). Each
# command is tested only if this girc has it; otherwise a SKIP line.
GIRC=${GIRC:-build/girc}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok=examples/xinhua-gongan-2021.gir        # checks without errors
bad=tests/golden/015-misspelt-row.gir     # has errors: diagnostics to print
has() { "$GIRC" --help 2>/dev/null | grep -q "^  $1 "; }
# fsize CMD...: runs CMD with a 1 KiB file size limit and SIGXFSZ ignored,
# so that writing more fails with EFBIG, as on a full disk
printf '#!/bin/sh\nulimit -f 2\ntrap "" XFSZ\nexec "$@"\n' > "$T/fsize"
chmod +x "$T/fsize"

# fault NAME WANT CMD: runs CMD (a string, for redirections) with stderr
# in $T/err; checks the exit status and the message.
fault() {
  name=$1 want=$2
  eval "timeout 120 $3" 2>"$T/err"
  st=$?
  if [ $st -ne "$want" ]; then echo "not ok - $name (exit $st, want $want)"; head -c 1500 "$T/err"; return 1; fi
  if [ "$want" -eq 2 ] && ! grep -q 'error\[E[0-9]*\]' "$T/err"; then
    echo "not ok - $name (no error message)"; head -c 1500 "$T/err"; return 1; fi
  if grep -q 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error' "$T/err"; then
    echo "not ok - $name (sanitizer report)"; head -c 3000 "$T/err"; return 1; fi
  return 0
}
pass() { echo "ok - $1"; }
# no temporary files left beside an output path
no_tmp() { ! ls "$1".tmp.* "$(dirname "$1")"/.girc-* >/dev/null 2>&1; }
still_full() { [ -c /dev/full ]; }

# a regular file one byte over the 64 MiB limit (sparse: no disk used)
Z=$T/zero.gir
truncate -s 67108865 "$Z"

# ---- inputs ----
fault read-missing 2 '"$GIRC" check "$T/missing.gir"' && grep -q 'missing.gir' "$T/err" && pass read-missing
fault read-proc-self-mem 2 '"$GIRC" check /proc/self/mem' && pass read-proc-self-mem
fault read-closed-stdin 2 '"$GIRC" check - <&-' && pass read-closed-stdin
fault read-directory-as-stdin 2 '"$GIRC" check - <"$T"' && pass read-directory-as-stdin
# an empty directory (bulk mode finds no file): a message, no sanitizer report
mkdir "$T/empty"
timeout 60 "$GIRC" check "$T/empty" >/dev/null 2>"$T/err"; st=$?
if [ $st -ge 1 ] && [ $st -le 2 ] && [ -s "$T/err" ] && ! grep -q 'runtime error\|Sanitizer' "$T/err"; then pass check-empty-directory
else echo "not ok - check-empty-directory (exit $st)"; head -c 1500 "$T/err"; fi
# beyond the 64 MiB limit: a diagnostic (exit 1), not memory exhaustion
fault read-too-large 1 '"$GIRC" check "$Z"' && grep -q 'E0001' "$T/err" && pass read-too-large-is-a-diagnostic
# ... named as the file it is about, in every form, and translated
fault too-large-human 1 '"$GIRC" --color=never check "$Z"' && head -1 "$T/err" | grep -qxF "$Z: error[E0001]: 文件过大(67108865+ 字节)，上限为 67108864 字节" && pass too-large-human-names-the-file
fault too-large-json 1 '"$GIRC" --diagnostics=json --lang=en check "$Z" >"$T/j.out"' \
  && grep -qF '{"schema":1,"file":"'"$Z"'","severity":"error","code":"E0001","message":"file too large (67108865+ bytes); the limit is 67108864 bytes","line":null,' "$T/j.out" \
  && pass too-large-in-json
fault too-large-github 1 '"$GIRC" --diagnostics=github check "$Z" >"$T/g.out"' \
  && grep -qF "::error file=$Z,title=E0001::" "$T/g.out" && pass too-large-in-github-lines

# ---- check: diagnostics on a stdout that fails ----
fault check-stdout-full 2 '"$GIRC" --diagnostics=json check "$bad" >/dev/full' && still_full && pass check-stdout-full
fault check-stdout-closed 2 '"$GIRC" --diagnostics=json check "$bad" >&-' && pass check-stdout-closed

# ---- build ----
if has build; then
  fault build-o-dev-full 2 '"$GIRC" build -f html -o /dev/full "$ok"' && still_full && grep -q '/dev/full' "$T/err" && pass build-o-dev-full
  fault build-stdout-full 2 '"$GIRC" build -f html "$ok" >/dev/full' && still_full && pass build-stdout-full
  fault build-stdout-closed 2 '"$GIRC" build -f html "$ok" >&-' && pass build-stdout-closed
  fault build-missing-dir 2 '"$GIRC" build -o "$T/nodir/x.html" "$ok"' && [ ! -e "$T/nodir" ] && grep -q 'nodir' "$T/err" && pass build-missing-output-directory
  mkdir "$T/dir.html"
  fault build-output-is-dir 2 '"$GIRC" build -o "$T/dir.html" "$ok"' && [ -d "$T/dir.html" ] && [ -z "$(ls -A "$T/dir.html")" ] && no_tmp "$T/dir.html" && pass build-output-is-directory
  fault build-unreadable-input 2 '"$GIRC" build -o "$T/in.html" /proc/self/mem' && [ ! -e "$T/in.html" ] && pass build-unreadable-input-writes-nothing
  fault build-too-large 1 '"$GIRC" build -f html -o "$T/z.html" "$Z"' && grep -q 'E0001.*67108864' "$T/err" && [ ! -e "$T/z.html" ] && pass build-too-large-is-a-diagnostic
  # a full disk on a regular file: the file size limit makes write() fail
  # (EFBIG, SIGXFSZ ignored); the old file must stay as it was
  printf 'old\n' > "$T/old.html"
  fault build-disk-full 2 '"$T/fsize" "$GIRC" build -o "$T/old.html" "$ok"' &&
    [ "$(cat "$T/old.html")" = old ] && no_tmp "$T/old.html" && pass build-disk-full-keeps-old-file
  fault build-disk-full-new 2 '"$T/fsize" "$GIRC" build -o "$T/new.html" "$ok"' &&
    [ ! -e "$T/new.html" ] && no_tmp "$T/new.html" && pass build-disk-full-no-partial-file
else
  echo "ok - build # SKIP girc has no build command yet"
fi

# ---- fmt ----
if has fmt; then
  # a copy that needs formatting (extra spaces), so that -w writes
  sed 's/^  /      /' "$ok" > "$T/messy.gir"
  cp "$T/messy.gir" "$T/messy.orig"
  fault fmt-stdout-full 2 '"$GIRC" fmt "$T/messy.gir" >/dev/full' && still_full && pass fmt-stdout-full
  fault fmt-stdout-closed 2 '"$GIRC" fmt "$T/messy.gir" >&-' && pass fmt-stdout-closed
  fault fmt-too-large 1 '"$GIRC" fmt "$Z" >/dev/null' && grep -q 'E0001.*67108864' "$T/err" && pass fmt-too-large-is-a-diagnostic
  fault fmt-unreadable-input 2 '"$GIRC" fmt -w /proc/self/mem' && pass fmt-w-unreadable-input
  fault fmt-w-disk-full 2 '"$T/fsize" "$GIRC" fmt -w "$T/messy.gir"' &&
    cmp -s "$T/messy.gir" "$T/messy.orig" && no_tmp "$T/messy.gir" && pass fmt-w-disk-full-keeps-file
else
  echo "ok - fmt # SKIP girc has no fmt command yet"
fi

# ---- import ----
if has import; then
  src=tests/import/corpus/seed-mahekou-2020.txt
  fault import-o-dev-full 2 '"$GIRC" import -o /dev/full "$src"' && still_full && pass import-o-dev-full
  fault import-stdout-full 2 '"$GIRC" import "$src" >/dev/full' && still_full && pass import-stdout-full
  fault import-stdout-closed 2 '"$GIRC" import "$src" >&-' && pass import-stdout-closed
  fault import-missing-dir 2 '"$GIRC" import -o "$T/nodir/x.gir" "$src"' && [ ! -e "$T/nodir" ] && pass import-missing-output-directory
  mkdir "$T/dir.gir"
  fault import-output-is-dir 2 '"$GIRC" import -o "$T/dir.gir" "$src"' && [ -z "$(ls -A "$T/dir.gir")" ] && no_tmp "$T/dir.gir" && pass import-output-is-directory
  fault import-too-large 1 '"$GIRC" import -o "$T/z.gir" "$Z"' && grep -q 'E0001.*67108864' "$T/err" && [ ! -e "$T/z.gir" ] && pass import-too-large-is-a-diagnostic
  fault import-unreadable-input 2 '"$GIRC" import -o "$T/in.gir" /proc/self/mem' && [ ! -e "$T/in.gir" ] && pass import-unreadable-input-writes-nothing
else
  echo "ok - import # SKIP girc has no import command yet"
fi
