# tests/data/suspect-inject.py - for tests/suites/suspect.sh: injects slips into table 3 of a coherent
# report (one cell +1 with the row total left, or one application moved between two columns of a row) and
# tallies what N0660/N0661 say: named exactly, listed with the right answer, silent, or a wrong guess.
import subprocess, re, sys, os, tempfile
TMP = os.path.join(tempfile.mkdtemp(), "inj.gir")
GIRC = os.environ.get("GIRC", "build/girc")
src = open(sys.argv[1]).read()
a = src.index("table 申请处理 {"); b = src.index("\n}", a)
lines = src[a:b].split("\n")
rows = [(i, l) for i, l in enumerate(lines) if re.match(r"^\s+\S+\s+\d", l)]
cols = ["自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]
def run(newlines):
    t = src[:a] + "\n".join(newlines) + src[b:]
    open(TMP,"w").write(t)
    p = subprocess.run([GIRC,"--color=never","check",TMP], capture_output=True, text=True)
    return p.stderr
tally = {}
KIND = [""]
def add(k): kk = KIND[0] + ":" + k; tally[kk] = tally.get(kk, 0) + 1
def judge(err, expect):
    m = re.search(r"note\[N0660\]: (.*)", err); l = re.search(r"note\[N0661\]: (.*)", err)
    if m: add("one-right" if all(e in m.group(1) for e in expect) and m.group(1).count("为") == len(expect) + 0 else "one-WRONG")
    elif l: add("list-has-right" if all(e in l.group(1) for e in expect) else "list-without-right")
    else: add("silent")
for i, l in rows:
    parts = l.split(); name = parts[0]; vals = parts[1:]
    if len(vals) != 7: continue
    KIND[0] = "one-cell"
    for k in range(6):   # one cell +1 (the row total left as it was)
        v = list(vals); v[k] = str(int(v[k]) + 1)
        nl = list(lines); nl[i] = "  " + name + " " + " ".join(v)
        judge(run(nl), ["“%s.%s”为 %s" % (name, cols[k], vals[k])]); 
    KIND[0] = "moved"
    for x in range(6):   # one application moved from column x to column y
        for y in range(6):
            if x == y or int(vals[x]) < 1: continue
            v = list(vals); v[x] = str(int(v[x]) - 1); v[y] = str(int(v[y]) + 1)
            nl = list(lines); nl[i] = "  " + name + " " + " ".join(v)
            judge(run(nl), ["“%s.%s”为 %s" % (name, cols[x], vals[x]), "“%s.%s”为 %s" % (name, cols[y], vals[y])])
print(tally)
import shutil
shutil.rmtree(os.path.dirname(TMP), ignore_errors=True)
