/* evaluate.c - what the evaluators of annual reports penalise, checked on
 * the report alone (issue 13, EVALUATION.md): a title whose year or agency
 * is not the header's (W0640, W0641), a statistics period for another year
 * (W0642), last year named as if it were this year (W0643), a problems
 * section of one sentence (W0644), no statement of the 信息处理费 (W0647),
 * a government's report silent on 考核/评议/责任追究 (W0648), "全部办结"
 * while table 3 carries applications into next year (W0650). Comparisons
 * with last year's report are in copied.c. All are warnings, waivable. */
#define _GNU_SOURCE   /* memmem */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "base/utf8.h"
#include "template/wording.h"

/* The words each check looks for, the sections it reads and its
 * thresholds are the template's (`wording` and `threshold` lines,
 * template/wording.def); a check whose words its template does not
 * declare does not run. */

typedef struct text { const unsigned char *b, *e; } text;

static text prose_text(const gir_source *src, const gir_node *sec)
{
    const gir_node *p = sec ? ast_child(sec, 1) : NULL;
    const unsigned char *base = (const unsigned char *)src->text;
    if (!p || p->span.end <= p->span.start) return (text){base, base};
    return (text){base + p->span.start, base + p->span.end};
}

static const unsigned char *find_in(const unsigned char *p, const unsigned char *e, const char *w)
{
    size_t n = strlen(w);
    for (; p + n <= e; p++)
        if (*p == (unsigned char)*w && memcmp(p, w, n) == 0) return p;
    return NULL;
}

/* True when the n bytes at w occur in [p, e). */
static int memmem_n(const unsigned char *p, const unsigned char *e, const unsigned char *w, size_t n)
{
    for (; p + n <= e; p++)
        if (memcmp(p, w, n) == 0) return 1;
    return 0;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The bytes that can open an end mark (ev_sentence_end): the ASCII marks,
 * E3 (。 E3 80 82) and EF (！？； EF BC 81/9F/9B). No end mark starts
 * with a continuation byte, so a mark found byte by byte is where a walk
 * decoding character by character would find it. */
static const unsigned char mark_byte[256] = {['\n'] = 1, ['!'] = 1, ['?'] = 1, [';'] = 1, [0xE3] = 1, [0xEF] = 1};

const unsigned char *ev_sentence_after(const unsigned char *p, const unsigned char *e)
{
    for (; p < e; p++) {
        if (!mark_byte[*p]) continue;
        if (*p < 0x80) return p + 1;
        if (e - p < 3) continue;
        if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x82) return p + 3;
        if (p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B)) return p + 3;
    }
    return e;
}

const unsigned char *ev_find(const unsigned char *p, const unsigned char *e, const char *w, size_t n)
{
    if (n > EV_FIND_SHORT) return memmem(p, (size_t)(e - p), w, n);
    if (!n) return p;
    if ((size_t)(e - p) < n) return NULL;
    unsigned char last = (unsigned char)w[n - 1];
    for (const unsigned char *q = p + n - 1; q < e; q++) {
        q = memchr(q, last, (size_t)(e - q));
        if (!q) return NULL;
        if (memcmp(q - (n - 1), w, n - 1) == 0) return q - (n - 1);
    }
    return NULL;
}

/* The sentence of t starting at p: up to and with its end mark. */
static text sentence_from(text t, const unsigned char *p)
{
    return (text){p, ev_sentence_after(p, t.e)};
}

/* A four-digit year followed by 年 at p: the year, else 0. */
static int year_at(const unsigned char *p, const unsigned char *e)
{
    if (p + 4 + 3 > e) return 0;
    for (int i = 0; i < 4; i++)
        if (!is_digit(p[i])) return 0;
    if (memcmp(p + 4, "年", 3) != 0) return 0;
    return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
}

static const unsigned char *next_year(const unsigned char *p, const unsigned char *e, int *y)
{
    while (p < e && (size_t)(e - p) >= 7) {
        if (!is_digit(*p)) {
            p++;
            continue;
        }
        *y = year_at(p, e);
        if (*y) return p;
        while (p < e && is_digit(*p)) p++;
    }
    return NULL;
}

