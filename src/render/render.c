/* render.c - the renderer core: finding a back end in the table (by
 * name, by extension), the walk over a checked report (header, sections
 * in template order, tables) as one protected call, the official merged
 * table layout computed from the template's header trees, value text
 * and dates. See render.h for the layout's rules; the prose is prose.c;
 * the back ends are listed in backends.c, and none is named here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "render.h"
#include "base/array.h"
#include "base/io.h"

/* ---- the back ends ---- */

static int has_ext(const gir_backend *b, const char *ext)
{
    for (const char *const *e = b->exts; *e; e++)
        if (strcmp(*e, ext) == 0) return 1;
    return 0;
}

const gir_backend *gir_backend_find(const char *s)
{
    for (const gir_backend *const *b = gir_backends; *b; b++)
        if (strcmp((*b)->name, s) == 0 || has_ext(*b, s)) return *b;
    return NULL;
}

const gir_backend *gir_backend_for_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (!dot) return NULL;
    for (const gir_backend *const *b = gir_backends; *b; b++)
        if (has_ext(*b, dot + 1)) return *b;
    return NULL;
}

/* ---- helpers ---- */

const char *render_hnode_text(const gir_hnode *h)
{
    return h->label && *h->label ? h->label : h->name;
}

const char *render_state_name(gir_cell_state s)
{
    switch (s) {
    case CELL_ZERO: return "zero";
    case CELL_WRITTEN: return "written";
    case CELL_COMPUTED: return "computed";
    case CELL_BLANK: return "blank";
    case CELL_TEXT: return "text";
    }
    return "zero";
}

const char *render_value_text(const gir_lcell *c, char *buf)
{
    const gir_cell *v = c->cell;
    buf[0] = 0;
    if (!v) return buf;
    switch (v->state) {
    case CELL_TEXT: return v->text ? v->text : "";
    case CELL_BLANK: return buf;
    case CELL_ZERO:
        if (v->type != CT_TEXT) strcpy(buf, "0");
        return buf;
    case CELL_WRITTEN:
    case CELL_COMPUTED: break;
    }
    char num[48];
    dec_format_buf(v->v, num);
    size_t n = 0;
    if (v->type == CT_CHANGE && v->v.m > 0) buf[n++] = '+';
    size_t k = strlen(num);
    memcpy(buf + n, num, k + 1);
    n += k;
    if (v->type == CT_MONEY && v->unit && *v->unit && strlen(v->unit) < 12) {
        int named = c->h && strstr(render_hnode_text(c->h), v->unit) != NULL;
        if (!named) memcpy(buf + n, v->unit, strlen(v->unit) + 1);
    }
    return buf;
}

const char *render_date_zh(const gir_report *r, char *buf)
{
    buf[0] = 0;
    if (r->has_date) snprintf(buf, 32, "%d年%d月%d日", r->date_y, r->date_m, r->date_d);
    return buf;
}

const char *render_date_iso(const gir_report *r, char *buf)
{
    buf[0] = 0;
    if (r->has_date) snprintf(buf, 16, "%04d-%02d-%02d", r->date_y % 10000, r->date_m % 100, r->date_d % 100);
    return buf;
}

/* ---- layout ---- */

/* The layout being built: arrays of base/array.h on the render's arena
 * (rkind and rblock, hkey and hval grow in step). */
typedef struct lb {
    gir_arena *a;
    gir_lcell **cells;
    size_t n;
    gir_lrkind *rkind;
    int *rblock;
    int nrows;
    /* header cells of the current block, for the value cells' headers */
    const gir_hnode **hkey;
    gir_lcell **hval;
    size_t nh;
} lb;

static gir_lcell *lb_add(lb *b, gir_lkind kind, int row, int col, int rowspan, int colspan, const char *text)
{
    gir_lcell *c = arena_alloc(b->a, sizeof *c);
    c->kind = kind;
    c->row = row;
    c->col = col;
    c->rowspan = rowspan < 1 ? 1 : rowspan;
    c->colspan = colspan < 1 ? 1 : colspan;
    c->text = text ? text : "";
    c->block = -1;
    c->r = c->c = -1;
    ARRAY_PUSH(b->a, b->cells, b->n, c);
    return c;
}

