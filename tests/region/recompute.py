#!/usr/bin/env python3
# tests/region/recompute.py - recomputes, independently of girc, what
# `girc sum` and `girc check --summary` must say about a directory of
# unit reports and a roster, by reading the .gir table rows and the CSV
# directly (tests/suites/region.sh). Prints "ok - ..." / "not ok - ..."
# lines. Usage:
#   recompute.py sum UNITS_DIR SUM.gir
#   recompute.py summary UNITS_DIR ROSTER.csv SUMMARY.csv SUMMARY.json SUMMARY.html
import csv
import datetime
import html.parser
import io
import json
import os
import re
import sys
import unicodedata
from decimal import Decimal

DERIVED = {"申请处理": {6}, "复议诉讼": {4, 9, 14}}
DEADLINE = {"department": "2022-01-31", "government": "2022-03-31"}
fails = 0


def ok(cond, what):
    global fails
    print(("ok - " if cond else "not ok - ") + what)
    fails += 0 if cond else 1


def parse_gir(path):
    """Header fields and {(table, row): [tokens]} of a .gir file."""
    head, rows, table = {}, {}, None
    in_head = False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("report "):
            in_head = True
            continue
        if in_head:
            if line.strip() == "}":
                in_head = False
                continue
            k, _, v = line.strip().partition(" ")
            head[k] = v.strip().strip('"')
            continue
        m = re.match(r"^table (\S+) \{$", line)
        if m:
            table = m.group(1)
            continue
        if line.startswith("}"):
            table = None
            continue
        if table is None or line.strip().startswith("waive "):   # a waiver is not a row
            continue
        body, _, comment = line.partition("#")
        toks = body.split()
        if not toks:
            continue
        if table == "复议诉讼" and not re.match(r"^[0-9_]", toks[0]):
            toks = toks[1:]
        label = "" if table == "复议诉讼" else toks.pop(0)
        rows[(table, label)] = (toks, comment)
    return head, rows


def units(d):
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".gir"))


def check_sum(udir, sumfile):
    expect, blank, lower = {}, {}, {}
    files = units(udir)
    for f in files:
        _, rows = parse_gir(f)
        for key, (toks, _) in rows.items():
            for i, t in enumerate(toks):
                if i in DERIVED.get(key[0], ()):
                    continue
                k = key + (i,)
                expect.setdefault(k, Decimal(0))
                if t == "_":
                    blank[k] = blank.get(k, 0) + 1
                else:
                    expect[k] += Decimal(t)
    head, srows = parse_gir(sumfile)
    ok(head.get("template") == "gov2021" and head.get("year") == "2021", "sum: the header has the units' template and year")
    bad = []
    for k, v in expect.items():
        toks, comment = srows.get(k[:2], ([], ""))
        got = toks[k[2]] if k[2] < len(toks) else "?"
        want = "_" if k in blank else str(v.normalize() if v != v.to_integral() else int(v))
        if got != want:
            bad.append("%s.%s[%d]: %s, want %s" % (k[0], k[1], k[2], got, want))
    ok(not bad, "sum: every cell the units write is their sum, _ where one is blank (%d cells)%s" % (len(expect), "; " + "; ".join(bad[:5]) if bad else ""))
    # totals of the sum are the sums of its parts
    tb = []
    for (t, r), (toks, _) in srows.items():
        for p in DERIVED.get(t, ()):
            parts = toks[p - (6 if t == "申请处理" else 4):p]
            if "_" in parts or p >= len(toks):
                continue
            if toks[p] != str(sum(int(x) for x in parts)):
                tb.append("%s.%s[%d]" % (t, r, p))
    ok(not tb, "sum: each row total of the sum is the sum of its cells%s" % (" (" + ", ".join(tb[:5]) + ")" if tb else ""))
    # a blank cell's comment gives the sum of the others
    lb = []
    for k, nb in blank.items():
        toks, comment = srows.get(k[:2], ([], ""))
        first = sorted(i for (t, r, i) in blank if (t, r) == k[:2])
        nums = re.findall(r"≥([0-9.]+)", comment)
        idx = first.index(k[2])
        if idx >= len(nums) or Decimal(nums[idx]) != expect[k] or ("空白 %d 个" % nb) not in comment:
            lb.append("%s.%s[%d]" % k)
    ok(blank and not lb, "sum: the comment of each blank cell counts the blank units and gives the lower bound (%d cells)%s" % (len(blank), " bad: " + ", ".join(lb[:5]) if lb else ""))
    ok(("汇总自" in open(sumfile, encoding="utf-8").read()) or sum(1 for line in open(sumfile, encoding="utf-8") if line.startswith("#   ")) == len(files),
       "sum: the head comment names every unit added (%d)" % len(files))


def fold(s):
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s))


