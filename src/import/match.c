/* match.c - finding the template's labels in the folded stream.
 * A label matches across white space and line breaks, with full-width and
 * half-width punctuation equal (and 、 . , : ; all alike); failing the
 * official text, the label without its trailing "（…）" or without its
 * numbering ("（一）", "1.", "一、") is tried, and a "（…）" annotation
 * right after a match is skipped. The format is the template whose own
 * labels (those no other template has) are found most often. Section
 * headings are found in order: the official heading or an alias of the
 * template, numbered anywhere, or its words on a line of their own (after
 * any number: the words beat the number when they disagree); failing
 * those, a heading with the part's number in another wording ("一、工作基本
 * 情况") on its own line, unless its words are another part's. The
 * labels of a table are anchored by the longest chain of matches in
 * template order (so a label that also occurs elsewhere cannot pull the
 * rows out of order); labels not in the chain are "lost". */
#include <string.h>
#include "base/array.h"
#include "base/label.h"
#include "match.h"
#include "units.h"

#define MAX_OCC 8

static int cjk_numeral(uint32_t cp)
{
    static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) if (nums[i] == cp) return (int)i + 1;
    return 0;
}

static int numeral(uint32_t cp) { return cjk_numeral(cp) || (cp >= '0' && cp <= '9'); }
static int punct(uint32_t cp) { return imp_cp_eq(cp, '.'); }


/* Length of a numbering prefix "（一）" "(1)" "一、" "1." at the start of p. */
static size_t prefix_len(const uint32_t *p, size_t n)
{
    size_t i = 0;
    if (n > 2 && p[0] == '(') {
        i = 1;
        while (i < n && numeral(p[i])) i++;
        if (i > 1 && i < n && p[i] == ')') return i + 1;
        return 0;
    }
    while (i < n && numeral(p[i])) i++;
    if (i > 0 && i < n && punct(p[i])) return i + 1;
    return 0;
}

/* Without a trailing "(…)": new length, or n. */
static size_t strip_paren(const uint32_t *p, size_t n)
{
    if (n < 3 || p[n - 1] != ')') return n;
    int depth = 0;
    for (size_t i = n; i-- > 0;) {
        if (p[i] == ')') depth++;
        else if (p[i] == '(' && --depth == 0) return i > 0 ? i : n;
    }
    return n;
}

static void add_pat(gir_arena *a, imp_anchor *an, const uint32_t *p, size_t n, int core)
{
    for (size_t i = 0; i < an->npats; i++)
        if (an->pats[i].n == n && memcmp(an->pats[i].cp, p, n * sizeof *p) == 0) return;
    imp_pat pt = {p, n, core};
    ARRAY_PUSH(a, an->pats, an->npats, pt);
}

static int has_cjk(const char *s)
{
    for (; *s; s++) if ((unsigned char)*s >= 0xE3) return 1;
    return 0;
}

static void label_pats(gir_arena *a, imp_anchor *an, const char *label)
{
    if (!label || !*label) return;
    uint32_t *f;
    size_t n = imp_fold_str(a, label, &f);
    if (!n) return;
    add_pat(a, an, f, n, 0);
    size_t ln = strip_paren(f, n);
    if (ln < n && ln >= 2) add_pat(a, an, f, ln, 0);
    size_t pl = prefix_len(f, n);
    if (pl && n - pl >= 4) add_pat(a, an, f + pl, n - pl, 1);
    if (pl && ln < n && ln - pl >= 4) add_pat(a, an, f + pl, ln - pl, 1);
}

static void node_pats(gir_arena *a, imp_anchor *an, const gir_hnode *h)
{
    label_pats(a, an, h->label);
    for (size_t i = 0; i < h->naliases; i++)
        if (has_cjk(h->aliases[i]) && label_length(h->aliases[i]) >= 5) label_pats(a, an, h->aliases[i]);
}

/* The first unit from working byte b on. */
static size_t unit_from(const imp_ctx *c, uint32_t b)
{
    size_t lo = 0, hi = c->nu;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->u[mid].b < b) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Occurrences of an anchor's patterns in [ub, ue), earliest first. */
