#!/usr/bin/env python3
# tests/check-batch.py GIRDIR CSV [XLSX] - the batch check of
# tests/suites/data.sh: recomputes every figure of the reports that
# tests/gen-batch.py wrote, from the .gir files themselves (their table
# rows parsed here, the 2021 format's totals and R3.1 applied here,
# independently of girc), and compares them with girc's batch CSV (every
# line: value, unit, state, expected, rule) and, when given, the XLSX
# workbook's comparison sheet (汇总, read with zipfile from the XML).
# Prints what differs; exits 1 if anything does.
import csv
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal

COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
ACTIVE = {'规章': ['本年制发件数', '本年废止件数', '现行有效件数'],
          '行政规范性文件': ['本年制发件数', '本年废止件数', '现行有效件数'],
          '行政许可': ['处理决定数量'], '行政处罚': ['处理决定数量'], '行政强制': ['处理决定数量'],
          '行政事业性收费': ['收费金额']}
OUTCOMES = ['予以公开', '部分公开', '第三方权益', '执法案卷', '不掌握', '需另行制作', '信访举报', '逾期不补正']
REVIEW_TOTALS = {'复议总计', '直诉总计', '复后总计'}


def parse(path):
    """agency and the rows of each table, as written."""
    agency, tables, cur = None, {}, None
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        m = re.match(r'agency\s+"((?:[^"\\]|\\.)*)"', line)
        if m:
            agency = m.group(1).replace('\\"', '"')
        m = re.match(r'table (\S+) \{(\})?', line)
        if m:
            cur = m.group(1)
            tables[cur] = {}
            if m.group(2):
                cur = None
            continue
        if line == '}':
            cur = None
            continue
        if cur:
            p = line.split()
            tables[cur][p[0]] = p[1:]
    return agency, tables


def model(path):
    """(table, row, column) -> (value, state, expected, rule); cells not
    listed are 0: zero, or computed when a total."""
    agency, t = parse(path)
    cells = {}
    for row, vals in t['主动公开'].items():
        for col, v in zip(ACTIVE[row], vals):
            unit = ''
            if v.endswith('万元'):
                v, unit = v[:-2], '万元'
            cells[('主动公开', row, col)] = [Decimal(v), 'written', None, None, unit]
    a = t['申请处理']
    for row, vals in a.items():
        for col, v in zip(COLS, vals[:6]):
            cells[('申请处理', row, col)] = [None, 'blank', None, None, ''] if v == '_' else [Decimal(v), 'written', None, None, '']
        parts = [cells[('申请处理', row, c)] for c in COLS]
        blank = any(p[0] is None for p in parts)
        s = sum(p[0] for p in parts if p[0] is not None)
        if len(vals) > 6:
            w = Decimal(vals[6])
            cells[('申请处理', row, '总计')] = [w, 'written', None, None, ''] if blank or w == s else [w, 'wrong', s, '总计', '']
        else:
            cells[('申请处理', row, '总计')] = [None, 'unknown', None, None, ''] if blank else [s, 'computed', None, None, '']
    for col in COLS + ['总计']:
        parts = [cells.get(('申请处理', r, col)) for r in OUTCOMES if r in a]
        if any(p[0] is None for p in parts):
            cells[('申请处理', '办结总计', col)] = [None, 'unknown', None, None, '']
        else:
            cells[('申请处理', '办结总计', col)] = [sum(p[0] for p in parts), 'computed', None, None, '']
    # R3.1 over each column: 新收 + 结转 == 办结总计 + 结转下年
    for col in COLS + ['总计']:
        four = [cells[('申请处理', r, col)] for r in ('新收', '结转', '办结总计', '结转下年')]
        if any(c[1] in ('wrong', 'blank', 'unknown') for c in four):
            continue
        if four[0][0] + four[1][0] != four[2][0] + four[3][0]:
            for c in four:
                c[1], c[3] = 'wrong', 'R3.1'
    return agency, cells


def expect(cells, table, row, col):
    c = cells.get((table, row, col))
    if c:
        return c
    derived = col == '总计' or row == '办结总计' or col in REVIEW_TOTALS
    return [Decimal(0), 'computed' if derived else 'zero', None, None, '']


