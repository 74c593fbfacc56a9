/* lexer.re - the re2c scanner for .gir (reports and templates).
 * UTF-8 in, bison tokens out. Newlines are tokens (a row ends at the end
 * of its line); blank lines and comments collapse. Identifiers are looked
 * up in the keyword table (syntax/keywords.def). Bad input gets a
 * positioned diagnostic and the YYerror token, never a crash: every
 * invalid byte (at most 20 per string or prose block), the first stray
 * character of a line. */
#include <stdio.h>
#include <string.h>
#include "syntax/lexer.h"
#include "syntax/lang.h"
#include "parser.h"
#include "base/utf8.h"

void lexer_init(gir_lexer *lx, gir_arena *a, gir_diags *d, const gir_source *src)
{
    memset(lx, 0, sizeof *lx);
    lx->arena = a;
    lx->diags = d;
    lx->src = src;
    lx->base = (const unsigned char *)src->text;
    lx->cur = lx->base;
    lx->lim = lx->base + src->len;
    if (src->len >= 3 && memcmp(lx->base, "\xEF\xBB\xBF", 3) == 0) lx->cur += 3;
    lx->last_newline = 1; /* no NEWLINE before the first token */
}

static gir_span span_of(const gir_lexer *lx, const unsigned char *b, const unsigned char *e)
{
    gir_span s = {(uint32_t)(b - lx->base), (uint32_t)(e - lx->base)};
    return s;
}

/* ---- literal decoding ---- */

static gir_node *mk_lit(gir_lexer *lx, gir_lit_kind k, gir_span sp)
{
    gir_node *n = ast_new(lx->arena, N_LIT, sp);
    n->lit.kind = k;
    return n;
}

/* A digit at p (ASCII or full-width): its value and length, else -1. */
static int digit_at(const unsigned char *p, const unsigned char *e, int *len)
{
    if (p < e && *p >= '0' && *p <= '9') {
        *len = 1;
        return *p - '0';
    }
    if (e - p < 3 || p[0] != 0xEF || p[1] != 0xBC || p[2] < 0x90 || p[2] > 0x99) return -1;
    *len = 3;   /* ０-９: U+FF10-U+FF19 */
    return p[2] - 0x90;
}

/* A decimal point at p (ASCII or full-width): its length, else 0. */
static int dot_at(const unsigned char *p, const unsigned char *e, int *fullwidth)
{
    if (p < e && *p == '.') return 1;
    if (e - p < 3 || memcmp(p, "．", 3) != 0) return 0;
    *fullwidth = 1;
    return 3;
}

static gir_node *decode_number_at(gir_lexer *lx, gir_span sp, const unsigned char *p, const unsigned char *e);

static gir_node *decode_number(gir_lexer *lx, gir_span sp)
{
    return decode_number_at(lx, sp, lx->tok, lx->cur);
}

/* Is the code point at p (before e) one that continues an identifier? */
static int ident_follows(const unsigned char *p, const unsigned char *e)
{
    uint32_t c;
    if (p >= e || utf8_decode(p, e, &c) < 1) return 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9')) return 1;
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3134F);
}

/* End of the sign, digits and fraction that start the token. */
static const unsigned char *plain_number_end(const gir_lexer *lx)
{
    const unsigned char *p = lx->tok, *e = lx->cur;
    const gir_sign *sg = lang_sign_at((const char *)p, (const char *)e);
    if (sg) p += strlen(sg->word);
    int seen_dot = 0;
    while (p < e) {
        int len = 0, fw = 0;
        if (digit_at(p, e, &len) >= 0) { p += len; continue; }
        len = seen_dot ? 0 : dot_at(p, e, &fw);
        if (!len || digit_at(p + len, e, &fw) < 0) break;
        seen_dot = 1;
        p += len;
    }
    return p;
}

/* A number written the way office documents do, whose reading is
 * certain: "1.25 万元" (a space before the unit), "1.25万" (万 for 万元),
 * "12,500" (thousands separators). Read as what it would be written
 * without them, with a warning (code) that says so and a fix. When an
 * identifier follows ("5 个人", "5万人"), only the plain number is the
 * token. */
