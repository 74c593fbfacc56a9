/* pdflayout.h - the geometry half of the PDF stage (no poppler here):
 * positioned characters of every page -> the working text. Lines from
 * baselines, cells from the x gaps, table columns from the value
 * columns that hold across the rows of a table, labels that wrap inside
 * a cell joined to their row, running headers, footers and page numbers
 * dropped. */
#ifndef GIR_IMPORT_PDFLAYOUT_H
#define GIR_IMPORT_PDFLAYOUT_H
#include <stddef.h>
#include <stdint.h>
#include "internal.h"
#include "pdfrule.h"

typedef struct pdf_ch { uint32_t cp; float x0, y0, x1, y1; } pdf_ch;

typedef struct pdf_page {
    pdf_ch *ch; size_t n;         /* characters, no white space */
    double w, h;                  /* page size (points) */
    pdf_rule *vr; size_t nvr;     /* vertical ruling lines, by x */
    pdf_rule *hr; size_t nhr;     /* horizontal ruling lines, by y */
} pdf_page;

/* Might the page hold a table (lines of cells with numbers, or of three
 * cells or more, or one row of values, cut at the x gaps alone)? Only
 * such pages are rendered to find their ruling lines; the lines built
 * here are thrown away. */
int pdf_page_wants_rules(imp_ctx *c, const pdf_page *pg);
/* Builds c->w (text, tables) from the pages; the text is in c's arena. */
void pdf_layout(imp_ctx *c, const pdf_page *pg, size_t npg);
#endif
