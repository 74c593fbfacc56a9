/* units.c - the folded unit stream's shared helpers (units.h): folding a
 * code point or a label (NFKC per code point with utf8proc: full-width
 * letters, digits and punctuation to ASCII; quotes and zero-width
 * characters dropped; white space and '|' as separator units), comparing
 * code points, finding a folded label in the stream, and mapping units
 * back to the input (spans, lines, text). */
#include <string.h>
#include <utf8proc.h>
#include "base/utf8.h"
#include "units.h"

int imp_is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x1680;
}

static int dropped_cp(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD || cp == '"' ||
           cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
           (cp >= 0x300C && cp <= 0x300F) || cp == 0xFF02 || cp == 0xFF07 || cp == 0x2032 || cp == 0x2033;
}

int imp_is_sep(uint32_t cp) { return cp == U_SP || cp == U_NL || cp == U_PIPE; }

static int minor_punct(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == 0x3001 || cp == 0x3002 || cp == 0xB7 ||
           cp == 0x30FB || cp == 0xFF64;
}

int imp_cp_eq(uint32_t a, uint32_t b) { return a == b || (minor_punct(a) && minor_punct(b)); }

/* Folds one code point into out (up to 8); returns how many. */
int imp_fold_cp(uint32_t cp, uint32_t *out)
{
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        out[0] = U_NL;
        return 1;
    }
    if (imp_is_space_cp(cp)) {
        out[0] = U_SP;
        return 1;
    }
    if (cp == '|' || cp == 0xFF5C || cp == 0x2502 || cp == 0xFFE8) {
        out[0] = U_PIPE;
        return 1;
    }
    if (dropped_cp(cp) || cp < 0x20 || cp == 0x7F)
        return 0;
    if (cp == 0x2212 || cp == 0xFF0D || cp == 0xFE63) {
        out[0] = '-';
        return 1;
    }
    utf8proc_int32_t d[8];
    int last = 0;
    utf8proc_ssize_t n =
        utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n <= 0 || n > 8) {
        out[0] = cp;
        return 1;
    }
    int k = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        uint32_t x = (uint32_t)d[i];
        if (imp_is_space_cp(x) || dropped_cp(x))
            continue;
        /* decomposition leaves combining marks; they never matter in labels */
        if (utf8proc_category((utf8proc_int32_t)x) == UTF8PROC_CATEGORY_MN)
            continue;
        out[k++] = x;
    }
    return k;
}

size_t imp_fold_str(gir_arena *a, const char *str, uint32_t **out)
{
    size_t len = strlen(str), n = 0;
    uint32_t *v = arena_alloc(a, (len * 2 + 1) * sizeof *v);
    const unsigned char *p = (const unsigned char *)str, *e = p + len;
    while (p < e) {
        uint32_t cp, f[8];
        int k = utf8_decode(p, e, &cp);
        if (k < 0) {
            cp = 0xFFFD;
            k = 1;
        }
        p += k;
        int m = imp_fold_cp(cp, f);
        for (int i = 0; i < m; i++)
            if (!imp_is_sep(f[i]) && n < len * 2)
                v[n++] = f[i];
    }
    *out = v;
    return n;
}

/* ---- positions ---- */

static uint32_t in_off(const imp_ctx *c, uint32_t wb)
{
    if (wb > c->w.n)
        wb = c->w.n;
    return c->w.map ? c->w.map[wb] : wb;
}

gir_span imp_span(const imp_ctx *c, size_t ub, size_t ue)
{
    if (!c->nu)
        return (gir_span){0, 0};
    if (ub >= c->nu) {
        uint32_t o = in_off(c, c->w.n);
        return (gir_span){o, o};
    }
    if (ue > c->nu)
        ue = c->nu;
    uint32_t b = in_off(c, c->u[ub].b);
    uint32_t e = ue > ub ? in_off(c, c->u[ue - 1].e) : b;
    if (c->w.map && ue > ub) {
        /* a rendered byte maps to one input byte: end after that character */
        uint32_t last = in_off(c, c->u[ue - 1].b);
        const unsigned char *t = (const unsigned char *)c->src->text;
        uint32_t k = last;
        if (k < c->src->len) {
            k++;
            while (k < c->src->len && (t[k] & 0xC0) == 0x80)
                k++;
        }
        e = k;
    }
    if (e < b)
        e = b;
    return (gir_span){b, e};
}

uint32_t imp_line(const imp_ctx *c, size_t ub)
{
    gir_span sp = imp_span(c, ub, ub + 1);
    return source_line_of(c->src, sp.start) + 1;
}

/* Writes units [ub, ue) as imp_units_text does into out (NULL: only
 * counts); returns the length. */
static size_t units_text_into(const imp_ctx *c, size_t ub, size_t ue, char *out)
{
    size_t n = 0;
    int sep = 0;
    for (size_t i = ub; i < ue && i < c->nu; i++) {
        uint32_t cp = c->u[i].cp;
        if (imp_is_sep(cp)) {
            sep = n > 0;
            continue;
        }
        if (sep) {
            if (out)
                out[n] = ' ';
            n++;
        }
        sep = 0;
        char enc[4];
        int k = utf8_encode(cp, enc);
        if (out)
            memcpy(out + n, enc, (size_t)k);
        n += (size_t)k;
    }
    return n;
}

