#!/usr/bin/env python3
"""tests/import/docx/make.py - the .docx inputs of tests/suites/import_docx.sh
that LibreOffice does not make: Word's ways of writing a document, and
damaged or hostile files. Made from the LibreOffice files of
tests/import/forms/docx/ by editing their XML (python3 zipfile only), so
each keeps the cells of the report it came from:

  word-2021.docx     pingtan-2021 as Word writes it: bare <w:vMerge/> for a
                     continued merge, tracked changes (a deleted value and
                     its inserted correction, a deleted row), content
                     controls (around a run, a cell and a paragraph), the
                     申请处理 table split over two w:tbl, a footnote mark
                     after a value, a value split over runs, bookmarks and
                     proofing marks, a field (its code is not text), a text
                     box in mc:AlternateContent (read once, not twice), an
                     embedded Excel object (w:object, not read: N1048)
  word-2019.docx     pingtan-2019 in the Strict namespace, its main part
                     named word/main.xml (found through _rels/.rels)
  layout.docx        pingtan-2021 with its whole body inside a one-cell
                     layout table (a page saved as Word), tables nested in it
  no-table-3.docx    pingtan-2021 without its last table (复议诉讼) and the
                     heading of its part
  truncated.docx     pingtan-2021.docx cut in half
  plain.zip.docx     a zip of one text file
  empty.zip.docx     a zip of no file (its end record alone)
  workbook.docx      a zip shaped like an Excel workbook
  odt.docx           a zip shaped like an OpenDocument text
  bad-xml.docx       word/document.xml cut in the middle of an element
  bomb.docx          word/document.xml of 80 MB (spaces), deflated
  bomb-liar.docx     the same, its zip directory claiming 2,000 bytes
  xxe.docx           a DTD with <!ENTITY x SYSTEM "file:///etc/passwd">
                     and &x; in the text
  legacy.doc         the first bytes of an OLE compound file
  encrypted.docx     an OLE file holding an EncryptedPackage stream, as a
                     password-protected .docx is
  tiny.docx          the smallest report: one table, for the fuzz seeds
                     and the allocation-failure sweep

Run it from anywhere: python3 tests/import/docx/make.py (it writes next to
itself). The outputs are committed; the suite reads them.

python3 tests/import/docx/make.py big N OUT writes OUT: pingtan-2021.docx
with its 申请处理 table N times (the size measurements; not committed)."""
import io, os, re, struct, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.join(HERE, '..', 'forms', 'docx')
W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main'
INS = ' w:id="%d" w:author="审核人" w:date="2022-01-20T10:00:00Z"'


