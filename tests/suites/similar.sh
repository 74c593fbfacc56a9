#!/bin/sh
# tests/suites/similar.sh - girc check --similar (W0649, region/similar.c):
# a batch of 200 generated reports, each with its own prose (sentences
# drawn at random, fixed seed, from phrase lists) and one standard sentence
# they all share, in which some reports copy another's prose with two
# sentences rewritten (the pairs below, and a group of three). The run
# must name exactly those pairs, with the sections concerned.
# SIMILAR_N=10000 makes a bigger batch (the note's timing), no assertions.
GIRC=${GIRC:-build/girc}
[ -x "$GIRC" ] || { echo "not ok - similar: $GIRC is not built"; exit 1; }
N=${SIMILAR_N:-200}
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-similar.XXXXXX") || exit 2
[ -n "$SIMILAR_KEEP" ] && echo "# $T" || trap 'rm -rf "$T"' EXIT INT TERM
mkdir -p "$T/batch"

# copies: "copy original" (report numbers); 100 and 101 both copy 7
awk -v n="$N" -v dir="$T/batch" '
function pick(list,   k) { k = split(list, a, "|"); return a[int(rand() * k) + 1] }
function sentence() {
  return pick("全面|持续|扎实|深入|不断|积极|稳步|大力|切实|进一步") \
    pick("推进|深化|加强|完善|规范|优化|健全|落实|拓展|强化") \
    pick("政策解读|依申请公开|平台建设|基层公开|重点领域公开|公开目录|信息发布审查|政务新媒体|公开专栏|意见征集") \
    "工作，" pick("围绕|聚焦|结合|立足|针对|紧扣|突出|依托|对照|坚持") \
    pick("群众关切|营商环境|民生实事|乡村振兴|法治建设|数字政府|安全生产|生态环境|教育医疗|社会保障") \
    pick("开展|组织|建立|推行|实施|制定|编制|形成|召开|印发") \
    pick("专项检查|业务培训|工作台账|考评机制|清单管理|季度通报|回头看|集中整改|交叉评议|案例汇编") \
    int(rand() * 90 + 2) "次。"
}
function prose(m,   s, i) { s = ""; for (i = 0; i < m; i++) s = s sentence(); return s }
function write(i, over, probs,   f) {
  f = sprintf("%s/r%03d.gir", dir, i)
  print "report \"测试单位" i "2021年政府信息公开工作年度报告\" {" > f
  print "  template gov2021" > f
  print "  agency   \"测试单位" i "\"" > f
  print "  kind     department" > f
  print "  year     2021" > f
  print "  date     2022-01-20" > f
  print "}" > f
  print "section 总体情况 \"本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为2021年1月1日至2021年12月31日。" over "\"" > f
  print "section 问题改进 \"" probs "\"" > f
  print "section 其他事项 \"本年度未收取信息处理费。\"" > f
  print "section 复议诉讼 \"本年度无行政复议、行政诉讼。\"" > f
  print "table 主动公开 {}" > f
  print "table 申请处理 {}" > f
  print "table 复议诉讼 {}" > f
  close(f)
}
BEGIN {
  srand(13)
  copy[10] = 3; copy[50] = 49; copy[100] = 7; copy[101] = 7; copy[150] = 120; copy[199] = 0
  for (i = 0; i < n; i++) {
    if (i in copy) {
      o = copy[i]
      # the copy: same sentences, two of the overview rewritten
      split(ov[o], parts, "。")
      s = sentence() sentence()
      for (k = 3; k <= 6; k++) s = s parts[k] "。"
      write(i, s, pr[o])
      continue
    }
    ov[i] = prose(6); pr[i] = prose(4)
    write(i, ov[i], pr[i])
  }
}'

got=$("$GIRC" --color=never --lang=en check --similar "$T/batch" 2>&1 >/dev/null)
rc=$?
if [ -n "$SIMILAR_N" ]; then printf '%s\n' "$got" | grep -c 'W0649'; exit 0; fi
pairs=$(printf '%s\n' "$got" | sed -n 's|^.*/\(r[0-9]*\)\.gir: warning\[W0649\]: (similar, group \([0-9]*\)) \([0-9]*\)% .*/\(r[0-9]*\)\.gir'"'"', in: \(.*\)$|\2 \1 \4 \5|p')
want="1 r000 r199 一、总体情况, 五、存在的主要问题及改进情况
2 r003 r010 一、总体情况, 五、存在的主要问题及改进情况
3 r007 r100 一、总体情况, 五、存在的主要问题及改进情况
3 r007 r101 一、总体情况, 五、存在的主要问题及改进情况
3 r100 r101 一、总体情况, 五、存在的主要问题及改进情况
4 r049 r050 一、总体情况, 五、存在的主要问题及改进情况
5 r120 r150 一、总体情况, 五、存在的主要问题及改进情况"
if [ "$pairs" = "$want" ] && [ $rc -eq 0 ]; then echo "ok - similar: 200 reports, exactly the 7 copied pairs in 5 groups"
else echo "not ok - similar (exit $rc)"; printf '%s\n' "$pairs" | diff - "$(printf '%s\n' "$want" > "$T/want"; echo "$T/want")" | head -20; printf '%s\n' "$got" | head -5; fi

# a near miss: the same 200 reports without the copies share only the
# standard sentence (common to all) and chance sentences: no pair
for i in 010 050 100 101 150 199; do rm -f "$T/batch/r$i.gir"; done
got=$("$GIRC" --color=never --lang=en check --similar "$T/batch" 2>&1 >/dev/null)
if printf '%s\n' "$got" | grep -q W0649; then echo "not ok - similar: a pair without copies"; printf '%s\n' "$got" | grep W0649 | head -3
else echo "ok - similar: no pair once the copies are removed"; fi

# the threshold is an option; a bad value is a usage error
"$GIRC" check --similar=0 "$T/batch" >/dev/null 2>&1
[ $? -eq 2 ] && echo "ok - similar: --similar=0 is refused" || echo "not ok - similar: --similar=0 accepted"
