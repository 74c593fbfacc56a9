/* fmt.c - the formatter's driver: parse, collect the tokens (comments
 * included) and the AST's line items, break the token stream into lines,
 * normalise blank lines, render (layout.c), then re-parse the result
 * and refuse it unless its tokens and AST equal the input's. */
#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "base/array.h"
#include "internal.h"
#include "syntax/lexer.h"
#include "parser.h"

/* ---- line items from the AST ---- */

static int is_line_item(gir_node_kind k)
{
    switch (k) {
    case N_REPORT: case N_FIELD: case N_SECTION: case N_TABLE: case N_ROW:
    case N_TEMPLATE: case N_SOURCE: case N_YEARS: case N_TSECTION: case N_TTABLE:
    case N_NOTE: case N_BLOCK: case N_COLUMNS: case N_ROWS: case N_ROWLABELS:
    case N_GROUP: case N_LEAF: case N_RULE: case N_PATTERN: case N_MENTION: case N_WAIVER:
    case N_WORDING: case N_THRESHOLD: case N_JUMP:
        return 1;
    default:
        return 0;
    }
}

typedef struct mark { uint32_t off; int brk; size_t seq; const gir_node *n; } mark;

static int mark_cmp(const void *x, const void *y)
{
    const mark *a = x, *b = y;
    if (a->off != b->off) return a->off < b->off ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* First token whose start is >= off. */
static size_t tok_at(const fctx *c, uint32_t off)
{
    size_t lo = 0, hi = c->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->t[mid].sp.start < off) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static void mark_items(fctx *c, const gir_node *root)
{
    mark *m = NULL;
    size_t n = 0;
    for (const gir_node *x = root; x; x = ast_next(root, x)) {
        size_t seq = n;
        if (is_line_item(x->kind)) ARRAY_PUSH(c->a, m, n, ((mark){x->span.start, FBRK_ITEM, seq, x}));
        seq = n;
        if ((x->kind == N_RULE || x->kind == N_PATTERN) && x->last && x->last->kind == N_LIT)
            ARRAY_PUSH(c->a, m, n, ((mark){x->last->span.start, FBRK_CONT, seq, NULL}));
        if (x->kind == N_ROW) {
            int i = 0;
            for (const gir_node *it = x->first; it; it = it->next, i++)
                for (size_t k = tok_at(c, it->span.start); k < c->nt && c->t[k].sp.start < it->span.end; k++) {
                    c->t[k].row = x;
                    c->t[k].cell = i;
                }
        }
    }
    if (n) qsort(m, n, sizeof *m, mark_cmp);
    for (size_t i = 0; i < n; i++) {
        if (i && m[i].off == m[i - 1].off) continue;   /* the outer item wins */
        size_t k = tok_at(c, m[i].off);
        if (k < c->nt && c->t[k].sp.start == m[i].off) { c->t[k].brk = m[i].brk; c->t[k].item = m[i].n; }
    }
}

/* ---- tokens ---- */

static int newlines(const char *p, const char *e)
{
    int n = 0;
    for (; p < e; p++) {
        if (*p == '\n') n++;
        else if (*p == '\r' && !(p + 1 < e && p[1] == '\n')) n++;
    }
    return n;
}

/* Lexes src with comments. Returns 0 if the lexer reported an error. */
static int collect_tokens(gir_arena *a, const gir_source *src, ftok **out, size_t *nout)
{
    gir_diags dg;
    diags_init(&dg, a, GIR_LANG_EN);
    gir_lexer lx;
    lexer_init(&lx, a, &dg, src);
    lx.emit_comments = 1;
    ftok *t = NULL;
    size_t n = 0;
    uint32_t prev = (uint32_t)((const char *)lx.cur - src->text);
    for (;;) {
        gir_node *v = NULL;
        gir_span sp;
        int k = lexer_next(&lx, &v, &sp);
        if (k == YYEOF) break;
        if (k == YYerror || k == YYUNDEF) return 0;
        if (k == NEWLINE) continue;
        ftok x;
        memset(&x, 0, sizeof x);
        x.kind = k;
        x.sp = sp;
        x.nl = newlines(src->text + prev, src->text + sp.start);
        x.cell = -1;
        ARRAY_PUSH(a, t, n, x);
        prev = sp.end;
    }
    *out = t;
    *nout = n;
    return dg.nerrors == 0;
}

/* ---- lines ---- */

static int tok_multiline(const fctx *c, const ftok *t)
{
    for (uint32_t i = t->sp.start; i < t->sp.end; i++)
        if (c->src->text[i] == '\n' || c->src->text[i] == '\r') return 1;
    return 0;
}

static void build_lines(fctx *c)
{
    int depth = 0, open = 0;          /* open: the current line takes more tokens */
    int prev_kind = 0;                /* last token that is not a comment */
    for (size_t i = 0; i < c->nt; i++) {
        ftok *t = &c->t[i];
        fline *cur = c->nl ? &c->l[c->nl - 1] : NULL;
        if (t->kind == COMMENT && t->nl == 0 && cur && open) {
            cur->comment = (long)i;
            open = 0;
            continue;
        }
        int natural = !cur || t->brk == FBRK_ITEM || t->kind == '}' || prev_kind == '{' || prev_kind == '}';
        if (t->kind == '}' && depth > 0) depth--;
        if (natural || !open || t->kind == COMMENT || t->brk) {
            fline L;
            memset(&L, 0, sizeof L);
            L.depth = depth;
            L.cont = !natural && t->kind != COMMENT;
            L.blank = t->nl >= 2;
            L.t0 = i;
            L.comment = -1;
            L.own_comment = t->kind == COMMENT;
            L.item = t->item;
            L.row = t->item && t->item->kind == N_ROW ? t->item : NULL;
            ARRAY_PUSH(c->a, c->l, c->nl, L);
            cur = &c->l[c->nl - 1];
            open = !L.own_comment;
        }
        cur->nt = i - cur->t0 + 1;
        if (tok_multiline(c, t)) cur->multiline = 1;
        if (t->kind == '{') depth++;
        if (t->kind != COMMENT) prev_kind = t->kind;
    }
}

/* At most one blank line; none at the start, after "{" or before "}";
 * exactly one between top-level items. */
static void normalise_blanks(fctx *c)
{
    for (size_t i = 0; i < c->nl; i++) {
        fline *L = &c->l[i];
        if (i == 0) { L->blank = 0; continue; }
        const fline *P = &c->l[i - 1];
        int p_last = c->t[P->t0 + P->nt - 1].kind;
        if (p_last == '{' && !P->own_comment) L->blank = 0;
        if (c->t[L->t0].kind == '}' && !L->own_comment) L->blank = 0;
        if (L->cont) L->blank = 0;
        /* P completed a top-level item: a "}" or a one-line item at depth 0 */
        if (L->depth == 0 && !L->cont && P->depth == 0 && !P->own_comment && p_last != '{') L->blank = 1;
    }
}

/* ---- verification ---- */

static int same_str(const char *a, uint32_t an, const char *b, uint32_t bn)
{
    if (!a || !b) return a == b;
    return an == bn && memcmp(a, b, an) == 0;
}

static int same_cstr(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

static int same_node(const gir_node *x, const gir_node *y)
{
    if (x->kind != y->kind || x->op != y->op || x->cmp != y->cmp || x->quoted != y->quoted) return 0;
    if (!same_str(x->str, x->len, y->str, y->len)) return 0;
    if (x->kind != N_LIT) return 1;
    const gir_lit *a = &x->lit, *b = &y->lit;
    return a->kind == b->kind && a->sign == b->sign && a->fullwidth == b->fullwidth &&
           same_cstr(a->int_digits, b->int_digits) && same_cstr(a->frac_digits, b->frac_digits) &&
           same_cstr(a->unit, b->unit) && same_cstr(a->written_sign, b->written_sign) &&
           a->year == b->year && a->month == b->month && a->day == b->day;
}

static int same_ast(const gir_node *ra, const gir_node *rb)
{
    const gir_node *x = ra, *y = rb;
    while (x && y) {
        if (!same_node(x, y)) return 0;
        if ((x->first == NULL) != (y->first == NULL)) return 0;
        x = ast_next(ra, x);
        y = ast_next(rb, y);
    }
    return x == NULL && y == NULL;
}

static int same_tokens(const fctx *a, const ftok *bt, size_t bn, const gir_source *bs)
{
    if (a->nt != bn) return 0;
    for (size_t i = 0; i < bn; i++) {
        const ftok *x = &a->t[i], *y = &bt[i];
        if (x->kind != y->kind || x->sp.end - x->sp.start != y->sp.end - y->sp.start) return 0;
        if (memcmp(a->src->text + x->sp.start, bs->text + y->sp.start, x->sp.end - x->sp.start)) return 0;
    }
    return 1;
}

/* ---- driver ---- */

typedef struct fjob {
    gir_doc *d;
    const gir_options *o;
    gir_arena *a;                  /* the formatter's scratch memory */
    gir_arena *out_arena;
    const char **out;
    size_t *out_len;
    gir_doc *again;                /* the result, parsed again */
    gir_fmt_status st;
} fjob;

/* Formats j->d into j->out, inside the protected call of format_doc. */
static void format_job(void *ud)
{
    fjob *j = ud;
    fctx c;
    memset(&c, 0, sizeof c);
    c.a = j->a;
    c.src = &j->d->src;
    j->st = GIR_FMT_UNSAFE;
    if (!collect_tokens(j->a, &j->d->src, &c.t, &c.nt)) return;
    mark_items(&c, j->d->ast);
    build_lines(&c);
    normalise_blanks(&c);
    gir_buf b;
    buf_init(&b, j->a);
    if (j->d->src.len >= 3 && memcmp(j->d->src.text, "\xEF\xBB\xBF", 3) == 0) buf_put(&b, j->d->src.text, 3);
    fmt_render(&c, &b);
    buf_cstr(&b);
    /* the result must lex and parse to the same tokens and tree */
    j->again = gir_doc_parse(j->d->src.name, b.p, b.n, j->o);
    gir_doc *again = j->again;
    if (!again || again->oom) {   /* no memory for the second parse: not a formatter bug */
        j->st = GIR_FMT_NOMEM;
        return;
    }
    if (again->diags.nerrors || !same_ast(j->d->ast, again->ast)) return;
    ftok *t2 = NULL;
    size_t n2 = 0;
    if (!collect_tokens(j->a, &again->src, &t2, &n2) || !same_tokens(&c, t2, n2, &again->src)) return;
    j->st = GIR_FMT_OK;
    char *r = arena_strndup(j->out_arena, b.p, b.n);
    if (!r) {
        j->st = GIR_FMT_NOMEM;
        return;
    }
    *j->out = r;
    *j->out_len = b.n;
}

static gir_fmt_status format_doc(gir_doc *d, const gir_options *o, gir_arena *out_arena,
                                 const char **out, size_t *out_len)
{
    gir_arena *a = arena_new(o ? o->mem : NULL);
    if (!a) return GIR_FMT_NOMEM;
    fjob j = {d, o, a, out_arena, out, out_len, NULL, GIR_FMT_UNSAFE};
    if (arena_protect(a, format_job, &j)) j.st = GIR_FMT_NOMEM;
    gir_doc_free(j.again);
    arena_free(a);
    return j.st;
}

gir_fmt_status gir_fmt_source(const char *name, const char *text, size_t len, const gir_options *o,
                          gir_arena *out_arena, const char **out, size_t *out_len, gir_doc **parsed)
{
    *out = NULL;
    *out_len = 0;
    if (parsed) *parsed = NULL;
    gir_doc *d = gir_doc_parse(name, text, len, o);
    if (!d) return GIR_FMT_NOMEM;
    gir_fmt_status st;
    if (d->oom) st = GIR_FMT_NOMEM;
    else if (d->diags.nerrors) st = GIR_FMT_SYNTAX;
    else st = format_doc(d, o, out_arena, out, out_len);
    if (parsed) *parsed = d;
    else gir_doc_free(d);
    return st;
}