static gir_span span_of(const ck *c, const unsigned char *p, size_t n)
{
    uint32_t o = (uint32_t)(p - (const unsigned char *)c->src->text);
    return (gir_span){o, (uint32_t)(o + n)};
}

/* ---- the title (W0640, W0641) ---- */

/* s without spaces, quotes and punctuation (ASCII and the full-width
 * marks names are written with), for comparing names. */
static const char *letters(ck *c, const char *s)
{
    static const char drop[] = "“”‘’「」『』《》（）【】、，。・·：；　";
    const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
    const unsigned char *db = (const unsigned char *)drop, *de = db + sizeof drop - 1;
    gir_buf b;
    buf_init(&b, c->a);
    while (p < e) {
        uint32_t cp = 0;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0) k = 1;
        int keep = k > 1 || (*p > ' ' && *p < 0x7f && ((*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')));
        if (k > 1 && memmem_n(db, de, p, (size_t)k)) keep = 0;
        if (keep) buf_put(&b, (const char *)p, (size_t)k);
        p += k;
    }
    return buf_cstr(&b);
}

static void check_title(ck *c)
{
    const gir_report *r = c->r;
    if (!r->title || !r->year) return;
    const unsigned char *base = (const unsigned char *)c->src->text;
    const unsigned char *hb = base + r->header->span.start, *he = base + r->header->span.end;
    const unsigned char *brace = find_in(hb, he, "{");
    if (!brace) return;
    const unsigned char *tb = (const unsigned char *)r->title, *te = tb + strlen(r->title);
    int y;
    const unsigned char *ty = next_year(tb, te, &y);
    if (!ty) return;
    char ys[8];
    snprintf(ys, sizeof ys, "%04d", y);
    const unsigned char *at = find_in(hb, brace, ys);
    gir_span sp = at ? span_of(c, at, 4) : (gir_span){r->header->span.start, r->header->span.start + 6};
    if (y != r->year) diag_add(c->dg, GIR_SEV_WARNING, C_EV_TITLE_YEAR, c->src, sp, y, r->year);
    size_t pn = (size_t)(ty - tb);
    if (!pn || !r->agency || !*r->agency) return;
    char *prefix = arena_alloc(c->a, pn + 1);
    memcpy(prefix, tb, pn);
    prefix[pn] = 0;
    const char *fp = letters(c, prefix), *fa = letters(c, r->agency);
    if (!*fp || strstr(fa, fp) || strstr(fp, fa)) return;
    const unsigned char *pa = find_in(hb, brace, prefix);
    gir_span ps = pa ? span_of(c, pa, pn) : sp;
    diag_add(c->dg, GIR_SEV_WARNING, C_EV_TITLE_AGENCY, c->src, ps, prefix, r->agency);
}

/* ---- the prose (W0642, W0643) ---- */

/* Where each word of a wording next occurs in one prose text, at or
 * after the sentence being read (NULL: nowhere after). Each word's place
 * only moves forward, so the text is searched once per word, not once
 * per sentence. */
typedef struct word_at {
    const gir_words *words;
    const unsigned char **at;
    size_t *len;
} word_at;

static word_at words_at(ck *c, gir_wording_id id)
{
    word_at wa = {schema_words(c->s, id), NULL, NULL};
    if (!wa.words) return wa;
    wa.at = arena_alloc(c->a, wa.words->n * sizeof *wa.at);
    wa.len = arena_alloc(c->a, wa.words->n * sizeof *wa.len);
    return wa;
}

/* Starts the search of a new prose text t. */
static void words_reset(word_at *wa, text t)
{
    for (size_t w = 0; wa->words && w < wa->words->n; w++) {
        size_t n = strlen(wa->words->w[w]);
        wa->len[w] = n;
        wa->at[w] = n ? ev_find(t.b, t.e, wa->words->w[w], n) : NULL;
    }
}

/* The first place of word w in sentence s of text t, or NULL (the
 * sentences of t are asked in order). */
static const unsigned char *word_in(word_at *wa, size_t w, text s, text t)
{
    size_t n = wa->len[w];
    if (wa->at[w] && wa->at[w] < s.b) wa->at[w] = ev_find(s.b, t.e, wa->words->w[w], n);
    const unsigned char *p = wa->at[w];
    return p && p + n <= s.e ? p : NULL;
}

/* The words a sentence is searched for, one set for each check. */
typedef struct sentence_words { word_at period, done; } sentence_words;

/* A finding of the sentence checks, at offset at of its prose text:
 * W0642 (y the year named), W0643, W0650 (w the word of `wording
 * all_done`). They depend on the text, the report's year and whether
 * table 3 carries applications over: the memo keeps them
 * (MEMO_SENTENCES), the cell's value is read when they are reported. */
typedef enum { EV_PERIOD, EV_STALE, EV_ALL_DONE } event_kind;
typedef struct event {
    event_kind kind;
    uint32_t at;
    int y;
    size_t w;
} event;

typedef struct events {
    ck *c;
    text t;
    event *v; size_t n;
} events;

static void add_event(events *ev, event_kind kind, const unsigned char *p, int y, size_t w)
{
    event x = {kind, (uint32_t)(p - ev->t.b), y, w};
    ARRAY_PUSH(ev->c->a, ev->v, ev->n, x);
}

/* The statistics period in sentence s names the report's year. */
static void check_period(ck *c, events *ev, word_at *pa, text s, text t)
{
    for (size_t w = 0; pa->words && w < pa->words->n; w++) {
        const unsigned char *p = word_in(pa, w, s, t);
        if (!p) continue;
        int y;
        for (const unsigned char *q = next_year(p, s.e, &y); q; q = next_year(q + 7, s.e, &y)) {
            if (y == c->r->year) continue;
            add_event(ev, EV_PERIOD, q, y, 0);
            return;
        }
        return;
    }
}

static int has_compare_word(ck *c, text s, int year)
{
    if (words_in(schema_words(c->s, WD_COMPARE), s.b, s.e)) return 1;
    int y;
    for (const unsigned char *q = next_year(s.b, s.e, &y); q; q = next_year(q + 7, s.e, &y))
        if (y >= year) return 1;
    return 0;
}

/* Last year at the head of sentence s, then (after an optional 度) one of
 * the words of `wording stale_after` ("，", 我, 本). */
static void check_stale(ck *c, events *ev, text s)
{
    const unsigned char *p = s.b;
    while (p < s.e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '#' || *p == '*' || *p == '>' || *p == '"')) p++;
    if (p + 3 <= s.e && memcmp(p, "\xe3\x80\x80", 3) == 0) p += 3;
    if (year_at(p, s.e) != c->r->year - 1) return;
    const unsigned char *a = p + 7;
    if (a + 3 <= s.e && memcmp(a, "度", 3) == 0) a += 3;
    const gir_words *next = schema_words(c->s, WD_STALE_AFTER);
    int head = 0;
    for (size_t i = 0; next && i < next->n && !head; i++)
        head = (size_t)(s.e - a) >= strlen(next->w[i]) && memcmp(a, next->w[i], strlen(next->w[i])) == 0;
    if (!head || has_compare_word(c, s, c->r->year)) return;
    add_event(ev, EV_STALE, p, 0, 0);
}

/* Table 3's carry-over into next year when it is more than 0, else NULL. */
static const gir_cell *carried_over(ck *c)
{
    const gir_words *w = schema_words(c->s, WD_CARRIED);
    if (!w || w->n != 3 || !schema_words(c->s, WD_ALL_DONE) || !schema_words(c->s, WD_APPLICATIONS)) return NULL;
    const gir_ttable *t = schema_find_table(c->s, c->a, w->w[0]);
    if (!t || !c->r->tables[t->index].node) return NULL;
    int blk = 0;
    const gir_hnode *row = schema_find_row(t, c->a, w->w[1], &blk);
    const gir_hnode *col = row ? schema_find_col(t->blocks[blk], c->a, w->w[2]) : NULL;
    if (!col || row->is_group || col->is_group) return NULL;
    const gir_cell *v = report_cell(c->r, (int)t->index, blk, (int)row->index, (int)col->index);
    if ((v->state != CELL_WRITTEN && v->state != CELL_COMPUTED) || v->bad || v->v.m <= 0) return NULL;
    return v;
}

/* The first word of `wording all_done` (in the wording's order) in
 * sentence s, when the sentence speaks of applications. */
static void check_all_done(ck *c, events *ev, word_at *done, text s, text t)
{
    size_t w = 0;
    const unsigned char *p = NULL;
    for (; w < done->words->n && !p; w++) p = word_in(done, w, s, t);
    if (!p || !words_in(schema_words(c->s, WD_APPLICATIONS), s.b, s.e)) return;   /* once a sentence */
    add_event(ev, EV_ALL_DONE, p, 0, w - 1);
}

/* The checks of one sentence at a time (linear in the prose). */
static void find_events(ck *c, events *ev, sentence_words *sw, text t, int carried)
{
    words_reset(&sw->period, t);
    words_reset(&sw->done, t);
    for (const unsigned char *p = t.b; p < t.e;) {
        text s = sentence_from(t, p);
        if (c->r->year) {
            check_period(c, ev, &sw->period, s, t);
            check_stale(c, ev, s);
        }
        if (carried) check_all_done(c, ev, &sw->done, s, t);
        p = s.e;
    }
}

static void report_event(ck *c, const sentence_words *sw, text t, const event *x, const gir_cell *carried)
{
    const unsigned char *p = t.b + x->at;
    int year = c->r->year;
    if (x->kind == EV_PERIOD) {
        diag_add(c->dg, GIR_SEV_WARNING, C_EV_PERIOD_YEAR, c->src, span_of(c, p, 4), x->y, year);
        return;
    }
    if (x->kind == EV_STALE) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_STALE_YEAR, c->src, span_of(c, p, 7), year - 1, year);
        diag_help(c->dg, g, C_EV_STALE_HELP);
        return;
    }
    const char *word = sw->done.words->w[x->w];
    char num[48];
    dec_format_buf(carried->v, num);
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_ALL_DONE, c->src, span_of(c, p, strlen(word)), word, num);
    diag_related(c->dg, g, c->src, carried->span, C_EV_ALL_DONE_CELL, num);
}

