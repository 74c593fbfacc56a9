#!/bin/sh
# tests/suites/import_bulk.sh - `girc import` over a tree never loses data.
# A tree made here holds nested directories, two pages called index.html
# in two sites, NAME.html beside NAME.txt, .shtml, .jsp and extensionless
# pages, a symbolic link to a page, a link back up the tree (a loop), a
# broken link, an image, random bytes, an empty file, a PDF, a hidden page
# and a .git directory, and (when not run as root) an unreadable file. Checked:
#   - -o DIR is made when missing (with parents); the output tree mirrors
#     the input's; NAME.html and NAME.txt become NAME.html.gir and
#     NAME.txt.gir; every page is considered by content, whatever its name;
#   - each skipped file is listed with its reason (a hidden file or
#     directory too, once, not walked); a PDF is an error;
#   - the tally's counts equal the files on disk and the listing;
#   - the per-file line says what was written, never "ok" ("通过");
#   - two inputs that would write one output are both refused (E0010)
#     naming each other, before anything is written; an output that is its
#     own input is refused (E0011) and the input is untouched;
#   - -j 3 prints what -j 1 prints; JSON lines for files and the tally;
#   - with --check and no -o, no diagnostic names a .gir that was not
#     written; -o naming a file is an I/O error;
#   - an input that lacks a table (E1062) is written whole, its line says
#     "with errors" and the tally counts it among the imported with errors;
#     so is one cut off inside a table (E1064), in zh, en and JSON.
# Prints one "ok - NAME" / "not ok - NAME" line per test.
GIRC=${GIRC:-build/girc}
D=tests/import
T=$(mktemp -d "${TMPDIR:-/tmp}/girc-bulk.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi; }
imp() { "$GIRC" --color=never --lang=zh import "$@"; }

# ---- the tree ----
I=$T/in
mkdir -p "$I/siteA" "$I/siteB" "$I/sub/deep"
cp $D/corpus/pingtan-2021.html "$I/siteA/index.html"
cp $D/corpus/pingtan-2023.html "$I/siteB/index.html"
cp $D/corpus/pingtan-2019.html "$I/report.html"
cp $D/corpus/seed-mahekou-2020.txt "$I/report.txt"
cp $D/corpus/pingtan-2021.html "$I/sub/page.shtml"
cp $D/corpus/pingtan-2023.html "$I/sub/deep/view.jsp"
cp $D/corpus/pingtan-2021.txt "$I/sub/noext"
ln -s ../siteA/index.html "$I/sub/link.html"
ln -s .. "$I/sub/loop"
ln -s nowhere "$I/broken"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$I/logo.png"
awk 'BEGIN { srand(7); for (i = 0; i < 3000; i++) printf "%c", int(rand() * 256) }' > "$I/blob.dat"
: > "$I/empty.txt"
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<<>>\nendobj\n' > "$I/doc.pdf"
cp $D/golden/pingtan-2021.html.gir "$I/old.gir"
cp $D/corpus/pingtan-2019.html "$I/.hidden.html"
mkdir -p "$I/.git/objects" && echo 'ref: refs/heads/main' > "$I/.git/HEAD"
unreadable=0
if [ "$(id -u)" -ne 0 ]; then
  cp $D/corpus/pingtan-2021.txt "$I/secret.txt"; chmod 000 "$I/secret.txt"; unreadable=1
fi

# ---- a tree into a missing, nested -o ----
O=$T/out/a/b
imp -o "$O" "$I" > "$T/b1.out" 2> "$T/b1.err"; st=$?
[ -d "$O" ]; check $? "-o DIR is made when missing, with its parents"
for f in siteA/index.gir siteB/index.gir report.html.gir report.txt.gir sub/page.gir sub/deep/view.gir sub/noext.gir sub/link.gir; do
  [ -s "$O/$f" ]; check $? "the output tree mirrors the input: $f"
done
sed 1d "$O/siteA/index.gir" > "$T/l1"; sed 1d "$O/sub/link.gir" > "$T/l2"   # the first comment names the file
cmp -s "$T/l1" "$T/l2"; check $? "a symbolic link to a page is followed"
"$GIRC" --color=never check "$O/sub/deep/view.gir" > /dev/null 2>&1; [ $? -le 1 ]
grep -q '^table 申请处理' "$O/sub/deep/view.gir"; check $? "a .jsp page is read as the HTML it is"
skipped() { grep -qF "$I/$1：跳过：$2" "$T/b1.out"; check $? "skipped and listed: $1 ($2)"; }
skipped sub/loop '符号链接指向已遍历的目录（循环）'
skipped broken '符号链接指向不存在的文件'
skipped logo.png '图片'
skipped blob.dat '二进制数据'
skipped empty.txt '空文件'
skipped old.gir '.gir 文件'
skipped .hidden.html '隐藏的文件或目录（名称以点开头，如 .git），未读取'
skipped .git '隐藏的文件或目录'
! grep -q '\.git/' "$T/b1.out"; check $? "a hidden directory is listed once, not walked"
[ $unreadable -eq 1 ] && skipped secret.txt '无法读取'
[ $unreadable -eq 0 ] && ok "an unreadable file is listed # SKIP running as root, chmod 000 does not stop root"
grep -qF "$I/doc.pdf：未导入（1 个错误）" "$T/b1.out" && grep -qF "$I/doc.pdf: error[E1030]" "$T/b1.err"
check $? "a PDF is considered by its content and given to the PDF reader (this one is damaged: E1030)"
grep -qF "$I/report.txt：已写入 $O/report.txt.gir" "$T/b1.out" && ! grep -q '：通过' "$T/b1.out"
check $? "without --check the per-file line says what was written, never ok"
[ $st -eq 1 ]; check $? "exit 1: one input failed"
# the tally against the disk and the listing
ondisk=$(find "$O" -name '*.gir' -type f | wc -l)
lines=$(grep -c "^$I/[^：]*：" "$T/b1.out")
wrote=$(grep -c "：已写入 " "$T/b1.out")
tail -n 1 "$T/b1.out" > "$T/tally"
nfiles=$(sed -n 's/^共 \([0-9]*\) 个文件：.*/\1/p' "$T/tally")
nimp=$(sed -n 's/.*导入 \([0-9]*\) 个（.*/\1/p' "$T/tally")
nfail=$(sed -n 's/.*失败 \([0-9]*\) 个.*/\1/p' "$T/tally")
nskip=$(sed -n 's/.*跳过 \([0-9]*\) 个.*/\1/p' "$T/tally")
nwrit=$(sed -n 's/.*写入 \([0-9]*\) 个 \.gir.*/\1/p' "$T/tally")
[ "$nwrit" = "$ondisk" ] && [ "$nwrit" = "$wrote" ] && [ "$ondisk" -eq 8 ]
check $? "tally: written ($nwrit) = .gir files on disk ($ondisk) = lines saying so ($wrote)"
[ "$nfiles" = "$lines" ] && [ $((nimp + nfail + nskip)) -eq "$nfiles" ] && [ "$nfail" -eq 1 ] && [ "$nskip" -eq $((8 + unreadable)) ]
check $? "tally: $nfiles files = $nimp imported + $nfail failed + $nskip skipped, one line each"

# ---- the same with -j 3, and as JSON ----
rm -rf "$T/out"
imp -j 3 -o "$O" "$I" > "$T/b3.out" 2> "$T/b3.err"; st3=$?
cmp -s "$T/b1.out" "$T/b3.out" && cmp -s "$T/b1.err" "$T/b3.err" && [ $st3 -eq $st ]
check $? "-j 3 prints what -j 1 prints"
rm -rf "$T/out"
imp --diagnostics=json -o "$O" "$I" > "$T/bj.out" 2> "$T/bj.err"
[ "$(grep -c '"kind":"file"' "$T/bj.out")" -eq "$nfiles" ] &&
  grep -q "\"kind\":\"tally\",\"files\":$nfiles,\"imported\":$nimp,.*\"failed\":$nfail,\"skipped\":$nskip,\"written\":$ondisk," "$T/bj.out" &&
  grep -q '"file":"[^"]*/logo.png","status":"skipped","written":false,"output":null,"reason":"image"' "$T/bj.out" &&
  grep -q '"file":"[^"]*/report.txt","status":"ok","written":true,"output":"[^"]*/report.txt.gir"' "$T/bj.out"
check $? "JSON: one object per file with its status, output and reason, and the tally"

# ---- collisions: refused before anything is written ----
rm -rf "$T/out"
imp -o "$T/out" "$I/siteA" "$I/siteB" "$I/report.html" > "$T/c.out" 2> "$T/c.err"; stc=$?
grep -qF "$I/siteA/index.html: error[E0010]: 与“$I/siteB/index.html”写入同一个输出文件“$T/out/index.gir”" "$T/c.err" &&
  grep -qF "$I/siteB/index.html: error[E0010]: 与“$I/siteA/index.html”" "$T/c.err"
check $? "two inputs with one output: E0010 for each, naming the other"
[ ! -e "$T/out/index.gir" ] && [ -s "$T/out/report.gir" ] && [ $stc -eq 1 ] &&
  grep -q '^共 3 个文件：导入 1 个（其中 0 个有错误），失败 2 个，跳过 0 个；写入 1 个' "$T/c.out"
check $? "the colliding inputs write nothing, the others are imported, exit 1"
mkdir -p "$T/self"
cp $D/golden/pingtan-2021.html.gir "$T/self/x.gir"
imp -o "$T/self" "$T/self/x.gir" "$I/report.txt" > "$T/s.out" 2> "$T/s.err"
grep -qF "error[E0011]" "$T/s.err" && cmp -s "$T/self/x.gir" $D/golden/pingtan-2021.html.gir && [ -s "$T/self/report.gir" ]
check $? "an output that is its own input is refused (E0011) and the input is untouched"

# ---- no diagnostic names a .gir that was not written ----
imp --check "$I/siteA" "$I/report.txt" > "$T/k.out" 2> "$T/k.err"
grep -q '（导入结果，未写出）:[0-9]*:[0-9]*: ' "$T/k.err" && ! grep -q '\.gir:[0-9]' "$T/k.err" && ! grep -q '已写入' "$T/k.out"
check $? "--check without -o: diagnostics name the input as imported, never a .gir not written"
imp -o "$T/out/report.gir/x" "$I/siteA" > /dev/null 2> "$T/e.err"; [ $? -eq 2 ] && grep -q 'E0005' "$T/e.err"
check $? "-o under a file is an I/O error (E0005), exit 2"
imp -o "$T/one/" "$I/report.txt" > /dev/null 2>&1 && [ -s "$T/one/report.gir" ]
check $? "one input and -o DIR/: written to DIR/NAME.gir, DIR made"

# ---- an input that lacks a table: written whole, with errors, and said so ----
mkdir -p "$T/lack"
cp $D/damaged/no-table-4-2021.txt $D/corpus/pingtan-2021.txt "$T/lack/"
imp -o "$T/lack-out" "$T/lack" > "$T/lk.out" 2> "$T/lk.err"; stl=$?
[ $stl -eq 1 ] && grep -q "^$T/lack/no-table-4-2021.txt：已写入 $T/lack-out/no-table-4-2021.gir，有错误（1 个错误，[0-9]* 个警告）$" "$T/lk.out" &&
  grep -q "^$T/lack/pingtan-2021.txt：已写入 $T/lack-out/pingtan-2021.gir" "$T/lk.out" && ! grep -q 'pingtan-2021.gir，有错误' "$T/lk.out" &&
  grep -q '^共 2 个文件：导入 2 个（其中 1 个有错误），失败 0 个，跳过 0 个；写入 2 个 .gir 文件' "$T/lk.out" &&
  grep -q '^# 输入中没有表格 复议诉讼' "$T/lack-out/no-table-4-2021.gir" && grep -q 'error\[E1062\]' "$T/lk.err"
check $? "an input without a table: written whole, its line says 'with errors', the tally counts it imported with errors, exit 1"
"$GIRC" --color=never --lang=en import -o "$T/lack-en" "$T/lack" > "$T/lk.en" 2> /dev/null
grep -q "^$T/lack/no-table-4-2021.txt: wrote $T/lack-en/no-table-4-2021.gir, with errors (1 error, [0-9]* warnings\?)$" "$T/lk.en" &&
  grep -q '^2 files: 2 imported (1 with errors), 0 failed, 0 skipped; 2 .gir files written' "$T/lk.en"
check $? "the same in English: 'wrote …, with errors (…)', '2 imported (1 with errors)'"
imp --diagnostics=json -o "$T/lack-js" "$T/lack" 2> /dev/null | grep -q '"file":"[^"]*/no-table-4-2021.txt","status":"errors","written":true,'
check $? "JSON: the input without a table has status errors and written true"

# ---- an input cut off inside a table (E1064): the same ----
mkdir -p "$T/cut"
cp $D/corpus/excerpt-009.txt $D/damaged/truncated-2021.html $D/corpus/pingtan-2021.txt "$T/cut/"
imp -o "$T/cut-out" "$T/cut" > "$T/cut.out" 2> "$T/cut.err"; stc=$?
[ $stc -eq 1 ] && grep -q "^$T/cut/excerpt-009.txt：已写入 $T/cut-out/excerpt-009.gir，有错误（1 个错误，[0-9]* 个警告）$" "$T/cut.out" &&
  grep -q "^$T/cut/truncated-2021.html：已写入 $T/cut-out/truncated-2021.gir，有错误（1 个错误" "$T/cut.out" &&
  grep -q '^共 3 个文件：导入 3 个（其中 2 个有错误），失败 0 个，跳过 0 个；写入 3 个 .gir 文件' "$T/cut.out" &&
  [ "$(grep -c 'error\[E1064\]' "$T/cut.err")" -eq 2 ] && tail -n 1 "$T/cut-out/excerpt-009.gir" | grep -q '^\(}\|"""\|# .*\)$'
check $? "inputs cut off inside a table: written whole, 'with errors', counted imported with errors, exit 1"
"$GIRC" --color=never --lang=en import -o "$T/cut-en" "$T/cut" > "$T/cut.en" 2> "$T/cut.en.err"
grep -q "^$T/cut/excerpt-009.txt: wrote $T/cut-en/excerpt-009.gir, with errors (1 error" "$T/cut.en" &&
  grep -q '^3 files: 3 imported (2 with errors), 0 failed, 0 skipped; 3 .gir files written' "$T/cut.en" &&
  grep -q "error\[E1064\]: the input ends inside '三、收到和处理政府信息公开申请情况' (the report is cut short)" "$T/cut.en.err"
check $? "the same in English (E1064 'the input ends inside …', '3 imported (2 with errors)')"
imp --diagnostics=json -o "$T/cut-js" "$T/cut" 2> /dev/null | grep -q '"file":"[^"]*/excerpt-009.txt","status":"errors","written":true,'
check $? "JSON: the cut-off input has status errors and written true"
