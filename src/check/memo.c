/* memo.c - what the prose checks found in a prose text, kept between the
 * compiles of one document (the language server's memo, check.h). A
 * block is a copy of one section's prose text and, for each part
 * (mention phrases, shares, sentence findings), the records the part's
 * scan gave, with offsets from the text's start: a text that did not
 * change between two edits is not scanned again, its records are read
 * with the positions shifted to where the text now is. Everything here
 * is on the heap (malloc), never in a compile's arena, and a failed
 * malloc only means that nothing is kept: the memo stays valid whatever
 * point a compile stops at (out of memory). */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "template/wording.h"

/* Texts shorter than this are scanned again each time (as fast as a
 * look-up); at most MEMO_BLOCKS texts are kept. */
enum { MEMO_MIN_TEXT = 4096, MEMO_BLOCKS = 64 };

typedef struct memo_part {
    int ok;
    long long key;
    void *v;
    size_t n;
} memo_part;

typedef struct memo_block {
    char *text;
    size_t len;
    unsigned gen;              /* the last compile that used it */
    memo_part part[MEMO__PARTS];
} memo_block;

struct gir_check_memo {
    memo_block *b[MEMO_BLOCKS];
    size_t n;
    unsigned gen;
    char *schema_key;          /* what the parts read of the template */
    size_t schema_len;
};

gir_check_memo *check_memo_new(void)
{
    return calloc(1, sizeof(gir_check_memo));
}

static void block_free(memo_block *b)
{
    for (int i = 0; i < MEMO__PARTS; i++) free(b->part[i].v);
    free(b->text);
    free(b);
}

static void drop_all(gir_check_memo *m)
{
    for (size_t i = 0; i < m->n; i++) block_free(m->b[i]);
    m->n = 0;
}

void check_memo_free(gir_check_memo *m)
{
    if (!m) return;
    drop_all(m);
    free(m->schema_key);
    free(m);
}

/* Keeps the blocks the last compile used; a new compile starts. */
static void next_compile(gir_check_memo *m)
{
    size_t k = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (m->b[i]->gen == m->gen) m->b[k++] = m->b[i];
        else block_free(m->b[i]);
    }
    m->n = k;
    m->gen++;
}

/* Appends string s and its NUL to b. */
static void key_str(gir_buf *b, const char *s)
{
    buf_puts(b, s);
    buf_putc(b, 0);
}

/* What the parts read of schema s: the mention phrases (in the order of
 * s->ment) and the words of the sentence checks. */
static void schema_key(ck *c, gir_buf *b)
{
    const gir_schema *s = c->s;
    for (size_t i = 0; i < s->nment; i++) {
        const gir_mention *mt = &s->ment[i];
        key_str(b, s->tables[mt->table]->rules[mt->rule]->phrases[mt->phrase]);
    }
    static const gir_wording_id ids[] = {WD_PERIOD, WD_ALL_DONE, WD_COMPARE, WD_STALE_AFTER, WD_APPLICATIONS};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const gir_words *w = schema_words(s, ids[i]);
        buf_putc(b, 1);
        for (size_t k = 0; w && k < w->n; k++) key_str(b, w->w[k]);
    }
}

void memo_begin(ck *c, gir_check_memo *m)
{
    c->memo = m;
    if (!m) return;
    next_compile(m);
    gir_buf b;
    buf_init(&b, c->a);
    schema_key(c, &b);
    if (m->schema_key && m->schema_len == b.n && memcmp(m->schema_key, buf_cstr(&b), b.n) == 0) return;
    drop_all(m);   /* another template: nothing kept holds */
    free(m->schema_key);
    m->schema_len = 0;
    m->schema_key = malloc(b.n ? b.n : 1);
    if (!m->schema_key) {
        c->memo = NULL;   /* no key: keep nothing */
        return;
    }
    memcpy(m->schema_key, buf_cstr(&b), b.n);
    m->schema_len = b.n;
}

/* The block of text [b, e), or NULL. */
static memo_block *find(gir_check_memo *m, const unsigned char *b, const unsigned char *e)
{
    size_t len = (size_t)(e - b);
    for (size_t i = 0; i < m->n; i++)
        if (m->b[i]->len == len && memcmp(m->b[i]->text, b, len) == 0) {
            m->b[i]->gen = m->gen;
            return m->b[i];
        }
    return NULL;
}

const void *memo_get(ck *c, const unsigned char *b, const unsigned char *e, memo_part_id part, long long key, size_t *n)
{
    gir_check_memo *m = c->memo;
    if (!m || (size_t)(e - b) < MEMO_MIN_TEXT) return NULL;
    memo_block *k = find(m, b, e);
    if (!k || !k->part[part].ok || k->part[part].key != key) return NULL;
    *n = k->part[part].n;
    return k->part[part].v ? k->part[part].v : (const void *)k;   /* never NULL when found */
}

/* The block of [b, e), made when it is new; NULL when full or out of memory. */
static memo_block *block_of(gir_check_memo *m, const unsigned char *b, const unsigned char *e)
{
    memo_block *k = find(m, b, e);
    if (k || m->n == MEMO_BLOCKS) return k;
    size_t len = (size_t)(e - b);
    k = calloc(1, sizeof *k);
    char *text = malloc(len);
    if (!k || !text) {
        free(k);
        free(text);
        return NULL;
    }
    memcpy(text, b, len);
    k->text = text;
    k->len = len;
    k->gen = m->gen;
    m->b[m->n++] = k;
    return k;
}

void memo_put(ck *c, const unsigned char *b, const unsigned char *e, memo_part_id part, long long key, const void *v, size_t n,
              size_t elem)
{
    gir_check_memo *m = c->memo;
    if (!m || (size_t)(e - b) < MEMO_MIN_TEXT) return;
    memo_block *k = block_of(m, b, e);
    if (!k) return;
    memo_part *p = &k->part[part];
    free(p->v);
    *p = (memo_part){0, 0, NULL, 0};
    void *copy = n ? malloc(n * elem) : NULL;
    if (n && !copy) return;
    if (n) memcpy(copy, v, n * elem);
    *p = (memo_part){1, key, copy, n};
}
