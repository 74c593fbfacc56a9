/* text.c - the working text to the folded unit stream, and the tokens of
 * a data region (text.h). Folding (units.h) makes labels comparable
 * however they were typed; white space and '|' stay as separator units
 * (labels are matched across them, numbers are split at them).
 * A data region (the units between two anchors) becomes tokens: numbers,
 * "not applicable" marks (/ - — 无), empty cells (between two '|', or
 * extra blank lines in a copy with one cell per paragraph), row breaks
 * (a table row per line) and text nobody asked for. */
#include <string.h>
#include "base/array.h"
#include "base/utf8.h"
#include "notes.h"
#include "text.h"
#include "units.h"

void imp_fold(imp_ctx *c)
{
    const unsigned char *s = (const unsigned char *)c->w.s, *p = s, *e = s + c->w.n;
    c->u = NULL;
    c->nu = 0;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) {
            cp = 0xFFFD;
            k = 1;
        }
        uint32_t b = (uint32_t)(p - s);
        p += k;
        if (cp == '\r' && p < e && *p == '\n')
            p++;
        uint32_t f[8];
        int m = imp_fold_cp(cp, f);
        for (int i = 0; i < m; i++) {
            imp_unit u = {f[i], b, (uint32_t)(p - s)};
            ARRAY_PUSH(c->a, c->u, c->nu, u);
        }
    }
    imp_index(c);
}

/* ---- tokens ---- */

static int is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

static const char *const count_units[] = {"件", "个", "项", "笔", "条", "次", "家", "人", "份", "宗", "元", "万元"};

static int classify(imp_ctx *c, imp_tok *t)
{
    t->text = imp_units_text(c, t->ub, t->ue);
    const char *s = t->text;
    t->sign = 0;
    t->ip = t->fp = t->unit = "";
    t->note = NULL;
    /* not applicable: / - — 无 */
    int na = *s != 0;
    for (const char *p = s; *p; p++) if (!strchr("/-\\", *p) && (unsigned char)*p < 0x80) na = 0;
    if (na) {
        const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
        while (p < e && na) {
            uint32_t cp;
            int k = utf8_decode(p, e, &cp);
            if (k < 0) { na = 0; break; }
            if (!(cp == '/' || cp == '-' || cp == '\\' || cp == 0x2014 || cp == 0x2013 || cp == 0x2015 ||
                  cp == 0x2500 || cp == 0xD7 || cp == 0x2012)) na = 0;
            p += k;
        }
    }
    if (na || strcmp(s, "无") == 0 || strcmp(s, "空") == 0 || strcmp(s, "暂无") == 0) { t->k = TK_NA; return TK_NA; }
    const char *p = s;
    if (*p == '+') { t->sign = 1; p++; }
    else if (*p == '-') { t->sign = -1; p++; }
    else if (strncmp(p, "增", 3) == 0) { t->sign = 1; p += 3; t->note = "增"; }
    else if (strncmp(p, "减", 3) == 0) { t->sign = -1; p += 3; t->note = "减"; }
    if (!is_digit((unsigned char)*p)) { t->k = TK_TEXT; return TK_TEXT; }
    char *ip = arena_alloc(c->a, strlen(p) + 1);     /* the digits, without commas */
    size_t nip = 0;
    int commas = 0;
    while (is_digit((unsigned char)*p) || (*p == ',' && is_digit((unsigned char)p[1]) && is_digit((unsigned char)p[2]) &&
                                           is_digit((unsigned char)p[3]) && !is_digit((unsigned char)p[4]))) {
        if (*p == ',') { commas = 1; p++; continue; }
        ip[nip++] = *p++;
    }
    ip[nip] = 0;
    const char *fp = "";
    if (*p == '.' && is_digit((unsigned char)p[1])) {
        const char *q = ++p;
        while (is_digit((unsigned char)*p)) p++;
        fp = arena_strndup(c->a, q, (size_t)(p - q));
    }
    const char *unit = "";
    for (size_t i = 0; *p && i < sizeof count_units / sizeof count_units[0]; i++)
        if (strncmp(p, count_units[i], strlen(count_units[i])) == 0 && (!p[strlen(count_units[i])] || p[strlen(count_units[i])] == '(')) {
            unit = count_units[i];
            p += strlen(unit);
        }
    if (*p == '(' && p[strlen(p) - 1] == ')') p += strlen(p);     /* "22(其中修订16件)": a note, kept by imp_literal */
    if (*p) { t->k = TK_TEXT; return TK_TEXT; }
    t->ip = ip;
    t->fp = fp;
    t->unit = unit;
    if (commas) t->note = t->note ? t->note : ",";
    t->k = TK_NUM;
    return TK_NUM;
}

const char *imp_literal(imp_ctx *c, const imp_tok *t, gir_cell_type type, const char **note)
{
    *note = NULL;
    const char *ip = t->ip;
    while (ip[0] == '0' && ip[1]) ip++;
    const char *unit = t->unit;
    int money_unit = strcmp(unit, "元") == 0 || strcmp(unit, "万元") == 0;
    if (*unit && !money_unit) unit = "";               /* 2笔 -> 2 */
    if (*unit && type != CT_MONEY && type != CT_COUNT && type != CT_CHANGE) unit = "";
    const char *lit = arena_printf(c->a, "%s%s%s%s%s", t->sign > 0 ? "+" : t->sign < 0 ? "-" : "", ip,
                                   *t->fp ? "." : "", t->fp, unit);
    if (strcmp(lit, t->text) != 0) *note = imp_say(c, I_G_LITERAL, t->text, lit);
    return lit;
}

/* End of a number at the start of units [i, j): sign, digits, ",ddd"
 * groups, ".digits", a unit; i when there is none. */
