/* template.h - finding and loading templates: a template declared in the
 * report's own file, a file named by path, a NAME.gir in -I / GIRPATH
 * directories, or the stdlib compiled into the binary. */
#ifndef GIR_TEMPLATE_H
#define GIR_TEMPLATE_H
#include "base/arena.h"
#include "diag/diag.h"
#include "syntax/ast.h"
#include "schema.h"

/* The document that names a template, and where to look for it. */
typedef struct gir_tload {
    gir_arena *arena;              /* the schema and its sources live here */
    gir_diags *diags;              /* diagnostics go here */
    const gir_source *src;         /* the naming document: a relative path starts at its folder */
    const gir_node *ast;           /* its AST: a template it declares itself comes first */
    const char *const *includes;   /* -I directories, searched before GIRPATH */
    size_t ninclude;
} gir_tload;

/* Loads template `name` (`at` is the span in d->src that named it).
 * Returns NULL (after a diagnostic) if absent or unusable. */
const gir_schema *template_load(const gir_tload *d, const char *name, gir_span at);
/* The first N_TEMPLATE of a file's tree named name (any if name is NULL). */
const gir_node *template_find(const gir_node *file, const char *name);
/* The embedded stdlib text of a template, or NULL. */
const char *template_builtin(const char *name, size_t *len, const char **path);
/* The name of the embedded template whose declared years cover year, or
 * else are nearest to it (the first such in the stdlib); NULL if the
 * stdlib is empty. Parses the embedded texts into a. */
const char *template_builtin_for_year(gir_arena *a, int year);
/* The embedded templates with the years each declares, as one list in
 * the words of lang ("gov2019（2019、2020 年度报告）、…"), for messages. */
const char *template_builtin_list(gir_arena *a, gir_lang lang);
/* The embedded template whose declared years start latest, and that
 * year in *from (for examples in messages); NULL if there is none. */
const char *template_builtin_newest(gir_arena *a, int *from);
#endif
