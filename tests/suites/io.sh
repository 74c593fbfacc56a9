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
# Then the hardening cases of issue 15: inputs that are not regular files,
# outputs that are inputs, the umask, 255-byte names, signals during a
# write, fmt -w through links, and escapes in file names.
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
no_tmp() { for f in "$1".tmp.* "$(dirname "$1")"/.girc-*; do [ -e "$f" ] && return 1; done; return 0; }
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

# ---- hardening (issue 15) ----
# inputs are regular files only: a FIFO (which would block forever) named
# as the source, the template or last year's report is a diagnostic, in
# bounded time (timeout: a hang fails the case with exit 124)
mkfifo "$T/fifo.gir"
fault fifo-source 2 '"$GIRC" check "$T/fifo.gir"' && grep -q 'E0002' "$T/err" && pass fifo-source-is-an-error || echo "not ok - fifo-source-is-an-error"
sed 's|^  template gov2021|  template "fifo.gir"|' "$ok" > "$T/tfifo.gir"
fault fifo-template 1 '"$GIRC" check "$T/tfifo.gir"' && grep -q 'E0620' "$T/err" && pass fifo-template-is-an-error || echo "not ok - fifo-template-is-an-error"
sed 's|^  template gov2021|  template "/dev/stdin"|' "$ok" > "$T/tstdin.gir"
fault stdin-pipe-template 1 'echo x | "$GIRC" check "$T/tstdin.gir"' && grep -q 'E0620' "$T/err" && pass dev-stdin-pipe-template-is-an-error || echo "not ok - dev-stdin-pipe-template-is-an-error"
sed 's|^  template gov2021|  template gov2021\n  previous "fifo.gir"|' "$ok" > "$T/pfifo.gir"
fault fifo-previous 1 '"$GIRC" check "$T/pfifo.gir"' && grep -q 'E0617' "$T/err" && pass fifo-previous-is-an-error || echo "not ok - fifo-previous-is-an-error"
# an output that is an input, however spelt: refused, the input untouched
cp "$ok" "$T/same.gir"; ln "$T/same.gir" "$T/hard.gir"; ln -s same.gir "$T/sym.gir"
for o in same.gir ./same.gir hard.gir sym.gir; do
  fault "build-o-input-$o" 2 '"$GIRC" build -f text -o "$T/$o" "$T/same.gir"' && grep -q 'E0050' "$T/err" &&
    cmp -s "$T/same.gir" "$ok" && no_tmp "$T/same.gir" && pass "build-output-is-the-input-$o" || echo "not ok - build-output-is-the-input-$o"
done
sed 's|^  template gov2021|  template "tpl.gir"|' "$ok" > "$T/rep.gir"
cp stdlib/gov2021.gir "$T/tpl.gir"; cp "$T/tpl.gir" "$T/tpl.orig"
fault build-o-template 2 '"$GIRC" build -f text -o "$T/tpl.gir" "$T/rep.gir"' && grep -q 'E0050' "$T/err" &&
  cmp -s "$T/tpl.gir" "$T/tpl.orig" && pass build-output-is-the-template || echo "not ok - build-output-is-the-template"
printf '<p>x</p>\n' > "$T/page.html"; cp "$T/page.html" "$T/page.orig"
fault import-o-input 2 '"$GIRC" import -o "$T/page.html" "$T/page.html"' && grep -q 'E0050' "$T/err" && cmp -s "$T/page.html" "$T/page.orig" && pass import-output-is-the-input || echo "not ok - import-output-is-the-input"
# new files are created as open(2) would: 0666 less the umask
for m in 077:600 022:644 002:664; do
  rm -f "$T/um.txt"
  (umask "${m%%:*}"; "$GIRC" build -f text -o "$T/um.txt" "$ok")
  got=$(stat -c %a "$T/um.txt" 2>/dev/null)
  [ "$got" = "${m##*:}" ] && pass "umask-${m%%:*}" || echo "not ok - umask ${m%%:*}: mode $got, want ${m##*:}"
