/* docx.h - the DOCX stage: a Word document (.docx: a zip of XML parts)
 * to the same working text the HTML stage makes (html.h): paragraphs as
 * lines, each table row as one line "cell | cell |" from a grid that
 * honours w:gridSpan and w:vMerge, w.html set, w.tables filled, the
 * title from docProps/core.xml. docx.c opens the package (libzip, from
 * memory, every part read with a hard size limit), finds the main
 * document through _rels/.rels and [Content_Types].xml and streams its
 * XML with libxml2's reader (no network, no DTD, no entity expansion;
 * one child of w:body in memory at a time);
 * docx_text.c walks the WordprocessingML body; docx_num.c renders
 * Word's automatic numbering. */
#ifndef GIR_IMPORT_DOCX_H
#define GIR_IMPORT_DOCX_H
#include <stddef.h>
#include <libxml/tree.h>
#include "internal.h"

/* What the walk kept and dropped, for the notes. */
typedef struct imp_docx_stats {
    size_t ins, del;              /* tracked insertions kept, deletions dropped */
    size_t nested;                /* tables read as paragraphs: they hold tables */
    size_t objects;               /* embedded documents (w:object/o:OLEObject), not read */
    size_t titles;                /* tables' title paragraphs left out of the prose */
} imp_docx_stats;

/* Reads the .docx of len bytes at bytes into c->w. On failure reports one
 * error about the whole file (named c->im->src.name) and returns 0. */
int imp_docx_read(imp_ctx *c, const char *bytes, size_t len);

/* The one error for an OLE compound file (sniff.h): E1049 when it is
 * an encrypted (password-protected) Office document, else E1044, a
 * legacy Word/WPS binary. */
void imp_docx_legacy(gir_import *im, const char *bytes, size_t len);

/* The walk of a w:body (docx_text.c), one child of the body at a time
 * (docx.c streams the document): raw when the body holds no table (read
 * as text); imp_docx_finish puts the working text into c->w. */
typedef struct imp_docx_walk imp_docx_walk;
imp_docx_walk *imp_docx_start(imp_ctx *c, int raw, imp_docx_stats *st);
void imp_docx_block(imp_docx_walk *w, const xmlNode *n);
void imp_docx_finish(imp_docx_walk *w);
/* Word's automatic numbering (docx_num.c): the lists of a numbering part
 * and the paragraph styles (numbering, caption), set on a walk before its first block; the
 * number text a paragraph shows ("一、", "（二）", "3.") counted on, or
 * NULL. */
typedef struct imp_docx_num imp_docx_num;
imp_docx_num *imp_docx_num_read(gir_arena *a, const xmlDoc *numbering, const xmlDoc *styles);
const char *imp_docx_num_text(imp_docx_num *n, const xmlNode *p);
void imp_docx_set_numbering(imp_docx_walk *w, imp_docx_num *n);
/* Is the paragraph style style_id Word's caption style (named "caption",
 * or with the id Caption when there are no styles)? */
int imp_docx_caption(const imp_docx_num *n, const char *style_id);
/* Is n the WordprocessingML element local (transitional or strict)? */
int imp_docx_is(const xmlNode *n, const char *local);
/* The value of n's attribute local (any namespace) as libxml2 holds it,
 * without copying, or NULL. */
const char *imp_docx_attr(const xmlNode *n, const char *local);
#endif