/* The sentence checks of text t: their findings kept from an earlier
 * compile, else found, then reported. */
static void check_sentences_of(ck *c, sentence_words *sw, text t, const gir_cell *carried)
{
    long long key = (long long)c->r->year * 2 + (carried != NULL);
    size_t n = 0;
    const event *v = memo_get(c, t.b, t.e, MEMO_SENTENCES, key, &n);
    if (!v) {
        events ev = {c, t, NULL, 0};
        find_events(c, &ev, sw, t, carried != NULL);
        memo_put(c, t.b, t.e, MEMO_SENTENCES, key, ev.v, ev.n, sizeof *ev.v);
        v = ev.v;
        n = ev.n;
    }
    for (size_t i = 0; i < n; i++) report_event(c, sw, t, &v[i], carried);
}

/* ---- sections with content (W0644, W0647, W0648) ---- */

/* The characters of t that are not spaces or Markdown marks, and the
 * number of its sentences with any such character; the count stops once
 * it reaches limit (then *sentences is of the part read). */
static size_t content_chars(text t, size_t *sentences, size_t limit)
{
    size_t n = 0, in_sentence = 0;
    *sentences = 0;
    for (const unsigned char *p = t.b; p < t.e && n < limit;) {
        uint32_t cp = 0;
        int k = utf8_decode(p, t.e, &cp);
        if (k <= 0) k = 1;
        p += k;
        if (ev_sentence_end(cp)) {
            *sentences += in_sentence;
            in_sentence = 0;
            continue;
        }
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == '"' || cp == '#' || cp == '*' || cp == '>' ||
            cp == '-')
            continue;
        n++;
        in_sentence = 1;
    }
    *sentences += in_sentence;
    return n;
}

