/* clean.c - layout that is not the report, taken out of the working text
 * before it is folded (clean.h): page footers (— 5 —, - 5 -, 第5页,
 * 共 N 页, 第 5 页 共 12 页) are never values; Markdown is layout, not
 * cells: a separator row (| --- | :---: |) is not a row of cells, the
 * leading '|' of a Markdown table row is not an empty cell, and the '#'
 * marks of a heading are not text (in a text with Markdown tables or
 * three such headings; a lone '#' line stays prose). Lines are deleted with the blank lines
 * that would otherwise count as empty cells; the byte map is kept (every
 * working byte still maps to its input byte). Linear in the text. */
#include <string.h>
#include "base/array.h"
#include "clean.h"

typedef struct cut { uint32_t b, e; } cut;

/* The byte after a space (ASCII, tab, CR, NBSP, U+3000) at p, or p. */
static const char *sp1(const char *p, const char *e)
{
    if (p < e && (*p == ' ' || *p == '\t' || *p == '\r')) return p + 1;
    if (p + 1 < e && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) return p + 2;
    if (p + 2 < e && memcmp(p, "\xE3\x80\x80", 3) == 0) return p + 3;
    return p;
}

static const char *spaces(const char *p, const char *e)
{
    for (const char *q = sp1(p, e); q != p; q = sp1(p, e)) p = q;
    return p;
}

/* A dash (- — – ― －) at p: the byte after it, or p. */
static const char *dash1(const char *p, const char *e)
{
    if (p < e && *p == '-') return p + 1;
    if (p + 2 < e && (memcmp(p, "\xE2\x80\x94", 3) == 0 || memcmp(p, "\xE2\x80\x93", 3) == 0 ||
                      memcmp(p, "\xE2\x80\x95", 3) == 0 || memcmp(p, "\xEF\xBC\x8D", 3) == 0)) return p + 3;
    return p;
}