done
# an existing file keeps its mode
chmod 640 "$T/um.txt"; "$GIRC" build -f text -o "$T/um.txt" "$ok"
[ "$(stat -c %a "$T/um.txt")" = 640 ] && pass existing-output-keeps-mode || echo "not ok - existing output mode changed"
# an output name of 255 bytes (the temporary name must not be longer)
long=$(printf 'a%.0s' $(seq 251)).txt
fault long-output-name 0 '"$GIRC" build -f text -o "$T/$long" "$ok"' && [ -s "$T/$long" ] && no_tmp "$T/$long" && pass output-name-of-255-bytes || echo "not ok - output-name-of-255-bytes"
# a signal while the temporary file is being written removes it: a shim
# (LD_PRELOAD) raises the signal from fsync(), when the temporary file
# holds the whole output; the target must be absent (or unchanged)
cat > "$T/shim.c" <<'END'
#include <signal.h>
#include <stdlib.h>
int fsync(int fd) { const char *s = getenv("GIRC_TEST_SIGNAL"); (void)fd; if (s) raise(atoi(s)); return 0; }
END
if ${CC:-cc} -shared -fPIC -o "$T/shim.so" "$T/shim.c" 2>/dev/null; then
  printf 'old\n' > "$T/keep.txt"
  for sig in 1:HUP 2:INT 15:TERM; do
    n=${sig%%:*}
    env LD_PRELOAD="$T/shim.so" ASAN_OPTIONS=verify_asan_link_order=0 GIRC_TEST_SIGNAL=$n "$GIRC" build -f text -o "$T/sig.txt" "$ok" 2>"$T/err"
    st=$?
    env LD_PRELOAD="$T/shim.so" ASAN_OPTIONS=verify_asan_link_order=0 GIRC_TEST_SIGNAL=$n "$GIRC" build -f text -o "$T/keep.txt" "$ok" 2>>"$T/err"
    st2=$?
    if [ $st -eq $((128 + n)) ] && [ $st2 -eq $((128 + n)) ] && [ ! -e "$T/sig.txt" ] && [ "$(cat "$T/keep.txt")" = old ] && no_tmp "$T/sig.txt"
    then pass "sig${sig##*:}-removes-temporary-file"
    else echo "not ok - SIG${sig##*:} (exit $st/$st2, want $((128 + n)))"; ls -a "$T" | grep girc; head -5 "$T/err"; fi
  done
  # a signal the caller ignores (nohup) is left ignored: the build finishes
  (trap '' HUP; env LD_PRELOAD="$T/shim.so" ASAN_OPTIONS=verify_asan_link_order=0 GIRC_TEST_SIGNAL=1 "$GIRC" build -f text -o "$T/nohup.txt" "$ok") &&
    [ -s "$T/nohup.txt" ] && pass ignored-sighup-stays-ignored || echo "not ok - ignored SIGHUP"
else
  echo "ok - signals # SKIP no C compiler for the shim"
fi
# SIGXFSZ (a file size limit, not ignored) kills girc, but not before the
# temporary file is removed
sh -c 'ulimit -f 2; exec "$1" build -o "$2" "$3" 2>/dev/null' - "$GIRC" "$T/xfsz.html" "$ok" 2>/dev/null
[ ! -e "$T/xfsz.html" ] && no_tmp "$T/xfsz.html" && pass sigxfsz-removes-temporary-file || echo "not ok - SIGXFSZ left a file"
# fmt -w writes through a symbolic link (the link stays a link, the file
# it names is formatted), keeps hard links, and refuses a read-only file
if has fmt; then
  mkdir "$T/f"; cp "$T/messy.orig" "$T/f/real.gir"; ln -s real.gir "$T/f/link.gir"
  "$GIRC" fmt "$T/messy.orig" > "$T/formatted" 2>/dev/null
  fault fmt-w-symlink 0 '"$GIRC" fmt -w "$T/f/link.gir"' && [ -L "$T/f/link.gir" ] && cmp -s "$T/f/real.gir" "$T/formatted" &&
    no_tmp "$T/f/real.gir" && pass fmt-w-writes-through-a-symlink || echo "not ok - fmt-w-writes-through-a-symlink"
  cp "$T/messy.orig" "$T/f/h1.gir"; ln "$T/f/h1.gir" "$T/f/h2.gir"
  fault fmt-w-hardlink 0 '"$GIRC" fmt -w "$T/f/h1.gir"' && [ "$(stat -c %h "$T/f/h1.gir")" = 2 ] && cmp -s "$T/f/h2.gir" "$T/formatted" &&
    pass fmt-w-keeps-hard-links || echo "not ok - fmt-w-keeps-hard-links"
  cp "$T/messy.orig" "$T/f/ro.gir"; chmod 444 "$T/f/ro.gir"
  fault fmt-w-read-only 2 '"$GIRC" fmt -w "$T/f/ro.gir"' && grep -q 'E0051' "$T/err" && cmp -s "$T/f/ro.gir" "$T/messy.orig" && pass fmt-w-refuses-a-read-only-file || echo "not ok - fmt-w-refuses-a-read-only-file"
