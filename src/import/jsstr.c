/* jsstr.c - HTML inside a JavaScript or JSON string (jsstr.h). Portals
 * often ship the report as `let content = "<p…"` in a <script>, or as a
 * JSON document {"content":"<table>…"}: the page itself then holds no
 * report, and read as text every cell of it comes out blank. The string
 * literals of the page's scripts (of the whole input when it is not a
 * page) are scanned once, outside comments; the literal with the most
 * tags is unescaped (\" \' \\ \/ \n \t \uXXXX with surrogate pairs,
 * \u{…}, \xHH, line continuations) with a map of every byte back to the
 * input, and taken when it holds more table cells than the page around
 * it. A chain of literals is one literal: joined by + ("<table>" +
 * "<tr>…"), listed in an array (["<tr>", "<td>1</td>"].join("")),
 * appended statement by statement (s += "<tr>"; s += "<td>1</td>";) or
 * written call after call (document.write("…"); document.write("…");),
 * as pages build long HTML. Linear in the input. */
#include <string.h>
#include <strings.h>
#include "base/array.h"
#include "jsstr.h"

typedef struct lit {
    size_t b, e;                  /* the literal's content in the input (between the quotes) */
    size_t tags, tds;             /* tags and <td> cells once unescaped (counted on the raw text) */
    size_t q0;                    /* a chain: the opening quote of its first literal */
} lit;

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* k hex digits at s[i..]: the value, or -1. */
static long hexn(const char *s, size_t i, size_t n, int k)
{
    long v = 0;
    for (int j = 0; j < k; j++) {
        if (i + (size_t)j >= n) return -1;
        int h = hexval((unsigned char)s[i + (size_t)j]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* '<' (raw, or escaped as \u003c / \x3c) at s[i]: its length, else 0. */
static size_t lt_at(const char *s, size_t i, size_t n)
{
    if (s[i] == '<') return 1;
    if (s[i] != '\\' || i + 1 >= n) return 0;
    if (s[i + 1] == 'u' && hexn(s, i + 2, n, 4) == 0x3C) return 6;
    if (s[i + 1] == 'x' && hexn(s, i + 2, n, 2) == 0x3C) return 4;
    return 0;
}

/* Scans the literal opened by quote q at s[i]; returns the index of its
 * closing quote, or 0 when it does not close (a raw newline in ' or "). */
static size_t scan_lit(const char *s, size_t i, size_t n, lit *l)
{
    char q = s[i];
    l->b = i + 1;
    l->tags = l->tds = 0;
    for (size_t j = i + 1; j < n; j++) {
        if (s[j] == q) { l->e = j; return j; }
        if (s[j] == '\n' && q != '`') return 0;
        size_t k = lt_at(s, j, n);
        if (k) {
            size_t a = j + k;
            if (a < n && (s[a] == '/' || (s[a] >= 'a' && s[a] <= 'z') || (s[a] >= 'A' && s[a] <= 'Z'))) l->tags++;
            if (a + 2 < n && strncasecmp(s + a, "td", 2) == 0 && !(s[a + 2] >= 'a' && s[a + 2] <= 'z')) l->tds++;
            j = a - 1;
            continue;
        }
        if (s[j] == '\\') j++;
    }
    return 0;
}

static size_t skip_ws(const char *s, size_t i, size_t e)
{
    while (i < e && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

static int ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$' || ch == '.';
}

/* After "; NAME" at s[j] (the ";" optional): the index after NAME and
 * the spaces that follow it, or 0 when no name is there; write: only a
 * name that ends in "write" or "writeln" (document.write). */
static size_t after_name(const char *s, size_t j, size_t e, int write)
{
    if (j < e && s[j] == ';') j = skip_ws(s, j + 1, e);
    size_t k = j;
    while (k < e && ident_char(s[k])) k++;
    if (k == j) return 0;
    if (write && !(k - j >= 5 && strncmp(s + k - 5, "write", 5) == 0) && !(k - j >= 7 && strncmp(s + k - 7, "writeln", 7) == 0))
        return 0;
    return skip_ws(s, k, e);
}

/* Whether a literal opens at s[j] and is a key ("name": …, in JSON or
 * an object), not a piece of a list. */
static int json_key(const char *s, size_t j, size_t e)
{
    lit l = {0};
    if (j >= e || (s[j] != '"' && s[j] != '\'')) return 0;
    size_t close = scan_lit(s, j, e, &l);
    if (!close) return 0;
    size_t k = skip_ws(s, close + 1, e);
    return k < e && s[k] == ':';
}

/* After a literal closing at s[i - 1]: the opening quote of the literal
 * that continues its chain, else 0. What joins two literals: "+"; ","
 * (an array of pieces, joined); "; NAME +=" (appended statement by
 * statement); ") ; NAME.write (" (document.write call after call). */
static size_t chain_next(const char *s, size_t i, size_t e)
{
    size_t j = skip_ws(s, i, e), k;
    if (j < e && s[j] == '+' && !(j + 1 < e && (s[j + 1] == '+' || s[j + 1] == '=')))
        j = skip_ws(s, j + 1, e);
    else if (j < e && s[j] == ',' && !json_key(s, skip_ws(s, j + 1, e), e))
        j = skip_ws(s, j + 1, e);
    else if (j < e && s[j] == ')' && (k = after_name(s, skip_ws(s, j + 1, e), e, 1)) != 0 && k < e && s[k] == '(')
        j = skip_ws(s, k + 1, e);
    else if ((k = after_name(s, j, e, 0)) != 0 && k + 1 < e && s[k] == '+' && s[k + 1] == '=')
        j = skip_ws(s, k + 2, e);
    else
        return 0;
    return j < e && (s[j] == '"' || s[j] == '\'' || s[j] == '`') ? j : 0;
}

/* The chain of literals opened at s[i] (see the top): its tags and cells
 * summed into *l; returns the closing quote of its last literal, or 0
 * when the first does not close. */
static size_t scan_chain(const char *s, size_t i, size_t e, lit *l)
{
    size_t close = scan_lit(s, i, e, l);
    if (!close) return 0;
    l->q0 = i;
    for (size_t q; (q = chain_next(s, close + 1, e)) != 0;) {
        lit more = {0};
        size_t c2 = scan_lit(s, q, e, &more);
        if (!c2) break;
        l->tags += more.tags;
        l->tds += more.tds;
        l->e = more.e;
        close = c2;
    }
    return close;
}

/* The best literal of s[b, e) (code: comments skipped) into *best. */
static void scan_code(const char *s, size_t b, size_t e, lit *best)
{
    for (size_t i = b; i < e; i++) {
        char ch = s[i];
        if (ch == '/' && i + 1 < e && s[i + 1] == '/') {
            while (i < e && s[i] != '\n') i++;
        } else if (ch == '/' && i + 1 < e && s[i + 1] == '*') {
            const char *end = i + 2 < e ? strstr(s + i + 2, "*/") : NULL;
            i = end && (size_t)(end - s) < e ? (size_t)(end - s) + 1 : e;
        } else if (ch == '"' || ch == '\'' || ch == '`') {
            lit l = {0};
            size_t close = scan_chain(s, i, e, &l);
            if (!close) continue;
            if (l.tags > best->tags) *best = l;
            i = close;
        }
    }
}

/* The end of "<script …>" at s[i], or 0 when no script opens there. */
static size_t script_open(const char *s, size_t i, size_t n)
{
    if (n - i < 8 || strncasecmp(s + i, "<script", 7) != 0) return 0;
    if (s[i + 7] != '>' && s[i + 7] != ' ' && s[i + 7] != '\t' && s[i + 7] != '\n' && s[i + 7] != '\r') return 0;
    const char *gt = memchr(s + i, '>', n - i);
    return gt ? (size_t)(gt - s) + 1 : 0;
}

static size_t find_ci(const char *s, size_t i, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (; i + k <= n; i++)
        if ((s[i] | 0x20) == (w[0] | 0x20) && strncasecmp(s + i, w, k) == 0) return i;
    return n;
}

/* Appends code point cp as UTF-8 with every byte mapped to from. */
static void put_cp(gir_arena *a, gir_buf *o, uint32_t **map, size_t *nm, uint32_t cp, uint32_t from)
{
    char u[4];
    size_t k = 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    if (cp < 0x80) u[k++] = (char)cp;
    else if (cp < 0x800) { u[k++] = (char)(0xC0 | cp >> 6); u[k++] = (char)(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { u[k++] = (char)(0xE0 | cp >> 12); u[k++] = (char)(0x80 | (cp >> 6 & 0x3F)); u[k++] = (char)(0x80 | (cp & 0x3F)); }
    else { u[k++] = (char)(0xF0 | cp >> 18); u[k++] = (char)(0x80 | (cp >> 12 & 0x3F)); u[k++] = (char)(0x80 | (cp >> 6 & 0x3F)); u[k++] = (char)(0x80 | (cp & 0x3F)); }
    buf_put(o, u, k);
    for (size_t j = 0; j < k; j++) ARRAY_PUSH(a, *map, *nm, from);
}

/* One escape at s[i] (a backslash): the code point (-1 for nothing,
 * a line continuation) and *len, the escape's length. */
static long escape(const char *s, size_t i, size_t n, size_t *len)
{
    *len = 2;
    if (i + 1 >= n) { *len = 1; return '\\'; }
    char ch = s[i + 1];
    switch (ch) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'b': case 'f': case 'v': return ' ';
    case '0': return ' ';                          /* a NUL separates, never joins */
    case '\n': return -1;
    case 'x': { long v = hexn(s, i + 2, n, 2); if (v >= 0) { *len = 4; return v ? v : ' '; } return 'x'; }
    case 'u': break;
    default: return (unsigned char)ch;
    }
    if (i + 2 < n && s[i + 2] == '{') {
        size_t j = i + 3;
        long v = 0;
        while (j < n && hexval((unsigned char)s[j]) >= 0 && v <= 0x10FFFF) v = v * 16 + hexval((unsigned char)s[j++]);
        if (j < n && s[j] == '}' && v <= 0x10FFFF) { *len = j + 1 - i; return v ? v : ' '; }
        return 'u';
    }
    long v = hexn(s, i + 2, n, 4);
    if (v < 0) return 'u';
    *len = 6;
    if (v >= 0xD800 && v <= 0xDBFF && i + 11 < n + 0 && s[i + 6] == '\\' && s[i + 7] == 'u') {
        long lo = hexn(s, i + 8, n, 4);
        if (lo >= 0xDC00 && lo <= 0xDFFF) { *len = 12; return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00); }
    }
    return v ? v : ' ';
}

/* One literal's content s[b, e) unescaped onto o, each byte mapped. */
static void unescape_one(gir_arena *a, const char *s, size_t b, size_t e, gir_buf *o, uint32_t **map, size_t *nm)
{
    for (size_t i = b; i < e;) {
        if (s[i] != '\\') {
            buf_put(o, s + i, 1);
            ARRAY_PUSH(a, *map, *nm, (uint32_t)i);
            i++;
            continue;
        }
        size_t len = 0;
        long cp = escape(s, i, e, &len);
        if (cp >= 0) put_cp(a, o, map, nm, (uint32_t)cp, (uint32_t)i);
        i += len;
    }
}

/* The chain l unescaped into out: its literals walked again, in order. */
static void unescape(gir_arena *a, const char *s, const lit *l, imp_js *out)
{
    gir_buf o;
    buf_init(&o, a);
    uint32_t *map = NULL;
    size_t nm = 0;
    lit one = {0};
    size_t close = scan_lit(s, l->q0, l->e + 1, &one);
    unescape_one(a, s, one.b, one.e, &o, &map, &nm);
    for (size_t q; close < l->e && (q = chain_next(s, close + 1, l->e + 1)) != 0;) {
        close = scan_lit(s, q, l->e + 1, &one);
        if (!close) break;
        unescape_one(a, s, one.b, one.e, &o, &map, &nm);
    }
    ARRAY_PUSH(a, map, nm, (uint32_t)l->e);
    out->n = o.n;
    out->s = buf_cstr(&o);
    out->map = map;
    out->at = l->b;
}

int imp_js_html(gir_arena *a, const char *s, size_t n, int html, imp_js *out)
{
    memset(out, 0, sizeof *out);
    lit best = {0};
    size_t page_tds = 0;
    if (!html) {
        scan_code(s, 0, n, &best);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (s[i] != '<') continue;
            if (i + 3 < n && strncasecmp(s + i + 1, "td", 2) == 0 && !((s[i + 3] | 0x20) >= 'a' && (s[i + 3] | 0x20) <= 'z')) page_tds++;
            size_t b = script_open(s, i, n);
            if (!b) continue;
            size_t e = find_ci(s, b, n, "</script");
            scan_code(s, b, e, &best);
            i = e;
        }
    }
    if (best.tags < 8 || (html && best.tds <= page_tds))
        return 0;
    unescape(a, s, &best, out);
    return 1;
}
