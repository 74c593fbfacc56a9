/* cache.h - templates compiled once per process: a schema built from a
 * template text (embedded in the binary or read from a file) is kept in
 * an arena of its own and shared read-only by every document compiled
 * afterwards (a batch, girc sum, the importer, the language server).
 * Only a text that builds with no diagnostic at all is kept; any other
 * is built again by its caller, so that its diagnostics are reported
 * against the document that names it. Nothing here writes into a kept
 * schema after it was built. */
#ifndef GIR_TEMPLATE_CACHE_H
#define GIR_TEMPLATE_CACHE_H
#include <stddef.h>
#include "schema.h"

/* The shared schema of the template text (path is the name shown for
 * it, and part of the key with the text itself), built on first use;
 * NULL if it declares no template, does not build cleanly, or memory
 * ran out (then the caller builds it in its own arena). */
const gir_schema *tcache_get(const char *path, const char *text, size_t len);
/* The shared schema of the embedded template name; NULL as above, or if
 * the stdlib has no such template. */
const gir_schema *tcache_builtin(const char *name);
/* The years the embedded template at index i of gir_stdlib declares
 * (parsed once); 0 if it declares no template. */
int tcache_builtin_years(size_t i, int *from, int *to);
/* Frees every kept schema (at exit: no document may use them after). */
void tcache_free(void);
#endif
