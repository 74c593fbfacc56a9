/* emit.c - the sum as a .gir (region.h): the header of the region's
 * report, a comment naming every unit added, a placeholder for each prose
 * section, and every row of every table with all its cells, each row
 * ending with a comment on how many units it adds and which left a cell
 * blank. A cell any unit left blank is _ (the comment gives the lower
 * bound), so the sum checks as its units do: sums of consistent reports
 * are consistent. */
#include <string.h>
#include "internal.h"

static int is_ident(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9')) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!(*p >= 0x80 || *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return 0;
    return 1;
}

static void put_string(gir_buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, *s);
        } else if (*s == '\n')
            buf_puts(b, "\\n");
        else if (*s == '\t')
            buf_puts(b, "\\t");
        else if ((unsigned char)*s < 0x20)
            buf_putc(b, ' ');
        else
            buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

static void put_name(gir_buf *b, const char *s)
{
    if (is_ident(s))
        buf_puts(b, s);
    else
        put_string(b, s);
}

/* Comment lines: a unit's text may not hold a newline. */
static void put_comment_text(gir_buf *b, const char *s)
{
    for (; *s; s++)
        buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void emit_head(region_set *s, gir_buf *b, const gir_report *r, const char *agency)
{
    size_t n = s->acc->nadded;
    buf_printf(b, msg_fmt(s->lang, R_SUM_HEAD), n);
    for (size_t i = 0; i < n; i++) {
        const region_unit *u = &s->units[s->acc->added[i]];
        buf_puts(b, "#   ");
        put_comment_text(b, u->path);
        if (*u->agency) {
            buf_puts(b, "  ");
            put_comment_text(b, u->agency);
        }
        buf_putc(b, '\n');
    }
    const char *title = arena_printf(s->arena, msg_fmt(s->lang, R_SUM_TITLE), agency, r->year);
    buf_puts(b, "\nreport ");
    put_string(b, title);
    buf_puts(b, " {\n  template ");
    put_name(b, r->template_name);
    buf_puts(b, "\n  agency   ");
    put_string(b, agency);
    buf_printf(b, "\n  year     %d\n}\n\n", r->year);
}

static void emit_sections(region_set *s, gir_buf *b, const gir_schema *sc)
{
    for (size_t i = 0; i < sc->nsections; i++) {
        if (sc->sections[i]->table) continue;
        buf_puts(b, "section ");
        put_name(b, sc->sections[i]->name);
        buf_putc(b, ' ');
        put_string(b, msg_fmt(s->lang, R_SUM_PROSE));
        buf_putc(b, '\n');
    }
}

static void emit_row_comment(region_set *s, gir_buf *b, const gir_block *bl, const region_cell *row)
{
    buf_puts(b, "  # ");
    buf_printf(b, msg_fmt(s->lang, R_SUM_ROW_ALL), s->acc->nadded);
    for (size_t j = 0; j < bl->ncols; j++) {
        const region_cell *x = &row[j];
        if (x->overflow) buf_printf(b, msg_fmt(s->lang, R_SUM_ROW_OVERFLOW), bl->cols[j]->name);
        if (!x->nblank) continue;
        gir_buf names;
        buf_init(&names, s->arena);
        region_names(s, &names, x->first, x->nblank < 3 ? x->nblank : 3, x->nblank);
        char v[48];
        dec_format_buf(x->sum, v);
        buf_printf(b, msg_fmt(s->lang, R_SUM_ROW_BLANK), bl->cols[j]->name, x->nblank, buf_cstr(&names), v);
    }
    buf_putc(b, '\n');
}

static void emit_table(region_set *s, gir_buf *b, int t, const gir_ttable *tt)
{
    buf_puts(b, "\ntable ");
    put_name(b, tt->name);
    buf_puts(b, " {\n");
    for (size_t k = 0; k < tt->nblocks; k++) {
        const gir_block *bl = tt->blocks[k];
        for (size_t i = 0; i < bl->nrows; i++) {
            const region_cell *row = region_sum_cell(s, t, (int)k, (int)i, 0);
            buf_puts(b, "  ");
            put_name(b, bl->rows[i]->name);
            for (size_t j = 0; j < bl->ncols; j++) {
                const region_cell *x = &row[j];
                int text = bl->cols[j]->has_type && bl->cols[j]->type == CT_TEXT;
                char v[48];
                dec_format_buf(x->sum, v);
                buf_putc(b, ' ');
                buf_puts(b, x->nblank || x->overflow || text ? "_" : v);
            }
            emit_row_comment(s, b, bl, row);
        }
    }
    buf_puts(b, "}\n");
}

const char *region_emit(region_set *s, const char *agency, size_t *len)
{
    const gir_report *r = region_acc_report(s->acc);
    if (!r) return NULL;
    if (!agency || !*agency) agency = arena_printf(s->arena, msg_fmt(s->lang, R_SUM_AGENCY), s->acc->nadded);
    gir_buf b;
    buf_init(&b, s->arena);
    emit_head(s, &b, r, agency);
    emit_sections(s, &b, r->schema);
    for (size_t t = 0; t < r->schema->ntables; t++)
        emit_table(s, &b, (int)t, r->schema->tables[t]);
    *len = b.n;
    return buf_cstr(&b);
}