static gir_node *decode_pasted_number(gir_lexer *lx, gir_span *loc, gir_msg code)
{
    if (code != M_THOUSANDS_SEP && ident_follows(lx->cur, lx->lim)) {
        lx->cur = plain_number_end(lx);
        *loc = span_of(lx, lx->tok, lx->cur);
        return decode_number(lx, *loc);
    }
    *loc = span_of(lx, lx->tok, lx->cur);
    gir_buf b;
    buf_init(&b, lx->arena);
    for (const unsigned char *p = lx->tok; p < lx->cur; p++)
        if (*p != ' ' && *p != '\t' && *p != ',') buf_putc(&b, (char)*p);
    if (code == M_WAN_UNIT) buf_puts(&b, "元");
    const char *clean = buf_cstr(&b);
    size_t before = lx->diags->n;
    gir_node *n = decode_number_at(lx, *loc, (const unsigned char *)clean, (const unsigned char *)clean + b.n);
    if (lx->diags->n > before) return n;     /* full-width: that warning already gives the fix */
    gir_diag *g = diag_add(lx->diags, GIR_SEV_WARNING, code, lx->src, *loc, clean);
    diag_help(lx->diags, g, M_HELP_WRITE, clean);
    diag_fix(lx->diags, g, *loc, clean);
    return n;
}

/* An official label pasted without quotes ("（一）予以公开", "1.属于国家
 * 秘密", "一、本年新收…"): an error with the quoted text as the fix, and
 * read as that string so the rest of the row is checked. */
static gir_node *unquoted_label(gir_lexer *lx, gir_span *loc)
{
    *loc = span_of(lx, lx->tok, lx->cur);
    size_t len = (size_t)(lx->cur - lx->tok);
    const char *text = arena_strndup(lx->arena, (const char *)lx->tok, len);
    const char *quoted = arena_printf(lx->arena, "\"%s\"", text);
    gir_diag *g = diag_add(lx->diags, GIR_SEV_ERROR, M_UNQUOTED_LABEL, lx->src, *loc, text);
    diag_help(lx->diags, g, M_HELP_QUOTE_LABEL, text);
    diag_fix(lx->diags, g, *loc, quoted);
    gir_node *n = mk_lit(lx, LIT_STRING, *loc);
    n->str = text;
    n->len = (uint32_t)len;
    n->lit.pasted = g;
    return n;
}

/* Reads a NUMBER token: sign, digits (ASCII or full-width), fraction,
 * unit. The sign words are those of syntax/numbers.def; the unit is the
 * rest of the token (the `unit` regex below, kept equal to numbers.def by
 * test_lexer.c). */