static size_t num_prefix(const imp_ctx *c, size_t i, size_t j)
{
    static const uint32_t units[] = {0x5143 /* 元 */, 0x4EF6, 0x4E2A, 0x9879, 0x7B14, 0x6761, 0x6B21, 0x5BB6, 0x4EBA, 0x4EFD, 0x5B97};
    size_t k = i;
    if (k < j && (c->u[k].cp == '+' || c->u[k].cp == '-' || c->u[k].cp == 0x589E || c->u[k].cp == 0x51CF)) k++;
    size_t d = k;
    while (k < j && is_digit(c->u[k].cp)) k++;
    if (k == d) return i;
    while (k + 3 < j + 0 && c->u[k].cp == ',' && is_digit(c->u[k + 1].cp) && is_digit(c->u[k + 2].cp) && is_digit(c->u[k + 3].cp) &&
           (k + 4 >= j || !is_digit(c->u[k + 4].cp)))
        k += 4;
    if (k + 1 < j && c->u[k].cp == '.' && is_digit(c->u[k + 1].cp)) { k++; while (k < j && is_digit(c->u[k].cp)) k++; }
    else if (k < j && imp_cp_eq(c->u[k].cp, '.') && c->u[k].cp != ',') return i;   /* "2.其他…": a label's number */
    if (k + 1 < j && c->u[k].cp == 0x4E07 && c->u[k + 1].cp == 0x5143) return k + 2;   /* 万元 */
    for (size_t u = 0; k < j && u < sizeof units / sizeof units[0]; u++) if (c->u[k].cp == units[u]) return k + 1;
    return k;
}

static void push_word(imp_ctx *c, size_t b, size_t e, imp_tok **out, size_t *n)
{
    imp_tok t = {0};
    t.ub = b;
    t.ue = e;
    classify(c, &t);
    ARRAY_PUSH(c->a, *out, *n, t);
}

/* A note in parentheses right after a number at unit k, in the same cell
 * ("22（其中修订16件）"): the unit after its ')', else 0. */
static size_t note_after(const imp_ctx *c, size_t k, size_t ue)
{
    size_t q = k;
    while (q < ue && c->u[q].cp == U_SP) q++;
    if (q >= ue || c->u[q].cp != '(') return 0;
    for (size_t r = q + 1; r < ue && r < q + 80; r++) {
        uint32_t cp = c->u[r].cp;
        if (cp == U_NL || cp == U_PIPE || cp == '(') return 0;
        if (cp == ')') return r + 1;
    }
    return 0;
}

/* Words of units [ub, ue): runs of non-separators; a number glued to the
 * text after it ("0000000三、本年度办理结果") is two words; a number and
 * the note in parentheses after it are one ("22（其中修订16件）" is 22,
 * the note kept as a comment: the digits of a note are never values). */
static void words(imp_ctx *c, size_t ub, size_t ue, imp_tok **out, size_t *n)
{
    size_t i = ub;
    while (i < ue) {
        while (i < ue && imp_is_sep(c->u[i].cp)) i++;
        if (i >= ue) break;
        size_t j = i;
        while (j < ue && !imp_is_sep(c->u[j].cp)) j++;
        size_t k = num_prefix(c, i, j);
        size_t note = k > i ? note_after(c, k, ue) : 0;
        if (note) {
            push_word(c, i, note, out, n);
            i = note;
            continue;
        }
        if (k > i && k < j) { push_word(c, i, k, out, n); push_word(c, k, j, out, n); }
        else push_word(c, i, j, out, n);
        i = j;
    }
}

static int only_space(const imp_ctx *c, size_t b, size_t e, int *nl)
{
    *nl = 0;
    for (size_t i = b; i < e; i++) {
        if (c->u[i].cp == U_NL) (*nl)++;
        else if (c->u[i].cp != U_SP) return 0;
    }
    return 1;
}

size_t imp_tokens(imp_ctx *c, size_t ub, size_t ue, imp_tok **out)
{
    imp_tok *v = NULL;
    size_t n = 0;
    if (ue > c->nu) ue = c->nu;
    if (c->pipes) {
        size_t pb = ub;
        int first = 1;
        for (size_t i = ub; i <= ue; i++) {
            if (i < ue && c->u[i].cp != U_PIPE) continue;
            int last = i == ue;
            int nl = 0;
            int blank = only_space(c, pb, i, &nl);
            int leading_nl = 0;
            for (size_t k = pb; k < i && imp_is_sep(c->u[k].cp); k++) if (c->u[k].cp == U_NL) leading_nl = 1;
            if (c->w.html && leading_nl && !first) { imp_tok t = {TK_BREAK, pb, pb, "", 0, "", "", "", NULL}; ARRAY_PUSH(c->a, v, n, t); }
            if (!blank) words(c, pb, i, &v, &n);
            else if (!first && !last) { imp_tok t = {TK_EMPTY, pb, i, "", 0, "", "", "", NULL}; ARRAY_PUSH(c->a, v, n, t); }
            first = 0;
            pb = i + 1;
        }
    } else {
        size_t i = ub;
        while (i < ue) {
            size_t j = i;
            int nl = 0;
            while (j < ue && imp_is_sep(c->u[j].cp)) { if (c->u[j].cp == U_NL) nl++; j++; }
            int empties = c->dblspace ? nl - 2 : nl - 1;
            for (int k = 0; k < empties; k++) {
                imp_tok t = {TK_EMPTY, i, j, "", 0, "", "", "", NULL};
                ARRAY_PUSH(c->a, v, n, t);
            }
            if (j >= ue) break;
            size_t e = j;
            while (e < ue && !imp_is_sep(c->u[e].cp)) e++;
            words(c, j, e, &v, &n);
            i = e;
        }
    }
    *out = v;
    return n;
}
