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
#   mid         the same as big, about 1 MB (the language server's)
#   scale-*     tools/gen-scale.sh: each family at 1,000, 10,000, 100,000
# Peers:
#   wc -l, cat  reading the same bytes: the floor
#   true        starting a process (against girc --version)
#   cmark       CommonMark to HTML on big.md (the `cmark` program, or, if
#               it is not installed, a 20-line driver over the same
#               libcmark girc links, built into build/bench/)
#   pandoc      Markdown to HTML on big.md, when installed
# Timing: hyperfine when installed (apt-get install hyperfine), else the
# median of BENCH_RUNS runs measured with date +%s%N.
#
# Each row also has the peak RSS of one run (/usr/bin/time -f %M). Then
# the scaling families (CPU seconds and peak RSS at 1x, 10x, 100x, with a
# CPU-time cap), and the language server's latency (tools/lsp-bench.py,
# p50/p99 over 1,000 edits on the 8 KB report and the 1 MB one).
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
# the prose of the 8 KB report (its """ blocks) as Markdown, for cmark
awk '/"""$/ { on = !on; next } on' "$ex" > "$D/xinhua.md"
# a 1 MB report for the language server: the big report's prose cut down
if [ ! -f "$D/mid.gir" ] || [ "$D/big.gir" -nt "$D/mid.gir" ]; then
  start=$(grep -n '^section 总体情况 """' "$ex" | head -1 | cut -d: -f1)
  end=$(awk -v s="$start" 'NR > s && /^"""$/ { print NR; exit }' "$ex")
  awk 'BEGIN { while ((getline l < ARGV[1]) > 0) u = u l "\n"; n = 0; while (n < 1000000) { printf "%s", u; n += length(u) } }' "$D/unit.md" > "$D/mid.md"
  { sed -n "1,${start}p" "$ex"; cat "$D/mid.md"; sed -n "${end},\$p" "$ex"; } > "$D/mid.gir"
fi
# peak NAME CMD...: the peak RSS in KB of one run ("-" without /usr/bin/time)
peak() {
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$D/peak.out" "$@" >/dev/null 2>&1
    tail -n 1 "$D/peak.out"
  else echo -; fi
}
# row NAME CMD...: "NAME<TAB>seconds<TAB>peak KB"
row() {
  t=$(time_cmd "$@" | cut -f 2)
  printf '%s\t%s\t%s\n' "$1" "$t" "$(peak "$@")"
}
R=$D/results.tsv
: > "$R"
# shellcheck disable=SC2086 # file names have no spaces
{
  row "girc check xinhua (8 KB)" "$GIRC" check "$ex"
  has build && row "girc build -f html xinhua" "$GIRC" build -f html -o /dev/null "$ex"
  [ -n "$CMARK" ] && row "cmark xinhua.md (its prose)" "$CMARK" "$D/xinhua.md"
  # issue 16's yardstick: one report to HTML against cmark-gfm on its prose
  command -v cmark-gfm >/dev/null && row "cmark-gfm xinhua.md (its prose)" cmark-gfm "$D/xinhua.md"
  [ -n "$PANDOC" ] && row "pandoc xinhua.md -t html" "$PANDOC" -f commonmark -t html -o /dev/null "$D/xinhua.md"
  row "wc -l xinhua" wc -l "$ex"
  row "girc check corpus (1,200 files, 10 MB)" "$GIRC" check $corpus
  row "girc check corpus/ (the directory)" "$GIRC" check "$D/corpus"
  row "girc check -j 2 corpus/" "$GIRC" check -j 2 "$D/corpus"
  row "cat corpus" cat $corpus
  row "wc -l corpus" wc -l $corpus
  row "girc check big (10 MB prose)" "$GIRC" check "$D/big.gir"
  if has build; then
    row "girc build -f html big" "$GIRC" build -f html -o /dev/null "$D/big.gir"
    row "girc build -f json big" "$GIRC" build -f json -o /dev/null "$D/big.gir"
    row "girc build -f latex big" "$GIRC" build -f latex -o /dev/null "$D/big.gir"
  fi
  [ -n "$CMARK" ] && row "cmark big.md" "$CMARK" "$D/big.md"
  [ -n "$PANDOC" ] && row "pandoc big.md -t html" "$PANDOC" -f commonmark -t html -o /dev/null "$D/big.md"
  row "cat big" cat "$D/big.gir"
  row "wc -l big" wc -l "$D/big.gir"
  row "girc --version" "$GIRC" --version
  row "true" true
} >> "$R"

