/* label.c - label folding (utf8proc NFKC) and edit distance. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "label.h"
#include "utf8.h"

/* Longer than any label: folded only in part, and then never equal to a
 * label (time and memory stay bounded on a megabyte-long row label). */
#define FOLD_MAX 1024u
/* utf8proc puts combining marks in canonical order in quadratic time: a
 * longer run (no real label has one) is not normalised. */
#define COMBINING_RUN_MAX 32u

static int long_combining_run(const char *s)
{
    size_t run = 0;
    const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
    while (p < e) {
        uint32_t cp;
        int m = utf8_decode(p, e, &cp);
        if (m < 1) { run = 0; p++; continue; }
        p += (size_t)m;
        if (!utf8proc_get_property((utf8proc_int32_t)cp)->combining_class) run = 0;
        else if (++run > COMBINING_RUN_MAX) return 1;
    }
    return 0;
}

char *label_fold(gir_arena *a, const char *s)
{
    size_t sl = strlen(s);
    int cut = sl > FOLD_MAX;
    if (cut) {
        sl = FOLD_MAX;
        while (sl && ((unsigned char)s[sl] & 0xC0) == 0x80) sl--;   /* a character boundary */
        s = arena_strndup(a, s, sl);
    }
    /* NFKC as utf8proc_map does it, but into arena memory: malloc'd
     * memory would leak when an arena allocation below runs out of memory
     * and longjmps to the compile driver. */
    const utf8proc_option_t opt = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
    const char *src = s;
    utf8proc_ssize_t n = long_combining_run(s) ? -1 : utf8proc_decompose((const utf8proc_uint8_t *)s, 0, NULL, 0, opt);
    if (n >= 0) {
        utf8proc_int32_t *nf = arena_alloc(a, ((size_t)n + 1) * sizeof *nf);
        if (nf && utf8proc_decompose((const utf8proc_uint8_t *)s, 0, nf, n, opt) == n &&
            utf8proc_reencode(nf, n, opt) >= 0)
            src = (const char *)nf;
    }
    size_t len = strlen(src);
    char *out = arena_alloc(a, len + 2);
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)src, *e = p + len;
    while (p < e) {
        uint32_t cp;
        int m = utf8_decode(p, e, &cp);
        if (m < 0) { out[k++] = (char)*p++; continue; }
        p += (size_t)m;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0) continue;
        if (cp == 0x201C || cp == 0x201D) cp = '"';
        if (cp == 0x2018 || cp == 0x2019) cp = '\'';
        if (cp == 0x3002) cp = '.';  /* 。 */
        k += (size_t)utf8_encode(cp, out + k);
    }
    if (cut) out[k++] = '\x01';   /* no label contains it */
    out[k] = 0;
    return out;
}

char *label_fold_loose(gir_arena *a, const char *s)
{
    char *f = label_fold(a, s);
    size_t n = strlen(f);
    /* strip one trailing "(...)" annotation if something remains before it */
    if (n > 2 && f[n - 1] == ')') {
        int depth = 0;
        for (size_t i = n; i-- > 0;) {
            if (f[i] == ')') depth++;
            else if (f[i] == '(' && --depth == 0) {
                if (i > 0) f[i] = 0;
                break;
            }
        }
    }
    return f;
}

size_t label_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static size_t to_cps(const char *s, uint32_t *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
    size_t n = 0;
    while (p < e && n < cap) {
        uint32_t cp;
        int m = utf8_decode(p, e, &cp);
        if (m < 0) { cp = *p; m = 1; }
        out[n++] = cp;
        p += m;
    }
    return n;
}

size_t label_distance(const char *a, const char *b, size_t max)
{
    enum { CAP = 128 };
    uint32_t x[CAP], y[CAP];
    size_t n = to_cps(a, x, CAP), m = to_cps(b, y, CAP);
    if ((n > m ? n - m : m - n) > max) return max + 1;
    size_t prev[CAP + 1], cur[CAP + 1];
    for (size_t j = 0; j <= m; j++) prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= m; j++) {
            size_t c = prev[j - 1] + (x[i - 1] != y[j - 1]);
            if (prev[j] + 1 < c) c = prev[j] + 1;
            if (cur[j - 1] + 1 < c) c = cur[j - 1] + 1;
            cur[j] = c;
            if (c < best) best = c;
        }
        if (best > max) return max + 1;
        memcpy(prev, cur, (m + 1) * sizeof *prev);
    }
    return prev[m];
}