/* Digits (ASCII or full-width) at p: the byte after them, or p. */
static const char *digits(const char *p, const char *e)
{
    for (;;) {
        if (p < e && *p >= '0' && *p <= '9') { p++; continue; }
        if (p + 2 < e && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
            (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) { p += 3; continue; }
        return p;
    }
}

static const char *word(const char *p, const char *e, const char *w)
{
    size_t k = strlen(w);
    return (size_t)(e - p) >= k && memcmp(p, w, k) == 0 ? p + k : p;
}

/* "第 5 页" or "共 12 页" (kw = 第 or 共) at p: after it, or p. */
static const char *page_word(const char *p, const char *e, const char *kw)
{
    const char *q = word(p, e, kw);
    if (q == p) return p;
    q = spaces(q, e);
    const char *d = digits(q, e);
    if (d == q) return p;
    q = word(spaces(d, e), e, "页");
    return q == spaces(d, e) ? p : q;
}

/* A page footer, the whole line [p, e): — 5 —, - 5 -, 第5页, 共 N 页. */
static int is_footer(const char *p, const char *e)
{
    p = spaces(p, e);
    const char *q = dash1(p, e);
    if (q != p) {
        q = dash1(q, e);
        const char *d = digits(spaces(q, e), e);
        if (d == spaces(q, e)) return 0;
        const char *r = dash1(spaces(d, e), e);
        if (r == spaces(d, e)) return 0;
        r = dash1(r, e);
        return spaces(r, e) == e;
    }
    const char *a = page_word(p, e, "第");
    const char *b = page_word(p, e, "共");
    if (a == p && b == p) return 0;
    q = spaces(a != p ? a : b, e);
    if (q < e && (*q == ',' || *q == '/')) q = spaces(q + 1, e);
    q = word(q, e, "，");
    q = spaces(q, e);
    const char *r = page_word(q, e, a != p ? "共" : "第");
    return spaces(r, e) == e;
}

/* A Markdown separator row: | --- | :---: | (pipes optional at the ends). */
static int is_md_rule(const char *p, const char *e)
{
    int cells = 0, pipes = 0;
    p = spaces(p, e);
    while (p < e) {
        if (*p == '|') { pipes++; p = spaces(p + 1, e); continue; }
        if (*p == ':') p++;
        const char *d = p;
        while (p < e && *p == '-') p++;
        if (p - d < 3) return 0;
        if (p < e && *p == ':') p++;
        cells++;
        p = spaces(p, e);
    }
    return cells >= 1 && pipes >= 1;
}

/* The '#' marks and spaces of a Markdown heading at line start p: their end, or p. */
static const char *md_heading(const char *p, const char *e)
{
    const char *s = spaces(p, e);
    const char *q = s;
    while (q < e && *q == '#' && q - s < 6) q++;
    if (q == s || q >= e || (*q != ' ' && *q != '\t')) return p;
    return spaces(q, e);
}

/* A Markdown table row: starts with '|' and ends with '|' (a leading '|' to drop). */
static const char *md_row_pipe(const char *p, const char *e)
{
    const char *s = spaces(p, e);
    const char *t = e;
    while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r')) t--;
    if (s >= e || *s != '|' || t - s < 2 || t[-1] != '|') return p;
    return s + 1;
}

/* Cuts line [ls, le) with as many of the newlines after it as there are
 * right before it (so a blank line around it is not an empty cell). */
static void cut_line(gir_arena *a, cut **v, size_t *n, const char *s, const char *ls, const char *le, const char *end)
{
    int before = 0, after = 0;
    for (const char *q = ls; q > s && q[-1] == '\n' && before < 2; q--) before++;
    const char *q = le;
    while (q < end && *q == '\n' && after < before) { q++; after++; }
    if (before == 0 && q < end && *q == '\n') q++;
    cut c = {(uint32_t)(ls - s), (uint32_t)(q - s)};
    ARRAY_PUSH(a, *v, *n, c);
}

/* Is the text Markdown: a separator row anywhere (then its tables are
 * Markdown), or three '#' headings or more? */
static int is_markdown(const char *s, const char *end, int *rules)
{
    int heads = 0;
    *rules = 0;
    for (const char *ls = s; ls < end;) {
        const char *le = memchr(ls, '\n', (size_t)(end - ls));
        le = le ? le : end;
        *rules |= is_md_rule(ls, le);
        heads += md_heading(ls, le) != ls;
        ls = le + 1;
    }
    return *rules || heads >= 3;
}

static void find_cuts(imp_ctx *c, cut **v, size_t *n)
{
    const char *s = c->w.s, *end = s + c->w.n;
    int md = 0;
    int headings = is_markdown(s, end, &md);
    for (const char *ls = s; ls < end;) {
        const char *le = memchr(ls, '\n', (size_t)(end - ls));
        le = le ? le : end;
        if (is_footer(ls, le) || (md && is_md_rule(ls, le))) {
            cut_line(c->a, v, n, s, ls, le, end);
            if (is_footer(ls, le)) c->w.footers++;
        } else {
            const char *h = headings ? md_heading(ls, le) : ls;
            const char *r = md ? md_row_pipe(ls, le) : ls;
            const char *x = h != ls ? h : r;
            if (x != ls) {
                cut k = {(uint32_t)(ls - s), (uint32_t)(x - s)};
                ARRAY_PUSH(c->a, *v, *n, k);
            }
        }
        ls = le + 1;
    }
}

void imp_clean(imp_ctx *c)
{
    cut *v = NULL;
    size_t n = 0;
    find_cuts(c, &v, &n);
    if (!n) return;
    char *out = arena_alloc(c->a, (size_t)c->w.n + 1);
    uint32_t *map = arena_alloc(c->a, ((size_t)c->w.n + 1) * sizeof *map);
    uint32_t k = 0, at = 0;
    for (size_t i = 0; i <= n; i++) {
        uint32_t stop = i < n ? v[i].b : c->w.n;
        for (uint32_t j = at; j < stop && j < c->w.n; j++) {
            out[k] = c->w.s[j];
            map[k++] = c->w.map ? c->w.map[j] : j;
        }
        if (i < n && v[i].e > at) at = v[i].e;
    }
    out[k] = 0;
    map[k] = c->w.map ? c->w.map[c->w.n] : c->w.n;
    c->w.s = out;
    c->w.n = k;
    c->w.map = map;
}
