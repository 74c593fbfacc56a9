/* acmatch.c - Aho-Corasick (acmatch.h) as a dense transition table over
 * byte classes (the bytes the patterns use, and one class for all the
 * others), with dictionary links for patterns that end inside others.
 * Once built, the table holds each target as its row's offset (node ×
 * classes) with HIT set when a pattern ends there, so a scan costs one
 * load per byte and looks at the outputs only where there are some. */
#include <stdint.h>
#include <string.h>
#include "acmatch.h"

#define NONE UINT32_MAX
#define HIT 0x80000000u   /* in a finished table: a pattern ends at the target */

struct gir_acm {
    unsigned char cls[256];   /* byte -> class; 0: no pattern has it */
    size_t ncls, nnodes;
    uint32_t *next;           /* nnodes * ncls: the goto function, completed; then row offsets | HIT */
    uint32_t *dict;           /* the nearest proper suffix node with output, or 0 */
    uint32_t *out;            /* first pattern ending at a node, or NONE */
    uint32_t *out_next;       /* per pattern: the next ending at the same node */
    size_t *plen;
};

static void classes(gir_acm *m, const char *const *pats, size_t n, size_t *total)
{
    memset(m->cls, 0, sizeof m->cls);
    m->ncls = 1;
    *total = 0;
    for (size_t i = 0; i < n; i++)
        for (const unsigned char *p = (const unsigned char *)pats[i]; *p; p++) {
            (*total)++;
            if (!m->cls[*p]) m->cls[*p] = (unsigned char)m->ncls++;
        }
}

/* A new node: its row of the table zeroed (patterns sharing prefixes
 * make fewer nodes than bytes, and only the rows made are touched). */
static uint32_t new_node(gir_acm *m)
{
    size_t v = m->nnodes++;
    memset(&m->next[v * m->ncls], 0, m->ncls * sizeof *m->next);
    m->dict[v] = 0;
    m->out[v] = NONE;
    return (uint32_t)v;
}

static void insert(gir_acm *m, const char *pat, uint32_t id)
{
    uint32_t s = 0;
    for (const unsigned char *p = (const unsigned char *)pat; *p; p++) {
        uint32_t *t = &m->next[(size_t)s * m->ncls + m->cls[*p]];
        if (!*t) {
            *t = new_node(m);
        }
        s = *t;
    }
    m->out_next[id] = m->out[s];
    m->out[s] = id;
}

/* Failure links breadth first, completing the goto function. */
static void link(gir_arena *a, gir_acm *m)
{
    uint32_t *queue = arena_alloc(a, m->nnodes * sizeof *queue);
    uint32_t *fail = arena_alloc(a, m->nnodes * sizeof *fail);
    size_t head = 0, tail = 0;
    for (size_t c = 0; c < m->ncls; c++) {
        uint32_t v = m->next[c];
        if (v) { fail[v] = 0; m->dict[v] = 0; queue[tail++] = v; }
    }
    while (head < tail) {
        uint32_t u = queue[head++];
        for (size_t c = 0; c < m->ncls; c++) {
            uint32_t *t = &m->next[(size_t)u * m->ncls + c];
            uint32_t f = m->next[(size_t)fail[u] * m->ncls + c];
            if (!*t) { *t = f; continue; }
            uint32_t v = *t;
            fail[v] = f;
            m->dict[v] = m->out[f] != NONE ? f : m->dict[f];
            queue[tail++] = v;
        }
    }
}

/* The targets as row offsets, HIT where a pattern ends (acm_scan): each
 * node's code once, then one look-up per cell. */
static void finish(gir_arena *a, gir_acm *m)
{
    uint32_t *code = arena_alloc_raw(a, m->nnodes * sizeof *code);
    for (size_t v = 0; v < m->nnodes; v++)
        code[v] = (uint32_t)(v * m->ncls) | (m->out[v] != NONE || m->dict[v] ? HIT : 0);
    size_t cells = m->nnodes * m->ncls;
    uint32_t *next = m->next;
    for (size_t i = 0; i < cells; i++) next[i] = code[next[i]];
}

gir_acm *acm_build(gir_arena *a, const char *const *pats, size_t n)
{
    gir_acm *m = arena_alloc(a, sizeof *m);
    size_t total = 0;
    classes(m, pats, n, &total);
    size_t max = total + 1;
    m->next = arena_alloc_raw(a, max * m->ncls * sizeof *m->next);   /* rows zeroed as made (new_node) */
    m->dict = arena_alloc_raw(a, max * sizeof *m->dict);
    m->out = arena_alloc_raw(a, max * sizeof *m->out);
    m->out_next = arena_alloc(a, (n ? n : 1) * sizeof *m->out_next);
    m->plen = arena_alloc(a, (n ? n : 1) * sizeof *m->plen);
    m->nnodes = 0;
    new_node(m);   /* the root */
    for (size_t i = 0; i < n; i++) {
        m->plen[i] = strlen(pats[i]);
        m->out_next[i] = NONE;
        if (m->plen[i]) insert(m, pats[i], (uint32_t)i);
    }
    link(a, m);
    finish(a, m);
    return m;
}

/* The patterns ending at node s, the text's byte i being their last. */
static void outputs(const gir_acm *m, uint32_t s, size_t i, acm_hit fn, void *ud)
{
    for (uint32_t u = m->out[s] != NONE ? s : m->dict[s]; u; u = m->dict[u])
        for (uint32_t p = m->out[u]; p != NONE; p = m->out_next[p]) fn(ud, p, i + 1 - m->plen[p]);
}

/* Where a scan is: the byte, and the state (a row offset) after the
 * bytes before it. */
typedef struct place { size_t i; uint32_t row; } place;

/* From place at on: the first byte at which a pattern ends (len if none)
 * and the state after it. A loop without calls, so that its values stay
 * in registers. */
__attribute__((noinline))   /* its own frame: the loop keeps its values in registers */
static place advance(const uint32_t *next, const unsigned char *cls, const unsigned char *text, size_t len, place at)
{
    size_t i = at.i;
    uint32_t r = at.row;
    for (; i < len; i++) {
        uint32_t t = next[r + cls[text[i]]];
        r = t & ~HIT;
        if (t & HIT) break;
    }
    return (place){i, r};
}

void acm_scan(const gir_acm *m, const unsigned char *text, size_t len, acm_hit fn, void *ud)
{
    place at = advance(m->next, m->cls, text, len, (place){0, 0});
    while (at.i < len) {
        outputs(m, (uint32_t)(at.row / m->ncls), at.i, fn, ud);
        at.i++;
        at = advance(m->next, m->cls, text, len, at);
    }
}
