/* list.c - the rows and columns of a template as a roff fragment
 * (scaffold.h): for gir(5), which includes the fragment of every
 * built-in template between marker comments; `girc new --list` prints it
 * and tests/suites/new.sh holds the page to it. Each table: its names,
 * then per block its caption, columns and rows, each entry its short
 * name, official label and aliases, groups marked and nested. */
#include <string.h>
#include "internal.h"

/* Text for roff: backslash and hyphen escaped, no request at a line start. */
static void roff_text(gir_buf *b, const char *s)
{
    if (*s == '.' || *s == '\'') buf_puts(b, "\\&");
    for (; *s; s++) {
        unsigned char u = (unsigned char)*s;
        if (*s == '\\') buf_puts(b, "\\e");
        else if (*s == '-') buf_puts(b, "\\-");
        else if (*s == '\n') buf_putc(b, ' ');
        else buf_putc(b, *s);
        /* after the last byte of a CJK character (3 bytes, E3..E9 lead):
         * a line may break there, as Chinese text does */
        if (u >= 0xE3 && u <= 0xE9 && s[1] && s[2]) {
            buf_put(b, s + 1, 2);
            s += 2;
            if (s[1]) buf_puts(b, "\\:");
        }
    }
}

static void aliases(gir_buf *b, const char *const *v, size_t n)
{
    if (!n) return;
    buf_puts(b, " (also ");
    for (size_t i = 0; i < n; i++) {
        if (i) buf_puts(b, ", ");
        roff_text(b, v[i]);
    }
    buf_putc(b, ')');
}

/* One row or column, indented by its depth under the block's root. */
static void entry(gir_buf *b, const gir_hnode *h)
{
    buf_printf(b, ".TP %d\n.B ", 4 + 2 * h->depth);
    roff_text(b, h->name);
    buf_putc(b, '\n');
    if (h->is_group) buf_puts(b, "group: ");
    roff_text(b, h->label && *h->label ? h->label : "(no label)");
    aliases(b, h->aliases, h->naliases);
    if (h->nsum) buf_puts(b, "; a total");
    buf_putc(b, '\n');
}

static void tree(gir_buf *b, const char *what, const gir_hnode *root)
{
    buf_printf(b, ".PP\n%s:\n", what);
    for (size_t i = 0; i < root->nall; i++) entry(b, root->all[i]);
}

static void table(gir_buf *b, const gir_schema *s, const gir_ttable *t)
{
    buf_puts(b, ".SS \"");
    roff_text(b, s->name);
    buf_puts(b, ": table ");
    roff_text(b, t->name);
    buf_puts(b, "\"\n");
    roff_text(b, t->label ? t->label : t->name);
    aliases(b, t->aliases, t->naliases);
    buf_puts(b, ".\n");
    for (size_t k = 0; k < t->nblocks; k++) {
        const gir_block *bl = t->blocks[k];
        if (bl->caption) {
            buf_puts(b, ".PP\nBlock ");
            roff_text(b, bl->caption);
            buf_puts(b, ".\n");
        }
        tree(b, "Columns", bl->colroot);
        tree(b, "Rows", bl->rowroot);
    }
}

void scaffold_roff(gir_buf *b, const gir_schema *s)
{
    for (size_t i = 0; i < s->ntables; i++) table(b, s, s->tables[i]);
}