def dec_eq(text, d):
    if d is None:
        return text == ''
    return text != '' and Decimal(text) == d


def check_csv(gdir, path, models):
    bad = 0
    raw = open(path, 'rb').read()
    if not raw.startswith(b'\xef\xbb\xbf'):
        print('# csv: no BOM'); bad += 1
    if b'\n' in raw.replace(b'\r\n', b''):
        print('# csv: a line end that is not CRLF'); bad += 1
    rows = list(csv.DictReader(open(path, encoding='utf-8-sig', newline='')))
    seen = {}
    for r in rows:
        f = os.path.basename(r['file'])
        agency, cells = models[f]
        seen[f] = seen.get(f, 0) + 1
        if r['agency'] != agency and bad < 20:
            print('# csv: agency of', f, repr(r['agency']), '!=', repr(agency)); bad += 1
        tname = {'主动公开政府信息情况': '主动公开', '收到和处理政府信息公开申请情况': '申请处理',
                 '政府信息公开行政复议、行政诉讼情况': '复议诉讼'}.get(r['table'], r['table'])
        v, st, ex, rule, unit = expect(cells, tname, r['row'], r['column'])
        got = (r['value'], r['state'], r['expected'], r['rule'], r['unit'])
        ok = dec_eq(r['value'], v) and r['state'] == st and dec_eq(r['expected'], ex) and r['rule'] == (rule or '') and r['unit'] == unit
        if not ok:
            bad += 1
            if bad < 20:
                print('# csv:', f, tname, r['row'], r['column'], 'got', got, 'want', (v, st, ex, rule, unit))
    if set(seen) != set(models):
        print('# csv: files', len(seen), 'of', len(models)); bad += 1
    if len(set(seen.values())) != 1:
        print('# csv: uneven line counts', sorted(set(seen.values()))); bad += 1
    return bad, len(rows)


def col_index(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def check_xlsx(path, models):
    ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    z = zipfile.ZipFile(path)
    sst = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    first = wb.find('m:sheets', ns)[0].get('name')
    bad = 0 if first == '汇总' else 1
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    grid = []
    for row in sheet.find('m:sheetData', ns):
        vals = {}
        for c in row:
            v = c.find('m:v', ns)
            if v is None:
                continue
            vals[col_index(c.get('r'))] = sst[int(v.text)] if c.get('t') == 's' else v.text
        grid.append(vals)
    head = grid[0]
    keys = {i: k for i, k in head.items()}
    if [head.get(i) for i in range(6)] != ['file', 'agency', 'year', 'template', 'errors', 'warnings']:
        print('# xlsx: first columns', [head.get(i) for i in range(6)]); bad += 1
    n = 0
    for vals in grid[1:]:
        f = os.path.basename(vals[0])
        agency, cells = models[f]
        if vals.get(1) != agency:
            print('# xlsx: agency', vals.get(1), agency); bad += 1
        for i, key in keys.items():
            if i < 6:
                continue
            table, row, col = key.split('.')
            v = expect(cells, table, row, col)[0]
            got = vals.get(i)
            ok = (got is None) if v is None else (got is not None and abs(Decimal(got) - v) < Decimal('0.000001'))
            n += 1
            if not ok:
                bad += 1
                if bad < 20:
                    print('# xlsx:', f, key, 'got', got, 'want', v)
    if len(grid) - 1 != len(models):
        print('# xlsx: rows', len(grid) - 1, 'of', len(models)); bad += 1
    return bad, n


def main():
    gdir = sys.argv[1]
    models = {f: model(os.path.join(gdir, f)) for f in sorted(os.listdir(gdir)) if f.endswith('.gir')}
    bad, n = check_csv(gdir, sys.argv[2], models)
    print('# csv: %d lines, %d reports, %d differences' % (n, len(models), bad))
    if len(sys.argv) > 3:
        b2, n2 = check_xlsx(sys.argv[3], models)
        print('# xlsx: %d cells compared, %d differences' % (n2, b2))
        bad += b2
    sys.exit(1 if bad else 0)


main()
