/* import.h - `girc import`: a published annual report (HTML page, text
 * copied from a page, or Word .docx) -> a .gir report. The importer detects the format
 * (which stdlib template) from the labels, rebuilds every table cell by label
 * or by position, splits run-together digits where only one reading is
 * possible, keeps the prose, and says in comments and diagnostics what it
 * inferred and what it could not read. The .gir it writes always parses.
 * The formats it knows are the templates the stdlib declares; their
 * labels, not the importer, tell them apart. */
#ifndef GIR_IMPORT_H
#define GIR_IMPORT_H
#include <stddef.h>
#include "base/arena.h"
#include "diag/diag.h"
#include "base/msgs.h"
#include "diag/source.h"

typedef struct gir_import_opts {
    gir_lang lang;
    const char *out_name;      /* the .gir's file name, shown in its first comment */
    const gir_mem *mem;        /* allocator (NULL = malloc) */
} gir_import_opts;

typedef struct gir_import {
    gir_arena *arena;
    gir_diags diags;           /* about the input (positions in src) */
    gir_source src;            /* the input, converted to UTF-8 */
    const char *gir;           /* the .gir text (NUL-terminated) */
    size_t gir_len;
    const char *template_name; /* the stdlib template chosen, or NULL */
    const char *encoding;      /* encoding the input was read in */
    int form;                  /* imp_form (import/sniff.h): what the input was, by content */
    int html;                  /* the input was HTML */
    size_t ncells, nvalues, nblank, nmissing, ninferred, nunsure;  /* table cells */
    int oom;
} gir_import;

/* Imports one input. name is shown in diagnostics. Returns NULL only when
 * not even the arena could be allocated. */
gir_import *gir_import_run(const char *name, const char *bytes, size_t len, const gir_import_opts *o);
void gir_import_free(gir_import *im);
#endif
