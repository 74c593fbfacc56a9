#!/bin/sh
# tools/bench.sh - `make bench`: how fast girc checks and builds, as ratios
# against named peers run in the same run on the same input (absolute
# times depend on the machine; ratios much less). No assertions: a report
# for people (printed, and kept in build/bench/results.md).
#
# Inputs (generated into build/bench/, not committed):
#   xinhua      examples/xinhua-gongan-2021.gir (8 KB, the 2021 format)
#   corpus      1,200 copies of the two examples (about 10 MB, 1,200 files)
#   big         the 2021 example whose 总体情况 prose is repeated, with
#               lists and emphasis, to about 10 MB (one valid report), and
#               big.md: exactly that prose as a Markdown file
# Peers:
#   wc -l       reading the same bytes: the floor
#   cmark       CommonMark to HTML on big.md (the `cmark` program, or, if
#               it is not installed, a 20-line driver over the same
#               libcmark girc links, built into build/bench/)
#   pandoc      Markdown to HTML on big.md, when installed
# Timing: hyperfine when installed (apt-get install hyperfine), else the
# median of BENCH_RUNS runs measured with date +%s%N.
#
# The import family (girc import on generated pages; no peers): one run
# each, seconds and peak RSS from /usr/bin/time -f '%e %M', at 8 KB,
# 80 KB and 800 KB, so that cost that grows faster than the input shows:
#   import-row    a text page whose one table row holds thousands of
#                 numbers (a copy that lost its line breaks)
#   import-table  an HTML page whose table is a grid of 50 cells a row
#
# The pdf family: girc import of tests/import/pdf/hongze-gov-2024.pdf (a
# real 5-page report) joined 1, 10 and 100 times with pdfunite
# (poppler-utils), seconds and peak RSS as above.
#
# Usage: tools/bench.sh [FAMILY...]; families: check (the table above),
# import and pdf; default check and import.
cd "$(dirname "$0")/.." || exit 2
GIRC=${GIRC:-build/girc}
B=${B:-build}
D=$B/bench
RUNS=${BENCH_RUNS:-5}
[ -x "$GIRC" ] || { echo "bench: $GIRC is not built (make)" >&2; exit 2; }
mkdir -p "$D/corpus"
FAMILIES=${*:-check import}
want() { case " $FAMILIES " in *" $1 "*) return 0;; esac; return 1; }
has() { "$GIRC" --help 2>/dev/null | grep -q "^  $1 "; }

