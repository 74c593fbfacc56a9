/* decode.h - the decode stage: the input's bytes to valid UTF-8 without
 * NULs (byte-order mark, UTF-8, the declared encoding, GB18030). */
#ifndef GIR_IMPORT_DECODE_H
#define GIR_IMPORT_DECODE_H
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"

typedef struct imp_decoded {
    char *text; size_t len;
    const char *encoding;         /* what it was read as */
    const char *declared;         /* what the page declares, or NULL */
    int mismatch;                 /* the declaration was wrong */
    size_t nbad, nnul;            /* bytes replaced by U+FFFD */
    uint32_t decl_off;            /* where the declaration is (decoded text) */
    long first_bad;               /* first replacement (decoded text), or -1 */
} imp_decoded;

/* Decodes len bytes (html: look for a declared charset) into d; the
 * text lives in arena a. */
void imp_decode(gir_arena *a, const char *bytes, size_t len, int html, imp_decoded *d);
#endif
