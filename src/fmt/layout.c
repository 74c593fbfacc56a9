/* layout.c - the formatter's output: spacing between tokens,
 * indentation, alignment of report table rows (labels left, numbers
 * right, by display width), of header keys and of runs of trailing
 * comments. Tokens are copied byte for byte from the source. */
#include <string.h>
#include "internal.h"
#include "parser.h"
#include "base/utf8.h"

enum { INDENT = 2 };

/* Whether a space separates two adjacent tokens of one line. */
static int spaced(const ftok *a, const ftok *b)
{
    int ka = a->kind, kb = b->kind;
    if (ka == '.' || kb == '.') return 0;                      /* paths a.b */
    if (kb == ',' || kb == ')' || kb == '(' || ka == '(') return 0;
    if (ka == '=' || kb == '=') return !(a->row && a->row == b->row);  /* cells: col=value */
    if (kb == ':')                                             /* rule "x" error: / over each column: */
        return !(ka == KW_ERROR || ka == KW_WARNING || ka == KW_COLUMN || ka == KW_ROW || ka == ')');
    return 1;
}

static void put_tok(const fctx *c, gir_buf *b, size_t i)
{
    buf_put(b, c->src->text + c->t[i].sp.start, c->t[i].sp.end - c->t[i].sp.start);
}

static void put_range(const fctx *c, gir_buf *b, size_t i0, size_t i1)
{
    for (size_t i = i0; i < i1; i++) {
        if (i > i0 && spaced(&c->t[i - 1], &c->t[i])) buf_putc(b, ' ');
        put_tok(c, b, i);
    }
}

static void spaces(gir_buf *b, size_t n)
{
    while (n--) buf_putc(b, ' ');
}

/* Display width of the last physical line of s. */
static size_t last_width(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && s[k - 1] != '\n' && s[k - 1] != '\r') k--;
    return utf8_width(s + k, n - k);
}

/* Drops the padding after the last cell; a comment keeps its bytes. */
static void finish(const fctx *c, fline *L, gir_buf *b)
{
    (void)c;
    while (!L->own_comment && b->n > 0 && b->p[b->n - 1] == ' ') b->n--;
    L->text = buf_cstr(b);
    L->len = b->n;
    L->width = last_width(L->text, L->len);
}

static void indent(const fline *L, gir_buf *b)
{
    spaces(b, (size_t)(L->depth * INDENT + (L->cont ? INDENT : 0)));
}

/* ---- report table rows ---- */

typedef struct chunk { size_t t0, t1, w; int right, named; } chunk;

static int is_label(const gir_node *n)
{
    return n && (n->kind == N_NAME || n->kind == N_PATH || (n->kind == N_LIT && n->lit.kind == LIT_STRING));
}

/* The row items of line L as chunks (tokens t0..t1 and width). */
static size_t row_chunks(const fctx *c, const fline *L, chunk **out)
{
    size_t n = 0;
    for (const gir_node *it = L->row->first; it; it = it->next) n++;
    chunk *ch = arena_alloc(c->a, (n + 1) * sizeof *ch);
    size_t k = 0, i = L->t0, end = L->t0 + L->nt;
    for (const gir_node *it = L->row->first; it && i < end; it = it->next, k++) {
        ch[k].t0 = i;
        while (i < end && c->t[i].cell == (int)k) i++;
        ch[k].t1 = i;
        gir_buf b;
        buf_init(&b, c->a);
        put_range(c, &b, ch[k].t0, ch[k].t1);
        ch[k].w = utf8_width(b.p ? b.p : "", b.n);
        ch[k].right = it->kind == N_LIT && (it->lit.kind == LIT_NUMBER || it->lit.kind == LIT_BLANK);
        ch[k].named = it->kind == N_NAMED;
    }
    *out = ch;
    return k;
}

static void put_chunk(const fctx *c, gir_buf *b, const chunk *ch, size_t width)
{
    size_t pad = width > ch->w ? width - ch->w : 0;
    if (ch->right) spaces(b, pad);
    put_range(c, b, ch->t0, ch->t1);
    if (!ch->right) spaces(b, pad);
}

/* Whether a row has a COLUMN=VALUE cell: such rows are not positional, so
 * their cells are neither aligned nor counted in the column widths. */
static int has_named(const chunk *cs, size_t n)
{
    for (size_t k = 0; k < n; k++) if (cs[k].named) return 1;
    return 0;
}

