#!/bin/sh
# tools/gen-scale.sh - one input of a scaling family, N items, on stdout
# (tools/bench.sh times each family at N, 10 N and 100 N: linear cost is
# about 10 times the seconds and the memory for 10 times the input).
#   rows N      a report's own template of N rows, and a report naming each
#   sections N  a report's own template of N prose sections, and a report
#               writing each
#   totals N    N rows whose written total is wrong (one error each)
#   labels N    N misspelt row labels in a gov2021 table (one error each)
#   unknown N   N sections gov2021 does not have (one error each)
#   cells N     N unknown cells of a gov2021 table on one line
# Usage: tools/gen-scale.sh FAMILY N
fam=$1
n=$2
head2021() {
  printf 'report "某县某局2021年政府信息公开工作年度报告" {\n template gov2021\n agency "某县某局"\n kind department\n year 2021\n date 2022-01-25\n}\n'
}
case $fam in
rows)
  awk -v n="$n" 'BEGIN { print "template t {\n  section s \"s\"\n  table tb \"tb\" {\n    columns {\n      c \"c\"\n    }\n    rows {";
    for (i = 1; i <= n; i++) printf "      r%d \"行%d\"\n", i, i;
    print "    }\n  }\n}\nreport \"x\" {\n template t\n agency \"a\"\n year 2021\n date 2022-01-20\n}\nsection s \"x\"\ntable tb {";
    for (i = 1; i <= n; i++) printf "  r%d 1\n", i; print "}" }' ;;
sections)
  awk -v n="$n" 'BEGIN { print "template t {";
    for (i = 1; i <= n; i++) printf "  section s%d \"节%d\"\n", i, i;
    print "}\nreport \"x\" {\n template t\n agency \"a\"\n year 2021\n date 2022-01-20\n}";
    for (i = 1; i <= n; i++) printf "section s%d \"x\"\n", i }' ;;
totals)
  awk -v n="$n" 'BEGIN { print "template t {\n  section s \"s\"\n  table tb \"tb\" {\n    columns {\n      a \"a\"\n      b \"b\"\n      t \"t\" = sum(a, b)\n    }\n    rows {";
    for (i = 1; i <= n; i++) printf "      r%d \"行%d\"\n", i, i;
    print "    }\n  }\n}\nreport \"x\" {\n template t\n agency \"a\"\n year 2021\n date 2022-01-20\n}\nsection s \"x\"\ntable tb {";
    for (i = 1; i <= n; i++) printf "  r%d 1 1 5\n", i; print "}" }' ;;
labels)
  head2021
  printf 'section 总体情况 "无。"\nsection 问题改进 "无。"\nsection 其他事项 "无。"\ntable 主动公开 {}\ntable 申请处理 {\n'
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) print "  予以公升 1" }'
  printf '}\ntable 复议诉讼 {}\n' ;;
unknown)
  head2021
  printf 'section 总体情况 "无。"\nsection 问题改进 "无。"\nsection 其他事项 "无。"\n'
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "section 未知%d \"无。\"\n", i }' ;;
cells)
  head2021
  printf 'section 总体情况 "无。"\nsection 问题改进 "无。"\nsection 其他事项 "无。"\ntable 主动公开 {}\ntable 申请处理 { 新收'
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf " 1"; print " }" }'
  printf 'table 复议诉讼 {}\n' ;;
*) echo "usage: tools/gen-scale.sh rows|sections|totals|labels|unknown|cells N" >&2; exit 2 ;;
esac