static void occurrences_in(imp_ctx *c, imp_anchor *an, size_t ub, size_t ue)
{
    for (size_t p = 0; p < an->npats; p++) {
        size_t from = ub, me = 0;
        for (int k = 0; k < MAX_OCC; k++) {
            size_t s = imp_find(c, from, ue, an->pats[p].cp, an->pats[p].n, &me);
            if (s == (size_t)-1) break;
            size_t st = s;
            if (an->pats[p].core) {            /* take in a numbering written differently */
                size_t j = s;
                while (j > ub && (c->u[j - 1].cp == U_SP || c->u[j - 1].cp == U_NL)) j--;
                if (j > ub && (c->u[j - 1].cp == ')' || punct(c->u[j - 1].cp))) {
                    size_t q = j - 1;
                    size_t r = q;
                    while (r > ub && numeral(c->u[r - 1].cp) && q - r < 3) r--;
                    if (r < q) { st = r; if (c->u[j - 1].cp == ')' && r > ub && c->u[r - 1].cp == '(') st = r - 1; }
                }
            }
            imp_occ o = {st, me, (int)p};
            size_t at = an->nocc;
            ARRAY_PUSH(c->a, an->occ, an->nocc, o);
            while (at > 0 && an->occ[at - 1].ub > o.ub) { an->occ[at] = an->occ[at - 1]; an->occ[--at] = o; }
            from = s + 1;
        }
    }
}

/* Is the match ending at unit e followed, after white space only, by a
 * table (a caption on the line before its block: a PDF's "第二十条第（一）项")? */
static int before_table(const imp_ctx *c, size_t e, size_t ue)
{
    while (e < ue && (c->u[e].cp == U_SP || c->u[e].cp == U_NL)) e++;
    return e < ue && imp_html_table(c, e);
}

/* A caption's occurrences: inside a table or on the line right before one. */
static void caption_occurrences(imp_ctx *c, imp_anchor *an, size_t ub, size_t ue)
{
    occurrences_in(c, an, ub, ue);
    size_t n = 0;
    for (size_t i = 0; i < an->nocc; i++)
        if (imp_html_table(c, an->occ[i].ub) || before_table(c, an->occ[i].ue, ue)) an->occ[n++] = an->occ[i];
    an->nocc = n;
}

/* Occurrences in [ub, ue): when the input has real tables (HTML <table>,
 * DOCX w:tbl, a PDF's laid-out tables), only inside them (a block's
 * caption also right before one): a paragraph that mentions 行政复议 and
 * 结果维持 is prose, not table 4, and a part whose table is gone then has
 * none (E1062). A text without tables keeps its lines of text as its
 * tables. */
static void occurrences(imp_ctx *c, imp_anchor *an, size_t ub, size_t ue)
{
    if (!c->w.html || !c->w.ntables) {
        occurrences_in(c, an, ub, ue);
    } else if (an->kind == A_CAPTION) {
        caption_occurrences(c, an, ub, ue);
    } else {
        for (size_t i = 0; i < c->w.ntables && an->nocc < MAX_OCC; i++) {   /* in text order */
            size_t tb = unit_from(c, c->w.tables[i].b), te = unit_from(c, c->w.tables[i].e);
            if (tb >= ue) break;
            if (tb < ub) tb = ub;
            if (te > ue) te = ue;
            if (tb < te) occurrences_in(c, an, tb, te);
        }
    }
    if (an->nocc > MAX_OCC) an->nocc = MAX_OCC;
}

static int weight(const imp_anchor *an, const imp_occ *o)
{
    /* a group label weighs less than a row's: when it stands after its
     * first row (a label centred on a rowspan), the row wins the chain */
    int w = an->kind == A_LEAF || an->kind == A_CAPTION ? 20 : an->kind == A_NOTE ? 10 : an->kind == A_GROUP ? 5 : 2;
    if (an->pats[o->pat].core) w -= 1;
    return w;
}

