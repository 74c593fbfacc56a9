#!/usr/bin/env python3
"""make-damaged.py - writes the small hostile PDFs of tests/suites/import_pdf.sh
(committed; run again only to change them): no-text.pdf (one page, an image
and no text: a scan), no-unicode.pdf (text in a font whose codes map to
Latin-1 garbage), encrypted.pdf (standard security handler, a user
password), truncated.pdf (the first 3000 bytes of hongze-gov-2024.pdf),
many-pages.pdf (1001 empty pages, over the page limit), table.pdf (a small
positioned table in ASCII, a seed for the fuzzer), dense.pdf (that table's
page, then a page of 13,000 characters: over the limit of one page, so
reading stops there with W1037)."""
import hashlib, os, zlib

PAD = bytes.fromhex('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')

def rc4(key, data):
    s = list(range(256)); j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256; s[i], s[j] = s[j], s[i]
    i = j = 0; out = bytearray()
    for b in data:
        i = (i + 1) % 256; j = (j + s[i]) % 256; s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)

def pdf(objs, trailer_extra=b''):
    out = bytearray(b'%PDF-1.4\n')
    offs = []
    for n, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % n + body + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, trailer_extra, x)
    return bytes(out)

def stream(data, extra=b''):
    return b'<< /Length %d %s>>\nstream\n' % (len(data), extra) + data + b'\nendstream'

def page(content, resources):
    return [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ' + resources + b' >>',
            stream(content)]

def no_text():
    objs = page(b'q 400 0 0 400 100 300 cm /Im1 Do Q', b'<< /XObject << /Im1 5 0 R >> >>')
    img = zlib.compress(bytes([0, 255, 255, 0]) * 1)
    objs.append(stream(img, b'/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode '))
    return pdf(objs)

def no_unicode():
    text = b'BT /F1 14 Tf 72 760 Td (\xbf\xa1\xd3\xbf\xa8\xac\xbf\xa1\xfe\xd3\xbf\xa1\xd3\xbf\xa8\xac) Tj 0 -20 Td (\xbf\xa1\xd3\xbf\xa8\xac\xbf\xa1\xfe\xd3 2024) Tj ET'
    objs = page(text, b'<< /Font << /F1 5 0 R >> >>')
    objs.append(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    return pdf(objs)

def encrypted():
    user, owner = b'secret', b'owner'
    ident = hashlib.md5(b'girc encrypted test').digest()
    okey = hashlib.md5((owner + PAD)[:32]).digest()[:5]
    O = rc4(okey, (user + PAD)[:32])
    P = -44
    key = hashlib.md5((user + PAD)[:32] + O + (P & 0xffffffff).to_bytes(4, 'little') + ident).digest()[:5]
    U = rc4(key, PAD)
    objs = page(b'BT /F1 14 Tf 72 760 Td (hello) Tj ET', b'<< /Font << /F1 5 0 R >> >>')
    objs.append(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    objs.append(b'<< /Filter /Standard /V 1 /R 2 /O <' + O.hex().encode() + b'> /U <' + U.hex().encode() + b'> /P %d >>' % P)
    return pdf(objs, b'/Encrypt 6 0 R /ID [<' + ident.hex().encode() + b'> <' + ident.hex().encode() + b'>] ')

here = os.path.dirname(os.path.abspath(__file__))
for name, data in (('no-text.pdf', no_text()), ('no-unicode.pdf', no_unicode()), ('encrypted.pdf', encrypted())):
    open(os.path.join(here, name), 'wb').write(data)
src = open(os.path.join(here, 'hongze-gov-2024.pdf'), 'rb').read()
open(os.path.join(here, 'truncated.pdf'), 'wb').write(src[:3000])
kids = b' '.join(b'%d 0 R' % (3 + i) for i in range(1001))
many = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [' + kids + b'] /Count 1001 >>']
many += [b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'] * 1001
open(os.path.join(here, 'many-pages.pdf'), 'wb').write(pdf(many))
# a small positioned table (ASCII: the fuzzer's seed of the layout code)
rows = [(b'Item', b'A', b'B', b'Total'), (b'first', b'1', b'2', b'3'), (b'second row', b'40', b'5', b'45'),
        (b'wrapped', b'', b'', b''), (b'label', b'6', b'0', b'6')]
ops = b'BT /F1 11 Tf'
for r, cells in enumerate(rows):
    for c, t in enumerate(cells):
        if t:
            ops += b' 1 0 0 1 %d %d Tm (%s) Tj' % (72 + c * 110, 700 - r * 16, t)
ops += b' 1 0 0 1 280 60 Tm (- 1 -) Tj ET'
table = page(ops, b'<< /Font << /F1 5 0 R >> >>')
table.append(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
open(os.path.join(here, 'table.pdf'), 'wb').write(pdf(table))
# the table's page, then a page denser than any report's (130 lines of 100 characters)
line = b'x1' * 50
ops2 = b'BT /F1 4 Tf' + b''.join(b' 1 0 0 1 20 %d Tm (%s) Tj' % (820 - r * 6, line) for r in range(130)) + b' ET'
dense = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
         b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
         stream(ops), b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
         b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
         stream(ops2)]
open(os.path.join(here, 'dense.pdf'), 'wb').write(pdf(dense))