def read(name):
    with zipfile.ZipFile(os.path.join(FORMS, name)) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def zipped(parts, order=None):
    """The zip of parts, the same bytes every run (fixed dates)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for n in (order or parts):
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), parts[n], zipfile.ZIP_DEFLATED)
    return buf


def write(name, parts, order=None):
    buf = zipped(parts, order)
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(buf.getvalue())
    return buf.getvalue()


def tables(doc):
    return [m.span() for m in re.finditer(r'<w:tbl>.*?</w:tbl>', doc, re.S)]


def rows(tbl):
    return [m.span() for m in re.finditer(r'<w:tr>.*?</w:tr>', tbl, re.S)]


def once(s, old, new):
    assert s.count(old) >= 1, old
    return s.replace(old, new, 1)


def value_run(doc, v):
    """The whole <w:r> holding <w:t>v</w:t> (the first one)."""
    i = doc.index('<w:t>%s</w:t>' % v)
    b = doc.rindex('<w:r>', 0, i)
    e = doc.index('</w:r>', i) + 6
    return b, e


def word_2021():
    p = read('pingtan-2021.docx')
    d = p['word/document.xml'].decode()
    d = d.replace('<w:vMerge w:val="continue"/>', '<w:vMerge/>')
    # tracked change: 2239 deleted, 2293 inserted
    b, e = value_run(d, '2293')
    run = d[b:e]
    d = d[:b] + ('<w:del%s><w:r><w:delText>2239</w:delText></w:r></w:del>' % (INS % 901)) + \
        ('<w:ins%s>%s</w:ins>' % (INS % 902, run)) + d[e:]
    # a value split over runs, with proofing marks and a bookmark
    b, e = value_run(d, '665')
    d = d[:b] + '<w:r><w:t>6</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="7" w:name="v"/>' \
        '<w:r><w:t xml:space="preserve">65</w:t></w:r><w:bookmarkEnd w:id="7"/><w:proofErr w:type="spellEnd"/>' + d[e:]
    # content control around a run
    b, e = value_run(d, '1282')
    d = d[:b] + '<w:sdt><w:sdtPr><w:alias w:val="行政处罚"/><w:id w:val="11"/></w:sdtPr><w:sdtContent>' + \
        d[b:e] + '</w:sdtContent></w:sdt>' + d[e:]
    # content control around a whole cell
    i = d.index('<w:t>42</w:t>')
    b = d.rindex('<w:tc>', 0, i)
    e = d.index('</w:tc>', i) + 7
    d = d[:b] + '<w:sdt><w:sdtPr><w:id w:val="12"/></w:sdtPr><w:sdtContent>' + d[b:e] + \
        '</w:sdtContent></w:sdt>' + d[e:]
    # a footnote mark after a value
    b, e = value_run(d, '24252.311082')
    d = d[:e] + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' + d[e:]
    # a deleted row in the first table
    t0 = tables(d)[0]
    r = rows(d[t0[0]:t0[1]])
    last = d[t0[0] + r[-1][0]:t0[0] + r[-1][1]]
    junk = re.sub(r'<w:t>[^<]*</w:t>', '<w:t>9999</w:t>', last)
    junk = junk.replace('<w:trPr></w:trPr>', '<w:trPr><w:del%s/></w:trPr>' % (INS % 903), 1)
    d = d[:t0[0] + r[-1][1]] + junk + d[t0[0] + r[-1][1]:]
    # the second table split in two where its first column starts a cell
    t1 = tables(d)[1]
    tb = d[t1[0]:t1[1]]
    r = rows(tb)
    cut = next(k for k in range(12, len(r)) if '<w:vMerge/>' not in tb[r[k][0]:r[k][1]].split('</w:tc>')[0])
    head = tb[:tb.index('<w:tr>')]
    tb = tb[:r[cut][0]] + '</w:tbl><w:p><w:pPr><w:pStyle w:val="TextBody"/></w:pPr></w:p>' + head + tb[r[cut][0]:]
    d = d[:t1[0]] + tb + d[t1[1]:]
    # a text box in mc:AlternateContent, a field and a content control before the first table
    box = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="90" name="框"/>'
           '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
           '<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>附：文本框说明</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
           '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
           '<w:txbxContent><w:p><w:r><w:t>附：文本框说明</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r></w:p>'
           '<w:p><w:r><w:t xml:space="preserve">见网址 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.pingtan.gov.cn" </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>平潭网站</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
           '<w:sdt><w:sdtPr><w:id w:val="13"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>'
           '<w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'
           '<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:400pt;height:200pt"/>'
           '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" r:id="rId99"/>'
           '</w:object></w:r></w:p>')
    t0 = tables(d)[0]
    d = d[:t0[0]] + box + d[t0[0]:]
    p['word/document.xml'] = d.encode()
    write('word-2021.docx', p)


def word_2019():
    p = read('pingtan-2019.docx')
    d = p.pop('word/document.xml').decode().replace(W_NS, W_STRICT)
    p['word/main.xml'] = d.encode()
    rel = p['_rels/.rels'].decode()
    p['_rels/.rels'] = once(rel, 'Target="word/document.xml"', 'Target="/word/main.xml"').encode()
    ct = p['[Content_Types].xml'].decode()
    p['[Content_Types].xml'] = once(ct, 'PartName="/word/document.xml"', 'PartName="/word/main.xml"').encode()
    if 'word/_rels/document.xml.rels' in p:
        p['word/_rels/main.xml.rels'] = p.pop('word/_rels/document.xml.rels')
    write('word-2019.docx', p)


def layout():
    p = read('pingtan-2021.docx')
    d = p['word/document.xml'].decode()
    b = d.index('<w:body>') + 8
    e = d.rindex('<w:sectPr')
    d = d[:b] + '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc>' + d[b:e] + \
        '<w:p/></w:tc></w:tr></w:tbl>' + d[e:]
    p['word/document.xml'] = d.encode()
    write('layout.docx', p)


def no_table_3():
    p = read('pingtan-2021.docx')
    d = p['word/document.xml'].decode()
    t = tables(d)[2]
    d = d[:t[0]] + d[t[1]:]
    # and the heading of its part, so that nothing of the part is left
    h = d.index('四、政府信息公开行政复议')
    d = d[:d.rindex('<w:p>', 0, h)] + d[d.index('</w:p>', h) + 6:]
    p['word/document.xml'] = d.encode()
    write('no-table-3.docx', p)


def damaged():
    with open(os.path.join(FORMS, 'pingtan-2021.docx'), 'rb') as f:
        whole = f.read()
    with open(os.path.join(HERE, 'truncated.docx'), 'wb') as f:
        f.write(whole[:len(whole) // 2])
    write('plain.zip.docx', {'readme.txt': '不是报告'.encode()})
    write('empty.zip.docx', {})
    write('workbook.docx', {
        '[Content_Types].xml': b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        '_rels/.rels': b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': b'<workbook/>'})
    write('odt.docx', {'mimetype': b'application/vnd.oasis.opendocument.text', 'content.xml': b'<office:document-content/>'})
    p = read('pingtan-2021.docx')
    d = p['word/document.xml']
    p['word/document.xml'] = d[:len(d) // 2]
    write('bad-xml.docx', p)
    big = b'<?xml version="1.0"?><w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>' % W_NS.encode() + \
        b' ' * (80 << 20) + b'</w:t></w:r></w:p></w:body></w:document>'
    p = read('pingtan-2021.docx')
    p['word/document.xml'] = big
    data = write('bomb.docx', p)
    # the liar: every size field of word/document.xml says 2000
    z = zipfile.ZipFile(io.BytesIO(data))
    info = z.getinfo('word/document.xml')
    data = bytearray(data)
    lh = info.header_offset
    struct.pack_into('<I', data, lh + 22, 2000)
    at = 0
    while True:
        at = data.index(b'PK\x01\x02', at)
        nlen = struct.unpack_from('<H', data, at + 28)[0]
        if data[at + 46:at + 46 + nlen] == b'word/document.xml':
            struct.pack_into('<I', data, at + 24, 2000)
            break
        at += 4
    with open(os.path.join(HERE, 'bomb-liar.docx'), 'wb') as f:
        f.write(bytes(data))
    p = read('pingtan-2021.docx')
    d = p['word/document.xml'].decode()
    d = once(d, '?>', '?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y "内部实体">]>')
    d = once(d, '<w:t>信息内容</w:t>', '<w:t>信息内容&x;&y;</w:t>')
    p['word/document.xml'] = d.encode()
    write('xxe.docx', p)
    with open(os.path.join(HERE, 'legacy.doc'), 'wb') as f:
        f.write(b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 504)
    with open(os.path.join(HERE, 'encrypted.docx'), 'wb') as f:
        f.write(b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 504 + 'EncryptedPackage'.encode('utf-16-le') + b'\0' * 46)


def tiny():
    p = read('pingtan-2021.docx')
    d = p['word/document.xml'].decode()
    t = tables(d)
    body0 = d.index('<w:body>') + 8
    sect = d.rindex('<w:sectPr')
    d = d[:body0] + '<w:p><w:r><w:t>某局2021年政府信息公开工作年度报告</w:t></w:r></w:p>' + \
        '<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>' + d[t[0][0]:t[0][1]] + d[sect:]
    p['word/document.xml'] = d.encode()
    keep = ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml']
    write('tiny.docx', {k: p[k] for k in keep}, keep)


def big(n, out):
    p = read('pingtan-2021.docx')
    d = p['word/document.xml'].decode()
    t = tables(d)[1]
    copy = '<w:p><w:r><w:t>表格副本</w:t></w:r></w:p>' + d[t[0]:t[1]]
    p['word/document.xml'] = (d[:t[1]] + copy * (n - 1) + d[t[1]:]).encode()
    buf = zipped(p)
    with open(out, 'wb') as f:
        f.write(buf.getvalue())


if len(sys.argv) == 4 and sys.argv[1] == 'big':
    big(int(sys.argv[2]), sys.argv[3])
    sys.exit(0)
word_2021()
word_2019()
layout()
no_table_3()
damaged()
tiny()
