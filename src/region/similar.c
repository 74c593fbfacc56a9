/* similar.c - reports of a batch whose prose is nearly the same (雷同):
 * girc check --similar. Each unit's prose is cut into sentences the way
 * the copied-text check cuts it (check_sentences: spaces ignored, any
 * number matches any number) and each sentence is kept as a 64-bit hash
 * and its length, so that the documents can be freed. A sentence found in
 * more than SIM_COMMON units is common wording (the format's standard
 * sentences) and counts for nobody. For every other sentence, every pair
 * of units that has it adds its length to the pair's shared length; a
 * pair is similar when the shared length is at least the threshold share
 * of the shorter unit's (counted) prose. Pairs are grouped (union-find)
 * and each is a warning W0649 naming the other file, the ratio and the
 * sections concerned.
 *
 * Cost: sorting the N·S sentence hashes (N units, S sentences each), then
 * at most SIM_COMMON² / 2 pair additions per distinct sentence: linear in
 * the batch with a constant, O(N·S·log(N·S)) with the sort. */
#include <stdlib.h>
#include <string.h>
#include "region.h"
#include "check/check.h"
#include "base/array.h"
#include "base/strmap.h"

enum { SIM_COMMON = 16, SIM_MIN_CHARS = 60, SIM_MAX_SECTIONS = 64 };

typedef struct sim_sent {
    uint64_t h;
    uint32_t unit, w;
    uint32_t sec; /* index in the set's section names */
} sim_sent;

typedef struct sim_pair {
    uint64_t key; /* unit a << 32 | unit b, a < b; 0 = empty */
    uint64_t shared;
    uint64_t sections; /* bit k: section k of the set has shared sentences */
} sim_pair;

struct region_sim {
    int threshold;
    sim_sent *v;
    size_t n;
    const char **secnames;
    size_t nsec;
    gir_strmap secmap;
};

void region_similar_enable(region_set *s, int threshold)
{
    s->sim = arena_alloc(s->arena, sizeof *s->sim);
    memset(s->sim, 0, sizeof *s->sim);
    s->sim->threshold = threshold;
    strmap_init(&s->sim->secmap, s->arena);
}