# ---- the import family ----
# the generated pages: tools/gen-import.sh (the import suite's too)
import_row() { tools/gen-import.sh row "$1"; }
import_table() { tools/gen-import.sh table "$1"; }
# measure NAME FILE: "NAME<TAB>bytes<TAB>seconds<TAB>peak RSS KB"
measure() {
  bytes=$(wc -c < "$2")
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$D/time.out" "$GIRC" import "$2" >/dev/null 2>&1
    set -- "$1" "$bytes" $(tail -n 1 "$D/time.out")
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4"
  else
    s=$(date +%s%N); "$GIRC" import "$2" >/dev/null 2>&1; e=$(date +%s%N)
    printf '%s\t%s\t%s\t-\n' "$1" "$bytes" "$(awk -v t=$(( (e - s) / 1000 )) 'BEGIN { printf "%.2f", t / 1e6 }')"
  fi
}
import_family() {
  has import || { echo "bench: $GIRC has no import command; import family skipped" >&2; return; }
  RI=$D/import.tsv
  : > "$RI"
  for kb in 8 80 800; do
    for g in row table; do
      f=$D/import-$g-$kb.$( [ $g = row ] && echo txt || echo html )
      [ -f "$f" ] || import_$g $((kb * 1000)) > "$f"
      measure "import-$g" "$f" >> "$RI"
    done
  done
  {
    echo "# girc import bench ($(date -u +%Y-%m-%d), $(uname -m), one run each, /usr/bin/time -f '%e %M')"
    echo
    echo "| input | bytes | seconds | peak RSS (MB) |"
    echo "|---|---:|---:|---:|"
    awk -F '\t' '{ m = ($4 ~ /^[0-9]+$/) ? sprintf("%.1f", $4 / 1024) : $4
      printf "| %s | %s | %s | %s |\n", $1, $2, $3, m }' "$RI"
    echo
    echo "import-row: a text page whose one table row holds thousands of numbers; import-table: an HTML table of 50 cells a row. Linear cost: 10 times the input, about 10 times the seconds and the memory."
  } | tee "$D/import.md"
}
# ---- the pdf family ----
pdf_family() {
  command -v pdfunite >/dev/null || { echo "bench: pdfunite not found (apt-get install poppler-utils); pdf family skipped" >&2; return; }
  RP=$D/pdf.tsv
  : > "$RP"
  for k in 1 10 100; do
    f=$D/pdf-x$k.pdf
    if [ ! -f "$f" ]; then
      set --
      i=0
      while [ $i -lt $k ]; do set -- "$@" tests/import/pdf/hongze-gov-2024.pdf; i=$((i + 1)); done
      if [ $k -eq 1 ]; then cp "$1" "$f"; else pdfunite "$@" "$f"; fi
    fi
    measure "pdf-x$k" "$f" >> "$RP"
  done
  {
    echo "# girc import of PDFs ($(date -u +%Y-%m-%d), $(uname -m), one run each, /usr/bin/time -f '%e %M')"
    echo
    echo "| input | bytes | seconds | peak RSS (MB) |"
    echo "|---|---:|---:|---:|"
    awk -F '\t' '{ m = ($4 ~ /^[0-9]+$/) ? sprintf("%.1f", $4 / 1024) : $4
      printf "| %s | %s | %s | %s |\n", $1, $2, $3, m }' "$RP"
    echo
    echo "pdf-xK: the 5-page hongze report joined K times. Linear cost: 10 times the pages, about 10 times the seconds and the memory."
  } | tee "$D/pdf.md"
}
if ! want check; then
  want import && import_family
  want pdf && pdf_family
  exit 0
fi

# ---- inputs ----
ex=examples/xinhua-gongan-2021.gir
if [ ! -f "$D/corpus/c1200.gir" ]; then
  i=0
  while [ $i -lt 1200 ]; do
    i=$((i + 1))
    if [ $((i % 2)) -eq 0 ]; then cp "$ex" "$D/corpus/c$i.gir"; else cp examples/mahekou-2020.gir "$D/corpus/c$i.gir"; fi
  done
fi
if [ ! -f "$D/big.gir" ] || [ "$ex" -nt "$D/big.gir" ]; then
  # the prose of the first section (between its """ lines), then more
  # Markdown around it, repeated to ~10 MB
  start=$(grep -n '^section 总体情况 """' "$ex" | head -1 | cut -d: -f1)
  end=$(awk -v s="$start" 'NR > s && /^"""$/ { print NR; exit }' "$ex")
  sed -n "$((start + 1)),$((end - 1))p" "$ex" > "$D/para.md"
  {
    printf '\n* **主动公开**：见下表。\n* *依申请公开*：见下表。\n\n> 本报告数据截至2021年12月31日。\n\n'
    cat "$D/para.md"
  } > "$D/unit.md"
  awk 'BEGIN { while ((getline l < ARGV[1]) > 0) u = u l "\n"; n = 0; while (n < 10000000) { printf "%s", u; n += length(u) } }' "$D/unit.md" > "$D/big.md"
  { sed -n "1,${start}p" "$ex"; cat "$D/big.md"; sed -n "${end},\$p" "$ex"; } > "$D/big.gir"
fi
if ! "$GIRC" check "$D/big.gir" >/dev/null 2>&1; then
  echo "bench: note: $D/big.gir does not check clean; build numbers are for the refusal path" >&2
fi

# ---- peers ----
CMARK=$(command -v cmark)
if [ -z "$CMARK" ]; then
  CMARK=$D/cmark-peer
  if [ ! -x "$CMARK" ]; then
    cat > "$D/cmark-peer.c" <<'EOF'
/* cmark-peer.c - what `cmark FILE` does (CommonMark to HTML, default
 * options), over the same libcmark girc links; for tools/bench.sh only. */