/* The least count of characters n with n >= min. */
static size_t at_least(double min)
{
    if (!(min > 0)) return 0;
    if (min >= (double)SIZE_MAX) return SIZE_MAX;
    size_t n = (size_t)min;
    return (double)n < min ? n + 1 : n;
}

/* The section's text, trimmed, for the message. */
static const char *trimmed(ck *c, text t)
{
    while (t.b < t.e && (*t.b == '"' || *t.b == ' ' || *t.b == '\n' || *t.b == '\r' || *t.b == '\t')) t.b++;
    while (t.e > t.b && (t.e[-1] == '"' || t.e[-1] == ' ' || t.e[-1] == '\n' || t.e[-1] == '\r' || t.e[-1] == '\t')) t.e--;
    size_t n = (size_t)(t.e - t.b);
    char *s = arena_alloc(c->a, n + 1);
    memcpy(s, t.b, n);
    s[n] = 0;
    return s;
}

/* One sentence of fewer than `threshold problems` characters ("无。",
 * "暂无问题。"). */
static void check_problems(ck *c, const gir_rsection *rs)
{
    double min;
    if (!schema_threshold(c->s, TH_PROBLEMS, &min)) return;
    text t = prose_text(c->src, rs->node);
    size_t sentences;
    size_t n = content_chars(t, &sentences, at_least(min));
    if (sentences > 1 || (double)n >= min) return;
    gir_span sp = ast_child(rs->node, 0)->span;
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_EMPTY_SECTION, c->src, sp, rs->s->label, trimmed(c, t));
    diag_help(c->dg, g, C_EV_EMPTY_HELP);
}