# ---- report: each row against its group's first girc row ----
{
  echo "# girc bench ($(date -u +%Y-%m-%d), $(uname -m), $how)"
  echo
  echo "| command | seconds | × the group's first girc row | peak RSS (MB) |"
  echo "|---|---:|---:|---:|"
  awk -F '\t' '
    /^girc check [^-]/ && !/corpus\// || /^girc --version/ { base = $2 }
    { r = (base > 0 && $2 > 0) ? sprintf("%.2f", $2 / base) : "-"
      t = ($2 ~ /^[0-9.e-]+$/) ? sprintf("%.4f", $2) : $2
      m = ($3 ~ /^[0-9]+$/) ? sprintf("%.1f", $3 / 1024) : "-"
      printf "| %s | %s | %s | %s |\n", $1, t, r, m }' "$R"
  echo
  echo "Inputs: build/bench/ (big.md is exactly the prose of big.gir, xinhua.md the prose of xinhua). Ratios below 1: faster than the group's girc row."
} | tee "$D/results.md"

# ---- the scaling families: 1x, 10x, 100x (tools/gen-scale.sh) ----
scale_family() {
  RS=$D/scale.tsv
  : > "$RS"
  for fam in ${SCALE_FAMILIES:-rows sections totals labels unknown}; do
    for n in 1000 10000 100000; do
      f=$D/scale-$fam-$n.gir
      [ -f "$f" ] || tools/gen-scale.sh "$fam" "$n" > "$f"
      # a CPU-time cap: a quadratic case is cut off, not waited for
      if [ -x /usr/bin/time ]; then
        (ulimit -t "${SCALE_CAP:-30}"; /usr/bin/time -f '%U %S %M' -o "$D/scale.out" "$GIRC" check "$f" >/dev/null 2>&1)
        set -- $(tail -n 1 "$D/scale.out")
        grep -q 'terminated by signal' "$D/scale.out" && set -- killed
        case $1 in [0-9]*) printf '%s\t%s\t%s\t%s\n' "$fam" "$n" "$(awk -v u="$1" -v s="$2" 'BEGIN { printf "%.2f", u + s }')" "$3";;
                   *) printf '%s\t%s\tkilled at the cap\t-\n' "$fam" "$n";; esac
      fi
    done
  done >> "$RS"
  {
    echo "# scaling families (girc check, CPU seconds user+sys and peak RSS, one run each, capped at ${SCALE_CAP:-30} s)"
    echo
    echo "| family | items | seconds | × the 10 times smaller | peak RSS (MB) | × |"
    echo "|---|---:|---:|---:|---:|---:|"
    awk -F '\t' '{ r = ($1 == pf && pt > 0 && $3 ~ /^[0-9.]+$/ && $3 > 0) ? sprintf("%.1f", $3 / pt) : "-"; rm = ($1 == pf && pm > 0 && $4 > 0) ? sprintf("%.1f", $4 / pm) : "-"
      m = ($4 ~ /^[0-9]+$/) ? sprintf("%.1f", $4 / 1024) : "-"
      printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, r, m, rm; pf = $1; pt = ($3 > 0.01 ? $3 : 0.01); pm = $4 }' "$RS"
    echo
    echo "Linear: about 10 times the seconds and the memory for 10 times the items (times under 0.01 s count as 0.01 s)."
  } | tee "$D/scale.md"
}
echo; scale_family

# ---- the language server: didChange -> publishDiagnostics ----
if command -v python3 >/dev/null; then
  {
    echo
    echo "# language server (tools/lsp-bench.py: ${LSP_EDITS:-1000} edits, ms from didChange to publishDiagnostics)"
    echo
    echo "| document | bytes | p50 | p99 | max |"
    echo "|---|---:|---:|---:|---:|"
    for f in "$ex" "$D/mid.gir"; do
      python3 tools/lsp-bench.py "$GIRC" "$f" "${LSP_EDITS:-1000}" | awk -F '\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
    done
  } | tee "$D/lsp.md"
fi
if want import; then echo; import_family; fi
if want pdf; then echo; pdf_family; fi
