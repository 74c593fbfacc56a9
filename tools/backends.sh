#!/bin/sh
# tools/backends.sh GIRC - the back ends GIRC has, one per line as
# "NAME .EXT" (its first extension), read from the back-end table through
# `girc help build`: make demo and tools/leakcheck.sh use it, so a new
# back end is built and leak-checked without being named here.
"${1:-build/girc}" --lang=en help build | awk '/^formats and extensions:/ { on = 1; next } on && /^  [a-z]/ { print $1, $2 } on && /^$/ { exit }'
