/* dec.h - exact decimals for cell values: value = m / 10^scale. No
 * floating point anywhere; overflow is detected, never wraps. */
#ifndef GIR_DEC_H
#define GIR_DEC_H
#include <stdint.h>
#include "arena.h"

#define DEC_MAX_SCALE 12

typedef struct gir_dec { int64_t m; int scale; } gir_dec;

typedef enum { DEC_OK = 0, DEC_OVERFLOW, DEC_TOO_PRECISE } dec_status;

/* From ASCII digit strings (int part, fraction part) and a sign. */
dec_status dec_parse(const char *int_digits, const char *frac_digits, int negative, gir_dec *out);
dec_status dec_add(gir_dec a, gir_dec b, gir_dec *out);
dec_status dec_sub(gir_dec a, gir_dec b, gir_dec *out);
/* Multiplies by 10^k (k may be negative: then only the scale changes). */
dec_status dec_shift(gir_dec a, int k, gir_dec *out);
/* -1, 0, 1; *ok set to 0 if the two could not be aligned. */
int dec_cmp(gir_dec a, gir_dec b, int *ok);
int dec_is_zero(gir_dec a);
int dec_is_integer(gir_dec a);
/* Shortest exact text: "17", "-8", "39.7265". */
char *dec_format(gir_arena *a, gir_dec v);
/* Same, into a caller buffer of at least 48 bytes. */
void dec_format_buf(gir_dec v, char *buf);
#endif
