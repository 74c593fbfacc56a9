/* signoff.c - the 落款 (signature block): the agency's name and a date on
 * the last lines of the report's last section ("南县麻河口镇人民政府" /
 * "2021年1月25日", or both on one line with a space between). When present, its agency must be
 * the header's agency (W0672: compared without spaces and punctuation,
 * 人民政府 read as 政府, the 办公室 of the agency allowed, either name
 * containing the other; only a clear mismatch is reported) and its date
 * no later than the header's publication date (W0673). A report without
 * a 落款 gets nothing: the evaluators' criteria (EVALUATION.md C10, C11)
 * compare the 落款 when there is one, they do not ask for it. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "base/cnnum.h"
#include "base/label.h"
#include "base/utf8.h"

enum { MAX_NAME_CHARS = 40 };

typedef struct line { const unsigned char *b, *e; } line;

static int space_at(const unsigned char *p, const unsigned char *e)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '"' || *p == '>' || *p == '*') return 1;
    return e - p >= 3 && !memcmp(p, "\xe3\x80\x80", 3);   /* U+3000 */
}

static line trim(line l)
{
    while (l.b < l.e && space_at(l.b, l.e)) l.b += *l.b >= 0x80 ? 3 : 1;
    while (l.e > l.b) {
        if (l.e - l.b >= 3 && !memcmp(l.e - 3, "\xe3\x80\x80", 3)) l.e -= 3;
        else if (l.e[-1] == ' ' || l.e[-1] == '\t' || l.e[-1] == '\r' || l.e[-1] == '"' || l.e[-1] == '*') l.e--;
        else break;
    }
    return l;
}

/* The last non-empty line of [b, e) before end, trimmed; empty if none. */
static line last_line(const unsigned char *b, const unsigned char *end)
{
    while (end > b) {
        const unsigned char *s = end;
        while (s > b && s[-1] != '\n') s--;
        line l = trim((line){s, end});
        if (l.b < l.e) return l;
        end = s > b ? s - 1 : b;
    }
    return (line){b, b};
}

/* A number of a date at *p: ASCII digits, Chinese digits (二〇二四) or a
 * Chinese numeral (二十五). */
static int date_part(const unsigned char **p, const unsigned char *e, long long *v)
{
    size_t n = 0;
    *v = 0;
    while (*p + n < e && (*p)[n] >= '0' && (*p)[n] <= '9' && n < 5) *v = *v * 10 + ((*p)[n++] - '0');
    if (!n) n = cnnum_digits(*p, e, v);
    if (!n) n = cnnum_parse(*p, e, v);
    *p += n;
    return n > 0;
}

static int word(const unsigned char **p, const unsigned char *e, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(e - *p) < n || memcmp(*p, w, n)) return 0;
    *p += n;
    return 1;
}

