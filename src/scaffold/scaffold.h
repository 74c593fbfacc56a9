/* scaffold.h - a new report written out from its template (`girc new`):
 * the header filled in, every prose section with a line of guidance,
 * every row of every table with its official label as a comment; or this
 * year's draft from last year's checked report (`girc new --from`), with
 * the carried cells filled in and last year's prose kept under the draft
 * marker, which `girc check` warns about (scaffold_draft_check). */
#ifndef GIR_SCAFFOLD_H
#define GIR_SCAFFOLD_H
#include <stddef.h>
#include "check/check.h"
#include "driver/compile.h"

/* The marker of prose carried from last year: the one place it is declared. */
extern const char scaffold_marker[];

typedef struct gir_new_opts {
    gir_lang lang;              /* the language of the comments */
    const char *template_name;  /* as the header names it (a name or a path) */
    const char *agency;         /* the agency (a placeholder when NULL) */
    gir_agency_kind kind;
    int year;
    const gir_report *last;     /* --from: last year's checked report, or NULL */
    const char *last_path;      /* --from: the path `previous` names */
} gir_new_opts;

/* The text of the new report against schema s, in arena a. */
const char *scaffold_new(gir_arena *a, const gir_schema *s, const gir_new_opts *o, size_t *len);
/* The rows and columns of s's tables (names, labels, aliases) as a roff
 * fragment for gir(5), appended to b (list.c). */
void scaffold_roff(gir_buf *b, const gir_schema *s);
/* Warns (W0070) about each prose section of d that still holds the
 * marker, and (W0690) at each placeholder girc new wrote for a section's
 * text (NEW_PROSE) that is still there; returns how many warnings. */
size_t scaffold_draft_check(gir_doc *d);
#endif