static void check_fee(ck *c, const gir_rsection *rs)
{
    const gir_words *fee = schema_words(c->s, WD_FEE);
    text t = prose_text(c->src, rs->node);
    if (!fee || words_in(fee, t.b, t.e)) return;
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_FEE_MISSING, c->src, ast_child(rs->node, 0)->span, rs->s->label);
    diag_help(c->dg, g, C_EV_FEE_HELP);
}

static void check_gov_duties(ck *c)
{
    const gir_words *duties = schema_words(c->s, WD_DUTIES);
    for (size_t w = 0; duties && w < duties->n; w++) {
        int found = 0;
        for (size_t s = 0; s < c->s->nsections && !found; s++) {
            text t = prose_text(c->src, c->r->sections[s].node);
            found = find_in(t.b, t.e, duties->w[w]) != NULL;
        }
        if (!found) diag_add(c->dg, GIR_SEV_WARNING, C_EV_GOV_DUTY, c->src, (gir_span){c->src->len, c->src->len}, duties->w[w]);
    }
}

/* The report's prose has at least min characters (content_chars): read
 * only as far as needed. */
static int body_has(ck *c, double min)
{
    size_t need = at_least(min), n = 0, sentences;
    for (size_t s = 0; s < c->s->nsections && n < need; s++)
        n += content_chars(prose_text(c->src, c->r->sections[s].node), &sentences, need - n);
    return (double)n >= min;
}

void check_evaluate(ck *c)
{
    /* what a section says is judged once its figures hold (a report with
     * errors gets its errors first) and once the report has a body: a
     * skeleton being filled in, or a sample, is not judged */
    double min_body = 0;
    schema_threshold(c->s, TH_BODY, &min_body);
    int content = c->dg->nerrors == 0 && body_has(c, min_body);
    const gir_words *problems = schema_words(c->s, WD_PROBLEMS), *fee = schema_words(c->s, WD_FEE_SECTION);
    check_title(c);
    const gir_cell *carried = carried_over(c);
    sentence_words sw = {words_at(c, WD_PERIOD), words_at(c, WD_ALL_DONE)};
    for (size_t s = 0; s < c->s->nsections; s++) {
        const gir_rsection *rs = &c->r->sections[s];
        if (!rs->node) continue;
        text t = prose_text(c->src, rs->node);
        check_sentences_of(c, &sw, t, carried);
        if (!content) continue;
        if (problems && rs->s == problems->section) check_problems(c, rs);
        if (fee && rs->s == fee->section) check_fee(c, rs);
    }
    if (content && c->r->kind == KIND_GOVERNMENT) check_gov_duties(c);
    check_signoff(c);   /* the 落款, W0672-W0673 (signoff.c) */
    check_copied(c);
    if (content) check_jumps(c);
}