const char *imp_units_text(const imp_ctx *c, size_t ub, size_t ue)
{
    size_t n = units_text_into(c, ub, ue, NULL);
    char *s = arena_alloc(c->a, n + 1);
    if (!s)
        return "";
    units_text_into(c, ub, ue, s);
    s[n] = 0;
    return s;
}

const char *imp_raw_text(const imp_ctx *c, size_t ub, size_t ue)
{
    if (ub >= ue || ub >= c->nu)
        return "";
    if (ue > c->nu)
        ue = c->nu;
    uint32_t b = c->u[ub].b, e = c->u[ue - 1].e;
    gir_buf o;
    buf_init(&o, c->a);
    int sp = 0;
    const unsigned char *p = (const unsigned char *)c->w.s + b, *end = (const unsigned char *)c->w.s + e;
    while (p < end) {
        uint32_t cp;
        int k = utf8_decode(p, end, &cp);
        if (k < 0) {
            cp = 0xFFFD;
            k = 1;
        }
        if (cp < 0x20 || cp == 0x7F || imp_is_space_cp(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
            sp = o.n > 0;
            p += k;
            continue;
        }
        if (sp)
            buf_putc(&o, ' ');
        sp = 0;
        buf_put(&o, (const char *)p, (size_t)k);
        p += k;
    }
    return buf_cstr(&o);
}

/* ---- tokens ---- */

/* The class of a code point for imp_cp_eq: equal classes, equal. */
static uint32_t cp_class(uint32_t cp) { return minor_punct(cp) ? '.' : cp; }

/* Sorts v (n entries, class << 32 | unit, units ascending) by class,
 * keeping units ascending: a stable radix sort on the class's 21 bits,
 * 11 then 10 of them. */
static void sort_index(gir_arena *a, uint64_t *v, size_t n)
{
    uint64_t *tmp = arena_alloc(a, (n + 1) * sizeof *tmp);
    size_t *count = arena_alloc(a, 2049 * sizeof *count);
    uint64_t *from = v, *to = tmp;
    for (int shift = 32; shift < 32 + 22; shift += 11) {
        memset(count, 0, 2049 * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[((from[i] >> shift) & 2047) + 1]++;
        for (size_t k = 1; k <= 2048; k++)
            count[k] += count[k - 1];
        for (size_t i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 2047]++] = from[i];
        uint64_t *t = from;
        from = to;
        to = t;
    }
    /* two passes: the result is back in v */
}

void imp_index(imp_ctx *c)
{
    c->ix = arena_alloc(c->a, (c->nu + 1) * sizeof *c->ix);
    c->nix = 0;
    for (size_t i = 0; i < c->nu; i++)
        if (!imp_is_sep(c->u[i].cp))
            c->ix[c->nix++] = (uint64_t)cp_class(c->u[i].cp) << 32 | (uint64_t)i;
    sort_index(c->a, c->ix, c->nix);
}

/* Does p match at unit i (within to)? *me: one past its end. */
static int match_at(const imp_ctx *c, size_t i, size_t to, const uint32_t *p, size_t np, size_t *me)
{
    size_t j = i + 1, k = 1;
    while (k < np && j < to) {
        uint32_t cp = c->u[j].cp;
        if (cp == U_SP || cp == U_NL) {
            j++;
            continue;
        }
        if (!imp_cp_eq(cp, p[k]))
            break;
        j++;
        k++;
    }
    *me = j;
    return k == np;
}

/* The first entry of the index at or after (class, from). */
static size_t index_from(const imp_ctx *c, uint64_t key)
{
    size_t lo = 0, hi = c->nix;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->ix[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t imp_find(const imp_ctx *c, size_t from, size_t to, const uint32_t *p, size_t np, size_t *me)
{
    if (!np || imp_is_sep(p[0]))
        return (size_t)-1;
    if (to > c->nu)
        to = c->nu;
    if (from >= to || from > UINT32_MAX)
        return (size_t)-1;
    size_t e;
    if (!c->ix) {
        for (size_t i = from; i < to; i++)
            if (imp_cp_eq(c->u[i].cp, p[0]) && match_at(c, i, to, p, np, &e)) {
                *me = e;
                return i;
            }
        return (size_t)-1;
    }
    /* the units whose class is p[0]'s, in order, from `from` on */
    uint64_t cls = (uint64_t)cp_class(p[0]) << 32;
    for (size_t x = index_from(c, cls | from); x < c->nix && (c->ix[x] >> 32) == (cls >> 32); x++) {
        size_t i = (size_t)(c->ix[x] & 0xFFFFFFFFu);
        if (i >= to)
            break;
        if (match_at(c, i, to, p, np, &e)) {
            *me = e;
            return i;
        }
    }
    return (size_t)-1;
}

const imp_range *imp_html_table(const imp_ctx *c, size_t u)
{
    if (!c->w.html || u >= c->nu)
        return NULL;
    uint32_t b = c->u[u].b;
    size_t lo = 0, hi = c->w.ntables; /* tables in text order, disjoint */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->w.tables[mid].e <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < c->w.ntables && b >= c->w.tables[lo].b)
        return &c->w.tables[lo];
    return NULL;
}
