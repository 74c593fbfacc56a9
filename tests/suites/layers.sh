#!/bin/sh
# girc-test: plain-only
# tests/suites/layers.sh - tools/layers.py (make layers) passes on the tree
# and catches each kind of violation on a copy: an upward include, an
# upward symbol, a folder the map does not describe, a file its section
# does not name, a file with no comment at its top, a file outside the
# stage folders.
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/girc-layers.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
if python3 tools/layers.py --objects build/obj src >/dev/null 2>"$tmp/err"; then ok "the tree passes"
else nok "the tree passes"; cat "$tmp/err"; fi
fresh() { rm -rf "$tmp/src"; cp -r src "$tmp/src"; }
expect_fail() {   # NAME PATTERN [layers.py args...]
  name=$1; pat=$2; shift 2
  if python3 tools/layers.py "$@" "$tmp/src" >/dev/null 2>"$tmp/err"; then nok "$name: not caught"
  elif grep -q -- "$pat" "$tmp/err"; then ok "$name"
  else nok "$name: wrong message"; cat "$tmp/err"; fi
}
fresh; printf '#include "cli/cli.h"\n' >> "$tmp/src/base/utf8.c"
expect_fail "upward include" "base/ uses cli/, which is above it"
fresh; printf '#include "cli.h"\n' >> "$tmp/src/base/utf8.c"
expect_fail "bare include of another folder" '"cli.h" is not in base/'
fresh; mkdir "$tmp/src/extra"; printf '/* x.c - x */\n' > "$tmp/src/extra/x.c"
expect_fail "folder missing from the map" "no '## extra/' section"
fresh; printf '/* new.c - something new */\n' > "$tmp/src/check/new.c"
expect_fail "file missing from its section" "check/new.c: not named"
fresh; printf 'int x;\n' > "$tmp/src/base/utf8.c"
expect_fail "no comment at the top" "no comment at the top"
fresh; printf '/* stray.c - x */\n' > "$tmp/src/stray.c"
expect_fail "file outside the folders" "outside the stage folders"
# an upward symbol: an object of base/ that calls a cli/ function
fresh; mkdir -p "$tmp/obj/base" "$tmp/obj/cli"
printf '/* up.c - x */\nint cli_thing(void);\nint f(void) { return cli_thing(); }\n' > "$tmp/src/base/up.c"
printf '/* down.c - x */\nint cli_thing(void) { return 1; }\n' > "$tmp/src/cli/down.c"
cc -c -o "$tmp/obj/base/up.o" "$tmp/src/base/up.c" && cc -c -o "$tmp/obj/cli/down.o" "$tmp/src/cli/down.c"
expect_fail "upward symbol" "base/ uses cli_thing" --objects "$tmp/obj"
# objects whose sources were removed or moved are not part of the build:
# passed over, as after `git pull` over an old build/
rm -f "$tmp/src/base/up.c" "$tmp/src/cli/down.c"
if python3 tools/layers.py --objects "$tmp/obj" "$tmp/src" >/dev/null 2>"$tmp/err"; then ok "stale objects passed over"
else nok "stale objects passed over"; cat "$tmp/err"; fi
