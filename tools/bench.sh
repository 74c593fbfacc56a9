#!/bin/sh
# tools/bench.sh - `make bench`: how fast girc checks and builds, as ratios
# against named peers run in the same run on the same input (absolute
# times depend on the machine; ratios much less). No assertions: a report
# for people (printed, and kept in build/bench/results.md).
#
# Inputs (generated into build/bench/, not committed):
#   xinhua      examples/xinhua-gongan-2021.gir (8 KB, the 2021 format)
#   corpus      1,200 copies of the two examples (about 10 MB, 1,200 files),
#               and corpus.md: the prose of each, as one Markdown file
#   small       2,000 small valid reports (300 bytes each: the -j rows)
#   big         the 2021 example whose 总体情况 prose is repeated, with
#               lists and emphasis, to about 10 MB (one valid report), and
#               big.md: exactly that prose as a Markdown file
#   mid         the same as big, about 1 MB (the language server's)
#   scale-*     tools/gen-scale.sh: each family at 1,000, 10,000, 100,000
# Peers:
#   wc -l, cat  reading the same bytes: the floor
#   true        starting a process (against girc --version)
#   cmark       CommonMark to HTML on the same prose: cmark-gfm (which the
#               issue names) when installed, else `cmark`, else a 20-line
#               driver over the same libcmark girc links (build/bench/)
#   pandoc      Markdown to HTML on the same prose, when installed
# Timing: hyperfine when installed (apt-get install hyperfine), else the
# median of BENCH_RUNS runs measured with date +%s%N.
#
# Each row also has the peak RSS of one run (/usr/bin/time -f %M). Then
# the batch in MB/s (CPU time per core, and wall), against cat and cmark;
# the scaling families (CPU time and peak RSS at 1x, 10x, 100x, with a
# CPU-time cap: the median of BENCH_RUNS runs, read from getrusage to the
# microsecond, so that the 1x times are not under a 10 ms clock; and the
# ratios also without the start-up, girc --version's CPU time; with
# `perf stat` instruction counts too where the machine has the counter),
# and the language server's latency (tools/lsp-bench.py, p50/p99 over
# 1,000 edits on the 8 KB report and the 1 MB one).
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
# the prose of every corpus file, as one Markdown file (for cmark)
if [ ! -f "$D/corpus.md" ] || [ "$D/corpus/c1200.gir" -nt "$D/corpus.md" ]; then
  for f in $(ls "$D"/corpus/*.gir | sort); do awk '/"""$/ { on = !on; next } on' "$f"; done > "$D/corpus.md"
fi
# 2,000 small valid reports
mkdir -p "$D/small"
if [ ! -f "$D/small/s2000.gir" ]; then
  { tools/gen-scale.sh unknown 0; printf 'table 主动公开 {}\ntable 申请处理 {}\ntable 复议诉讼 {}\n'; } > "$D/small.gir"
  i=0
  while [ $i -lt 2000 ]; do i=$((i + 1)); cp "$D/small.gir" "$D/small/s$i.gir"; done
fi
if ! "$GIRC" check "$D/big.gir" >/dev/null 2>&1; then
  echo "bench: note: $D/big.gir does not check clean; build numbers are for the refusal path" >&2
fi

# ---- peers ----
CMARK=$(command -v cmark-gfm || command -v cmark)
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
  [ -n "$CMARK" ] && row "cmark corpus.md (its prose)" "$CMARK" "$D/corpus.md"
  row "girc check small/ (2,000 files of 300 bytes)" "$GIRC" check "$D/small"
  row "girc check -j 2 small/" "$GIRC" check -j 2 "$D/small"
  row "girc check big (10 MB prose)" "$GIRC" check "$D/big.gir"
  if has build; then
    row "girc build -f html big" "$GIRC" build -f html -o /dev/null "$D/big.gir"
    row "girc build -f json big" "$GIRC" build -f json -o /dev/null "$D/big.gir"
    row "girc build -f latex big" "$GIRC" build -f latex -o /dev/null "$D/big.gir"
  fi
  [ -n "$CMARK" ] && row "cmark big.md" "$CMARK" "$D/big.md"
  # pandoc takes about a minute over big.md: mid.md (1 MB), timed once
  if [ -n "$PANDOC" ]; then
    runs=$RUNS; RUNS=1
    row "pandoc mid.md (1 MB) -t html, one run" "$PANDOC" -f commonmark -t html -o /dev/null "$D/mid.md"
    RUNS=$runs
  fi
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

# ---- CPU time to the microsecond ----
# cpu_med CMD...: "SECONDS PEAK_KB": the median CPU time (user+sys, from
# getrusage, so not rounded to /usr/bin/time's 10 ms) of RUNS runs, and
# the largest peak RSS; each run capped at SCALE_CAP s of CPU, "killed -"
# when one hit it. Counts the workers of girc -j (waited for by girc).
cpu_med() {
  python3 - "$RUNS" "${SCALE_CAP:-30}" "$@" <<'EOF'
import os, resource, subprocess, sys
runs, cap, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
ts, rss = [], 0
def limit():
    resource.setrlimit(resource.RLIMIT_CPU, (cap, cap))
for _ in range(runs):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=limit)
    _, status, ru = os.wait4(p.pid, 0)
    if os.WIFSIGNALED(status):
        print("killed -")
        sys.exit(0)
    ts.append(ru.ru_utime + ru.ru_stime)
    rss = max(rss, ru.ru_maxrss)
ts.sort()
print("%.6f %d" % (ts[len(ts) // 2], rss))
EOF
}
# instructions CMD...: the user-space instructions of one run (perf
# stat), or "-" where the machine has no such counter (most VMs)
if command -v perf >/dev/null && perf stat -x, -e instructions:u true 2>&1 >/dev/null | grep -q '^[0-9]'; then
  instructions() { perf stat -x, -e instructions:u -o "$D/perf.out" "$@" >/dev/null 2>&1; awk -F, '/instructions/ { print $1; exit }' "$D/perf.out"; }
else
  instructions() { echo -; }
fi

# ---- the batch in MB/s ----
batch_rates() {
  bytes=$(cat $corpus | wc -c)
  mdbytes=$(wc -c < "$D/corpus.md")
  set -- $(cpu_med "$GIRC" check "$D/corpus"); c1=$1
  set -- $(cpu_med "$GIRC" check -j 2 "$D/corpus"); c2=$1
  set -- $(cpu_med cat $corpus); cc=$1
  cm=-; [ -n "$CMARK" ] && { set -- $(cpu_med "$CMARK" "$D/corpus.md"); cm=$1; }
  # the wall times of the table above
  w() { awk -F '\t' -v n="$1" '$1 == n { print $2 }' "$R"; }
  {
    echo "# the batch: $(ls "$D"/corpus/*.gir | wc -l) files, $bytes bytes (CPU: median of $RUNS runs, getrusage; wall: the table above)"
    echo
    echo "| command | MB/s per core (CPU) | MB/s wall | × cat (CPU) | × cmark (CPU) |"
    echo "|---|---:|---:|---:|---:|"
    awk -v b="$bytes" -v mb="$mdbytes" -v c1="$c1" -v c2="$c2" -v cc="$cc" -v cm="$cm" \
        -v w1="$(w "girc check corpus/ (the directory)")" -v w2="$(w "girc check -j 2 corpus/")" \
        -v wc="$(w "cat corpus")" -v wm="$(w "cmark corpus.md (its prose)")" 'BEGIN {
      rate(b, c1); catr = r; rate(mb, cm); cmr = r
      line("girc check corpus/", b, c1, w1); line("girc check -j 2 corpus/", b, c2, w2)
      line("cat corpus", b, cc, wc); line("cmark corpus.md (the same prose)", mb, cm, wm) }
    function rate(n, t) { r = (t > 0) ? n / t / 1e6 : 0 }
    function f(x) { return x > 0 ? sprintf("%.1f", x) : "-" }
    function line(name, n, t, wt) {
      rate(n, t); cpu = r; rate(n, wt); wall = r
      rc = (cpu > 0 && cc > 0) ? sprintf("%.2f", cpu / (b / cc / 1e6)) : "-"
      rm = (cpu > 0 && cm > 0) ? sprintf("%.2f", cpu / (mb / cm / 1e6)) : "-"
      printf "| %s | %s | %s | %s | %s |\n", name, f(cpu), f(wall), rc, rm }'
    echo
    echo "Rates are bytes of input over time (corpus.md is the prose alone, so fewer bytes); × cat and × cmark: the row's CPU rate over theirs (1 = as fast). The issue's target: girc check at 100 MB/s per core or more. -j 2's CPU counts both workers."
  } | tee "$D/batch.md"
}
echo; batch_rates

# ---- the scaling families: 1x, 10x, 100x (tools/gen-scale.sh) ----
scale_family() {
  RS=$D/scale.tsv
  : > "$RS"
  set -- $(cpu_med "$GIRC" --version); t0=$1
  for fam in ${SCALE_FAMILIES:-rows sections totals labels unknown}; do
    for n in 1000 10000 100000; do
      f=$D/scale-$fam-$n.gir
      [ -f "$f" ] || tools/gen-scale.sh "$fam" "$n" > "$f"
      set -- $(cpu_med "$GIRC" check "$f")
      if [ "$1" = killed ]; then printf '%s\t%s\tkilled\t-\t-\n' "$fam" "$n"
      else printf '%s\t%s\t%s\t%s\t%s\n' "$fam" "$n" "$1" "$2" "$(instructions "$GIRC" check "$f")"; fi
    done
  done >> "$RS"
  {
    echo "# scaling families (girc check: CPU seconds, the median of $RUNS runs from getrusage; peak RSS; capped at ${SCALE_CAP:-30} s)"
    echo
    echo "| family | items | CPU s | × the 10 times smaller | × without start-up | instructions × | peak RSS (MB) | × |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F '\t' -v t0="$t0" '{
      same = ($1 == pf)
      ok = ($3 ~ /^[0-9.]+$/)
      r = (same && ok && pt > 0) ? sprintf("%.1f", $3 / pt) : "-"
      n = (same && ok && pt - t0 > 0 && $3 - t0 > 0) ? sprintf("%.1f", ($3 - t0) / (pt - t0)) : "-"
      ri = (same && $5 ~ /^[0-9]+$/ && pi > 0) ? sprintf("%.1f", $5 / pi) : "-"
      rm = (same && pm > 0 && $4 > 0) ? sprintf("%.1f", $4 / pm) : "-"
      m = ($4 ~ /^[0-9]+$/) ? sprintf("%.1f", $4 / 1024) : "-"
      t = ok ? sprintf("%.4f", $3) : $3
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, t, r, n, ri, m, rm
      pf = $1; pt = ok ? $3 : 0; pm = $4; pi = ($5 ~ /^[0-9]+$/) ? $5 : 0 }' "$RS"
    echo
    echo "Linear: about 10 times the CPU time and the memory for 10 times the items. \"Without start-up\" takes girc --version's CPU time ($t0 s) off both times first, which the 1,000-item inputs are mostly made of. Instruction counts (perf stat, load-independent) where the machine has the counter."
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