static void lb_row(lb *b, gir_lrkind kind, int block)
{
    int n = b->nrows;
    ARRAY_PUSH(b->a, b->rkind, n, kind);
    ARRAY_PUSH(b->a, b->rblock, b->nrows, block);
}

static void lb_map(lb *b, const gir_hnode *h, gir_lcell *c)
{
    size_t n = b->nh;
    ARRAY_PUSH(b->a, b->hkey, n, h);
    ARRAY_PUSH(b->a, b->hval, b->nh, c);
}

static gir_lcell *lb_find(const lb *b, const gir_hnode *h)
{
    for (size_t i = 0; i < b->nh; i++)
        if (b->hkey[i] == h) return b->hval[i];
    return NULL;
}

static int max_leaf_depth(gir_hnode *const *leaves, size_t n)
{
    int d = 0;
    for (size_t i = 0; i < n; i++)
        if (leaves[i]->depth > d) d = leaves[i]->depth;
    return d;
}

/* First and last leaf index under h, and the number of leaves. */
static int leaf_range(const gir_hnode *h, int *first, int *last)
{
    if (!h->is_group) {
        if (*first < 0) *first = h->index;
        *last = h->index;
        return 1;
    }
    int n = 0;
    for (size_t i = 0; i < h->nkids; i++) n += leaf_range(h->kids[i], first, last);
    return n;
}

typedef struct colpos { int *start, *span; int top, height; } colpos;

static void add_colheads(lb *b, const gir_hnode *h, const colpos *cp, int block)
{
    for (size_t i = 0; i < h->nkids; i++) {
        const gir_hnode *k = h->kids[i];
        int first = -1, last = -1;
        if (leaf_range(k, &first, &last) == 0 || first < 0) continue;
        int start = cp->start[first], end = cp->start[last] + cp->span[last];
        int rowspan = k->is_group ? 1 : cp->height - k->depth;
        gir_lcell *c = lb_add(b, LAYOUT_COLHEAD, cp->top + k->depth, start, rowspan, end - start, render_hnode_text(k));
        c->h = k;
        c->is_group = k->is_group;
        c->block = block;
        lb_map(b, k, c);
        if (k->is_group) add_colheads(b, k, cp, block);
    }
}

static void add_value_headers(lb *b, gir_lcell *v, gir_lcell *caption, const gir_hnode *rowleaf,
                              const gir_hnode *colleaf)
{
    const gir_hnode *path[2][16];
    int np[2] = {0, 0};
    for (const gir_hnode *h = rowleaf; h && h->depth >= 0 && np[0] < 16; h = h->parent) path[0][np[0]++] = h;
    for (const gir_hnode *h = colleaf; h && h->depth >= 0 && np[1] < 16; h = h->parent) path[1][np[1]++] = h;
    v->hdr = arena_alloc(b->a, (size_t)(1 + np[0] + np[1]) * sizeof *v->hdr);
    if (caption) v->hdr[v->nhdr++] = caption;
    for (int ax = 0; ax < 2; ax++)
        for (int i = np[ax] - 1; i >= 0; i--) {
            gir_lcell *c = lb_find(b, path[ax][i]);
            if (c && c->text && *c->text) v->hdr[v->nhdr++] = c;
        }
}

static int cell_order(const void *x, const void *y)
{
    const gir_lcell *a = *(gir_lcell *const *)x, *b = *(gir_lcell *const *)y;
    if (a->row != b->row) return a->row < b->row ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return 0;
}