/* Aligns the rows of the table whose first row line is at index first. */
static void align_table(fctx *c, size_t first)
{
    const gir_node *table = c->l[first].row->parent;
    int depth = c->l[first].depth;
    size_t last = first;
    while (last + 1 < c->nl && c->l[last + 1].depth >= depth && !(c->l[last + 1].row && c->l[last + 1].row->parent != table))
        last++;
    size_t labelw = 0;
    int labels = 0;
    chunk **ch = arena_alloc(c->a, (last - first + 1) * sizeof *ch);
    size_t *nch = arena_alloc(c->a, (last - first + 1) * sizeof *nch);
    for (size_t i = first; i <= last; i++) {
        if (!c->l[i].row) continue;
        nch[i - first] = row_chunks(c, &c->l[i], &ch[i - first]);
        if (nch[i - first] && is_label(c->l[i].row->first)) {
            labels = 1;
            if (ch[i - first][0].w > labelw) labelw = ch[i - first][0].w;
        }
    }
    for (size_t r0 = first; r0 <= last;) {
        if (!c->l[r0].row) { r0++; continue; }
        size_t r1 = r0;                              /* a run of adjacent rows */
        while (r1 + 1 <= last && c->l[r1 + 1].row && !c->l[r1 + 1].blank) r1++;
        size_t ncol = 0;
        for (size_t i = r0; i <= r1; i++) if (nch[i - first] > ncol) ncol = nch[i - first];
        size_t *colw = arena_alloc(c->a, (ncol + 1) * sizeof *colw);
        for (size_t i = r0; i <= r1; i++) {
            int lab = is_label(c->l[i].row->first);
            if (has_named(ch[i - first], nch[i - first])) continue;
            for (size_t k = lab ? 1 : 0, col = 0; k < nch[i - first]; k++, col++)
                if (ch[i - first][k].w > colw[col]) colw[col] = ch[i - first][k].w;
        }
        for (size_t i = r0; i <= r1; i++) {
            fline *L = &c->l[i];
            gir_buf b;
            buf_init(&b, c->a);
            indent(L, &b);
            chunk *cs = ch[i - first];
            int free_form = has_named(cs, nch[i - first]);
            size_t k = 0;
            if (labels) {
                if (is_label(L->row->first)) put_chunk(c, &b, &cs[k++], labelw);
                else spaces(&b, labelw);
                if (k < nch[i - first]) spaces(&b, 2);
            }
            for (size_t col = 0; k < nch[i - first]; k++, col++) {
                if (col) buf_putc(&b, ' ');
                put_chunk(c, &b, &cs[k], free_form ? 0 : colw[col]);
            }
            finish(c, L, &b);
        }
        r0 = r1 + 1;
    }
}

/* ---- header fields ---- */

static void align_fields(fctx *c, size_t first)
{
    const gir_node *hdr = c->l[first].item->parent;
    size_t keyw = 0, last = first;
    for (size_t i = first; i < c->nl && c->l[i].depth >= c->l[first].depth; i++) {
        const fline *L = &c->l[i];
        if (!L->item || L->item->kind != N_FIELD || L->item->parent != hdr) continue;
        size_t w = utf8_width(c->src->text + c->t[L->t0].sp.start, c->t[L->t0].sp.end - c->t[L->t0].sp.start);
        if (w > keyw) keyw = w;
        last = i;
    }
    for (size_t i = first; i <= last; i++) {
        fline *L = &c->l[i];
        if (!L->item || L->item->kind != N_FIELD || L->item->parent != hdr) continue;
        gir_buf b;
        buf_init(&b, c->a);
        indent(L, &b);
        put_tok(c, &b, L->t0);
        size_t w = utf8_width(c->src->text + c->t[L->t0].sp.start, c->t[L->t0].sp.end - c->t[L->t0].sp.start);
        if (L->nt > 1) {
            spaces(&b, keyw - w + 1);
            put_range(c, &b, L->t0 + 1, L->t0 + L->nt);
        }
        finish(c, L, &b);
    }
}

/* ---- everything ---- */

void fmt_render(fctx *c, gir_buf *out)
{
    for (size_t i = 0; i < c->nl; i++) {
        fline *L = &c->l[i];
        if (L->text) continue;
        if (L->row) { align_table(c, i); continue; }
        if (L->item && L->item->kind == N_FIELD) { align_fields(c, i); continue; }
        gir_buf b;
        buf_init(&b, c->a);
        indent(L, &b);
        if (L->own_comment) put_tok(c, &b, L->t0);
        else put_range(c, &b, L->t0, L->t0 + L->nt);
        finish(c, L, &b);
    }
    /* trailing comments: runs of adjacent lines at one depth share a column */
    size_t *col = arena_alloc(c->a, (c->nl + 1) * sizeof *col);
    for (size_t i = 0; i < c->nl;) {
        const fline *L = &c->l[i];
        if (L->comment < 0) { i++; continue; }
        size_t j = i, w = L->width;
        if (!L->multiline)
            while (j + 1 < c->nl && c->l[j + 1].comment >= 0 && !c->l[j + 1].multiline && !c->l[j + 1].blank &&
                   c->l[j + 1].depth == L->depth) {
                j++;
                if (c->l[j].width > w) w = c->l[j].width;
            }
        for (size_t k = i; k <= j; k++) col[k] = w + 2;
        i = j + 1;
    }
    for (size_t i = 0; i < c->nl; i++) {
        const fline *L = &c->l[i];
        if (L->blank) buf_putc(out, '\n');
        buf_put(out, L->text, L->len);
        if (L->comment >= 0) {
            spaces(out, col[i] > L->width ? col[i] - L->width : 1);
            put_tok(c, out, (size_t)L->comment);
        }
        buf_putc(out, '\n');
    }
}