/* Skips "(…)" (not just digits) right after a match; returns the new end. */
static size_t skip_annotation(const imp_ctx *c, size_t e, size_t lim)
{
    size_t i = e;
    while (i < lim && c->u[i].cp == U_SP) i++;
    if (i >= lim || c->u[i].cp != '(') return e;
    int depth = 0, other = 0;
    for (size_t j = i; j < lim && j < i + 80; j++) {
        uint32_t cp = c->u[j].cp;
        if (cp == U_PIPE || cp == U_NL) return e;
        if (cp == '(') depth++;
        else if (cp == ')') { if (--depth == 0) return other ? j + 1 : e; }
        else if (!(cp >= '0' && cp <= '9') && cp != U_SP) other = 1;
    }
    return e;
}

static void add_anchor(imp_ctx *c, imp_table *t, imp_akind k, int block, const gir_hnode *h, const char *label)
{
    imp_anchor an = {0};
    an.kind = k;
    an.block = block;
    an.h = h;
    an.label = label;
    an.chosen = -1;
    if (h && (k == A_LEAF || k == A_GROUP || k == A_COLHEAD)) node_pats(c->a, &an, h);
    else label_pats(c->a, &an, label);
    ARRAY_PUSH(c->a, t->an, t->nan, an);
}

static void add_rows(imp_ctx *c, imp_table *t, int block, const gir_hnode *h)
{
    for (size_t i = 0; i < h->nkids; i++) {
        const gir_hnode *k = h->kids[i];
        add_anchor(c, t, k->is_group ? A_GROUP : A_LEAF, block, k, k->label);
        if (k->is_group) add_rows(c, t, block, k);
    }
}

static void add_cols(imp_ctx *c, imp_table *t, int block, const gir_hnode *root)
{
    /* breadth first: the order a header's rows are printed in */
    const gir_hnode **q = NULL;
    size_t nq = 0, at = 0;
    for (size_t i = 0; i < root->nkids; i++) ARRAY_PUSH(c->a, q, nq, root->kids[i]);
    while (at < nq) {
        const gir_hnode *h = q[at++];
        add_anchor(c, t, A_COLHEAD, block, h, h->label);
        for (size_t i = 0; i < h->nkids; i++) ARRAY_PUSH(c->a, q, nq, h->kids[i]);
    }
}

void imp_table_anchors(imp_ctx *c, imp_table *t)
{
    const gir_ttable *tt = t->t;
    if (!t->an) {
        if (tt->note) add_anchor(c, t, A_NOTE, 0, NULL, tt->note);
        for (size_t b = 0; b < tt->nblocks; b++) {
            const gir_block *bl = tt->blocks[b];
            if (bl->caption) add_anchor(c, t, A_CAPTION, (int)b, NULL, bl->caption);
            if (bl->rowheader) add_anchor(c, t, A_ROWHEAD, (int)b, NULL, bl->rowheader);
            add_cols(c, t, (int)b, bl->colroot);
            add_rows(c, t, (int)b, bl->rowroot);
        }
    }
}

/* The blocks of a table (table 2's 第二十条第（一）项, （五）, …) in the
 * order their captions appear, when every caption appears and not in
 * the template's order: the anchors are put in that order, so that the
 * chain below and the regions of fill.c follow the text, and each block
 * is matched by its labels wherever it stands. */
static void order_blocks(imp_ctx *c, imp_table *t)
{
    size_t nb = t->t->nblocks;
    if (nb < 2) return;
    size_t *pos = arena_alloc(c->a, nb * sizeof *pos);
    for (size_t b = 0; b < nb; b++) pos[b] = (size_t)-1;
    for (size_t i = 0; i < t->nan; i++) {
        const imp_anchor *an = &t->an[i];
        if (an->kind != A_CAPTION) continue;
        for (size_t k = 0; k < an->nocc; k++)
            if (an->occ[k].ub < pos[an->block]) pos[an->block] = an->occ[k].ub;
    }
    int sorted = 1;
    for (size_t b = 0; b < nb; b++) {
        if (pos[b] == (size_t)-1) return;
        if (b && pos[b] < pos[b - 1]) sorted = 0;
    }
    if (sorted) return;
    imp_anchor *v = arena_alloc(c->a, t->nan * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < t->nan; i++) if (t->an[i].kind == A_NOTE) v[n++] = t->an[i];
    int *done = arena_alloc(c->a, nb * sizeof *done);
    for (size_t r = 0; r < nb; r++) {
        size_t first = nb;
        for (size_t b = 0; b < nb; b++) if (!done[b] && (first == nb || pos[b] < pos[first])) first = b;
        done[first] = 1;
        for (size_t i = 0; i < t->nan; i++)
            if (t->an[i].kind != A_NOTE && t->an[i].block == (int)first) v[n++] = t->an[i];
    }
    memcpy(t->an, v, n * sizeof *v);
}