gir_layout *layout_build(gir_arena *a, const gir_report *r, int table)
{
    const gir_rtable *rt = &r->tables[table];
    const gir_ttable *t = rt->t;
    lb b;
    memset(&b, 0, sizeof b);
    b.a = a;
    int V = 0, L = 0;
    for (size_t i = 0; i < t->nblocks; i++) {
        const gir_block *bl = t->blocks[i];
        if ((int)bl->ncols > V) V = (int)bl->ncols;
        if (bl->rowlabels && bl->nrows && max_leaf_depth(bl->rows, bl->nrows) + 1 > L)
            L = max_leaf_depth(bl->rows, bl->nrows) + 1;
    }
    int W = L + V;
    if (W < 1) W = 1;
    int note_used = !(t->note && *t->note);
    int nhead = 0;
    for (size_t bi = 0; bi < t->nblocks; bi++) {
        const gir_block *bl = t->blocks[bi];
        const gir_rblock *rb = &rt->blocks[bi];
        int blk = (int)bi;
        b.hkey = NULL;   /* a new map per block */
        b.hval = NULL;
        b.nh = 0;
        gir_lcell *caption = NULL;
        if (bl->caption && *bl->caption) {
            caption = lb_add(&b, LAYOUT_CAPTION, b.nrows, 0, 1, W, bl->caption);
            caption->block = blk;
            lb_row(&b, LR_CAPTION, blk);
        }
        /* header rows */
        int H = bl->ncols ? max_leaf_depth(bl->cols, bl->ncols) + 1 : 0;
        int top = b.nrows;
        colpos cp;
        cp.start = arena_alloc(a, (bl->ncols + 1) * sizeof *cp.start);
        cp.span = arena_alloc(a, (bl->ncols + 1) * sizeof *cp.span);
        for (size_t i = 0; i < bl->ncols; i++) {
            cp.start[i] = L + (int)i;
            cp.span[i] = i + 1 == bl->ncols ? V - (int)bl->ncols + 1 : 1;
        }
        cp.top = top;
        cp.height = H;
        if (H > 0) {
            if (L > 0) {
                const char *ct = "";
                int is_note = 0;
                if (bl->rowheader && *bl->rowheader) ct = bl->rowheader;
                else if (!note_used) { ct = t->note; note_used = 1; is_note = 1; }
                gir_lcell *c = lb_add(&b, LAYOUT_CORNER, top, 0, H, L, ct);
                c->block = blk;
                c->is_note = is_note;
            }
            add_colheads(&b, bl->colroot, &cp, blk);
            for (int i = 0; i < H; i++) lb_row(&b, LR_HEAD, blk);
            if (t->nblocks == 1 && !caption) nhead = H;
        }
        /* body rows */
        for (size_t ri = 0; ri < bl->nrows; ri++) {
            const gir_hnode *leaf = bl->rows[ri];
            int row = b.nrows;
            if (L > 0) {
                if (bl->rowlabels) {
                    const gir_hnode *anc[16];
                    int na = 0;
                    for (const gir_hnode *h = leaf->parent; h && h->depth >= 0 && na < 16; h = h->parent) anc[na++] = h;
                    for (int i = na - 1; i >= 0; i--) {
                        int first = -1, last = -1;
                        int nl = leaf_range(anc[i], &first, &last);
                        if (first != leaf->index) continue;
                        gir_lcell *g = lb_add(&b, LAYOUT_ROWHEAD, row, anc[i]->depth, nl, 1, render_hnode_text(anc[i]));
                        g->h = anc[i];
                        g->is_group = 1;
                        g->block = blk;
                        lb_map(&b, anc[i], g);
                    }
                    gir_lcell *c = lb_add(&b, LAYOUT_ROWHEAD, row, leaf->depth, 1, L - leaf->depth, render_hnode_text(leaf));
                    c->h = leaf;
                    c->block = blk;
                    lb_map(&b, leaf, c);
                } else {
                    gir_lcell *c = lb_add(&b, LAYOUT_ROWHEAD, row, 0, 1, L, "");
                    c->h = leaf;
                    c->block = blk;
                }
            }
            for (size_t ci = 0; ci < bl->ncols; ci++) {
                gir_lcell *v = lb_add(&b, LAYOUT_VALUE, row, cp.start[ci], 1, cp.span[ci], NULL);
                v->block = blk;
                v->r = (int)ri;
                v->c = (int)ci;
                v->h = bl->cols[ci];
                v->cell = &rb->cells[ri * bl->ncols + ci];
                add_value_headers(&b, v, caption, bl->rowlabels ? leaf : NULL, bl->cols[ci]);
            }
            lb_row(&b, LR_BODY, blk);
        }
    }
    if (!note_used) {
        gir_lcell *c = lb_add(&b, LAYOUT_NOTE, b.nrows, 0, 1, W, t->note);
        c->is_note = 1;
        lb_row(&b, LR_NOTE, -1);
    }

    gir_layout *Lo = arena_alloc(a, sizeof *Lo);
    Lo->rt = rt;
    Lo->table = table;
    Lo->nrows = b.nrows;
    Lo->ncols = W;
    Lo->nlabel = L;
    Lo->nhead = nhead;
    Lo->grid = arena_alloc(a, ((size_t)b.nrows * (size_t)W + 1) * sizeof *Lo->grid);
    /* place cells; a cell that would overlap another is clipped away */
    for (size_t i = 0; i < b.n; i++) {
        gir_lcell *c = b.cells[i];
        if (c->row + c->rowspan > b.nrows) c->rowspan = b.nrows - c->row;
        if (c->col + c->colspan > W) c->colspan = W - c->col;
        for (int y = c->row; y < c->row + c->rowspan; y++)
            for (int x = c->col; x < c->col + c->colspan; x++) {
                gir_lcell **g = &Lo->grid[(size_t)y * (size_t)W + (size_t)x];
                if (!*g) *g = c;
            }
    }
    /* holes (only from unusual templates) get empty cells */
    for (int y = 0; y < b.nrows; y++)
        for (int x = 0; x < W; x++)
            if (!Lo->grid[(size_t)y * (size_t)W + (size_t)x])
                Lo->grid[(size_t)y * (size_t)W + (size_t)x] = lb_add(&b, LAYOUT_EMPTY, y, x, 1, 1, "");
    qsort(b.cells, b.n, sizeof *b.cells, cell_order);
    Lo->ncells = b.n;
    Lo->rows = arena_alloc(a, ((size_t)b.nrows + 1) * sizeof *Lo->rows);
    for (int y = 0; y < b.nrows; y++) {
        Lo->rows[y].kind = b.rkind[y];
        Lo->rows[y].block = b.rblock[y];
    }
    size_t i = 0;
    for (int y = 0; y < b.nrows; y++) {
        size_t j = i;
        while (j < b.n && b.cells[j]->row == y) j++;
        Lo->rows[y].cells = b.cells + i;
        Lo->rows[y].ncells = j - i;
        for (size_t k = i; k < j; k++) b.cells[k]->id = (int)k;
        i = j;
    }
    return Lo;
}

