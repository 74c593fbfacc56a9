/* pdf.h - the PDF stage: a PDF with a text layer (poppler-glib) to the
 * working text, from the positions of its characters (pdflayout.h).
 * The working text is then the diagnostics' source: positions refer to
 * the rebuilt text layer, under the PDF's file name. */
#ifndef GIR_IMPORT_PDF_H
#define GIR_IMPORT_PDF_H
#include <stddef.h>
#include "internal.h"

typedef struct imp_pdf_info {
    int pages;                    /* pages read */
    unsigned capped;              /* the character limit the text was cut at, or 0 */
} imp_pdf_info;

/* Reads the PDF in bytes into c->w (c->src names the file, for the
 * errors). Returns 0 after one error (damaged, encrypted, no text layer,
 * no Unicode mapping, over the limits): then there is no working text. */
int imp_pdf_render(imp_ctx *c, const char *bytes, size_t len, imp_pdf_info *info);
#endif