static gir_node *decode_number_at(gir_lexer *lx, gir_span sp, const unsigned char *p, const unsigned char *e)
{
    gir_node *n = mk_lit(lx, LIT_NUMBER, sp);
    gir_lit *l = &n->lit;
    l->written_sign = "";
    const gir_sign *sg = lang_sign_at((const char *)p, (const char *)e);
    if (sg) {
        l->sign = sg->sign;
        l->written_sign = sg->written;
        l->fullwidth = sg->fullwidth;
        p += strlen(sg->word);
    }
    /* digits, '.' ending the integer part, digits: one buffer, two strings */
    char *digits = arena_alloc(lx->arena, (size_t)(e - p) + 2);
    size_t nd = 0;
    size_t int_end = 0;
    int seen_dot = 0;
    while (p < e) {
        int len = 0;
        int d = digit_at(p, e, &len);
        if (d >= 0) {
            digits[nd++] = (char)('0' + d);
            l->fullwidth |= len == 3;
            p += len;
            continue;
        }
        len = seen_dot ? 0 : dot_at(p, e, &l->fullwidth);
        if (!len) break;
        seen_dot = 1;
        int_end = nd;
        digits[nd++] = 0;
        p += len;
    }
    digits[nd] = 0;
    l->int_digits = digits;
    l->frac_digits = seen_dot ? digits + int_end + 1 : "";
    l->unit = arena_strndup(lx->arena, (const char *)p, (size_t)(e - p));
    if (l->fullwidth) {
        const char *fixed = arena_printf(lx->arena, "%s%s%s%s%s", l->written_sign, l->int_digits,
                                         *l->frac_digits ? "." : "", l->frac_digits, l->unit);
        gir_diag *g = diag_add(lx->diags, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, lx->src, sp, fixed);
        diag_help(lx->diags, g, M_HELP_WRITE, fixed);
        diag_fix(lx->diags, g, sp, fixed);
    }
    return n;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

static gir_node *decode_date(gir_lexer *lx, gir_span sp)
{
    gir_node *n = mk_lit(lx, LIT_DATE, sp);
    int v[3] = {0, 0, 0}, k = 0, fullwidth = 0;
    for (const unsigned char *p = lx->tok; p < lx->cur && k < 3;) {
        int len, d = digit_at(p, lx->cur, &len);
        if (d < 0) { p++; continue; }
        fullwidth |= len == 3;
        v[k] = v[k] * 10 + d;
        p += len;
        int nl;
        if (digit_at(p, lx->cur, &nl) < 0) k++;
    }
    n->lit.year = v[0]; n->lit.month = v[1]; n->lit.day = v[2];
    const char *text = arena_strndup(lx->arena, (const char *)lx->tok, (size_t)(lx->cur - lx->tok));
    if (v[0] < 1) {
        diag_add(lx->diags, GIR_SEV_ERROR, M_BAD_YEAR, lx->src, sp, text);
    } else if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in(v[0], v[1])) {
        diag_add(lx->diags, GIR_SEV_ERROR, M_BAD_DATE, lx->src, sp, text);
    } else if (fullwidth) {
        const char *fixed = arena_printf(lx->arena, "%04d-%02d-%02d", v[0], v[1], v[2]);
        gir_diag *g = diag_add(lx->diags, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, lx->src, sp, fixed);
        diag_help(lx->diags, g, M_HELP_WRITE, fixed);
        diag_fix(lx->diags, g, sp, fixed);
    }
    return n;
}

/* Reports every invalid UTF-8 byte in [b, e) (at most 20 per token). */
static void check_utf8(gir_lexer *lx, const unsigned char *b, const unsigned char *e)
{
    int reported = 0;
    while (b < e) {
        uint32_t cp;
        int k = utf8_decode(b, e, &cp);
        if (k < 0) {
            if (reported++ < 20) {
                gir_span sp = span_of(lx, b, b + 1);
                if (*b == 0) diag_add(lx->diags, GIR_SEV_ERROR, M_NUL_BYTE, lx->src, sp);
                else diag_add(lx->diags, GIR_SEV_ERROR, M_INVALID_UTF8, lx->src, sp, (unsigned)*b);
            }
            b++;
            continue;
        }
        if (cp == 0 && reported++ < 20)
            diag_add(lx->diags, GIR_SEV_ERROR, M_NUL_BYTE, lx->src, span_of(lx, b, b + 1));
        b += k;
    }
}

/* A control character that text must not carry: C0 but tab and line
 * ends, DEL, C1. They would reach a terminal, HTML or LaTeX (where
 * xelatex stops at them), so the front end drops them, once, here. */
static int is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

static void control_diag(gir_lexer *lx, gir_span sp, uint32_t cp)
{
    gir_diag *g = diag_add(lx->diags, GIR_SEV_WARNING, M_CONTROL_CHAR, lx->src, sp, (unsigned)cp);
    diag_help(lx->diags, g, M_HELP_CONTROL_CHAR);
    diag_fix(lx->diags, g, sp, "");
}

/* Reports the control characters in [b, e) (at most 20 per token; NUL
 * is E0102, from check_utf8). */
static void check_controls(gir_lexer *lx, const unsigned char *b, const unsigned char *e)
{
    int reported = 0;
    while (b < e) {
        uint32_t cp;
        int k = utf8_decode(b, e, &cp);
        if (k < 1) { b++; continue; }
        if (cp != 0 && is_control(cp) && reported++ < 20) control_diag(lx, span_of(lx, b, b + k), cp);
        b += k;
    }
}

