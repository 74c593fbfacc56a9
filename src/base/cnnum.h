/* cnnum.h - numbers written in Chinese numerals (二十三, 一百零五, 两, 廿,
 * 1万2千), as the prose of a report quotes counts, and digit strings
 * (二〇二四) as dates write years. Only the standard forms are read: a
 * form that could be read two ways (二三, 一百五, 一万二, 两十) is not a
 * number. */
#ifndef GIR_CNNUM_H
#define GIR_CNNUM_H
#include <stddef.h>

/* The numeral of the longest run of numeral characters (and ASCII digits
 * used as coefficients, 1万2千) starting at p: its byte length, and its
 * value in *v. 0 when the run is not one well-formed numeral, or holds
 * no Chinese numeral character (plain digits are the caller's). */
size_t cnnum_parse(const unsigned char *p, const unsigned char *e, long long *v);
/* A string of at least two Chinese digits (〇/零 一 … 九: 二〇二四) at p:
 * its byte length and its value (2024); 0 if none. */
size_t cnnum_digits(const unsigned char *p, const unsigned char *e, long long *v);
#endif
