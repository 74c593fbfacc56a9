#!/bin/sh
# tools/gen-import.sh KIND N - generated pages for the importer's size
# tests (tests/suites/import.sh) and its bench family (tools/bench.sh), on
# standard output:
#   row BYTES    a text page whose one row of table 1 (规章, 2021 format)
#                holds numbers up to BYTES bytes
#   table BYTES  an HTML page whose table 3 has rows of 50 cells (a label
#                of table 3, in turn, then 49 numbers) up to BYTES bytes
#   rows N       the same page with exactly N such rows
# One generator, so the test and the bench measure the same inputs.
kind=$1
n=$2
case $kind in
  row)
    LC_ALL=C awk -v size="$n" 'BEGIN {
      print "某县人民政府2021年政府信息公开工作年度报告"
      print "一、总体情况"
      print "2021年，某县政务公开工作运行良好。"
      print "二、主动公开政府信息情况"
      print "第二十条第（一）项"
      print "信息内容 本年制发件数 本年废止件数 现行有效件数"
      printf "规章"; k = 0; len = 6
      while (len < size) { k++; v = " " (k % 1000); printf "%s", v; len += length(v) }
      printf "\n"
      print "三、收到和处理政府信息公开申请情况"
    }' ;;
  table|rows)
    LC_ALL=C awk -v n="$n" -v by="$kind" 'BEGIN {
      print "<html><head><meta charset=\"utf-8\"><title>某县人民政府2021年政府信息公开工作年度报告</title></head><body>"
      print "<p>一、总体情况</p><p>2021年，某县政务公开工作运行良好。</p>"
      print "<p>三、收到和处理政府信息公开申请情况</p><table>"
      split("一、本年新收政府信息公开申请数量 二、上年结转政府信息公开申请数量 （一）予以公开 （三）不予公开 1.属于国家秘密 2.其他法律行政法规禁止公开 5.属于三类内部事务信息 （七）总计", lab, " ")
      total = 0; r = 0
      while (by == "rows" ? r < n : total < n) {
        r++; row = "<tr><td>" lab[(r - 1) % 8 + 1] "</td>"
        for (k = 1; k <= 49; k++) row = row "<td>" ((r * k) % 997) "</td>"
        row = row "</tr>"; print row; total += length(row) + 1
      }
      print "</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>"
    }' ;;
  *) echo "usage: $0 row|table|rows N" >&2; exit 2 ;;
esac
