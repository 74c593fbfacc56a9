/* sniff.c - the form of an input from its first bytes (sniff.h). The
 * signatures are the formats' own: "%PDF-" (a PDF may have up to 1 KB of
 * junk before it, which readers accept), "PK\3\4" (zip; "PK\5\6" alone, an empty one), D0 CF 11 E0 A1
 * B1 1A E1 (OLE2), and the magic numbers of the images and archives that
 * portals attach. Text is what is left when the first 4 KB have almost
 * no control bytes; HTML is text that starts like a page (html.h). */
#include <string.h>
#include "html.h"
#include "sniff.h"

static int starts(const char *s, size_t n, const char *sig, size_t k)
{
    return n >= k && memcmp(s, sig, k) == 0;
}

static int has_pdf_header(const char *s, size_t n)
{
    size_t lim = n < 1024 ? n : 1024;
    for (size_t i = 0; i + 5 <= lim; i++)
        if (s[i] == '%' && memcmp(s + i, "%PDF-", 5) == 0)
            return 1;
    return 0;
}

/* Known binary formats that are not reports in any form we read. */
static int other_binary(const char *s, size_t n)
{
    static const struct { const char *sig; size_t k; } v[] = {
        {"\x89PNG", 4}, {"\xFF\xD8\xFF", 3}, {"GIF8", 4}, {"\x1F\x8B", 2},
        {"Rar!", 4}, {"7z\xBC\xAF", 4}, {"BM", 2}, {"II*\0", 4}, {"MM\0*", 4},
        {"\x7F" "ELF", 4}, {"{\\rtf", 5},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (starts(s, n, v[i].sig, v[i].k))
            return 1;
    return 0;
}

/* Control bytes other than tab, CR, LF, FF and ESC in the first 4 KB:
 * more than 1 in 32 is not text in any encoding we decode (UTF-16 is
 * recognised by its BOM first). */
static int mostly_control(const char *s, size_t n)
{
    size_t lim = n < 4096 ? n : 4096, bad = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x1B)
            bad++;
    }
    return lim && bad * 32 > lim;
}

imp_form imp_sniff(const char *s, size_t n)
{
    if (has_pdf_header(s, n))
        return IMP_FORM_PDF;
    if (starts(s, n, "PK\3\4", 4) || starts(s, n, "PK\5\6", 4))   /* an empty zip is its end record */
        return IMP_FORM_ZIP;
    if (starts(s, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return IMP_FORM_OLE;
    if (starts(s, n, "\xFF\xFE", 2) || starts(s, n, "\xFE\xFF", 2))
        return IMP_FORM_TEXT;
    if (other_binary(s, n))
        return IMP_FORM_BINARY;
    if (imp_looks_html(s, n))
        return IMP_FORM_HTML;
    if (mostly_control(s, n))
        return IMP_FORM_BINARY;
    return IMP_FORM_TEXT;
}

const char *imp_form_name(imp_form f)
{
    switch (f) {
    case IMP_FORM_HTML: return "HTML";
    case IMP_FORM_PDF: return "PDF";
    case IMP_FORM_ZIP: return "zip";
    case IMP_FORM_OLE: return "OLE";
    case IMP_FORM_BINARY: return "binary";
    case IMP_FORM_TEXT: break;
    }
    return "text";
}
