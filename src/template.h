/* template.h - finding and loading templates: a template declared in the
 * report's own file, a file named by path, a NAME.gir in -I / GIRPATH
 * directories, or the stdlib compiled into the binary. */
#ifndef GIR_TEMPLATE_H
#define GIR_TEMPLATE_H
#include "compile.h"
#include "schema.h"

/* Loads template `name` for document d (diagnostics go to d; `at` is the
 * span in d that named it). Returns NULL (after a diagnostic) if absent
 * or unusable. */
const gir_schema *template_load(gir_doc *d, const gir_options *o, const char *name, gir_span at);
/* The embedded stdlib text of a template, or NULL. */
const char *template_builtin(const char *name, size_t *len, const char **path);
#endif