/* Removes the control characters from a decoded text, in place. */
static void drop_controls(gir_buf *out)
{
    if (!out->p) return;
    const unsigned char *r = (const unsigned char *)out->p, *e = r + out->n;
    char *w = out->p;
    while (r < e) {
        uint32_t cp;
        int k = utf8_decode(r, e, &cp);
        if (k < 1) k = 1;
        else if (cp != 0 && is_control(cp)) { r += k; continue; }
        memmove(w, r, (size_t)k);
        w += k;
        r += k;
    }
    out->n = (size_t)(w - out->p);
    out->p[out->n] = 0;   /* a gir_buf stays NUL-terminated */
}

/* True when [b, e) is valid UTF-8 with no NUL and no control character
 * but tab and line ends: then check_utf8 and check_controls would say
 * nothing and drop_controls would change nothing, so one decoding pass
 * replaces the three (the common case; otherwise the three run as
 * before, so that the diagnostics and their order stay the same). */
/* A three-byte sequence at p (p + 2 < e) that is valid UTF-8: then it is
 * U+0800 or above, never a control. */
static int cjk_at(const unsigned char *p)
{
    unsigned c = p[0], c1 = p[1];
    if ((c & 0xF0) != 0xE0 || (c1 & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0) return c1 >= 0xA0;   /* not overlong */
    if (c == 0xED) return c1 < 0xA0;    /* not a surrogate */
    return 1;
}

/* The character at p (p < e) is clean: its length, else 0. */
static int clean_char(const unsigned char *p, const unsigned char *e)
{
    unsigned c = *p;
    if (c >= 0x20 && c < 0x7F) return 1;
    if (e - p >= 3 && cjk_at(p)) return 3;   /* most of a Chinese report */
    if (c == '\n' || c == '\t' || c == '\r') return 1;
    if (c < 0x80) return 0;
    uint32_t cp;
    int k = utf8_decode(p, e, &cp);
    if (k < 0 || cp <= 0x9F) return 0;   /* invalid, or C1 (U+0080-U+009F) */
    return k;
}

/* A lead E1-EF but ED: what follows it can be neither overlong nor a
 * surrogate, so with two continuation bytes it is what cjk_at takes. */
static int plain_lead(unsigned c)
{
    return c - 0xE1u < 0x0Fu && c != 0xED;
}

/* After p, the end of the run of such three-byte characters, taken two
 * at a time: bytes 1, 2, 4 and 5 are continuation bytes (10xxxxxx) when
 * all have bit 7 and none has bit 6. */
static const unsigned char *plain_run(const unsigned char *p, const unsigned char *e)
{
    while (e - p >= 6) {
        unsigned all = p[1] & p[2] & p[4] & p[5], any = p[1] | p[2] | p[4] | p[5];
        if (!(all & 0x80) || (any & 0x40) || !plain_lead(p[0]) || !plain_lead(p[3])) break;
        p += 6;
    }
    return p;
}

static int text_is_clean(const unsigned char *p, const unsigned char *e)
{
    while (p < e) {
        unsigned c = *p;
        if (c - 0x20u < 0x5Fu) {   /* printable ASCII */
            p++;
            continue;
        }
        if (plain_lead(c) && e - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            p = plain_run(p + 3, e);
            continue;
        }
        int n = clean_char(p, e);
        if (!n) return 0;
        p += n;
    }
    return 1;
}

/* Copies [b, e) into the arena with CR and CRLF made LF, a span at a
 * time (memcpy between line ends); NUL-terminated, *n its length. */
static char *copy_lf(gir_arena *a, const unsigned char *b, const unsigned char *e, size_t *n)
{
    char *out = arena_alloc_raw(a, (size_t)(e - b) + 1), *w = out;
    if (!out) { *n = 0; return NULL; }   /* no protected call: buf_cstr gives "" */
    while (b < e) {
        const unsigned char *cr = memchr(b, '\r', (size_t)(e - b));
        size_t k = (size_t)((cr ? cr : e) - b);
        memcpy(w, b, k);
        w += k;
        if (!cr) break;
        *w++ = '\n';
        b = cr + 1;
        if (b < e && *b == '\n') b++;
    }
    *w = 0;
    *n = (size_t)(w - out);
    return out;
}

/* The closing triple quote at or after p, or NULL. */
static const unsigned char *find_triple(const unsigned char *p, const unsigned char *lim)
{
    while (lim - p >= 3) {
        const unsigned char *q = memchr(p, '"', (size_t)(lim - p - 2));
        if (!q) return NULL;
        if (q[1] == '"' && q[2] == '"') return q;
        p = q + 1;
    }
    return NULL;
}

/* After the opening quote: scans to the closing quote on the same line,
 * decoding escapes. */
static gir_node *scan_string(gir_lexer *lx)
{
    gir_buf out;
    buf_init(&out, lx->arena);
    const unsigned char *p = lx->cur;
    int closed = 0;
    while (p < lx->lim && *p != '\n' && *p != '\r') {
        if (*p == '"') { closed = 1; p++; break; }
        if (*p == '\\' && p + 1 < lx->lim) {
            const unsigned char *esc = p;
            unsigned char c = p[1];
            p += 2;
            if (c == '"' || c == '\\') buf_putc(&out, (char)c);
            else if (c == 'n') buf_putc(&out, '\n');
            else if (c == 't') buf_putc(&out, '\t');
            else if (c == 'u' && p < lx->lim && *p == '{') {
                uint32_t cp = 0;
                int nd = 0;
                const unsigned char *q = p + 1;
                while (q < lx->lim && nd < 7 && ((*q >= '0' && *q <= '9') || ((*q | 32) >= 'a' && (*q | 32) <= 'f'))) {
                    cp = cp * 16 + (uint32_t)(*q <= '9' ? *q - '0' : (*q | 32) - 'a' + 10);
                    q++; nd++;
                }
                if (nd > 0 && nd <= 6 && q < lx->lim && *q == '}' && is_control(cp)) {
                    control_diag(lx, span_of(lx, esc, q + 1), cp);
                    p = q + 1;
                } else if (nd > 0 && nd <= 6 && q < lx->lim && *q == '}' && cp <= 0x10FFFF && cp != 0 &&
                    !(cp >= 0xD800 && cp <= 0xDFFF)) {
                    char enc[4];
                    buf_put(&out, enc, (size_t)utf8_encode(cp, enc));
                    p = q + 1;
                } else {
                    gir_diag *g = diag_add(lx->diags, GIR_SEV_ERROR, M_BAD_ESCAPE, lx->src,
                                           span_of(lx, esc, q < lx->lim && *q == '}' ? q + 1 : q),
                                           arena_strndup(lx->arena, (const char *)esc, (size_t)((q < lx->lim && *q == '}' ? q + 1 : q) - esc)));
                    diag_help(lx->diags, g, M_HELP_ESCAPES);
                    p = q < lx->lim && *q == '}' ? q + 1 : q;
                }
            } else {
                int k = 1;
                uint32_t cp;
                if (c >= 0x80) { int kk = utf8_decode(p - 1, lx->lim, &cp); k = kk > 0 ? kk : 1; }
                gir_diag *g = diag_add(lx->diags, GIR_SEV_ERROR, M_BAD_ESCAPE, lx->src, span_of(lx, esc, esc + 1 + k),
                                       arena_strndup(lx->arena, (const char *)esc, (size_t)(1 + k)));
                diag_help(lx->diags, g, M_HELP_ESCAPES);
                p = esc + 1 + k;
            }
            continue;
        }
        const unsigned char *r = p;
        while (r < lx->lim && *r != '"' && *r != '\\' && *r != '\n' && *r != '\r') r++;
        if (r == p) r++;   /* a backslash at the very end: copied as it is */
        buf_put(&out, (const char *)p, (size_t)(r - p));
        p = r;
    }
    if (!text_is_clean(lx->cur, closed ? p - 1 : p)) {
        check_utf8(lx, lx->cur, closed ? p - 1 : p);
        check_controls(lx, lx->cur, closed ? p - 1 : p);
        drop_controls(&out);
    }
    gir_span sp = span_of(lx, lx->tok, p);
    if (!closed) {
        gir_diag *g = diag_add(lx->diags, GIR_SEV_ERROR, M_UNTERMINATED_STRING, lx->src, sp);
        diag_help(lx->diags, g, M_HELP_CLOSE_STRING);
    }
    lx->cur = p;
    gir_node *n = mk_lit(lx, LIT_STRING, sp);
    n->str = buf_cstr(&out);
    n->len = (uint32_t)out.n;
    return n;
}

/* After the opening triple quote: everything up to the closing one. */
static gir_node *scan_prose(gir_lexer *lx)
{
    const unsigned char *b = lx->cur, *close = find_triple(lx->cur, lx->lim);
    const unsigned char *e = close ? close : lx->lim;
    int clean = text_is_clean(b, e);
    if (!clean) {
        check_utf8(lx, b, e);
        check_controls(lx, b, e);
    }
    /* text: drop the newline right after the opening quotes and the last
     * newline (plus indentation) before the closing ones; CRLF -> LF */
    const unsigned char *tb = b, *te = e;
    if (tb < te && *tb == '\r') tb++;
    if (tb < te && *tb == '\n') tb++;
    const unsigned char *q = te;
    while (q > tb && (q[-1] == ' ' || q[-1] == '\t')) q--;
    if (q > tb && (q[-1] == '\n' || q[-1] == '\r')) {
        te = q - 1;
        if (q[-1] == '\n' && te > tb && te[-1] == '\r') te--;
    }
    gir_buf out;
    buf_init(&out, lx->arena);
    out.p = copy_lf(lx->arena, tb, te, &out.n);
    out.cap = out.n + 1;
    if (!clean) drop_controls(&out);
    lx->cur = close ? close + 3 : lx->lim;
    gir_span sp = span_of(lx, lx->tok, lx->cur);
    if (!close)
        diag_add(lx->diags, GIR_SEV_ERROR, M_UNTERMINATED_PROSE, lx->src, span_of(lx, lx->tok, lx->tok + 3));
    gir_node *n = mk_lit(lx, LIT_PROSE, sp);
    n->str = buf_cstr(&out);
    n->len = (uint32_t)out.n;
    return n;
}

/* True when an error was already reported on the line of offset off:
 * one mistake, one diagnostic (the parser is recovering anyway). */
static int line_has_error(const gir_lexer *lx, uint32_t off)
{
    if (!lx->diags->n) return 0;
    const gir_diag *g = lx->diags->v[lx->diags->n - 1];
    if (g->sev != GIR_SEV_ERROR || g->src != lx->src || g->span.start > off) return 0;
    for (uint32_t i = g->span.start; i < off; i++)
        if (lx->base[i] == '\n' || lx->base[i] == '\r') return 0;
    return 1;
}

int lexer_line_has_error(const gir_lexer *lx, uint32_t off) { return line_has_error(lx, off); }

static int bad_char(gir_lexer *lx, gir_span *loc)
{
    uint32_t cp = 0;
    int k = utf8_decode(lx->tok, lx->lim, &cp);
    if (k < 1) k = 1;
    lx->cur = lx->tok + k;
    /* one error per line: a later stray character on a line that already
     * has an error is returned as YYerror without a diagnostic */
    *loc = span_of(lx, lx->tok, lx->cur);
    if (line_has_error(lx, loc->start)) return YYerror;
    static const char *fw[][2] = {
        {"｛", "{"}, {"｝", "}"}, {"（", "("}, {"）", ")"}, {"，", ","}, {"：", ":"},
        {"＝", "="}, {"＂", "\""}, {"＃", "#"}, {"＿", "_"}, {"＜", "<"}, {"＞", ">"},
    };
    for (size_t i = 0; i < sizeof fw / sizeof fw[0]; i++) {
        if ((size_t)k == strlen(fw[i][0]) && memcmp(lx->tok, fw[i][0], (size_t)k) == 0) {
            gir_diag *g = diag_add(lx->diags, GIR_SEV_ERROR, M_FULLWIDTH_PUNCT, lx->src, *loc, fw[i][0]);
            int colon = fw[i][1][0] == ':';   /* "新收：5": no colon is valid there */
            diag_help(lx->diags, g, colon ? M_HELP_NO_COLON : M_HELP_USE_ASCII, fw[i][1]);
            diag_fix(lx->diags, g, *loc, colon ? " " : fw[i][1]);
            return YYerror;
        }
    }
    char shown[8] = {0};
    if (cp < 0x20 || cp == 0x7F) snprintf(shown, sizeof shown, "^%c", (char)(cp ^ 0x40));
    else memcpy(shown, lx->tok, (size_t)k);
    diag_add(lx->diags, GIR_SEV_ERROR, M_BAD_CHAR, lx->src, *loc, shown, (unsigned)cp);
    return YYerror;
}

#define TOKEN(t) do { *loc = span_of(lx, lx->tok, lx->cur); lx->last_newline = 0; return (t); } while (0)

int lexer_next(gir_lexer *lx, gir_node **val, gir_span *loc)
{
    *val = NULL;
    /* every token becomes AST memory (~170 bytes): past the limit, one
     * error and the rest of the input is skipped (read as end of file) */
    if (!lx->truncated && ++lx->ntokens > GIR_MAX_TOKENS) {
        lx->truncated = 1;
        diag_add(lx->diags, GIR_SEV_ERROR, M_TOO_MANY_TOKENS, lx->src, span_of(lx, lx->cur, lx->cur),
                 (unsigned)GIR_MAX_TOKENS);
        lx->cur = lx->lim;
    }
    for (;;) {
        lx->tok = lx->cur;
        /*!re2c
            re2c:define:YYCTYPE  = "unsigned char";
            re2c:define:YYCURSOR = "lx->cur";
            re2c:define:YYMARKER = "lx->mar";
            re2c:define:YYLIMIT  = "lx->lim";
            re2c:yyfill:enable   = 0;
            re2c:eof = 0;
            re2c:api:style = free-form;

            cjk    = [\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f];
            alpha  = [a-zA-Z_] | cjk;
            ident  = alpha (alpha | [0-9])*;
            fwdig  = [\uff10-\uff19];
            dig    = [0-9] | fwdig;
            /* sign and unit: the words of syntax/numbers.def (test_lexer.c
               fails unless these two lines hold exactly those) */
            sign   = [+\-] | "增" | "减" | "＋" | "－";
            unit   = "元" | "万元" | "件" | "个" | "项";
            number = sign? dig+ (("." | "．") dig+)? unit?;
            /* pasted from office documents (decode_pasted_number) */
            numsp  = sign? dig+ (("." | "．") dig+)? [ \t]+ unit;
            numwan = sign? dig+ (("." | "．") dig+)? [ \t]* "万";
            numk   = sign? [0-9]{1,3} ("," [0-9]{3})+ ("." [0-9]+)? unit?;
            /* an official label pasted without quotes (unquoted_label) */
            lchar  = [^ \t\r\n\x00"#{}=\u3000];
            cjknum = [一二三四五六七八九十];
            label  = ("（" [^）\r\n\x00"#]{1,6} "）" | [0-9]+ ("." | "．") | cjknum+ "、") cjk lchar*;
            date   = dig{4} "-" dig{1,2} "-" dig{1,2}
                   | dig{4} "年" dig{1,2} "月" dig{1,2} "日";
            nl     = "\r\n" | "\n" | "\r";

            $ {
                if (!lx->last_newline) { lx->last_newline = 1; *loc = span_of(lx, lx->cur, lx->cur); return NEWLINE; }
                *loc = span_of(lx, lx->cur, lx->cur);
                return YYEOF;
            }
            [ \t]+ | "\u3000"+ { continue; }
            nl {
                if (lx->last_newline || lx->paren_depth > 0) continue;
                lx->last_newline = 1;
                *loc = span_of(lx, lx->tok, lx->cur);
                return NEWLINE;
            }
            "#" [^\r\n\x00]* {
                if (lx->emit_comments) { *loc = span_of(lx, lx->tok, lx->cur); return COMMENT; }
                continue;
            }
            "\"\"\"" { *val = scan_prose(lx); TOKEN(PROSE); }
            "\""     { *val = scan_string(lx); TOKEN(STRING); }
            date     { *loc = span_of(lx, lx->tok, lx->cur); *val = decode_date(lx, *loc); TOKEN(DATE); }
            number   { *loc = span_of(lx, lx->tok, lx->cur); *val = decode_number(lx, *loc); TOKEN(NUMBER); }
            numsp    { *val = decode_pasted_number(lx, loc, M_UNIT_AFTER_SPACE); lx->last_newline = 0; return NUMBER; }
            numwan   { *val = decode_pasted_number(lx, loc, M_WAN_UNIT); lx->last_newline = 0; return NUMBER; }
            numk     { *val = decode_pasted_number(lx, loc, M_THOUSANDS_SEP); lx->last_newline = 0; return NUMBER; }
            label    { *val = unquoted_label(lx, loc); lx->last_newline = 0; return STRING; }
            "_"      { *val = mk_lit(lx, LIT_BLANK, span_of(lx, lx->tok, lx->cur)); TOKEN(BLANK); }
            ident {
                int kw = lang_keyword((const char *)lx->tok, (size_t)(lx->cur - lx->tok));
                if (kw) TOKEN(kw);
                gir_node *n = ast_new(lx->arena, N_NAME, span_of(lx, lx->tok, lx->cur));
                n->str = arena_strndup(lx->arena, (const char *)lx->tok, (size_t)(lx->cur - lx->tok));
                n->len = (uint32_t)(lx->cur - lx->tok);
                *val = n;
                TOKEN(IDENT);
            }
            "{"  { TOKEN('{'); }
            "}"  { TOKEN('}'); }
            "("  { lx->paren_depth++; TOKEN('('); }
            ")"  { if (lx->paren_depth > 0) lx->paren_depth--; TOKEN(')'); }
            ","  { TOKEN(','); }
            ":"  { TOKEN(':'); }
            "="  { TOKEN('='); }
            "+"  { TOKEN('+'); }
            "-"  { TOKEN('-'); }
            "."  { TOKEN('.'); }
            ".." { TOKEN(DOTDOT); }
            "==" { TOKEN(EQEQ); }
            "!=" { TOKEN(NE); }
            "<=" { TOKEN(LE); }
            ">=" { TOKEN(GE); }
            "<"  { TOKEN('<'); }
            ">"  { TOKEN('>'); }
            "\x00" {
                *loc = span_of(lx, lx->tok, lx->cur);
                diag_add(lx->diags, GIR_SEV_ERROR, M_NUL_BYTE, lx->src, *loc);
                lx->last_newline = 0;
                return YYerror;
            }
            [^] { lx->last_newline = 0; return bad_char(lx, loc); }
            * {
                *loc = span_of(lx, lx->tok, lx->cur);
                diag_add(lx->diags, GIR_SEV_ERROR, M_INVALID_UTF8, lx->src, *loc, (unsigned)*lx->tok);
                lx->last_newline = 0;
                return YYerror;
            }
        */
    }
}

const char *lexer_token_name(int kind, gir_lang lang)
{
    switch (kind) {
    case IDENT: return msg_fmt(lang, T_IDENT);
    case STRING: return msg_fmt(lang, T_STRING);
    case PROSE: return msg_fmt(lang, T_PROSE);
    case NUMBER: return msg_fmt(lang, T_NUMBER);
    case DATE: return msg_fmt(lang, T_DATE);
    case BLANK: return msg_fmt(lang, T_BLANK);
    case NEWLINE: return msg_fmt(lang, T_NEWLINE);
    case YYEOF: return msg_fmt(lang, T_EOF);
    default: return NULL;
    }
}