/* ---- the walk ---- */

typedef struct walk {
    gir_renderer rr;
    const gir_backend *be;
} walk;

static void walk_sections(gir_renderer *rr, const gir_backend *be)
{
    const gir_report *r = rr->r;
    for (size_t i = 0; i < r->schema->nsections; i++) {
        const gir_rsection *s = &r->sections[i];
        rr->section = (int)i;
        be->section(rr, s, (int)i);
        if (s->prose && *s->prose) be->prose(rr, s);
        if (s->s->table) be->table(rr, rr->layouts[s->s->table->index]);
        be->section_end(rr, s, (int)i);
    }
}

/* The protected part of gir_render_to. */
static void walk_run(void *ud)
{
    walk *w = ud;
    gir_renderer *rr = &w->rr;
    rr->cmark = render_cmark_open(rr->a, rr->o->mem);
    size_t nt = rr->r->schema->ntables;
    rr->layouts = arena_alloc(rr->a, (nt + 1) * sizeof *rr->layouts);
    for (size_t i = 0; i < nt; i++) rr->layouts[i] = layout_build(rr->a, rr->r, (int)i);
    w->be->begin(rr);
    walk_sections(rr, w->be);
    w->be->end(rr);
    sink_flush(rr->out);
}

/* A back end that writes a file (a book): one report into a temporary
 * file, copied into out in pieces inside one protected call. */
