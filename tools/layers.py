#!/usr/bin/env python3
"""tools/layers.py - `make layers`: the stage folders of src/ form one
stack, and nothing uses a folder above its own.

The stack is read from src/README.md: its `## NAME/` headings, lowest
first (the map is the one place the order is written). The check fails
when
  - a folder of src/ has no heading in src/README.md, or a heading names
    a folder that does not exist;
  - a file has no comment at its top saying what it is for, or is not
    named in its folder's section of src/README.md;
  - a file includes a header of a folder above its own ("dir/x.h"), or a
    bare "x.h" that is not in its own folder (generated headers aside);
  - with --objects DIR: an object file takes a symbol (nm -u) that an
    object of a folder above its own defines.
Same-folder use is free; different folders can then never form a cycle,
since every edge points down the stack.

usage: tools/layers.py [--objects BUILD/obj] SRC
"""
import os
import re
import subprocess
import sys

# generated C (build/gen) and the folder it belongs to
GENERATED = {"lexer": "syntax", "parser": "syntax", "stdlib_data": "template"}
GENERATED_HEADERS = {"parser.h": "syntax"}
GRAMMAR = {"grammar/lexer.re": "syntax", "grammar/parser.y": "syntax"}


def stack(src):
    """The folders in order, and the text of each folder's section."""
    order = []
    text = {}
    with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^## `?([a-z_]+)/`?", line)
            if m:
                order.append(m.group(1))
                text[m.group(1)] = ""
            elif order:
                text[order[-1]] += line
    return order, text


def check_includes(path, own, rank, src, errors):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.lstrip().startswith("/*") and not path.endswith(".def"):
        errors.append(f"{path}:1: no comment at the top saying what the file is for")
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        inc = m.group(1)
        if "/" in inc:
            folder = inc.split("/")[0]
            if folder not in rank:
                errors.append(f"{path}:{n}: includes {inc}: {folder}/ is not a stage of src/README.md")
            elif rank[folder] > rank[own]:
                errors.append(f"{path}:{n}: {own}/ uses {folder}/, which is above it ({inc})")
            elif not os.path.exists(os.path.join(src, inc)):
                errors.append(f"{path}:{n}: includes {inc}, which does not exist")
        elif inc in GENERATED_HEADERS:
            if rank[GENERATED_HEADERS[inc]] > rank[own]:
                errors.append(f"{path}:{n}: {own}/ uses the generated {inc} of {GENERATED_HEADERS[inc]}/")
        elif path.startswith(src) and not os.path.exists(os.path.join(os.path.dirname(path), inc)):
            errors.append(f'{path}:{n}: "{inc}" is not in {own}/: write "folder/{inc}"')


def nm(path, undefined):
    args = ["nm", "-u" if undefined else "--defined-only", "-g", path]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if parts:
            syms.add(parts[-1])
    return syms


def check_objects(objdir, src, rank, errors):
    """Objects of sources that exist (a stale object of a removed or moved
    source is not part of the build, and is passed over)."""
    objs = {}
    for root, _, files in os.walk(objdir):
        for f in files:
            if not f.endswith(".o"):
                continue
            rel = os.path.relpath(os.path.join(root, f), objdir)
            if os.sep in rel:
                folder = rel.split(os.sep)[0]
                if not os.path.exists(os.path.join(src, rel[:-2] + ".c")):
                    continue
            else:
                folder = GENERATED.get(f[:-2])
                if folder is None:
                    continue
            objs[os.path.join(root, f)] = folder
    owner = {}
    for o, folder in objs.items():
        for s in nm(o, False):
            owner[s] = (folder, o)
    for o, folder in sorted(objs.items()):
        for s in sorted(nm(o, True)):
            if s not in owner:
                continue
            ofolder, oobj = owner[s]
            if rank.get(ofolder, -1) > rank.get(folder, -1):
                errors.append(f"{o}: {folder}/ uses {s} from {oobj}, in {ofolder}/ above it")
    return len(objs)


def main(argv):
    objdir = None
    if len(argv) > 2 and argv[1] == "--objects":
        objdir = argv[2]
        argv = argv[2:]
    src = argv[1] if len(argv) > 1 else "src"
    order, sections = stack(src)
    rank = {name: i for i, name in enumerate(order)}
    errors = []
    folders = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    for d in folders:
        if d not in rank:
            errors.append(f"{src}/{d}/: no '## {d}/' section in {src}/README.md")
    for d in order:
        if d not in folders:
            errors.append(f"{src}/README.md: '## {d}/' names no folder")
    for f in sorted(os.listdir(src)):
        if os.path.isfile(os.path.join(src, f)) and f != "README.md":
            errors.append(f"{src}/{f}: a file outside the stage folders")
    nfiles = 0
    for d in folders:
        if d not in rank:
            continue
        for f in sorted(os.listdir(os.path.join(src, d))):
            if f.endswith((".c", ".h", ".def", ".inc")):
                check_includes(os.path.join(src, d, f), d, rank, src, errors)
                nfiles += 1
                if not re.search(r"(?<![\w.])" + re.escape(f) + r"(?!\w)", sections[d]):
                    errors.append(f"{src}/{d}/{f}: not named in the '## {d}/' section of {src}/README.md")
    root = os.path.dirname(os.path.abspath(src))
    for g, folder in GRAMMAR.items():
        p = os.path.join(root, g)
        if os.path.exists(p):
            check_includes(p, folder, rank, src, errors)
    nobj = check_objects(objdir, src, rank, errors) if objdir else 0
    for e in errors:
        print("layers: " + e, file=sys.stderr)
    if errors:
        print(f"layers: {len(errors)} problem(s); the stack is {' < '.join(order)}", file=sys.stderr)
        return 1
    print(f"layers: ok ({len(order)} folders, {nfiles} files, {nobj} objects): {' < '.join(order)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
