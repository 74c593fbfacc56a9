#!/usr/bin/env python3
# tests/region/gen_units.py - a region of generated unit reports for
# tests/suites/region.sh: N gov2021 reports (consistent, except every
# 37th with a wrong total, E0501), every 53rd with a blank cell (_),
# some with a wrong total the reviewer waived (waive E0501), some published late (after the art. 49 deadline, or after the roster's
# own deadline), a roster CSV (UTF-8 BOM, CRLF) that leaves some reports
# out and lists some units that sent none, some matched by file name,
# some by agency name written with full-width digits; and region.gir, the
# region's own report: the sums with one figure changed.
# Deterministic: usage gen_units.py OUTDIR N SEED.
import os
import random
import sys

out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
os.makedirs(os.path.join(out, "units"), exist_ok=True)
T3_ROWS = ["予以公开", "部分公开", "不掌握"]
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def agency(i):
    return "示例县第%04d号单位" % i


def kind(i):
    return "township" if i % 5 == 0 else "department"


def date(i):
    if i % 41 == 0:
        return "2022-02-05"          # after 31 January: W0603 for a department
    if i % 43 == 0:
        return "2022-01-28"          # after the roster's 2022-01-25 for some
    return "2022-01-%02d" % (10 + i % 15)


def table3(i):
    rows = {}
    for r in ["新收", "结转"] + T3_ROWS + ["结转下年"]:
        rows[r] = [0] * 6
    for c in range(6):
        new, carried = rnd.randint(0, 30), rnd.randint(0, 5)
        left = new + carried
        rows["新收"][c], rows["结转"][c] = new, carried
        for r in T3_ROWS + ["结转下年"]:
            v = rnd.randint(0, left) if r != "结转下年" else left
            rows[r][c] = v
            left -= v
    cells = {r: [str(v) for v in vs] for r, vs in rows.items()}
    if i % 37 == 0:
        cells["新收"].append(str(sum(rows["新收"]) + 1))   # a wrong total
    if i % 53 == 0:
        cells["予以公开"][0] = "_"
    return cells


def table4():
    v = []
    for _ in range(3):
        p = [rnd.randint(0, 3) for _ in range(4)]
        v += p + [sum(p)]
    return v


def report(i):
    t2 = [rnd.randint(0, 3), rnd.randint(0, 2), rnd.randint(0, 40)]
    fee = "%d.%d" % (rnd.randint(0, 90), rnd.randint(0, 9))
    lines = ['report "%s2021年政府信息公开工作年度报告" {' % agency(i), "  template gov2021",
             '  agency   "%s"' % agency(i), "  kind     %s" % kind(i), "  year     2021",
             "  date     %s" % date(i), "}", "",
             'section 总体情况 "本年度无特别情况。"', 'section 问题改进 "无。"', 'section 其他事项 "无。"', "",
             "table 主动公开 {", "  规章 %d %d %d" % (rnd.randint(0, 2), 0, rnd.randint(0, 5)),
             "  行政规范性文件 %d %d %d" % tuple(t2), "  行政许可 %d" % rnd.randint(0, 500),
             "  行政处罚 %d" % rnd.randint(0, 300), "  行政事业性收费 %s" % fee, "}", "", "table 申请处理 {"]
    for r, cells in table3(i).items():
        lines.append("  %s %s" % (r, " ".join(cells)))
        if r == "新收" and i % 74 == 0:                 # half of the wrong totals, accepted by the reviewer
            lines.append('  waive E0501 新收 "两件申请跨年度合并办理，见说明"')
    lines += ["}", "", "table 复议诉讼 {", "  " + " ".join(map(str, table4())), "}", ""]
    return "\n".join(lines)


# units 0..n-1; roster: units 15..n+19 (0..14 are not on it; n..n+19 sent nothing)
for i in range(n):
    with open(os.path.join(out, "units", "unit-%04d.gir" % i), "w", encoding="utf-8") as f:
        f.write(report(i))
with open(os.path.join(out, "roster.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("\ufeff单位,匹配,类型,截止日期\r\n")
    for i in range(15, n + 20):
        name, match, dl = agency(i), "", ""
        if i % 7 == 0:
            match = "unit-%04d" % i                 # by file name
        elif i % 11 == 0:
            match = agency(i).translate(FW)         # full-width digits: the same after folding
        if i % 43 == 0:
            dl = "2022年1月25日"
        elif i % 13 == 0:
            dl = "2022-01-31"
        f.write('"%s",%s,%s,%s\r\n' % (name, match, kind(i) if i % 2 else "", dl))