void imp_anchor_table(imp_ctx *c, imp_table *t, size_t ub, size_t ue)
{
    imp_table_anchors(c, t);
    for (size_t i = 0; i < t->nan; i++) occurrences(c, &t->an[i], ub, ue);
    order_blocks(c, t);
    /* longest (heaviest) chain in template order */
    typedef struct { size_t a, o; int best, prev; } node;
    node *v = NULL;
    size_t nv = 0;
    for (size_t i = 0; i < t->nan; i++)
        for (size_t k = 0; k < t->an[i].nocc; k++) { node x = {i, k, 0, -1}; ARRAY_PUSH(c->a, v, nv, x); }
    int top = -1;
    for (size_t i = 0; i < nv; i++) {
        const imp_occ *oi = &t->an[v[i].a].occ[v[i].o];
        v[i].best = weight(&t->an[v[i].a], oi);
        for (size_t j = 0; j < i; j++) {
            if (v[j].a >= v[i].a) continue;
            const imp_occ *oj = &t->an[v[j].a].occ[v[j].o];
            if (oj->ue > oi->ub) continue;
            int s = v[j].best + weight(&t->an[v[i].a], oi);
            if (s > v[i].best) { v[i].best = s; v[i].prev = (int)j; }
        }
        if (top < 0 || v[i].best > v[top].best) top = (int)i;
    }
    for (int i = top; i >= 0; i = v[i].prev) t->an[v[i].a].chosen = (int)v[i].o;
    for (size_t i = 0; i < t->nan; i++) {
        imp_anchor *an = &t->an[i];
        if (an->chosen < 0) continue;
        size_t lim = ue;
        for (size_t j = i + 1; j < t->nan; j++)
            if (t->an[j].chosen >= 0) { lim = t->an[j].occ[t->an[j].chosen].ub; break; }
        size_t e = an->occ[an->chosen].ue;
        size_t s = skip_annotation(c, e, lim);
        if (s != e) an->annot_e = s;
    }
}

/* ---- section headings ---- */

static int at_line_start(const imp_ctx *c, size_t i)
{
    while (i > 0 && c->u[i - 1].cp == U_SP) i--;
    return i == 0 || c->u[i - 1].cp == U_NL;
}

static size_t line_end(const imp_ctx *c, size_t i)
{
    while (i < c->nu && c->u[i].cp != U_NL) i++;
    return i;
}

static int rest_blank(const imp_ctx *c, size_t i)
{
    for (; i < c->nu && c->u[i].cp != U_NL; i++)
        if (c->u[i].cp != U_SP && c->u[i].cp != ':') return 0;
    return 1;
}

/* The rest of a heading's line is blank or a run-in "无" / "暂无" (with
 * its colon and full stop): "其他需要报告的事项：无。" */
static int rest_blank_or_none(const imp_ctx *c, size_t i)
{
    if (rest_blank(c, i)) return 1;
    while (i < c->nu && (c->u[i].cp == U_SP || c->u[i].cp == ':' || c->u[i].cp == 0xFF1A)) i++;
    if (i < c->nu && c->u[i].cp == 0x6682 /* 暂 */) i++;
    if (i >= c->nu || c->u[i].cp != 0x65E0 /* 无 */) return 0;
    i++;
    if (i < c->nu && (c->u[i].cp == 0x3002 /* 。 */ || c->u[i].cp == '.')) i++;
    return rest_blank(c, i);
}

