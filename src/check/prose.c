/* prose.c - numbers stated in the prose must agree with the tables
 * (FORMATS.md R3.9). A template's `mention` lists phrases such as
 * "新收政府信息公开申请"; a phrase followed (after at most a few filler
 * characters like 申请/共/为) by a number and 件 is compared with the
 * mention's cells. A disagreement is a warning pointing at both places. */
#include <string.h>
#include "internal.h"
#include "base/utf8.h"

/* Characters that may stand between a phrase and its number. */
static int filler(uint32_t cp)
{
    static const char set[] = "申请共计为了有总数量案的达：:";
    const unsigned char *p = (const unsigned char *)set, *e = p + sizeof set - 1;
    while (p < e) {
        uint32_t x;
        int k = utf8_decode(p, e, &x);
        if (k < 0) break;
        if (x == cp) return 1;
        p += k;
    }
    return cp == ' ' || cp == 0x3000;
}

/* After a phrase ending at p: the number and its span, if "N件" follows
 * (件: the count unit messages name, syntax/numbers.def). */
static int number_after(const unsigned char *p, const unsigned char *e, const unsigned char **nb,
                        const unsigned char **ne, gir_dec *v)
{
    for (int skipped = 0; p < e && skipped <= 4; skipped++) {
        if (*p >= '0' && *p <= '9') break;
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0 || !filler(cp)) return 0;
        p += k;
    }
    if (p >= e || *p < '0' || *p > '9') return 0;
    *nb = p;
    char digits[24];
    size_t n = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        if (n < sizeof digits - 1) digits[n++] = (char)*p;
        p++;
    }
    digits[n] = 0;
    *ne = p;
    const char *unit = lang_unit_base(GIR_UNIT_COUNT);
    size_t un = strlen(unit);
    if ((size_t)(e - p) < un || memcmp(p, unit, un) != 0) return 0;
    return dec_parse(digits, "", 0, v) == DEC_OK;
}

static const unsigned char *find(const unsigned char *p, const unsigned char *e, const unsigned char *w, size_t n)
{
    for (; p + n <= e; p++)
        if (*p == *w && memcmp(p, w, n) == 0) return p;
    return NULL;
}

static void check_one(ck *c, gir_rtable *rt, const gir_rule *ru, const gir_node *prose, unsigned char *seen)
{
    gir_dec want;
    gir_span cell_at;
    if (!check_expr_value(c, rt, ru, &want, &cell_at)) return;
    const unsigned char *base = (const unsigned char *)c->src->text;
    const unsigned char *b = base + prose->span.start, *e = base + prose->span.end;
    for (size_t i = 0; i < ru->nphrases; i++) {
        size_t pl = strlen(ru->phrases[i]);
        if (!pl) continue;
        for (const unsigned char *p = b; p + pl <= e;) {
            const unsigned char *hit = find(p, e, (const unsigned char *)ru->phrases[i], pl);
            if (!hit) break;
            const unsigned char *nb, *ne;
            gir_dec said;
            p = hit + pl;
            if (!number_after(hit + pl, e, &nb, &ne, &said)) continue;
            size_t off = (size_t)(nb - b);
            if (seen[off]) continue;   /* a longer phrase already took this number */
            seen[off] = 1;
            int ok;
            if (dec_cmp(said, want, &ok) == 0 || !ok) continue;
            char ws[48], ss[48];
            dec_format_buf(want, ws);
            dec_format_buf(said, ss);
            gir_span sp = {(uint32_t)(nb - base), (uint32_t)(ne - base)};
            int err = ru->severity == GIR_SEV_ERROR;
            gir_diag *g = diag_add(c->dg, err ? GIR_SEV_ERROR : GIR_SEV_WARNING, err ? C_MENTION_ERROR : C_MENTION,
                                   c->src, sp, ru->phrases[i], ss, ws, ru->id);
            diag_related(c->dg, g, c->src, cell_at, C_MENTION_TABLE, ws);
            check_tag_rule(c, g, rt, ru, -1, -1, -1);
            diag_fix(c->dg, g, sp, ws);
        }
    }
}

void check_mentions(ck *c)
{
    for (size_t s = 0; s < c->s->nsections; s++) {
        const gir_node *sec = c->r->sections[s].node;
        const gir_node *prose = sec ? ast_child(sec, 1) : NULL;
        if (!prose || prose->span.end <= prose->span.start) continue;
        unsigned char *seen = arena_alloc(c->a, prose->span.end - prose->span.start + 1);
        for (size_t t = 0; t < c->s->ntables; t++) {
            gir_rtable *rt = &c->r->tables[t];
            /* a row that could not be placed (a syntax error, an unknown
             * label) has been reported: its values are not known, so the
             * prose is not compared with them (one mistake, one message) */
            if (!rt->node || rt->unresolved) continue;
            for (size_t i = 0; i < rt->t->nrules; i++)
                if (rt->t->rules[i]->pattern == 2) check_one(c, rt, rt->t->rules[i], prose, seen);
        }
    }
}