#include <stdio.h>
#include <stdlib.h>
#include <cmark.h>
int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) return 2;
    cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) cmark_parser_feed(p, buf, n);
    cmark_node *doc = cmark_parser_finish(p);
    char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
    fputs(html, stdout);
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(p);
    return 0;
}
EOF
    ${CC:-cc} -O2 -o "$CMARK" "$D/cmark-peer.c" $(pkg-config --cflags --libs libcmark) || CMARK=
  fi
fi
PANDOC=$(command -v pandoc)

# ---- timing ----
# time_cmd NAME CMD...: prints "NAME<TAB>seconds" (mean or median)
if command -v hyperfine >/dev/null; then
  time_cmd() {
    name=$1; shift
    # one string for hyperfine, arguments quoted for its shell
    cmd=""; for a in "$@"; do cmd="$cmd '$a'"; done
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$D/h.json" --output=null "$cmd" >/dev/null 2>&1 ||
      hyperfine --warmup 1 --runs "$RUNS" --export-json "$D/h.json" --output=null "$cmd" >/dev/null 2>&1 ||
      { printf '%s\tfailed\n' "$name"; return; }
    printf '%s\t%s\n' "$name" "$(sed -n 's/^ *"mean": *\([0-9.e-]*\),*$/\1/p' "$D/h.json" | head -1)"
  }
  how="hyperfine, mean of $RUNS runs after 1 warm-up"
else
  time_cmd() {
    name=$1; shift
    i=0; : > "$D/t"
    while [ $i -lt "$RUNS" ]; do
      s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
      echo $(( (e - s) / 1000 )) >> "$D/t"; i=$((i + 1))
    done
    printf '%s\t%s\n' "$name" "$(sort -n "$D/t" | awk '{ a[NR] = $1 } END { printf "%.6f", a[int((NR + 1) / 2)] / 1e6 }')"
  }
  how="median of $RUNS runs (date +%s%N; install hyperfine for better numbers)"
fi

corpus=$(ls "$D"/corpus/*.gir | sort)
R=$D/results.tsv
: > "$R"
# shellcheck disable=SC2086 # file names have no spaces
{
  time_cmd "girc check xinhua (8 KB)" "$GIRC" check "$ex"
  has build && time_cmd "girc build -f html xinhua" "$GIRC" build -f html -o /dev/null "$ex"
  time_cmd "wc -l xinhua" wc -l "$ex"
  time_cmd "girc check corpus (1,200 files, 10 MB)" "$GIRC" check $corpus
  time_cmd "wc -l corpus" wc -l $corpus
  time_cmd "girc check big (10 MB prose)" "$GIRC" check "$D/big.gir"
  if has build; then
    time_cmd "girc build -f html big" "$GIRC" build -f html -o /dev/null "$D/big.gir"
    time_cmd "girc build -f json big" "$GIRC" build -f json -o /dev/null "$D/big.gir"
    time_cmd "girc build -f latex big" "$GIRC" build -f latex -o /dev/null "$D/big.gir"
  fi
  [ -n "$CMARK" ] && time_cmd "cmark big.md" "$CMARK" "$D/big.md"
  [ -n "$PANDOC" ] && time_cmd "pandoc big.md -t html" "$PANDOC" -f commonmark -t html -o /dev/null "$D/big.md"
  time_cmd "wc -l big" wc -l "$D/big.gir"
} >> "$R"

# ---- report: each row against its group's first girc row ----
{
  echo "# girc bench ($(date -u +%Y-%m-%d), $(uname -m), $how)"
  echo
  echo "| command | seconds | × girc check of the same input |"
  echo "|---|---:|---:|"
  awk -F '\t' '
    /^girc check/ { base = $2 }
    { r = (base > 0 && $2 > 0) ? sprintf("%.2f", $2 / base) : "-"
      t = ($2 ~ /^[0-9.e-]+$/) ? sprintf("%.4f", $2) : $2
      printf "| %s | %s | %s |\n", $1, t, r }' "$R"
  echo
  echo "Inputs: build/bench/ (big.md is exactly the prose of big.gir). Ratios below 1: faster than girc check."
} | tee "$D/results.md"
if want import; then echo; import_family; fi
if want pdf; then echo; pdf_family; fi
