#!/bin/sh
# tests/suites/libs.sh - the libraries loaded when first needed
# (src/base/dynlib.h): libxml2, libzip, libxlsxwriter (and poppler-glib,
# tested in import_pdf.sh).
#  1. girc starts without them: no NEEDED entry in the executable.
#  2. A library that cannot be loaded (GIRC_XML2_LIB, GIRC_ZIP_LIB,
#     GIRC_XLSXWRITER_LIB name a file that does not exist) is one error
#     E0806 naming it, with a help line (golden, zh and en), exit 1, and
#     the output untouched: build -f docx, build -f xlsx, import of a
#     .docx and of an HTML page.
#  3. The commands that need none of them work as usual without them:
#     build -f html, import of a text file, check.
# Prints one "ok - NAME" / "not ok - NAME" line per test.
# GIRC_UPDATE_GOLDEN=1 rewrites the goldens (tests/libs/*.err). No timing.
GIRC=${GIRC:-build/girc}
G=tests/libs
E=examples/xinhua-gongan-2021.gir
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-libs.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
NOLIB=/nonexistent/girc-test-lib.so

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
golden() {
  if [ -n "$GIRC_UPDATE_GOLDEN" ]; then cp "$2" "$G/$1"; ok "golden $1 (updated)"; return; fi
  if cmp -s "$G/$1" "$2"; then ok "golden $1"; else nok "golden $1"; diff "$G/$1" "$2" | head -20; fi
}

# ---- 1: not linked ----
if command -v readelf >/dev/null 2>&1; then
  for l in libxml2 libzip libxlsxwriter libpoppler; do
    ! readelf -d "$GIRC" | grep -q "NEEDED.*$l"; check $? "girc starts without $l (no NEEDED entry: loaded when first needed)"
  done
else
  echo "ok - # SKIP readelf is not installed"
fi

# ---- 2: a library that cannot be loaded ----
# missing NAME VAR WANT-FILE CMD...: runs CMD with VAR=$NOLIB and stderr in
# $T/NAME.err; exit 1, WANT-FILE still "keep", the golden.
missing() {
  name=$1 var=$2 keep=$3
  shift 3
  echo keep > "$keep"
  env "$var=$NOLIB" "$GIRC" --color=never "$@" 2> "$T/$name.err" > "$T/$name.out"; st=$?
  [ $st -eq 1 ] && [ "$(cat "$keep")" = keep ] && [ "$(grep -c 'error\[' "$T/$name.err")" -eq 1 ] && grep -qF 'error[E0806]' "$T/$name.err"
  check $? "$name: $var unloadable: one error E0806, exit 1 (got $st), the output untouched"
  golden "$name.err" "$T/$name.err"
}
missing docx-xml2 GIRC_XML2_LIB "$T/o.docx" --lang=zh build -o "$T/o.docx" "$E"
missing docx-zip GIRC_ZIP_LIB "$T/o.docx" --lang=en build -f docx -o "$T/o.docx" "$E"
missing xlsx GIRC_XLSXWRITER_LIB "$T/o.xlsx" --lang=en build -o "$T/o.xlsx" "$E"
missing import-docx GIRC_ZIP_LIB "$T/o.gir" --lang=en import -o "$T/o.gir" tests/import/docx/tiny.docx
missing import-docx-xml2 GIRC_XML2_LIB "$T/o.gir" --lang=zh import -o "$T/o.gir" tests/import/docx/tiny.docx
missing import-html GIRC_XML2_LIB "$T/o.gir" --lang=en import -o "$T/o.gir" tests/import/web/cell-notes-2024.html

# ---- 3: the commands that need none of them ----
none() { env GIRC_XML2_LIB=$NOLIB GIRC_ZIP_LIB=$NOLIB GIRC_XLSXWRITER_LIB=$NOLIB GIRC_POPPLER_LIB=$NOLIB "$GIRC" "$@"; }
none build -o "$T/none.html" "$E" 2> /dev/null && "$GIRC" build -o "$T/with.html" "$E" 2> /dev/null && cmp -s "$T/none.html" "$T/with.html"
check $? "build -f html without any of them: the same page"
none --lang=en import -o "$T/none.gir" tests/import/web/block-order-2023.txt 2> /dev/null; st=$?
[ $st -le 1 ] && [ -s "$T/none.gir" ]; check $? "import of a text file without any of them: written (exit $st)"
none check "$E" > /dev/null 2>&1; check $? "check without any of them: exit 0"
