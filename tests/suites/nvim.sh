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