/* Does [b, e) fold to a label of any table (a row "四、结转下年度继续办理")? */
static int is_table_label(imp_ctx *c, size_t b, size_t e)
{
    for (size_t t = 0; t < c->s->ntables; t++) {
        imp_table *it = &c->tab[t];
        for (size_t i = 0; i < it->nan; i++)
            for (size_t p = 0; p < it->an[i].npats; p++) {
                size_t me;
                if (imp_find(c, b, e, it->an[i].pats[p].cp, it->an[i].pats[p].n, &me) == b) return 1;
            }
    }
    return 0;
}

/* The start of the numbering ("四、", "(五)", "5.") right before units
 * [.., at) on at's line, when nothing else precedes it; else (size_t)-1. */
static size_t numbering_before(const imp_ctx *c, size_t at)
{
    size_t i = at;
    while (i > 0 && c->u[i - 1].cp == U_SP) i--;
    if (i > 0 && (punct(c->u[i - 1].cp) || c->u[i - 1].cp == ')')) i--;
    size_t d = i;
    while (i > 0 && d - i < 3 && numeral(c->u[i - 1].cp)) i--;
    if (i == d) return (size_t)-1;
    if (i > 0 && c->u[i - 1].cp == '(') i--;
    return at_line_start(c, i) ? i : (size_t)-1;
}

/* The words of a heading: where they start after its numbering at b. */
static size_t after_numbering(const imp_ctx *c, size_t b, size_t e)
{
    size_t i = b;
    if (i < e && c->u[i].cp == '(') i++;
    size_t d = i;
    while (i < e && i - d < 3 && numeral(c->u[i].cp)) i++;
    if (i == d) return b;
    if (i < e && (punct(c->u[i].cp) || c->u[i].cp == ')')) i++;
    while (i < e && c->u[i].cp == U_SP) i++;
    return i;
}

/* A heading that goes on ("…改进情况和明年工作计划", "…及下一步打算"):
 * the end of its line, else e (a run-in heading's text is prose). */
static size_t continued(const imp_ctx *c, size_t e)
{
    static const uint32_t joins[] = {0x548C /* 和 */, 0x53CA /* 及 */, 0x4E0E /* 与 */, 0x66A8 /* 暨 */, 0x4EE5 /* 以 */};
    if (e >= c->nu) return e;
    if (c->u[e].cp == ':' || c->u[e].cp == 0xFF1A) return e + 1;    /* "…事项：无": the colon is the heading's */
    for (size_t i = 0; i < sizeof joins / sizeof joins[0]; i++)
        if (c->u[e].cp == joins[i])
            return line_end(c, e) - e <= 20 ? line_end(c, e) : e;
    return e;
}

typedef struct hform { const uint32_t *p; size_t n, pl; } hform;

/* The folded forms of section k's heading: its label and CJK aliases. */
static size_t heading_forms(imp_ctx *c, const gir_tsection *s, hform *out, size_t max)
{
    size_t nf = 0;
    const char *forms[64];
    forms[nf++] = s->label;
    for (size_t i = 0; i < s->naliases && nf < 63; i++) if (has_cjk(s->aliases[i])) forms[nf++] = s->aliases[i];
    size_t n = 0;
    for (size_t f = 0; f < nf && n < max; f++) {
        uint32_t *p;
        size_t len = imp_fold_str(c->a, forms[f], &p);
        if (!len) continue;
        hform h = {p, len, prefix_len(p, len)};
        out[n++] = h;
    }
    return n;
}

/* Do the words of the line at b (after its numbering) begin with the
 * words of a heading of another section than k? Then its number does not
 * make it section k's heading: the words win. */
static int other_heading(imp_ctx *c, size_t b, size_t le, size_t k)
{
    size_t w = after_numbering(c, b, le);
    hform f[64];
    for (size_t j = 0; j < c->s->nsections; j++) {
        if (j == k) continue;
        size_t nf = heading_forms(c, c->s->sections[j], f, 64);
        for (size_t i = 0; i < nf; i++) {
            size_t me;
            if (f[i].n - f[i].pl >= 4 && imp_find(c, w, le, f[i].p + f[i].pl, f[i].n - f[i].pl, &me) == w) return 1;
        }
    }
    return 0;
}