typedef struct book_read {
    const char *tmp;
    gir_sink *out;
    int bad;
} book_read;

static void book_read_back(void *ud)
{
    book_read *k = ud;
    FILE *f = fopen(k->tmp, "rb");
    if (!f) { k->bad = 1; return; }
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) sink_put(k->out, chunk, got);
    if (ferror(f)) k->bad = 1;
    fclose(f);
    sink_flush(k->out);
}

static gir_render_status render_book(const gir_report *r, const gir_build_opts *o, gir_arena *a, gir_sink *out)
{
    const gir_book_ops *k = o->backend->book;
    char *tmp = NULL;
    int e = 0;
    if (io_temp_beside("-", &tmp, &e) != IO_OK) return GIR_RENDER_FAILED;
    gir_book *b = k->open(tmp);
    int bad = !b || k->add(b, r, o->diags, o->file) != 0;
    if (b && k->close(b) != 0) bad = 1;
    book_read rd = {tmp, out, bad};
    int oom = bad ? 0 : arena_protect(a, book_read_back, &rd);
    io_discard_temp(tmp);
    if (oom) return GIR_RENDER_NOMEM;
    return rd.bad ? GIR_RENDER_FAILED : GIR_RENDER_OK;
}

gir_render_status gir_render_to(const gir_report *r, const gir_build_opts *o, gir_arena *a, gir_sink *out)
{
    if (o->fragment && !o->backend->fragment) return GIR_RENDER_NO_FRAGMENT;
    if (o->backend->book) return render_book(r, o, a, out);
    walk w;
    memset(&w, 0, sizeof w);
    w.be = o->backend;
    w.rr.r = r;
    w.rr.o = o;
    w.rr.a = a;
    w.rr.out = out;
    int oom = arena_protect(a, walk_run, &w);
    render_cmark_close(w.rr.cmark);
    if (oom) return GIR_RENDER_NOMEM;
    return w.rr.failed ? GIR_RENDER_FAILED : GIR_RENDER_OK;
}

gir_render_status gir_render(const gir_report *r, const gir_build_opts *o, gir_arena *a, gir_buf *out)
{
    gir_sink s;
    sink_init(&s, a, sink_buf_write, out);
    gir_render_status st = gir_render_to(r, o, a, &s);
    if (st == GIR_RENDER_OK && s.failed) return GIR_RENDER_NOMEM;
    return st;
}

const char *const render_style_words[] = {"ascii", "gongwen", "fontset=", NULL};
const char *const render_fontsets[] = {"windows", "fandol", "ubuntu", "noto", "adobe", "founder", "mac", NULL};

/* The length of the --style word at s (up to a comma). */
static size_t style_word(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ',') n++;
    return n;
}

int render_style_has(const gir_build_opts *o, const char *word)
{
    size_t wn = strlen(word);
    for (const char *p = o->style; p && *p; p += *p == ',') {
        size_t n = style_word(p);
        if (n == wn && memcmp(p, word, n) == 0) return 1;
        p += n;
    }
    return 0;
}

const char *render_style_value(const gir_build_opts *o, const char *key, char *buf)
{
    size_t kn = strlen(key);
    for (const char *p = o->style; p && *p; p += *p == ',') {
        size_t n = style_word(p);
        if (n > kn && n - kn - 1 < 32 && memcmp(p, key, kn) == 0 && p[kn] == '=') {
            memcpy(buf, p + kn + 1, n - kn - 1);
            buf[n - kn - 1] = 0;
            return buf;
        }
        p += n;
    }
    return NULL;
}
