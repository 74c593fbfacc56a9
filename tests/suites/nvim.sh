#!/bin/sh
# tests/suites/nvim.sh - real-client test of `girc lsp`: headless Neovim
# (Debian's neovim 0.7.2, vim.lsp.start_client) opens a report with a
# wrong total, and tests/lsp/nvim_test.lua asserts that the diagnostic
# arrives with the right range, the hover text on that total, that
# formatting the buffer gives exactly `girc fmt`, that fixing the total
# clears it, and a clean shutdown (exit status 0, empty stderr: under
# ASan this is also the leak check). Runs with the plain and ASan binary.
GIRC=${GIRC:-build/girc}
if ! command -v nvim >/dev/null 2>&1; then
  echo "not ok - nvim: neovim is not installed (make deps-check installs it)"
  exit 1
fi
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cp tests/lsp/wrong-total.gir "$tmp/report.gir"
LC_ALL=C LANG=C XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp XDG_STATE_HOME=$tmp XDG_CACHE_HOME=$tmp \
  GIRC=$GIRC TEST_DIR=$tmp timeout 120 nvim --headless -n -i NONE -u tests/lsp/nvim_test.lua "$tmp/report.gir" \
  > "$tmp/out" 2> "$tmp/err"
rc=$?
cat "$tmp/out"
if [ $rc -ne 0 ] && ! grep -q '^not ok' "$tmp/out"; then
  echo "not ok - nvim: exited with status $rc"
  head -20 "$tmp/err"
fi

# Vim's quickfix: `:compiler girc` (editors/vim/compiler/girc.vim, which the
# ftplugin selects) asks for byte columns, which %c counts: on a line of
# Chinese with a tab (tests/data/cli/columns.gir, line 76), :cfirst puts
# the cursor on the wrong total, 24.
mkdir -p "$tmp/qf/bin" && ln -s "$GIRC" "$tmp/qf/bin/girc" && cp tests/data/cli/columns.gir "$tmp/qf/r.gir"
ed=$(pwd)/editors/vim
(cd "$tmp/qf" && PATH="$tmp/qf/bin:$PATH" LC_ALL=C.UTF-8 XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp XDG_STATE_HOME=$tmp XDG_CACHE_HOME=$tmp \
  timeout 60 nvim --headless -n -i NONE -u NONE --cmd "set rtp^=$ed" -c 'filetype plugin on' -c 'edit r.gir' \
  -c 'silent make' -c 'silent cfirst' \
  -c 'call writefile([b:current_compiler, line(".") . ":" . col("."), getline(".")[col(".") - 1 : col(".")], getqflist()[0].type], "qf.out")' \
  -c 'qa!' > /dev/null 2>&1)
if [ "$(tr '\n' ' ' < "$tmp/qf/qf.out" 2>/dev/null)" = "girc 76:23 24 e " ]; then
  echo "ok - vim quickfix: :compiler girc, :make, :cfirst lands on the wrong total (byte columns)"
else
  echo "not ok - vim quickfix: :cfirst"; cat "$tmp/qf/qf.out" 2>/dev/null
fi