/* Section k's heading from unit cur: *b, *e, and whether it is a variant. */
static int find_heading(imp_ctx *c, size_t k, size_t cur, size_t *b, size_t *e, int *variant)
{
    size_t best = (size_t)-1, bend = 0;
    hform f[64];
    size_t nf = heading_forms(c, c->s->sections[k], f, 64);
    *variant = 0;
    for (size_t i = 0; i < nf; i++) {
        size_t me;
        size_t pl = f[i].pl;
        size_t at = pl ? imp_find(c, cur, c->nu, f[i].p, f[i].n, &me) : (size_t)-1;   /* numbered: anywhere */
        if (at != (size_t)-1 && at < best) { best = at; bend = continued(c, me); *variant = 0; }
        if (f[i].n - pl < 4) continue;
        size_t from = cur;               /* the words: a line of their own, maybe after another number */
        while ((at = imp_find(c, from, c->nu, f[i].p + pl, f[i].n - pl, &me)) != (size_t)-1 && at < best) {
            size_t nb = at_line_start(c, at) ? at : numbering_before(c, at);
            if (nb != (size_t)-1 && rest_blank_or_none(c, me)) {
                best = nb;
                bend = continued(c, me);
                *variant = nb != at && cjk_numeral(c->u[nb].cp) != (int)k + 1;   /* another part's number */
                break;
            }
            from = at + 1;
        }
    }
    for (size_t i = cur; best == (size_t)-1 && i + 2 < c->nu; i++) {
        /* "一、…" on its own line in another wording, unless its words are another part's */
        if (cjk_numeral(c->u[i].cp) != (int)k + 1 || !punct(c->u[i + 1].cp) || !at_line_start(c, i)) continue;
        size_t le = line_end(c, i);
        if (le - i > 40 || le - i < 4 || is_table_label(c, i, le) || other_heading(c, i, le, k)) continue;
        best = i;
        bend = le;
        *variant = 1;
    }
    *b = best;
    *e = bend;
    return best != (size_t)-1;
}

void imp_headings(imp_ctx *c)
{
    size_t cur = 0;
    for (size_t k = 0; k < c->s->nsections; k++) {
        imp_heading *h = &c->head[k];
        size_t b, e;
        int variant;
        if (!find_heading(c, k, cur, &b, &e, &variant)) continue;
        h->found = 1;
        h->ub = b;
        h->ue = e;
        h->variant = variant;
        h->text = imp_raw_text(c, b, e);
        cur = e;
    }
}

/* ---- format detection ---- */

static void labels_of(gir_arena *a, const gir_schema *s, const char ***out, size_t *n)
{
    for (size_t t = 0; t < s->ntables; t++) {
        const gir_ttable *tt = s->tables[t];
        for (size_t b = 0; b < tt->nblocks; b++) {
            const gir_block *bl = tt->blocks[b];
            if (bl->caption) ARRAY_PUSH(a, *out, *n, bl->caption);
            const gir_hnode *roots[2] = {bl->colroot, bl->rowroot};
            for (int r = 0; r < 2; r++) {
                const gir_hnode **st = NULL;
                size_t ns = 0;
                ARRAY_PUSH(a, st, ns, roots[r]);
                while (ns) {
                    const gir_hnode *h = st[--ns];
                    if (h != roots[r] && h->label && *h->label) ARRAY_PUSH(a, *out, *n, h->label);
                    for (size_t i = 0; i < h->nkids; i++) ARRAY_PUSH(a, st, ns, h->kids[i]);
                }
            }
        }
    }
}

