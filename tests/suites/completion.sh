#!/bin/sh
# tests/suites/completion.sh - shell completion: make install puts the
# bash and zsh scripts in place (DESTDIR) and uninstall removes them;
# after sourcing the bash script, `complete -p girc` names it, and its
# function offers the commands, a command's options (from girc's own
# help, so every new option is offered), and files for operands
# (compgen); the zsh script parses (zsh -n) when zsh is installed.
# girc-test: plain-only
GIRC=${GIRC:-build/girc}
case $GIRC in /*) ;; *) GIRC=$(pwd)/$GIRC ;; esac
[ -x "$GIRC" ] || { echo "not ok - completion: $GIRC is not built"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" && ln -s "$GIRC" "$tmp/bin/girc"

make -s install DESTDIR="$tmp/root" PREFIX=/usr B="$(dirname "$GIRC")" > /dev/null 2>&1
b="$tmp/root/usr/share/bash-completion/completions/girc"
z="$tmp/root/usr/share/zsh/site-functions/_girc"
if [ -f "$b" ] && [ -f "$z" ]; then echo "ok - make install puts the bash and zsh completion in place"; else echo "not ok - make install: completion scripts missing"; fi
make -s uninstall DESTDIR="$tmp/root" PREFIX=/usr B="$(dirname "$GIRC")" > /dev/null 2>&1
if [ ! -e "$b" ] && [ ! -e "$z" ]; then echo "ok - make uninstall removes them"; else echo "not ok - make uninstall leaves completion scripts"; fi

script=$(pwd)/completions/girc.bash
: > "$tmp/report-a.gir"
out=$(cd "$tmp" && PATH="$tmp/bin:$PATH" bash -c '
  . "$1"
  complete -p girc
  t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _girc; echo "${COMPREPLY[*]}"; }
  t girc ""
  t girc ch
  t girc new --fr
  t girc --lang=en fmt --
  t girc check report-
  t girc --col
  t girc build --sty
  t girc --column-unit = ""
  t girc check --column-unit = b
  t girc --column-unit = byte fmt --
  compgen -W "$(girc --lang=en help build | grep -o -- "--[a-z][a-z-]*" | sort -u)" -- --fo
' sh "$script" 2>&1)
expect() { if printf '%s\n' "$out" | grep -qx -- "$2"; then echo "ok - bash: $1"; else echo "not ok - bash: $1"; printf '%s\n' "$out" | head -8; fi; }
expect "complete -p names the function" "complete -o filenames -F _girc girc"
expect "every command offered" "new check sum build fmt import lsp help"
expect "a command by its prefix" "check"
expect "an option of new by its prefix" "--from"
expect "the options of fmt" "--check --write"
expect "files for operands" "report-a.gir"
expect "the global options by their prefix" "--color --column-unit"
expect "an option of build by its prefix" "--style"
expect "the values of --column-unit= (from girc --help)" "display byte char"
expect "a value of --column-unit= by its prefix, after the command" "byte"
expect "compgen over build's options" "--format"
if command -v zsh > /dev/null 2>&1; then
  if zsh -n completions/_girc; then echo "ok - zsh: _girc parses"; else echo "not ok - zsh: _girc does not parse"; fi
else echo "ok - zsh: _girc parses # SKIP zsh is not installed"; fi
