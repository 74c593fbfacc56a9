#!/bin/sh
# tests/suites/emacs.sh - the second real client of `girc lsp`: headless
# Emacs 28 with eglot (Debian emacs-nox, elpa-eglot) runs
# tests/lsp/emacs_test.el on a report in a folder whose path has Chinese
# characters and a space: diagnostics, hover (plain text), completion,
# formatting, a refused format, a quick fix. Also checks that the
# keyword lists of editors/ (Emacs mode, Vim syntax) agree with
# src/syntax/keywords.def and fields.def, and that the Vim syntax file
# loads, :GircFmt, and the server's exit status and empty stderr (under
# ASan, the leak check). Skips (one "# SKIP" line) only when Emacs or
# eglot is missing.
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
ROOT=$(pwd)
fail=0
# the editors' keyword lists = the language's
for w in $(sed -n 's/^GIR_KEYWORD([A-Z_]*, "\([a-z]*\)".*/\1/p' src/syntax/keywords.def) \
         $(sed -n 's/^GIR_FIELD([A-Z_]*, "\([a-z]*\)".*/\1/p' src/syntax/fields.def); do
  grep -q "\"$w\"" editors/emacs/gir-mode.el || { echo "not ok - emacs: gir-mode.el lacks \"$w\""; fail=1; }
  grep -Eq "^syn keyword gir[A-Za-z]+ .*\<$w\>" editors/vim/syntax/gir.vim || { echo "not ok - vim: gir.vim lacks $w"; fail=1; }
done
[ $fail = 0 ] && echo "ok - editors: keyword lists agree with keywords.def and fields.def"
if command -v nvim >/dev/null 2>&1; then
  out=$(nvim --headless -n -i NONE -u NONE --cmd "set rtp^=$ROOT/editors/vim" --cmd 'filetype on' --cmd 'syntax on' \
    -c 'echo &filetype . " " . b:current_syntax . " " . synIDattr(synID(19, 1, 1), "name")' -c 'qall!' tests/lsp/wrong-total.gir 2>&1 | tr -d '\r')
  case $out in *"gir gir girKeyword"*) echo "ok - vim: ftdetect and syntax load, 'report' is girKeyword" ;;
    *) echo "not ok - vim: syntax file: $out"; fail=1 ;; esac
  # :GircFmt (editors/vim/ftplugin/gir.vim) formats, and leaves a buffer with a syntax error as it is
  vt=$(mktemp -d) || exit 2
  sed 's/^  结转  */  结转 /' tests/lsp/wrong-total.gir > "$vt/a.gir"
  { cat tests/lsp/wrong-total.gir; echo 'table @'; } > "$vt/b.gir"
  for f in a b; do
    PATH=$(dirname "$GIRC"):$PATH nvim --headless -n -i NONE -u NONE --cmd "set rtp^=$ROOT/editors/vim" \
      --cmd 'filetype plugin on' -c 'GircFmt' -c "w! $vt/$f.out" -c 'qall!' "$vt/$f.gir" > "$vt/$f.msg" 2>&1
  done
  "$GIRC" fmt - < "$vt/a.gir" > "$vt/a.want"
  if cmp -s "$vt/a.out" "$vt/a.want" && ! cmp -s "$vt/a.gir" "$vt/a.out"; then echo "ok - vim: :GircFmt = girc fmt"
  else echo "not ok - vim: :GircFmt = girc fmt"; fail=1; fi
  if cmp -s "$vt/b.out" "$vt/b.gir" && grep -q 'buffer unchanged' "$vt/b.msg"; then echo "ok - vim: :GircFmt leaves a buffer with a syntax error as it is, and says why"
  else echo "not ok - vim: :GircFmt on a syntax error"; head -3 "$vt/b.msg"; fail=1; fi
  rm -rf "$vt"
fi
if ! command -v emacs >/dev/null 2>&1 || ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
  echo "# SKIP emacs: emacs-nox or elpa-eglot is not installed (make deps-check installs them)"
  exit $fail
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/报告 目录"
f="$tmp/报告 目录/新华 县.gir"
cp tests/lsp/wrong-total.gir "$f"
LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME=$tmp ROOT=$ROOT GIRC=$GIRC TEST_FILE=$f SERVER_ERR=$tmp/stderr SERVER_STATUS=$tmp/status \
  timeout 60 emacs --batch -Q -l tests/lsp/emacs_test.el > "$tmp/out" 2> "$tmp/err"
rc=$?
cat "$tmp/out"
if [ $rc -ne 0 ] && ! grep -q '^not ok' "$tmp/out"; then
  echo "not ok - emacs: exited with status $rc"
  grep -v '^\[eglot\]\|^Loading\|^Setting' "$tmp/err" | head -20
  fail=1
fi
grep -q '^not ok' "$tmp/out" && fail=1
i=0
while [ ! -s "$tmp/status" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(cat "$tmp/status" 2>/dev/null)" = 0 ]; then echo "ok - emacs: server exit status 0 after shutdown/exit"
else echo "not ok - emacs: server exit status '$(cat "$tmp/status" 2>/dev/null)'"; fail=1; fi
if [ ! -s "$tmp/stderr" ]; then echo "ok - emacs: server stderr empty"
else echo "not ok - emacs: server stderr"; head -20 "$tmp/stderr"; fail=1; fi

# Emacs's compilation mode counts screen columns: girc's default unit (display)
if command -v emacs >/dev/null 2>&1; then
  ct=$(mktemp -d) || exit 2
  "$GIRC" --color=never check tests/data/cli/columns.gir 2> "$ct/msgs"
  out=$(GIRC_MESSAGES="$ct/msgs" GIRC_ROOT="$ROOT" timeout 60 emacs --batch -Q -l tests/data/cli/compile_test.el 2>/dev/null)
  rm -rf "$ct"
  if [ "$out" = "columns.gir 76:22 24" ]; then echo "ok - emacs compilation mode: the first error lands on the wrong total (display columns)"
  else echo "not ok - emacs compilation mode: $out"; fail=1; fi
fi
exit $fail
