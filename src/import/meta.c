/* meta.c - the report header and the prose, from the text around
 * the tables. Title: the page's ArticleTitle/<title>, a "标题:" line, or
 * a first line that names a report (or two lines that do together: a
 * title broken in two). Year ("YYYY年" or "YYYY 年"): the title's, else
 * the statistics period's ("统计期限为2024年1月1日至…"), else the first
 * "YYYY年度" / "YYYY年" of the text. Agency: the title before its year,
 * else the line above the title, else the signature above the closing
 * date; kind is guessed from how the agency's name ends (镇 → township,
 * 局/办公室 → department, 人民政府/区/县 → government) and said to be a
 * guess. Date: the closing date line, else a "发布时间:" line, else the
 * page's PubDate. Prose: each line of the input (each paragraph of the
 * page) is one paragraph, tables and pipe-only lines left out. */
#include <string.h>
#include "base/array.h"
#include "base/label.h"
#include "meta.h"
#include "units.h"

/* ---- lines of the working text ---- */

typedef struct line { const char *s; size_t n; uint32_t off; } line;

static size_t lines_of(imp_ctx *c, line **out)
{
    line *v = NULL;
    size_t n = 0;
    const char *s = c->w.s, *e = s + c->w.n;
    while (s < e) {
        const char *q = memchr(s, '\n', (size_t)(e - s));
        if (!q) q = e;
        line l = {s, (size_t)(q - s), (uint32_t)(s - c->w.s)};
        if (l.n && l.s[l.n - 1] == '\r') l.n--;
        ARRAY_PUSH(c->a, v, n, l);
        s = q + 1;
    }
    *out = v;
    return n;
}

static int space_at(const char *s, size_t n, size_t *k)
{
    unsigned char ch = (unsigned char)s[0];
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') { *k = 1; return 1; }
    if (n >= 2 && ch == 0xC2 && (unsigned char)s[1] == 0xA0) { *k = 2; return 1; }
    if (n >= 3 && ch == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) { *k = 3; return 1; }
    if (n >= 3 && ch == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x8B) { *k = 3; return 1; }
    return 0;
}

/* Trimmed copy; NULL when nothing but white space and '|' is left. */
static const char *trimmed(imp_ctx *c, const char *s, size_t n)
{
    size_t k;
    while (n && space_at(s, n, &k)) { s += k; n -= k; }
    while (n) {
        size_t j = n;
        while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80) j--;
        if (j == 0) break;
        j--;
        if (!space_at(s + j, n - j, &k) || j + k != n) break;
        n = j;
    }
    int content = 0;
    for (size_t i = 0; i < n; i++) if (s[i] != '|' && s[i] != ' ') content = 1;
    return content ? arena_strndup(c->a, s, n) : NULL;
}

