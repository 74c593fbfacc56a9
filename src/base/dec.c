/* dec.c - exact decimal arithmetic with overflow detection. */
#include <stdio.h>
#include <string.h>
#include "dec.h"

dec_status dec_parse(const char *ip, const char *fp, int negative, gir_dec *out)
{
    int64_t m = 0;
    int scale = 0;
    while (*ip == '0' && ip[1]) ip++;
    for (; *ip; ip++)
        if (__builtin_mul_overflow(m, 10, &m) || __builtin_add_overflow(m, *ip - '0', &m)) return DEC_OVERFLOW;
    size_t fl = strlen(fp);
    while (fl > 0 && fp[fl - 1] == '0') fl--;   /* trailing zeros change nothing */
    if (fl > DEC_MAX_SCALE) return DEC_TOO_PRECISE;
    for (size_t i = 0; i < fl; i++) {
        if (__builtin_mul_overflow(m, 10, &m) || __builtin_add_overflow(m, fp[i] - '0', &m)) return DEC_OVERFLOW;
        scale++;
    }
    out->m = negative ? -m : m;
    out->scale = scale;
    return DEC_OK;
}

static dec_status align(gir_dec *a, gir_dec *b)
{
    while (a->scale < b->scale) {
        if (__builtin_mul_overflow(a->m, 10, &a->m)) return DEC_OVERFLOW;
        a->scale++;
    }
    while (b->scale < a->scale) {
        if (__builtin_mul_overflow(b->m, 10, &b->m)) return DEC_OVERFLOW;
        b->scale++;
    }
    return DEC_OK;
}

static gir_dec normal(gir_dec v)
{
    while (v.scale > 0 && v.m % 10 == 0) { v.m /= 10; v.scale--; }
    return v;
}

dec_status dec_add(gir_dec a, gir_dec b, gir_dec *out)
{
    if (align(&a, &b)) return DEC_OVERFLOW;
    if (__builtin_add_overflow(a.m, b.m, &out->m)) return DEC_OVERFLOW;
    out->scale = a.scale;
    *out = normal(*out);
    return DEC_OK;
}

dec_status dec_sub(gir_dec a, gir_dec b, gir_dec *out)
{
    if (align(&a, &b)) return DEC_OVERFLOW;
    if (__builtin_sub_overflow(a.m, b.m, &out->m)) return DEC_OVERFLOW;
    out->scale = a.scale;
    *out = normal(*out);
    return DEC_OK;
}

dec_status dec_shift(gir_dec a, int k, gir_dec *out)
{
    *out = a;
    while (k > 0 && out->scale > 0) { out->scale--; k--; }
    while (k > 0) {
        if (__builtin_mul_overflow(out->m, 10, &out->m)) return DEC_OVERFLOW;
        k--;
    }
    if (k < 0) {
        if (out->scale - k > DEC_MAX_SCALE + 4) return DEC_TOO_PRECISE;
        out->scale -= k;
    }
    *out = normal(*out);
    return DEC_OK;
}

int dec_cmp(gir_dec a, gir_dec b, int *ok)
{
    *ok = align(&a, &b) == DEC_OK;
    if (!*ok) return 0;
    return (a.m > b.m) - (a.m < b.m);
}

int dec_is_zero(gir_dec a) { return a.m == 0; }
int dec_is_integer(gir_dec a) { return normal(a).scale == 0; }

void dec_format_buf(gir_dec v, char *buf)
{
    v = normal(v);
    uint64_t mag = v.m < 0 ? (uint64_t)0 - (uint64_t)v.m : (uint64_t)v.m;
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
    char *p = buf;
    if (v.m < 0) *p++ = '-';
    if (v.scale == 0) { memcpy(p, digits, (size_t)n + 1); return; }
    if (n <= v.scale) {
        *p++ = '0'; *p++ = '.';
        for (int i = 0; i < v.scale - n; i++) *p++ = '0';
        memcpy(p, digits, (size_t)n + 1);
        return;
    }
    memcpy(p, digits, (size_t)(n - v.scale));
    p += n - v.scale;
    *p++ = '.';
    memcpy(p, digits + n - v.scale, (size_t)v.scale + 1);
}

char *dec_format(gir_arena *a, gir_dec v)
{
    char buf[48];
    dec_format_buf(v, buf);
    return arena_strdup(a, buf);
}
