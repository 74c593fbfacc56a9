/* html.h - the HTML stage: a page (already UTF-8) to the working text,
 * with libxml2: paragraphs as lines, each table row as one line
 * "cell | cell |", and a map from every working byte to its input byte. */
#ifndef GIR_IMPORT_HTML_H
#define GIR_IMPORT_HTML_H
#include <stddef.h>
#include "internal.h"

/* Does the input start like an HTML page? */
int imp_looks_html(const char *s, size_t n);
/* Renders the HTML in c->src into c->w; returns 0 if libxml2 failed. */
int imp_html_render(imp_ctx *c);
#endif
