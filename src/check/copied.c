/* copied.c - this year's report against last year's (`previous`): the
 * share of each section's text copied from the same section of last
 * year's report (W0645) and tables identical cell for cell (W0646).
 *
 * The measure: the section's text is cut into sentences (at 。！？；, their
 * ASCII forms and line breaks); a sentence is normalised by dropping
 * spaces, quotes and Markdown marks and writing every run of digits as
 * one '#', so that a sentence whose only change is its figures or its
 * year counts as copied. Sentences of fewer than 8 characters ("无。") are
 * not counted. The ratio is the characters of this year's sentences found
 * among last year's normalised sentences over the characters of all of
 * this year's counted sentences; a section of fewer counted characters
 * than the template's `threshold copied_section` is not judged, and
 * `threshold copied` is the percentage warned at. Linear: last year's sentences go into a hash
 * map, each of this year's is looked up once. */
#include <string.h>
#include "internal.h"
#include "base/strmap.h"
#include "base/utf8.h"
#include "template/wording.h"


static int skipped(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == '"' || cp == '#' || cp == '*' || cp == '>' ||
           cp == '|' || cp == '`';
}

gir_sentence *check_sentences(gir_arena *a, const gir_source *src, const gir_node *sec, size_t *n)
{
    gir_sentence *v = NULL;
    *n = 0;
    const gir_node *p = sec ? ast_child(sec, 1) : NULL;
    if (!p || p->span.end <= p->span.start) return NULL;
    const unsigned char *base = (const unsigned char *)src->text;
    const unsigned char *q = base + p->span.start, *e = base + p->span.end;
    gir_buf b;
    buf_init(&b, a);
    gir_sentence cur = {NULL, 0, p->span.start, p->span.start};
    int in_digits = 0;
    while (q < e) {
        uint32_t cp;
        int k = utf8_decode(q, e, &cp);
        if (k <= 0) {
            k = 1;
            cp = 0xFFFD;
        }
        int end = ev_sentence_end(cp);
        q += k;
        if (!end) {
            if (skipped(cp)) continue;
            int digit = cp >= '0' && cp <= '9';
            if (!cur.chars) cur.start = (uint32_t)(q - k - base);
            cur.chars++;
            if (digit && in_digits) continue;
            in_digits = digit;
            if (digit) buf_putc(&b, '#');
            else buf_put(&b, (const char *)q - k, (size_t)k);
            continue;
        }
        if (cur.chars >= GIR_MIN_SENTENCE) {
            cur.end = (uint32_t)(q - base);
            cur.key = buf_cstr(&b);
            ARRAY_PUSH(a, v, *n, cur);
        }
        buf_init(&b, a);
        cur.chars = 0;
        in_digits = 0;
    }
    if (cur.chars >= GIR_MIN_SENTENCE) {
        cur.end = (uint32_t)(q - base);
        cur.key = buf_cstr(&b);
        ARRAY_PUSH(a, v, *n, cur);
    }
    return v;
}

static void compare_section(ck *c, const gir_rsection *rs, const gir_report *prev)
{
    const gir_tsection *ps = schema_find_section(prev->schema, c->a, rs->s->name);
    if (!ps || !prev->sections[ps->index].node) return;
    size_t np, nt;
    gir_sentence *pv = check_sentences(c->a, prev->src, prev->sections[ps->index].node, &np);
    gir_sentence *tv = check_sentences(c->a, c->src, rs->node, &nt);
    gir_strmap m;
    strmap_init(&m, c->a);
    for (size_t i = 0; i < np; i++) strmap_add(&m, pv[i].key, i);
    size_t total = 0, copied = 0, first = (size_t)-1, first_prev = 0;
    for (size_t i = 0; i < nt; i++) {
        size_t j;
        total += tv[i].chars;
        if (!strmap_get(&m, tv[i].key, &j)) continue;
        copied += tv[i].chars;
        if (first == (size_t)-1) {
            first = i;
            first_prev = j;
        }
    }
    double threshold, min_section;
    if (!schema_threshold(c->s, TH_COPIED, &threshold) || !schema_threshold(c->s, TH_COPIED_SECTION, &min_section)) return;
    if ((double)total < min_section || (double)copied * 100 < threshold * (double)total) return;
    int pct = (int)(copied * 100 / total);
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_COPIED, c->src, ast_child(rs->node, 0)->span, rs->s->label, pct,
                           total, copied, (int)threshold);
    diag_related(c->dg, g, prev->src, (gir_span){pv[first_prev].start, pv[first_prev].end}, C_EV_COPIED_FIRST);
    diag_help(c->dg, g, C_EV_COPIED_HELP);
}

static int same_cell(const gir_cell *x, const gir_cell *y, int *nonzero)
{
    int ok = 1;
    if (x->state == CELL_TEXT || y->state == CELL_TEXT)
        return x->state == y->state && !strcmp(x->text ? x->text : "", y->text ? y->text : "");
    if ((x->state == CELL_BLANK) != (y->state == CELL_BLANK)) return 0;
    if (!dec_is_zero(x->v)) *nonzero = 1;
    return dec_cmp(x->v, y->v, &ok) == 0 && ok;
}

static void compare_table(ck *c, size_t t, const gir_report *prev)
{
    const gir_rtable *rt = &c->r->tables[t], *pt = &prev->tables[t];
    if (!rt->node || !pt->node) return;
    int nonzero = 0;
    for (size_t b = 0; b < rt->t->nblocks; b++) {
        const gir_block *bl = rt->t->blocks[b];
        for (size_t k = 0; k < bl->nrows * bl->ncols; k++)
            if (!same_cell(&rt->blocks[b].cells[k], &pt->blocks[b].cells[k], &nonzero)) return;
    }
    if (!nonzero) return;
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_SAME_TABLE, c->src, ast_child(rt->node, 0)->span, rt->t->name);
    diag_related(c->dg, g, prev->src, ast_child(pt->node, 0)->span, C_EV_SAME_TABLE_PREV);
}

void check_copied(ck *c)
{
    const gir_report *prev = c->r->previous;
    if (!prev || !prev->schema || !prev->sections) return;
    for (size_t s = 0; s < c->s->nsections; s++)
        if (c->r->sections[s].node) compare_section(c, &c->r->sections[s], prev);
    if (!prev->tables || strcmp(prev->schema->name, c->s->name) != 0) return;
    for (size_t t = 0; t < c->s->ntables; t++) compare_table(c, t, prev);
}