static uint64_t fnv(const char *k)
{
    uint64_t h = 1469598103934665603ull;
    for (; *k; k++) {
        h ^= (unsigned char)*k;
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

static uint32_t section_id(region_set *s, const char *label)
{
    size_t v;
    if (strmap_get(&s->sim->secmap, label, &v)) return (uint32_t)v;
    const char *k = arena_strdup(s->arena, label);
    strmap_add(&s->sim->secmap, k, s->sim->nsec);
    ARRAY_PUSH(s->arena, s->sim->secnames, s->sim->nsec, k);
    return (uint32_t)(s->sim->nsec - 1);
}

void region_similar_collect(region_set *s, size_t unit, const gir_doc *d)
{
    if (!s->sim || !d || !d->report || !d->report->schema) return;
    const gir_report *r = d->report;
    for (size_t i = 0; i < r->schema->nsections; i++) {
        if (!r->sections[i].node) continue;
        size_t n;
        gir_sentence *v = check_sentences(d->arena, r->src, r->sections[i].node, &n);
        uint32_t sec = section_id(s, r->sections[i].s->label);
        for (size_t k = 0; k < n; k++) {
            sim_sent x = {fnv(v[k].key), (uint32_t)unit, (uint32_t)v[k].chars, sec};
            ARRAY_PUSH(s->arena, s->sim->v, s->sim->n, x);
        }
    }
}

static int cmp_hu(const void *a, const void *b)
{
    const sim_sent *x = a, *y = b;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

/* ---- the pair table: open addressing on the pair key ---- */

typedef struct pairs {
    sim_pair *v;
    size_t cap, n;
} pairs;

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

static void pairs_grow(gir_arena *a, pairs *p);

static void pairs_add(gir_arena *a, pairs *p, uint64_t key, uint64_t w, uint64_t sections)
{
    if ((p->n + 1) * 2 > p->cap) pairs_grow(a, p);
    size_t i = mix(key) & (p->cap - 1);
    while (p->v[i].key && p->v[i].key != key)
        i = (i + 1) & (p->cap - 1);
    if (!p->v[i].key) {
        p->v[i].key = key;
        p->n++;
    }
    p->v[i].shared += w;
    p->v[i].sections |= sections;
}

static void pairs_grow(gir_arena *a, pairs *p)
{
    pairs q = {NULL, p->cap ? p->cap * 2 : 1024, 0};
    q.v = arena_alloc(a, q.cap * sizeof *q.v);
    memset(q.v, 0, q.cap * sizeof *q.v);
    for (size_t i = 0; i < p->cap; i++)
        if (p->v[i].key) pairs_add(a, &q, p->v[i].key, p->v[i].shared, p->v[i].sections);
    *p = q;
}

/* ---- groups ---- */

static size_t find_root(size_t *up, size_t x)
{
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

typedef struct hit {
    uint32_t a, b;
    int pct;
    size_t group;
    uint64_t sections;
} hit;

static int cmp_hit(const void *x, const void *y)
{
    const hit *p = x, *q = y;
    if (p->group != q->group) return p->group < q->group ? -1 : 1;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* The labels of the sections in mask, "、"-joined. */
static const char *section_list(region_set *s, uint64_t mask)
{
    gir_buf out;
    buf_init(&out, s->arena);
    int any = 0;
    for (size_t k = 0; k < s->sim->nsec && k < SIM_MAX_SECTIONS; k++) {
        if (!(mask >> k & 1)) continue;
        if (any) buf_puts(&out, msg_fmt(s->lang, M_LIST_SEP));
        buf_puts(&out, s->sim->secnames[k]);
        any = 1;
    }
    return buf_cstr(&out);
}

/* Each sentence once per unit (m->v sorted by hash, then unit). */
static void unique_sentences(struct region_sim *m)
{
    size_t w = 0;
    for (size_t i = 0; i < m->n; i++)
        if (!w || m->v[w - 1].h != m->v[i].h || m->v[w - 1].unit != m->v[i].unit) m->v[w++] = m->v[i];
    m->n = w;
}

/* The weight each pair of units shares (sentences held by at most
 * SIM_COMMON units) into p, and each unit's total weight into total. */
static void share_pairs(region_set *s, const struct region_sim *m, uint64_t *total, pairs *p)
{
    for (size_t i = 0; i < m->n;) {
        size_t j = i;
        while (j < m->n && m->v[j].h == m->v[i].h)
            j++;
        if (j - i <= SIM_COMMON) {
            for (size_t x = i; x < j; x++) {
                uint64_t bit = m->v[x].sec < SIM_MAX_SECTIONS ? (uint64_t)1 << m->v[x].sec : 0;
                total[m->v[x].unit] += m->v[x].w;
                for (size_t y = x + 1; y < j; y++)
                    pairs_add(s->arena, p, (uint64_t)m->v[x].unit << 32 | m->v[y].unit, m->v[x].w, bit);
            }
        }
        i = j;
    }
}

/* The pairs over the threshold, each with its group (union-find of the
 * pairs), sorted by group. */
static hit *similar_pairs(region_set *s, const pairs *p, const uint64_t *total, int threshold, size_t *n)
{
    size_t *up = arena_alloc(s->arena, (s->nunits + 1) * sizeof *up);
    for (size_t i = 0; i < s->nunits; i++)
        up[i] = i;
    hit *hits = NULL;
    size_t nhits = 0;
    for (size_t i = 0; i < p->cap; i++) {
        if (!p->v[i].key) continue;
        uint32_t a = (uint32_t)(p->v[i].key >> 32), b = (uint32_t)p->v[i].key;
        uint64_t base = total[a] < total[b] ? total[a] : total[b];
        if (base < SIM_MIN_CHARS || p->v[i].shared * 100 < (uint64_t)threshold * base) continue;
        hit h = {a, b, (int)(p->v[i].shared * 100 / base), 0, p->v[i].sections};
        ARRAY_PUSH(s->arena, hits, nhits, h);
        size_t ra = find_root(up, a), rb = find_root(up, b);
        if (ra != rb) up[ra > rb ? ra : rb] = ra < rb ? ra : rb;
    }
    for (size_t i = 0; i < nhits; i++)
        hits[i].group = find_root(up, hits[i].a);
    if (nhits) qsort(hits, nhits, sizeof *hits, cmp_hit);
    *n = nhits;
    return hits;
}

size_t region_similar(region_set *s, gir_diags *dg)
{
    struct region_sim *m = s->sim;
    if (!m || !m->n) return 0;
    qsort(m->v, m->n, sizeof *m->v, cmp_hu);
    unique_sentences(m);
    uint64_t *total = arena_alloc(s->arena, (s->nunits + 1) * sizeof *total);
    memset(total, 0, (s->nunits + 1) * sizeof *total);
    pairs p = {NULL, 0, 0};
    share_pairs(s, m, total, &p);
    size_t nhits = 0;
    hit *hits = similar_pairs(s, &p, total, m->threshold, &nhits);
    size_t group_no = 0, last = (size_t)-1;
    for (size_t i = 0; i < nhits; i++) {
        if (hits[i].group != last) group_no++;
        last = hits[i].group;
        const region_unit *ua = &s->units[hits[i].a], *ub = &s->units[hits[i].b];
        const char *secs = section_list(s, hits[i].sections);
        gir_diag *g =
            diag_add(dg, GIR_SEV_WARNING, C_EV_SIMILAR, NULL, (gir_span){0, 0}, group_no, ub->path, hits[i].pct, secs);
        diag_file(dg, g, ua->path);
    }
    return nhits;
}
