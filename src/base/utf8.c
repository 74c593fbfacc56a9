/* utf8.c - strict UTF-8 decoding; widths come from utf8proc so that no
 * locale-dependent wcwidth() is involved. */
#include <utf8proc.h>
#include "utf8.h"

int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_cp_width(uint32_t cp)
{
    if (cp == 0) return 0;
    if (cp < 0x20 || cp == 0x7F) return 0;
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    return w < 0 ? 1 : w;
}

size_t utf8_width(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    size_t w = 0;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) { w++; p++; continue; }
        w += (size_t)utf8_cp_width(cp);
        p += k;
    }
    return w;
}

long utf8_find_invalid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) return (long)(p - (const unsigned char *)s);
        p += k;
    }
    return -1;
}
