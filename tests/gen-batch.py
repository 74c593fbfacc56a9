#!/usr/bin/env python3
# tests/gen-batch.py DIR N [SEED] - writes N generated 2021 reports
# DIR/r0000.gir ... for the batch tests of tests/suites/data.sh: values
# vary with a seeded random generator (the same files for the same seed),
# every R3.1 holds, and some reports have errors on purpose: a written
# 新收 total one too many (every 7th), a blank cell (every 11th), an
# R3.1 broken in one column (every 13th). Agency names sometimes hold a
# comma or double quotes. The checks recompute every figure from these
# files (data.sh), never from girc's output.
import os
import random
import sys

COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
OUTCOMES = ['予以公开', '部分公开', '第三方权益', '执法案卷', '不掌握', '需另行制作', '信访举报', '逾期不补正']


def report(i, rnd):
    name = '测试县第%d局' % i
    if i % 5 == 0:
        name = '测试县"第%d",局' % i
    out = {k: [rnd.randint(0, 9) for _ in COLS] for k in OUTCOMES}
    carry = [rnd.randint(0, 3) for _ in COLS]
    nxt = [rnd.randint(0, 3) for _ in COLS]
    done = [sum(out[k][c] for k in OUTCOMES) for c in range(len(COLS))]
    new = [max(done[c] + nxt[c] - carry[c], 0) for c in range(len(COLS))]
    carry = [done[c] + nxt[c] - new[c] for c in range(len(COLS))]
    if i % 13 == 0:
        new[0] += 1                       # R3.1 fails in 自然人
    total = sum(new) + (1 if i % 7 == 0 else 0)
    lines = []
    lines.append('report "%s2021年政府信息公开工作年度报告" {' % name.replace('"', ''))
    lines.append('  template gov2021')
    lines.append('  agency   "%s"' % name.replace('"', '\\"'))
    lines.append('  kind     department')
    lines.append('  year     2021')
    lines.append('  date     2022-01-%02d' % (1 + i % 28))
    lines.append('}')
    lines.append('section 总体情况 "概述。"')
    lines.append('table 主动公开 {')
    lines.append('  规章 %d %d %d' % (rnd.randint(0, 5), rnd.randint(0, 5), rnd.randint(0, 50)))
    lines.append('  行政规范性文件 %d %d %d' % (rnd.randint(0, 9), rnd.randint(0, 9), rnd.randint(0, 90)))
    lines.append('  行政许可 %d' % rnd.randint(0, 5000))
    lines.append('  行政处罚 %d' % rnd.randint(0, 2000))
    lines.append('  行政事业性收费 %d.%02d万元' % (rnd.randint(0, 300), rnd.randint(0, 99)))
    lines.append('}')
    lines.append('table 申请处理 {')
    lines.append('  新收 ' + ' '.join(map(str, new)) + ' %d' % total)
    lines.append('  结转 ' + ' '.join(map(str, carry)))
    for k in OUTCOMES:
        vals = [str(v) for v in out[k]]
        if k == '部分公开' and i % 11 == 0:
            vals[1] = '_'
        lines.append('  %s %s' % (k, ' '.join(vals)))
    lines.append('  结转下年 ' + ' '.join(map(str, nxt)))
    lines.append('}')
    lines.append('table 复议诉讼 {}')
    lines.append('section 问题改进 "无。"')
    lines.append('section 其他事项 "无。"')
    return '\n'.join(lines) + '\n'


def main():
    d, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 12)
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        with open(os.path.join(d, 'r%04d.gir' % i), 'w', encoding='utf-8') as f:
            f.write(report(i, rnd))


main()