/* A date "Y年M月D日" that ends line l: its start in *at and the date. */
static int date_ends(line l, const unsigned char **at, int *y, int *m, int *d)
{
    for (const unsigned char *s = l.b; s < l.e; s++) {
        if ((*s & 0xC0) == 0x80) continue;
        const unsigned char *p = s;
        long long yy, mm, dd;
        if (!date_part(&p, l.e, &yy) || !word(&p, l.e, "年") || !date_part(&p, l.e, &mm) || !word(&p, l.e, "月") ||
            !date_part(&p, l.e, &dd) || !word(&p, l.e, "日") || p != l.e)
            continue;
        if (yy < 1900 || yy > 9999 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return 0;
        *at = s;
        *y = (int)yy, *m = (int)mm, *d = (int)dd;
        return 1;
    }
    return 0;
}

/* An agency's name: a short line of no digits and no sentence marks. */
static int name_like(line l)
{
    static const char *const marks[] = {"。", "，", "；", "：", "、", "！", "？", ",", ";", ":", "!", "?", "#", NULL};
    size_t chars = 0;
    for (const unsigned char *p = l.b; p < l.e; p++) {
        if (*p >= '0' && *p <= '9') return 0;
        chars += (*p & 0xC0) != 0x80;
    }
    for (int i = 0; marks[i]; i++)
        for (const unsigned char *p = l.b; p + strlen(marks[i]) <= l.e; p++)
            if (!memcmp(p, marks[i], strlen(marks[i]))) return 0;
    return chars >= 3 && chars <= MAX_NAME_CHARS;
}

/* s folded for comparison: no spaces, 人民政府 as 政府, 管理委员会 as 管委会,
 * and without a trailing office (办公室, 办公厅, …) when strip is set. */
static const char *agency_key(ck *c, const char *s, int strip)
{
    static const char *const drop[] = {" ", "　", "“", "”", "（", "）", "(", ")", "·", "人民", NULL};
    static const char *const offices[] = {"政府信息公开工作领导小组办公室", "政务公开领导小组办公室", "政务公开办公室",
                                          "办公室", "办公厅", NULL};
    const char *f = label_fold(c->a, s);
    size_t n = strlen(f);
    char *out = arena_alloc(c->a, n + 1), *o = out;
    for (const char *p = f; *p;) {
        int hit = 0;
        for (int i = 0; drop[i] && !hit; i++)
            if (!strncmp(p, drop[i], strlen(drop[i]))) p += strlen(drop[i]), hit = 1;
        if (!strncmp(p, "管理委员会", strlen("管理委员会"))) {
            memcpy(o, "管委会", strlen("管委会"));
            o += strlen("管委会");
            p += strlen("管理委员会");
            continue;
        }
        if (!hit) *o++ = *p++;
    }
    *o = 0;
    for (int i = 0; strip && offices[i]; i++) {
        size_t k = strlen(offices[i]), m = strlen(out);
        if (m > k && !strcmp(out + m - k, offices[i])) {
            out[m - k] = 0;
            break;
        }
    }
    return out;
}

static int same_agency(ck *c, const char *signed_by, const char *agency)
{
    const char *a = agency_key(c, signed_by, 1), *b = agency_key(c, agency, 1);
    if (!*a || !*b) return 1;
    return strstr(a, b) || strstr(b, a);
}

static gir_span span_of(ck *c, const unsigned char *b, const unsigned char *e)
{
    const unsigned char *t = (const unsigned char *)c->src->text;
    return (gir_span){(uint32_t)(b - t), (uint32_t)(e - t)};
}

static void check_name(ck *c, line name)
{
    if (!c->r->agency || !*c->r->agency || name.b >= name.e || !name_like(name)) return;
    size_t n = (size_t)(name.e - name.b);
    char *s = arena_alloc(c->a, n + 1);
    memcpy(s, name.b, n);
    s[n] = 0;
    if (same_agency(c, s, c->r->agency)) return;
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_SIGNOFF_AGENCY, c->src, span_of(c, name.b, name.e), s, c->r->agency);
    diag_help(c->dg, g, C_SIGNOFF_HELP);
}

static void check_date(ck *c, line date, int y, int m, int d)
{
    const gir_report *r = c->r;
    if (!r->has_date) return;
    long signed_on = (long)y * 10000 + m * 100 + d, published = (long)r->date_y * 10000 + r->date_m * 100 + r->date_d;
    if (signed_on <= published) return;
    char ss[16], ps[16];
    snprintf(ss, sizeof ss, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
    snprintf(ps, sizeof ps, "%04d-%02d-%02d", r->date_y % 10000, r->date_m % 100, r->date_d % 100);
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_SIGNOFF_DATE, c->src, span_of(c, date.b, date.e), ss, ps);
    diag_help(c->dg, g, C_SIGNOFF_HELP);
}

/* The prose of the section written last in the file. */
static const gir_node *last_prose(ck *c)
{
    const gir_node *best = NULL;
    for (size_t s = 0; s < c->s->nsections; s++) {
        const gir_node *sec = c->r->sections[s].node;
        const gir_node *p = sec ? ast_child(sec, 1) : NULL;
        if (p && p->span.end > p->span.start && (!best || p->span.start > best->span.start)) best = p;
    }
    return best;
}

void check_signoff(ck *c)
{
    const gir_node *p = last_prose(c);
    if (!p) return;
    const unsigned char *t = (const unsigned char *)c->src->text, *b = t + p->span.start, *e = t + p->span.end;
    line last = last_line(b, e);
    const unsigned char *at;
    int y, m, d;
    if (last.b >= last.e || !date_ends(last, &at, &y, &m, &d)) return;   /* no 落款 */
    line date = {at, last.e}, name = trim((line){last.b, at});
    if (name.b < name.e && name.e == at) return;   /* "本报告发布于2022年1月25日": a sentence, not a 落款 */
    if (name.b >= name.e) name = last_line(b, last.b);
    check_date(c, date, y, m, d);
    check_name(c, name);
}
