/* acmatch.c - Aho-Corasick (acmatch.h) as a dense transition table over
 * byte classes (the bytes the patterns use, and one class for all the
 * others), with dictionary links for patterns that end inside others.
 * Built in time proportional to its size: each row is copied whole from
 * the failure node's, then the node's own edges written over it. */
#include <stdint.h>
#include <string.h>
#include "acmatch.h"

#define NONE UINT32_MAX

struct gir_acm {
    unsigned char cls[256];   /* byte -> class; 0: no pattern has it */
    size_t ncls, nnodes;
    uint32_t *next;           /* nnodes * ncls: the goto function, completed */
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

/* The trie's edges, for the breadth-first pass only: each node's first
 * child, its next sibling, and the class of the byte that leads to it
 * (0: none; the root is no one's child). */
typedef struct trie {
    uint32_t *child, *sib;
    unsigned char *cls;
} trie;

/* A new node: its row of the goto function empty (to the root), no
 * output yet. */
static uint32_t new_node(gir_acm *m, trie *t, uint32_t parent, unsigned char c)
{
    uint32_t v = (uint32_t)m->nnodes++;
    memset(&m->next[(size_t)v * m->ncls], 0, m->ncls * sizeof *m->next);
    m->out[v] = NONE;
    m->dict[v] = 0;
    t->child[v] = 0;
    t->cls[v] = c;
    t->sib[v] = t->child[parent];
    t->child[parent] = v;
    return v;
}

static void insert(gir_acm *m, trie *t, const char *pat, uint32_t id)
{
    uint32_t s = 0;
    for (const unsigned char *p = (const unsigned char *)pat; *p; p++) {
        uint32_t *e = &m->next[(size_t)s * m->ncls + m->cls[*p]];
        if (!*e) *e = new_node(m, t, s, m->cls[*p]);
        s = *e;
    }
    m->out_next[id] = m->out[s];
    m->out[s] = id;
}

/* Failure links breadth first, completing the goto function: a node's
 * row is its failure node's row (complete, as that node is shallower)
 * with its own children written over it. */
static void link(gir_arena *a, gir_acm *m, const trie *t)
{
    uint32_t *queue = arena_alloc_raw(a, m->nnodes * sizeof *queue);   /* each written before it is read */
    uint32_t *fail = arena_alloc_raw(a, m->nnodes * sizeof *fail);
    size_t head = 0, tail = 0;
    for (uint32_t v = t->child[0]; v; v = t->sib[v]) {
        fail[v] = 0;
        queue[tail++] = v;
    }
    while (head < tail) {
        uint32_t u = queue[head++];
        uint32_t *row = &m->next[(size_t)u * m->ncls];
        const uint32_t *frow = &m->next[(size_t)fail[u] * m->ncls];
        memcpy(row, frow, m->ncls * sizeof *row);
        for (uint32_t v = t->child[u]; v; v = t->sib[v]) {
            uint32_t f = frow[t->cls[v]];
            fail[v] = f;
            m->dict[v] = m->out[f] != NONE ? f : m->dict[f];
            row[t->cls[v]] = v;
            queue[tail++] = v;
        }
    }
}

gir_acm *acm_build(gir_arena *a, const char *const *pats, size_t n)
{
    gir_acm *m = arena_alloc(a, sizeof *m);
    size_t total = 0;
    classes(m, pats, n, &total);
    size_t max = total + 1;
    /* not zeroed: each node's row is cleared when the node is made */
    m->next = arena_alloc_raw(a, max * m->ncls * sizeof *m->next);
    m->dict = arena_alloc_raw(a, max * sizeof *m->dict);
    m->out = arena_alloc_raw(a, max * sizeof *m->out);
    m->out_next = arena_alloc(a, (n ? n : 1) * sizeof *m->out_next);
    m->plen = arena_alloc(a, (n ? n : 1) * sizeof *m->plen);
    trie t = {arena_alloc_raw(a, max * sizeof *t.child), arena_alloc_raw(a, max * sizeof *t.sib),
              arena_alloc_raw(a, max)};
    m->nnodes = 1;   /* the root: an empty row, no output, no children yet */
    memset(m->next, 0, m->ncls * sizeof *m->next);
    m->out[0] = NONE;
    m->dict[0] = 0;
    t.child[0] = 0;
    for (size_t i = 0; i < n; i++) {
        m->plen[i] = strlen(pats[i]);
        m->out_next[i] = NONE;
        if (m->plen[i]) insert(m, &t, pats[i], (uint32_t)i);
    }
    link(a, m, &t);
    return m;
}

void acm_scan(const gir_acm *m, const unsigned char *text, size_t len, acm_hit fn, void *ud)
{
    uint32_t s = 0;
    for (size_t i = 0; i < len; i++) {
        s = m->next[(size_t)s * m->ncls + m->cls[text[i]]];
        for (uint32_t u = m->out[s] != NONE ? s : m->dict[s]; u; u = m->dict[u])
            for (uint32_t p = m->out[u]; p != NONE; p = m->out_next[p]) fn(ud, p, i + 1 - m->plen[p]);
    }
}
