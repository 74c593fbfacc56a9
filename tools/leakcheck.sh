#!/bin/sh
# tools/leakcheck.sh - `make leakcheck`: valgrind (--leak-check=full,
# --error-exitcode=99) over the plain build/girc, after cmark's leakcheck
# target, on every example and golden:
#   girc check          all of them in one run, in each language, human and JSON;
#   girc build -f FMT   each back end on every input that checks clean
#                       (and on three that do not: the refusal path);
#   girc fmt            all of them (and fmt --check);
#   girc import         every input of tests/import/corpus and damaged;
#   girc lsp            every scripted session tests/lsp/*.in, framed by
#                       tests/lsp/lsptool.
# Commands girc does not have yet are skipped with a note. Prints one
# "ok - ..." / "not ok - ..." line per run and a summary; exits 1 if
# valgrind reported any error or leak.
cd "$(dirname "$0")/.." || exit 2
GIRC=${GIRC:-build/girc}
B=${B:-build}
command -v valgrind >/dev/null || { echo "leakcheck: valgrind is not installed (make deps-check)" >&2; exit 2; }
[ -x "$GIRC" ] || { echo "leakcheck: $GIRC is not built" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
VG="valgrind -q --suppressions=tests/valgrind.supp --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --log-file=$T/vg.log"
pass=0; fail=0
has() { "$GIRC" --help 2>/dev/null | grep -q "^  $1 "; }

# vg NAME CMD...: runs CMD under valgrind (stdin from $VG_IN, default
# /dev/null; stdout and stderr discarded; the exit status other than 99
# is the command's business)
vg() {
  name=$1; shift
  $VG "$@" <"${VG_IN:-/dev/null}" >/dev/null 2>&1
  st=$?
  if [ $st -eq 99 ] || [ -s "$T/vg.log" ]; then
    echo "not ok - $name"; head -60 "$T/vg.log"; fail=$((fail + 1))
  else
    echo "ok - $name"; pass=$((pass + 1))
  fi
  rm -f "$T/vg.log"
}

inputs=$(ls examples/*.gir examples/errors/*.gir tests/golden/*.gir tests/golden/prev/*.gir stdlib/*.gir 2>/dev/null)
n=$(printf '%s\n' "$inputs" | wc -l)
# shellcheck disable=SC2086 # file names have no spaces
vg "check $n files (zh)" "$GIRC" --lang=zh check $inputs
# shellcheck disable=SC2086
vg "check $n files (en, json)" "$GIRC" --lang=en --diagnostics=json check $inputs
VG_IN=examples/mahekou-2020.gir vg "check - (stdin)" "$GIRC" check -

if has build; then
  # every back end on every input that checks clean; one back end on a
  # few that do not (the refusal path renders nothing)
  nbad=0
  for f in $inputs; do
    case $f in stdlib/*) continue;; esac
    if "$GIRC" check "$f" >/dev/null 2>&1; then
      for fmt in $(tools/backends.sh "$GIRC" | cut -d" " -f1); do
        vg "build -f $fmt $f" "$GIRC" build -f "$fmt" -o "$T/out" "$f"
      done
    elif [ $nbad -lt 3 ]; then
      nbad=$((nbad + 1))
      vg "build -f html $f (has errors)" "$GIRC" build -f html -o "$T/out" "$f"
    fi
  done
  vg "build --fragment html" "$GIRC" build -f html --fragment -o "$T/out" examples/mahekou-2020.gir
  vg "build --fragment latex" "$GIRC" build -f latex --fragment -o "$T/out" examples/mahekou-2020.gir
else
  echo "ok - build # SKIP girc has no build command yet"
fi

if has fmt; then
  # shellcheck disable=SC2086
  vg "fmt $n files" "$GIRC" fmt $inputs
  # shellcheck disable=SC2086
  vg "fmt --check $n files" "$GIRC" fmt --check $inputs
else
  echo "ok - fmt # SKIP girc has no fmt command yet"
fi

if has import; then
  inputs=$(ls tests/import/corpus/* tests/import/damaged/* 2>/dev/null)
  for f in $inputs; do
    case $f in *.md) continue;; esac
    vg "import $f" "$GIRC" import -o "$T/imported.gir" "$f"
  done
else
  echo "ok - import # SKIP girc has no import command yet"
fi

if has lsp && [ -f tests/lsp/lsptool.c ]; then
  tool=$B/lsptool
  if [ ! -x "$tool" ] || [ tests/lsp/lsptool.c -nt "$tool" ]; then
    ${CC:-cc} -O2 -std=c11 -Wall -Wextra -o "$tool" tests/lsp/lsptool.c || { echo "not ok - build lsptool"; exit 1; }
  fi
  for s in tests/lsp/*.in; do
    "$tool" frame "$PWD" <"$s" >"$T/session" 2>/dev/null || { echo "not ok - frame $s"; fail=$((fail + 1)); continue; }
    VG_IN=$T/session vg "lsp $s" "$GIRC" lsp
  done
else
  echo "ok - lsp # SKIP girc has no lsp command (or tests/lsp/lsptool.c) yet"
fi

echo "leakcheck: $pass clean, $fail with valgrind errors or leaks"
[ $fail -eq 0 ]
