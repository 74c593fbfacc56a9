/* table.c - a table of the new report (internal.h): per block a comment
 * with its caption and its columns (short name = official label), then
 * every row in template order, each group heading a comment (groups are
 * never written: their totals come from their rows), each row its short
 * name, one value per column and its official label as a comment. With
 * --from, the cells the template's rules tie to last year (`X ==
 * previous.Y + ...`, e.g. 上年结转 == last year's 结转下年) start from
 * last year's values (carry.c); every other cell is 0. */
#include <string.h>
#include "internal.h"

/* "caption: name=label name=label ..." for the block's columns. */
static void block_comment(gir_arena *a, gir_buf *b, const gir_new_opts *o, const gir_block *bl)
{
    gir_buf c;
    buf_init(&c, a);
    if (bl->caption) buf_printf(&c, "%s  ", bl->caption);
    buf_puts(&c, msg_fmt(o->lang, NEW_COLUMNS));
    for (size_t j = 0; j < bl->ncols; j++) {
        const gir_hnode *h = bl->cols[j];
        buf_putc(&c, ' ');
        buf_puts(&c, h->name);
        if (h->label && *h->label && strcmp(h->label, h->name) != 0) buf_printf(&c, "=%s", h->label);
    }
    scaf_comment(b, "  ", buf_cstr(&c));
}

static void put_value(gir_buf *b, const gir_hnode *col, const scaf_cell *x)
{
    buf_putc(b, ' ');
    if ((col->has_type && col->type == CT_TEXT) || (x && x->blank)) {
        buf_putc(b, '_');
        return;
    }
    if (!x || !x->set) {
        buf_putc(b, '0');
        return;
    }
    char v[48];
    dec_format_buf(x->v, v);
    buf_puts(b, v);
}

static void emit_row(gir_buf *b, const gir_block *bl, const gir_hnode *h, const scaf_cell *grid)
{
    buf_puts(b, "  ");
    if (bl->rowlabels) scaf_name(b, h->name);
    for (size_t j = 0; j < bl->ncols; j++)
        put_value(b, bl->cols[j], grid ? &grid[(size_t)h->index * bl->ncols + j] : NULL);
    if (h->label && *h->label) {
        buf_puts(b, "  # ");
        buf_puts(b, h->label);
    }
    buf_putc(b, '\n');
}

static void emit_block(gir_arena *a, gir_buf *b, const gir_new_opts *o, const gir_block *bl, const scaf_cell *grid)
{
    block_comment(a, b, o, bl);
    const gir_hnode *root = bl->rowroot;
    for (size_t i = 0; i < root->nall; i++) {
        const gir_hnode *h = root->all[i];
        if (!h->is_group) {
            emit_row(b, bl, h, grid);
            continue;
        }
        const char *label = h->label && *h->label ? h->label : h->name;
        scaf_comment(b, "  ", arena_printf(a, msg_fmt(o->lang, NEW_GROUP), label));
    }
}

void scaf_table(gir_arena *a, gir_buf *b, const gir_new_opts *o, const gir_ttable *t)
{
    scaf_cell **grids = scaf_carry(a, o, t);
    buf_puts(b, "\ntable ");
    scaf_name(b, t->name);
    buf_puts(b, " {\n");
    for (size_t k = 0; k < t->nblocks; k++) emit_block(a, b, o, t->blocks[k], grids ? grids[k] : NULL);
    buf_puts(b, "}\n");
}
