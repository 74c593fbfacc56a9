/* diff.c - a small line diff in unified form for `girc fmt --check`:
 * common prefix and suffix lines are matched first, the middle by a
 * longest-common-subsequence table (when it has at most 4M cells, else
 * it is shown as one replaced block), then hunks with 3 lines of
 * context. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fmt.h"

typedef struct dline { const char *p; size_t n, full; } dline;   /* n without terminator */

static size_t split(gir_arena *a, const char *s, size_t len, dline **out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n'))) n++;
    if (len && s[len - 1] != '\n' && s[len - 1] != '\r') n++;
    dline *v = arena_alloc(a, (n + 1) * sizeof *v);
    size_t k = 0, b = 0;
    for (size_t i = 0; i < len && k < n; i++) {
        int crlf = s[i] == '\r' && i + 1 < len && s[i + 1] == '\n';
        if (s[i] == '\n' || s[i] == '\r') {
            v[k].p = s + b;
            v[k].n = i - b;
            v[k].full = i - b + (crlf ? 2 : 1);
            k++;
            if (crlf) i++;
            b = i + 1;
        }
    }
    if (k < n) { v[k].p = s + b; v[k].n = len - b; v[k].full = len - b; k++; }
    *out = v;
    return k;
}

static int eq(const dline *x, const dline *y)
{
    return x->full == y->full && memcmp(x->p, y->p, x->full) == 0;
}

enum { OP_SAME = ' ', OP_DEL = '-', OP_ADD = '+' };
typedef struct op { char kind; size_t ai, bi; } op;

static void emit(gir_buf *out, const op *ops, size_t nops, const dline *A, const dline *B)
{
    enum { CTX = 3 };
    size_t i = 0;
    while (i < nops) {
        while (i < nops && ops[i].kind == OP_SAME) i++;
        if (i == nops) break;
        size_t s = i >= CTX ? i - CTX : 0, e = i;
        /* extend while the next change is within 2*CTX lines */
        for (;;) {
            while (e < nops && ops[e].kind != OP_SAME) e++;
            size_t k = e;
            while (k < nops && ops[k].kind == OP_SAME && k - e < 2 * CTX) k++;
            if (k < nops && ops[k].kind != OP_SAME) { e = k; continue; }
            e = e + CTX < nops ? e + CTX : nops;
            break;
        }
        size_t na = 0, nb = 0, a0 = 0, b0 = 0;
        int seen_a = 0, seen_b = 0;
        for (size_t k = s; k < e; k++) {
            if (ops[k].kind != OP_ADD) { if (!seen_a++) a0 = ops[k].ai; na++; }
            if (ops[k].kind != OP_DEL) { if (!seen_b++) b0 = ops[k].bi; nb++; }
        }
        if (!seen_a) a0 = ops[s].ai;
        if (!seen_b) b0 = ops[s].bi;
        buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", na ? a0 + 1 : a0, na, nb ? b0 + 1 : b0, nb);
        for (size_t k = s; k < e; k++) {
            const dline *L = ops[k].kind == OP_ADD ? &B[ops[k].bi] : &A[ops[k].ai];
            buf_putc(out, ops[k].kind);
            buf_put(out, L->p, L->n);
            buf_putc(out, '\n');
        }
        i = e;
    }
}

void fmt_diff(gir_buf *out, const char *a_name, const char *a, size_t alen,
              const char *b_name, const char *b, size_t blen)
{
    gir_arena *ar = out->arena;
    dline *A, *B;
    size_t na = split(ar, a, alen, &A), nb = split(ar, b, blen, &B);
    size_t p = 0, s = 0;
    while (p < na && p < nb && eq(&A[p], &B[p])) p++;
    while (s < na - p && s < nb - p && eq(&A[na - 1 - s], &B[nb - 1 - s])) s++;
    size_t ma = na - p - s, mb = nb - p - s;
    op *ops = arena_alloc(ar, (na + nb + 1) * sizeof *ops);
    size_t n = 0;
    for (size_t i = 0; i < p; i++) ops[n++] = (op){OP_SAME, i, i};
    uint16_t *t = NULL;
    if (ma && mb && (ma + 1) * (mb + 1) <= 4u * 1024u * 1024u)
        t = calloc((ma + 1) * (mb + 1), sizeof *t);
    if (t) {
        /* t[i][j] = LCS length of A[p+i..] and B[p+j..] */
        for (size_t i = ma; i-- > 0;)
            for (size_t j = mb; j-- > 0;) {
                uint16_t *c = &t[i * (mb + 1) + j];
                if (eq(&A[p + i], &B[p + j])) *c = (uint16_t)(t[(i + 1) * (mb + 1) + j + 1] + 1);
                else {
                    uint16_t d = t[(i + 1) * (mb + 1) + j], r = t[i * (mb + 1) + j + 1];
                    *c = d > r ? d : r;
                }
            }
        size_t i = 0, j = 0;
        while (i < ma || j < mb) {
            if (i < ma && j < mb && eq(&A[p + i], &B[p + j])) { ops[n++] = (op){OP_SAME, p + i, p + j}; i++; j++; }
            else if (j < mb && (i == ma || t[(i + 1) * (mb + 1) + j] < t[i * (mb + 1) + j + 1]))
                { ops[n++] = (op){OP_ADD, p + i, p + j}; j++; }
            else { ops[n++] = (op){OP_DEL, p + i, p + j}; i++; }
        }
        free(t);
    } else {
        for (size_t i = 0; i < ma; i++) ops[n++] = (op){OP_DEL, p + i, p};
        for (size_t j = 0; j < mb; j++) ops[n++] = (op){OP_ADD, p + ma, p + j};
    }
    for (size_t i = 0; i < s; i++) ops[n++] = (op){OP_SAME, na - s + i, nb - s + i};
    if (n == p + s) return;   /* no change */
    buf_printf(out, "--- %s\n+++ %s\n", a_name, b_name);
    emit(out, ops, n, A, B);
}