static int digits_at(const char *s, int n) { for (int i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return 0; return 1; }

/* A year "YYYY年" or "YYYY 年" at s (1990..2200, not the tail of a
 * longer number), else 0; *end is the byte after 年. */
static int year_at_end(const char *s, const char **end)
{
    if (!digits_at(s, 4) || (s[4] >= '0' && s[4] <= '9')) return 0;
    const char *p = s + 4;
    size_t k;
    for (int i = 0; i < 2 && *p && space_at(p, 4, &k); i++) p += k;   /* NUL-terminated: 4 is safe */
    if (strncmp(p, "年", 3) != 0) return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (end) *end = p + 3;
    return y >= 1990 && y <= 2200 ? y : 0;
}

static int year_at(const char *s) { return year_at_end(s, NULL); }

static int year_in(const char *s, int want_du)
{
    for (const char *p = s; *p; p++) {
        if (p > s && p[-1] >= '0' && p[-1] <= '9') continue;
        const char *e = NULL;
        int y = year_at_end(p, &e);
        if (!y) continue;
        if (!want_du || strncmp(e, "度", 3) == 0 || strncmp(e, "政府", 6) == 0) return y;
    }
    return 0;
}

/* The year of a statistics-period sentence ("统计期限为2024年1月1日至
 * 12月31日", "统计期限自2024年1月1日起"), else 0. */
static int period_year(const char *s)
{
    const char *k = strstr(s, "统计期限");
    if (!k) k = strstr(s, "统计时限");
    if (!k) k = strstr(s, "统计区间");
    if (!k) return 0;
    for (const char *p = k; *p && p < k + 40; p++) {
        int y = year_at(p);
        if (y) return y;
    }
    return 0;
}

/* "2022-01-27", "2022/1/27", "2022年1月27日" at s: "2022-01-27" or NULL. */
static const char *date_at(imp_ctx *c, const char *s)
{
    if (!digits_at(s, 4)) return NULL;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    const char *p = s + 4;
    int cjk = strncmp(p, "年", 3) == 0;
    if (cjk) p += 3; else if (*p == '-' || *p == '/' || *p == '.') p++; else return NULL;
    int m = 0, d = 0, k = 0;
    while (*p >= '0' && *p <= '9' && k < 2) { m = m * 10 + (*p++ - '0'); k++; }
    if (!k) return NULL;
    if (cjk) { if (strncmp(p, "月", 3) != 0) return NULL; p += 3; }
    else if (*p == '-' || *p == '/' || *p == '.') p++; else return NULL;
    k = 0;
    while (*p >= '0' && *p <= '9' && k < 2) { d = d * 10 + (*p++ - '0'); k++; }
    if (!k || y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return NULL;
    return arena_printf(c->a, "%04d-%02d-%02d", y, m, d);
}

static const char *first_date(imp_ctx *c, const char *s)
{
    for (const char *p = s; *p; p++) { const char *d = date_at(c, p); if (d) return d; }
    return NULL;
}

/* The title's text before its year ("平潭综合实验区2021年度…" -> "平潭综合实验区"). */
static const char *before_year(imp_ctx *c, const char *t)
{
    for (const char *p = t; *p; p++)
        if ((p == t || p[-1] < '0' || p[-1] > '9') && year_at(p)) return p > t ? trimmed(c, t, (size_t)(p - t)) : NULL;
    return NULL;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static const char *kind_of(const char *ag)
{
    static const char *town[] = {"镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府", "镇", "乡", "街道"};
    static const char *dept[] = {"局", "办公室", "委员会", "办", "中心", "厅", "院", "所", "站", "委", "署", "队"};
    static const char *gov[] = {"人民政府", "政府", "管委会", "管理委员会", "区", "县", "市", "州", "盟", "旗", "省"};
    for (size_t i = 0; i < sizeof town / sizeof *town; i++) if (ends_with(ag, town[i])) return "township";
    if (ends_with(ag, "管理委员会")) return "government";
    for (size_t i = 0; i < sizeof dept / sizeof *dept; i++) if (ends_with(ag, dept[i])) return "department";
    for (size_t i = 0; i < sizeof gov / sizeof *gov; i++) if (ends_with(ag, gov[i])) return "government";
    return NULL;
}

const char *imp_agency_kind(const char *name)
{
    return kind_of(name);
}

/* A line that looks like a title: names an annual report, is short, is no sentence. */
static int names_report(const char *s)
{
    return (strstr(s, "年度报告") || strstr(s, "年报")) && label_length(s) <= 50 && !strstr(s, "根据") &&
           !strstr(s, "，") && !strstr(s, ",") && !strstr(s, "。") && !ends_with(s, ":") && !ends_with(s, "：");
}

/* The first occurrence of needle inside s[0, n), or NULL. */
static const char *find_in(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
            return s + i;
    return NULL;
}

/* The last occurrence of needle in s, or NULL. */
static const char *last_of(const char *s, const char *needle)
{
    const char *last = NULL;
    for (const char *f = strstr(s, needle); f; f = strstr(f + 1, needle))
        last = f;
    return last;
}

/* The start of the agency's name before p: after the last of the words
 * that end the text before it, at most 45 bytes back. */
static const char *agency_start(const char *l, const char *p)
{
    static const char *cuts[] = {"公布", "现将", "根据", "关于", "我", "，", ",", "。", "：", ":", "、", "（", "(", "》", " "};
    const char *b = p > l + 45 ? p - 45 : l;
    while (((unsigned char)*b & 0xC0) == 0x80)
        b++;
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        const char *f;
        while ((f = find_in(b, (size_t)(p - b), cuts[i])) != NULL)
            b = f + strlen(cuts[i]);
    }
    return b;
}

/* "现公布区统计局2023年政府信息公开工作年度报告" -> "区统计局". */
static const char *agency_in_sentence(imp_ctx *c, const char *l)
{
    const char *last = last_of(l, "政府信息公开");
    for (const char *p = l; last && p <= last; p++) {
        if (!year_at(p))
            continue;
        const char *b = agency_start(l, p);
        const char *a = trimmed(c, b, (size_t)(p - b));
        if (a && label_length(a) >= 3 && kind_of(a))
            return a;
    }
    return NULL;
}

/* Where a field came from, as its comment says it. */
static const char *from(const imp_ctx *c, gir_msg id) { return msg_fmt(c->dg->lang, id); }

int imp_guess_year(imp_ctx *c)
{
    imp_meta m = {0};
    imp_meta_find(c, &m);
    return m.year;
}

void imp_meta_find(imp_ctx *c, imp_meta *m)
{
    memset(m, 0, sizeof *m);
    line *ln;
    size_t nl = lines_of(c, &ln);
    size_t first_body = nl;           /* the first heading's line */
    if (c->head && c->head[0].found) first_body = source_line_of(c->src, imp_span(c, c->head[0].ub, c->head[0].ub).start);
    /* title */
    size_t title_line = (size_t)-1;
    if (c->w.title) {
        const char *t = c->w.title;
        const char *cut = strstr(t, "_");
        m->title = trimmed(c, t, cut ? (size_t)(cut - t) : strlen(t));
        m->title_from = from(c, I_G_FROM_PAGE_TITLE);
    }
    for (size_t i = 0; i < nl && i < 40 && !m->title; i++) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (!l) continue;
        if (!strncmp(l, "标题:", 7) || !strncmp(l, "标题：", 9)) {
            m->title = trimmed(c, l + (l[6] == ':' ? 7 : 9), strlen(l) - (l[6] == ':' ? 7 : 9));
            m->title_from = from(c, I_G_FROM_TITLE_LINE);
            title_line = i;
        } else if (names_report(l) && year_in(l, 0) && !strstr(l, "。")) {
            m->title = l;
            m->title_from = from(c, I_G_FROM_FIRST_LINES);
            title_line = i;
        } else if (i + 1 < nl && !strstr(l, "。") && label_length(l) <= 30) {
            const char *next = trimmed(c, ln[i + 1].s, ln[i + 1].n);
            const char *both = next ? arena_printf(c->a, "%s%s", l, next) : NULL;
            if (both && names_report(both) && year_in(both, 0) && !names_report(l)) {
                m->title = both;
                m->title_from = from(c, I_G_FROM_TWO_LINES);
                title_line = i;
            }
        }
    }
    /* year */
    if (m->title && (m->year = year_in(m->title, 0))) m->year_from = from(c, I_G_FROM_TITLE);
    for (size_t i = 0; i < nl && !m->year; i++) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (l && (m->year = period_year(l))) m->year_from = from(c, I_G_FROM_PERIOD);
    }
    for (size_t i = 0; i < nl && !m->year; i++) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (l && (m->year = year_in(l, 1))) m->year_from = from(c, I_G_FROM_TEXT);
    }
    for (size_t i = 0; i < nl && !m->year; i++) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (l && (m->year = year_in(l, 0))) m->year_from = from(c, I_G_FROM_TEXT);
    }
    /* agency */
    if (m->title && (m->agency = before_year(c, m->title))) m->agency_from = from(c, I_G_FROM_TITLE);
    const char *gi = m->title && !m->agency ? strstr(m->title, "政府信息公开") : NULL;
    const char *ga = gi && gi > m->title ? trimmed(c, m->title, (size_t)(gi - m->title)) : NULL;
    if (ga && label_length(ga) <= 30 && kind_of(ga)) { m->agency = ga; m->agency_from = from(c, I_G_FROM_TITLE); }
    for (size_t i = 0; i < nl && i < first_body + 3 && !m->agency; i++) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (l && (m->agency = agency_in_sentence(c, l))) m->agency_from = from(c, I_G_FROM_OPENING);
    }
    if (!m->agency && title_line != (size_t)-1 && title_line > 0) {
        const char *p = trimmed(c, ln[title_line - 1].s, ln[title_line - 1].n);
        if (p && label_length(p) <= 30 && kind_of(p)) { m->agency = p; m->agency_from = from(c, I_G_FROM_ABOVE_TITLE); }
    }
    /* closing lines: agency and date */
    size_t seen = 0;
    for (size_t i = nl; i-- > 0 && seen < 4;) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (!l) continue;
        seen++;
        if (!m->date && date_at(c, l) && label_length(l) <= 12) {
            m->date = date_at(c, l);
            m->date_from = from(c, I_G_FROM_CLOSING_DATE);
            for (size_t j = i; j-- > 0;) {
                const char *a = trimmed(c, ln[j].s, ln[j].n);
                if (!a) continue;
                if (label_length(a) <= 30 && kind_of(a) && (!m->agency || strstr(a, m->agency))) {
                    m->agency = a;
                    m->agency_from = from(c, I_G_FROM_SIGNATURE);
                }
                break;
            }
        }
        /* "平潭综合实验区财政金融局 2021年1月27日 附件下载" on one line */
        const char *d = first_date(c, l);
        if (!m->date && d && label_length(l) <= 60) {
            m->date = d;
            m->date_from = from(c, I_G_FROM_CLOSING_DATE);
        }
    }
    for (size_t i = 0; i < nl && i < first_body + 1 && !m->date; i++) {
        const char *l = trimmed(c, ln[i].s, ln[i].n);
        if (!l) continue;
        const char *k = strstr(l, "发布时间");
        if (!k) k = strstr(l, "发布日期");
        if (!k) k = strstr(l, "日期");
        if (!k) continue;
        const char *d = first_date(c, k);
        if (d) { m->date = d; m->date_from = from(c, I_G_FROM_PUBLISHED); }
    }
    if (!m->date && c->w.date && (m->date = first_date(c, c->w.date))) m->date_from = from(c, I_G_FROM_PUBDATE);
    if (m->agency && (m->kind = kind_of(m->agency))) m->kind_from = from(c, I_G_FROM_AGENCY_NAME);
}

/* ---- prose ---- */

static int in_table(imp_ctx *c, size_t u)
{
    for (size_t t = 0; c->tab && t < c->s->ntables; t++)
        if (c->tab[t].found && u >= c->tab[t].ub && u < c->tab[t].ue) return 1;
    return imp_html_table(c, u) != NULL;
}

size_t imp_paragraphs(imp_ctx *c, size_t ub, size_t ue, const char ***out)
{
    const char **v = NULL;
    size_t n = 0;
    if (ue > c->nu) ue = c->nu;
    size_t i = ub;
    while (i < ue) {
        while (i < ue && (c->u[i].cp == U_NL || in_table(c, i))) i++;
        if (i >= ue) break;
        size_t j = i;
        while (j < ue && c->u[j].cp != U_NL && !in_table(c, j)) j++;
        uint32_t b = c->u[i].b, e = c->u[j - 1].e;
        const char *p = trimmed(c, c->w.s + b, e - b);
        if (p) ARRAY_PUSH(c->a, v, n, p);
        i = j;
    }
    *out = v;
    return n;
}
