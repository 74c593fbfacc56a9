/* utf8.h - strict UTF-8 decoding and display width (utf8proc). */
#ifndef GIR_UTF8_H
#define GIR_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (s < end). Returns its length in bytes
 * (1-4), or -1 for an invalid or truncated sequence (overlongs,
 * surrogates and values above U+10FFFF are invalid). */
static inline int utf8_decode(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
    /* inline: the lexer and the prose checks decode every character */
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; min = 0x10000; }
    else return -1;
    if (end - s < n) return -1;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return -1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return -1;
    *cp = v;
    return n;
}
/* Encodes cp into out (at least 4 bytes); returns the length. */
int utf8_encode(uint32_t cp, char *out);
/* Display width of a code point: 0 (combining, control), 1 or 2 (East
 * Asian Wide and Fullwidth). */
int utf8_cp_width(uint32_t cp);
/* Display width of a UTF-8 string of n bytes (invalid bytes count 1). */
size_t utf8_width(const char *s, size_t n);
/* Byte offset of the first invalid sequence, or -1 when all valid. */
long utf8_find_invalid(const char *s, size_t n);
#endif
