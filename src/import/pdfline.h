/* pdfline.h - the line model the two halves of the PDF layout share:
 * pdflayout.c builds the lines of every page (segments cut at the x
 * gaps) and marks the tables; pdftable.c writes one table's rows. */
#ifndef GIR_IMPORT_PDFLINE_H
#define GIR_IMPORT_PDFLINE_H
#include <stddef.h>
#include <stdint.h>
#include "internal.h"

typedef struct seg { float x0, x1; char *t; int num; } seg;

typedef struct line {
    float x0, x1, y0, y1, ym, h;
    seg *s; size_t ns;
    int page;
    int drop;                 /* running header, footer or page number */
    int table;                /* index of its table + 1, or 0 */
} line;

typedef struct lay {
    imp_ctx *c;
    line *l; size_t nl;
    gir_buf out;
    int text;                 /* read as a text copy: keep its empty lines */
    const struct pdf_page *pg; /* the page whose lines are being built (its rules) */
    const struct pdf_page *pgs; /* every page (their rules), by line.page */
} lay;

#define PDF_SEG_GAP 0.45f     /* a gap this many heights wide cuts a line */
#define PDF_SPACE_GAP 0.2f    /* between Latin letters: a space */

/* A Latin letter or digit (ASCII): words of these are spaced. */
static inline int pdf_latin(uint32_t cp) { return cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10); }
/* The left and right edges of the text of the lines [b, e) (not dropped). */
void pdf_page_width(const lay *y, size_t b, size_t e, float *l, float *r);
/* Is there a horizontal rule between lines a and b (of one page) that
 * passes over x? Lines of one cell have none. */
int pdf_ruled_apart(const lay *y, const line *a, const line *b, float x);
/* Is t a value (digits with , . % - + and spaces, after 增/减, before a unit)? */
int pdf_numeric(const char *t);
/* Joins the one-segment lines of [b, e) (one page) set inside one ruled
 * row band with two ruled cells or more into one line of those cells
 * (pdfgrid.c). */
void pdf_ruled_rows(lay *y, size_t b, size_t e);
/* Appends the code point cp to b, in UTF-8. */
void pdf_put_cp(gir_buf *b, uint32_t cp);
/* On a page with horizontal and vertical rules: adds one line for each
 * ruled row band (two ruled cells or more, each cell's wrapped lines
 * joined in reading order) from the characters ch[0..n) (sorted by their
 * middles), and moves the characters left to the line sweep to the front
 * of ch, in their order; returns how many (pdfgrid.c). */
struct pdf_page;
struct pdf_ch;
size_t pdf_grid_lines(lay *y, const struct pdf_page *p, struct pdf_ch *ch, size_t n, int page);
/* qsort orders of characters (pdf_ch, pdflayout.c): by the middle of
 * their height then x (reading order), and by x alone. */
int pdf_ch_by_middle(const void *a, const void *b);
int pdf_ch_by_x(const void *a, const void *b);
/* Writes the table of the lines [b, e) (one page) as rows "cell | … |". */
void pdf_write_table(lay *y, size_t b, size_t e);
#endif