def recompute(udir, roster):
    rows = []
    for f in units(udir):
        head, t = parse_gir(f)
        toks = t.get(("申请处理", "新收"), ([], ""))[0]
        err = 1 if len(toks) == 7 and int(toks[6]) != sum(int(x) for x in toks[:6]) else 0
        waived = 1 if err and 'waive E0501 新收 "' in open(f, encoding="utf-8").read() else 0
        err -= waived
        blank = any("_" in v[0] for v in t.values())
        rows.append({"file": f, "agency": head["agency"], "kind": head.get("kind", ""), "year": head["year"],
                     "date": head.get("date", ""), "errors": err, "waived": waived, "blank": blank,
                     "late": head.get("date", "") > DEADLINE.get(head.get("kind"), "9999"),
                     "roster": "", "unit": "", "deadline": ""})
    text = open(roster, encoding="utf-8", newline="").read()
    assert text.startswith("\ufeff")
    entries = list(csv.DictReader(io.StringIO(text[1:])))
    keys = {}
    for i, r in enumerate(rows):
        for k in {fold(r["agency"]), fold(os.path.basename(r["file"])[:-4])}:
            keys.setdefault(k, []).append(i)
    missing = []
    for e in entries:
        m = keys.get(fold(e["匹配"] or e["单位"]), [])
        kind = e["类型"]
        if not m:
            dl = e["截止日期"] or DEADLINE.get(kind, "")
            missing.append({"unit": e["单位"], "kind": kind, "deadline": dl.replace("2022年1月25日", "2022-01-25")})
            continue
        r = rows[m[0]]
        dl = e["截止日期"].replace("2022年1月25日", "2022-01-25") or DEADLINE.get(kind or r["kind"], "")
        r.update(roster="listed", unit=e["单位"], deadline=dl)
        if dl and r["date"] > dl:
            r["late"] = True
    for r in rows:
        r["roster"] = r["roster"] or "unlisted"
    return rows, missing, len(entries)


def check_summary(udir, roster, fcsv, fjson, fhtml):
    rows, missing, nroster = recompute(udir, roster)
    raw = open(fcsv, "rb").read()
    ok(raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), "csv: UTF-8 BOM and CRLF line ends")
    got = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    ok(len(got) == len(rows) + len(missing), "csv: one row per report and per missing unit (%d, want %d)" % (len(got), len(rows) + len(missing)))
    ok([g["file"] for g in got[:len(rows)]] == sorted(r["file"] for r in rows), "csv: the reports are sorted by file")
    bad = []
    for g, r in zip(got, rows):
        want = (r["agency"], r["kind"], r["year"], r["date"], str(r["errors"]), str(r["waived"]), str(int(r["late"])), r["roster"], r["unit"], r["deadline"])
        have = (g["agency"], g["kind"], g["year"], g["date"], g["errors"], g["waived"], g["late"], g["roster"], g["unit"], g["deadline"])
        if want != have or (int(g["not_checkable"]) > 0) != r["blank"] or g["status"] != ("errors" if r["errors"] else "ok"):
            bad.append("%s: %s, want %s" % (g["file"], have, want))
    ok(not bad, "csv: agency, kind, year, date, errors, waived, not checkable, late, status, roster unit and deadline of every report%s" % ("; " + "; ".join(bad[:3]) if bad else ""))
    tail = got[len(rows):]
    today = datetime.date.today().isoformat()
    ok([(g["unit"], g["status"], g["roster"], g["deadline"], g["late"]) for g in tail] ==
       [(m["unit"], "missing", "missing", m["deadline"], "1" if m["deadline"] and m["deadline"] < today else "0") for m in missing],
       "csv: the missing units come last, in roster order, with their deadlines, late once the deadline has passed (%d)" % len(missing))
    j = json.load(open(fjson, encoding="utf-8"))
    jr = j["reports"]
    ok([x["file"] for x in jr] == [g["file"] or None for g in got], "json: the same rows in the same order as the csv")
    ok(all(x["errors"] == sum(1 for d in x["diagnostics"] if d["severity"] == "error") for x in jr if x["file"]) and
       all(x["errors"] is None and x["status"] == "missing" for x in jr if not x["file"]),
       "json: each report's error count is the number of its error diagnostics; a missing unit has none (null)")
    late = sum(1 for r in rows if r["late"])
    nerr = sum(r["errors"] for r in rows)
    t = j["totals"]
    nwaived = sum(r["waived"] for r in rows)
    ok(t["reports"] == len(rows) and t["errors"] == nerr and t["late"] == late and t["with_errors"] == nerr and
       t["waived"] == nwaived and nwaived > 0,
       "json: totals (%d reports, %d errors, %d waived, %d late)" % (t["reports"], t["errors"], t["waived"], t["late"]))
    listed = [r for r in rows if r["roster"] == "listed"]
    ro = j["roster"]
    rate = "%.1f%%" % (len(listed) * 100.0 / nroster)
    ok(ro["units"] == nroster and ro["reported"] == len(listed) and ro["missing"] == len(missing) and
       ro["unlisted"] == len(rows) - len(listed) and ro["late"] == sum(1 for r in listed if r["late"]) and ro["rate"] == rate and
       ro["overdue"] == sum(1 for m in missing if m["deadline"] and m["deadline"] < datetime.date.today().isoformat()),
       "json: the roster's figures (%d units, %d reported, %s, %d missing, %d not on the roster)" % (nroster, len(listed), rate, len(missing), len(rows) - len(listed)))

    class P(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell, self.body = [], None, False

        def handle_starttag(self, tag, a):
            if tag == "tbody":
                self.body = True
            elif self.body and tag == "tr":
                self.rows.append([])
            elif self.body and tag in ("td", "th") and self.cell is None:
                self.cell = ""

        def handle_endtag(self, tag):
            if self.body and tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(self.cell)
                self.cell = None

        def handle_data(self, d):
            if self.cell is not None:
                self.cell += d
    p = P()
    p.feed(open(fhtml, encoding="utf-8").read())
    ok(len(p.rows) == len(got) and all(h[0] == (g["file"] or g["unit"]) and h[6] == g["errors"] for h, g in zip(p.rows, got)),
       "html: the same rows, files and error counts as the csv (%d rows)" % len(p.rows))


if sys.argv[1] == "sum":
    check_sum(sys.argv[2], sys.argv[3])
else:
    check_summary(*sys.argv[2:7])
sys.exit(1 if fails else 0)
