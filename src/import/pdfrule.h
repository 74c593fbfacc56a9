/* pdfrule.h - the ruling lines of a PDF page, from its rendered image
 * (no poppler here): pdf.c renders a page with cairo, pdf_vertical_rules
 * finds the long vertical dark runs (a table's column borders), and
 * pdflayout.c cuts a line's characters where such a rule passes between
 * them, so that a label and a value set close together stay two cells. */
#ifndef GIR_IMPORT_PDFRULE_H
#define GIR_IMPORT_PDFRULE_H
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"

typedef struct pdf_rule { float x, y0, y1; } pdf_rule;   /* page points, y down */

/* The vertical rules of an RGB24 image (w x h pixels, stride bytes a
 * row, scale pixels a point): runs of dark pixels at least PDF_RULE_MIN
 * points long, one per column of pixels (neighbouring columns of one
 * rule merged), in order of x. Linear in the pixels. */
pdf_rule *pdf_vertical_rules(gir_arena *a, const unsigned char *px, int w, int h, int stride, double scale, size_t *n);
/* The horizontal rules likewise: x is then the rule's height on the
 * page, y0 and y1 its left and right ends. */
pdf_rule *pdf_horizontal_rules(gir_arena *a, const unsigned char *px, int w, int h, int stride, double scale, size_t *n);
/* Is there a rule of v[0..n) (by x) strictly between x0 and x1 that
 * passes through height y and is longer than len (points; a glyph's
 * stroke is shorter than its line)? */
int pdf_rule_between(const pdf_rule *v, size_t n, float x0, float x1, float y, float len);
#endif
