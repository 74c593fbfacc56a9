/* sniff.h - what form an input is in, told by its content (the first
 * bytes), never by its file name: a PDF, a zip (a .docx is one), an OLE
 * compound file (legacy .doc/.wps/.xls), an HTML page, text, or other
 * binary data (an image, an archive) that no reader takes. */
#ifndef GIR_IMPORT_SNIFF_H
#define GIR_IMPORT_SNIFF_H
#include <stddef.h>

typedef enum {
    IMP_FORM_TEXT = 0,            /* text copied from a page (any encoding) */
    IMP_FORM_HTML,                /* an HTML page */
    IMP_FORM_PDF,                 /* starts with %PDF- (within the first 1 KB) */
    IMP_FORM_ZIP,                 /* a zip archive (PK\3\4): a .docx, or not */
    IMP_FORM_OLE,                 /* an OLE compound file: .doc, .wps, .xls */
    IMP_FORM_BINARY,              /* anything else that is not text */
} imp_form;

/* The form of the n bytes at s. */
imp_form imp_sniff(const char *s, size_t n);
/* A short English name for the form ("PDF", "zip", ...), for messages. */
const char *imp_form_name(imp_form f);
#endif
