/* util.h - helpers of the language server that know nothing of its
 * state (the lowest layer of lsp/, with rpc.h): JSON access, strings
 * that are always valid UTF-8, file URIs <-> paths, reading an LSP
 * position, and building a JSON value in the one protected call. */
#ifndef GIR_LSP_UTIL_H
#define GIR_LSP_UTIL_H
#include <stdint.h>
#include <cjson/cJSON.h>
#include "base/arena.h"

/* o[key] when o is an object, else NULL. */
const cJSON *lsp_get(const cJSON *o, const char *key);
/* A string, replacing invalid UTF-8 with U+FFFD (NULL counts as ""). */
cJSON *lsp_str(const char *v);
/* Adds lsp_str(v) to object o. */
void lsp_add_str(cJSON *o, const char *key, const char *v);

char *lsp_uri_to_path(const char *uri);                    /* malloc; NULL if not file: */
char *lsp_path_to_uri(const char *path);                   /* malloc; absolute or made so */

/* Reads {line, character}; negative numbers clamp to 0. 0 if malformed. */
int lsp_read_pos(const cJSON *pos, uint32_t *line, uint32_t *ch);

/* Fills root with scratch memory from a; returns 0 to discard root. */
typedef int (*lsp_fill_fn)(void *ud, gir_arena *a, cJSON *root);
/* Runs fill(ud, a, root) in a protected call (arena_protect) on a fresh
 * scratch arena a, and returns root. root is a deferred release of a
 * until then, so when memory runs out inside (or fill returns 0, or root
 * is NULL) everything built so far is freed on the way out and NULL is
 * returned. fill must attach every object it creates to root (or to an
 * object attached to it) before it allocates from a again, and whatever
 * it calls must hold no memory of its own across an allocation from a
 * (an unwind would lose it). */
cJSON *lsp_build(cJSON *root, lsp_fill_fn fill, void *ud);
#endif