int imp_detect(imp_ctx *c, const gir_schema *const *schemas, size_t n, int year)
{
    /* every template's labels, folded once */
    const char ***lab = arena_alloc(c->a, (n + 1) * sizeof *lab), ***fold = arena_alloc(c->a, (n + 1) * sizeof *fold);
    size_t *nl = arena_alloc(c->a, (n + 1) * sizeof *nl);
    for (size_t i = 0; i < n; i++) {
        labels_of(c->a, schemas[i], &lab[i], &nl[i]);
        fold[i] = arena_alloc(c->a, (nl[i] + 1) * sizeof **fold);
        for (size_t m = 0; m < nl[i]; m++) fold[i][m] = label_fold(c->a, lab[i][m]);
    }
    int best = -1, bscore = -1;
    const char *bev = "";
    for (size_t i = 0; i < n; i++) {
        int score = 0;
        gir_buf ev;
        buf_init(&ev, c->a);
        for (size_t m = 0; m < nl[i]; m++) {
            const char *fm = fold[i][m];
            if (label_length(fm) < 3) continue;
            int shared = 0;   /* also (inside) a label of another template */
            for (size_t j = 0; j < n && !shared; j++)
                for (size_t o = 0; j != i && o < nl[j] && !shared; o++) if (strstr(fold[j][o], fm)) shared = 1;
            for (size_t q = 0; q < m && !shared; q++) if (strcmp(fold[i][q], fm) == 0) shared = 1;
            if (shared) continue;
            uint32_t *p;
            size_t np = imp_fold_str(c->a, lab[i][m], &p), me;
            if (imp_find(c, 0, c->nu, p, np, &me) == (size_t)-1) continue;
            score++;
            if (ev.n) buf_puts(&ev, "、");
            buf_puts(&ev, lab[i][m]);
        }
        int years_fit = year ? year >= schemas[i]->year_from && year <= schemas[i]->year_to
                             : best < 0 || schemas[i]->year_to > schemas[best]->year_to;   /* else the newest */
        if (score > bscore || (score == bscore && years_fit)) { best = (int)i; bscore = score; bev = buf_cstr(&ev); }
    }
    c->evidence = bscore > 0 ? bev : NULL;
    return best;
}

/* ---- a table's note outside the table ---- */

enum { NOTE_LEAD = 3, NOTE_TAIL = 2 };   /* "备注：" before it, "。" after it */

static int sep(uint32_t cp) { return cp == U_SP || cp == U_NL || cp == U_PIPE; }

/* The line of unit o's occurrence, [*lb, *le), when it holds nothing but
 * the note: at most NOTE_LEAD units before it ("注：") and NOTE_TAIL after. */
static int note_line(const imp_ctx *c, const imp_occ *o, size_t ub, size_t ue, size_t *lb, size_t *le)
{
    size_t b = o->ub, e = o->ue, lead = 0, tail = 0;
    while (b > ub && c->u[b - 1].cp != U_NL && lead <= NOTE_LEAD) lead += !sep(c->u[--b].cp);
    while (e < ue && c->u[e].cp != U_NL && tail <= NOTE_TAIL) tail += !sep(c->u[e++].cp);
    *lb = b;
    *le = e;
    return lead <= NOTE_LEAD && tail <= NOTE_TAIL;
}

/* Only separators in [b, e)? */
static int blank_between(const imp_ctx *c, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (!sep(c->u[i].cp)) return 0;
    return 1;
}

/* The note anchor of t that no table cell held, or NULL. */
static const imp_anchor *note_unplaced(const imp_table *t)
{
    for (size_t i = 0; i < t->nan; i++)
        if (t->an[i].kind == A_NOTE) return t->an[i].chosen < 0 ? &t->an[i] : NULL;
    return NULL;
}

void imp_note_outside(imp_ctx *c, imp_table *t, size_t ub, size_t ue)
{
    const imp_anchor *an = t->found ? note_unplaced(t) : NULL;
    if (!an) return;
    imp_anchor look = {0};
    look.kind = A_NOTE;
    look.chosen = -1;
    label_pats(c->a, &look, an->label);
    uint32_t *f;
    size_t n = imp_fold_str(c->a, an->label, &f);
    if (n > 4 && f[0] == '(' && f[n - 1] == ')') add_pat(c->a, &look, f + 1, n - 2, 0);   /* "注：本列数据…" */
    occurrences_in(c, &look, ub, ue);
    for (size_t i = 0; i < look.nocc; i++) {
        size_t lb, le;
        if (!note_line(c, &look.occ[i], ub, ue, &lb, &le)) continue;
        if (le <= t->ub && blank_between(c, le, t->ub)) t->ub = lb;
        else if (lb >= t->ue && blank_between(c, t->ue, lb)) t->ue = le;
        else continue;
        diag_add(c->dg, GIR_SEV_NOTE, I_NOTE_OUTSIDE, c->src, imp_span(c, lb, le), t->t->label);
        return;
    }
}

