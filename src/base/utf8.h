/* utf8.h - strict UTF-8 decoding and display width (utf8proc). */
#ifndef GIR_UTF8_H
#define GIR_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (s < end). Returns its length in bytes
 * (1-4), or -1 for an invalid or truncated sequence (overlongs,
 * surrogates and values above U+10FFFF are invalid). */
int utf8_decode(const unsigned char *s, const unsigned char *end, uint32_t *cp);
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
