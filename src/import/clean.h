/* clean.h - the clean stage, between html/text rendering and folding:
 * page footers and Markdown layout out of the working text (clean.c). */
#ifndef GIR_IMPORT_CLEAN_H
#define GIR_IMPORT_CLEAN_H
#include "internal.h"

/* Removes page footers, Markdown separator rows, a Markdown row's leading
 * '|' and a heading's '#' marks from c->w, keeping its byte map;
 * c->w.footers counts the footers. */
void imp_clean(imp_ctx *c);
#endif
