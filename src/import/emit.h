/* emit.h - the emit stage: the reconstructed report as .gir text. */
#ifndef GIR_IMPORT_EMIT_H
#define GIR_IMPORT_EMIT_H
#include <stddef.h>
#include "internal.h"
#include "meta.h"

/* The .gir (NUL-terminated, in the arena); *len is its length. */
const char *imp_emit(imp_ctx *c, const imp_meta *m, size_t *len);
#endif