fi
# terminal escapes in file names (OSC 52 writes the clipboard) never reach
# the terminal: summary lines of check FILE..., check DIR, import DIR,
# position-less errors and GitHub lines show them as U+FFFD
ESC=$(printf '\033') BEL=$(printf '\007')
mkdir "$T/esc" "$T/escimp" "$T/escout"
evil="a${ESC}]52;c;aGk=${BEL}b"
cp "$bad" "$T/esc/$evil.gir"; cp "$ok" "$T/esc/ok.gir"
cp tests/import/corpus/seed-mahekou-2020.txt "$T/escimp/$evil.txt"
raw() { LC_ALL=C grep -q "[$ESC$BEL]" "$1"; }
for cmd in 'check "$T/esc/$evil.gir" "$T/esc/ok.gir"' 'check "$T/esc"' '--diagnostics=github check "$T/esc"' \
           'check "$T/esc/missing$ESC.gir"' 'import -o "$T/escout" "$T/escimp"' '--diagnostics=github check "$T/esc/missing$ESC.gir"'; do
  eval "\"\$GIRC\" $cmd" >"$T/esc.out" 2>&1
  if raw "$T/esc.out"; then echo "not ok - escape in a file name reaches the terminal: girc $cmd"; LC_ALL=C grep -a "[$ESC$BEL]" "$T/esc.out" | cat -v | head -3
  elif ! grep -q '�' "$T/esc.out"; then echo "not ok - no U+FFFD for the escape: girc $cmd"; head -3 "$T/esc.out"
  else pass "names-cleaned: $(echo "$cmd" | cut -c1-40)"; fi
done
# ... nor through the diff header of fmt --check
if has fmt; then
  sed 's/^  /      /' "$ok" > "$T/esc/m$ESC.gir"
  "$GIRC" fmt --check "$T/esc/m$ESC.gir" >"$T/esc.out" 2>&1
  ! raw "$T/esc.out" && grep -q '�' "$T/esc.out" && pass names-cleaned-fmt-check-diff || echo "not ok - an escape in a file name reaches the terminal through fmt --check"
fi
# a previous report that is this report under another name (a hard link,
# a symbolic link): E0621, as for its own name
mkdir "$T/self"
sed 's|^  template gov2021|  template gov2021\n  previous "hard.gir"|' "$ok" > "$T/self/a.gir"; ln "$T/self/a.gir" "$T/self/hard.gir"
fault previous-hard-link 1 '"$GIRC" check "$T/self/a.gir"' && grep -q 'E0621' "$T/err" && pass previous-is-itself-through-a-hard-link || echo "not ok - previous-is-itself-through-a-hard-link"
sed 's|^  template gov2021|  template gov2021\n  previous "sym.gir"|' "$ok" > "$T/self/b.gir"; ln -s b.gir "$T/self/sym.gir"
fault previous-symlink 1 '"$GIRC" check "$T/self/b.gir"' && grep -q 'E0621' "$T/err" && pass previous-is-itself-through-a-symlink || echo "not ok - previous-is-itself-through-a-symlink"
# ... and standard input that is the output file (girc build -o x - < x)
cp "$ok" "$T/stdin-same.gir"
fault build-o-stdin-file 2 '"$GIRC" build -f text -o "$T/stdin-same.gir" - < "$T/stdin-same.gir"' && grep -q 'E0050.*<stdin>' "$T/err" &&
  cmp -s "$T/stdin-same.gir" "$ok" && pass build-output-is-standard-input || echo "not ok - build-output-is-standard-input"
