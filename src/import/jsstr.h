/* jsstr.h - the stage before html: a report shipped as HTML inside a
 * JavaScript or JSON string literal, found and unescaped (jsstr.c). */
#ifndef GIR_IMPORT_JSSTR_H
#define GIR_IMPORT_JSSTR_H
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"

typedef struct imp_js {
    const char *s; size_t n;      /* the unescaped HTML, NUL-terminated */
    uint32_t *map;                /* byte of s -> byte of the input (n + 1 entries) */
    size_t at;                    /* where the literal starts in the input */
} imp_js;

/* Finds the string literal of s[0, n) that holds the report as HTML: in
 * the <script> elements of a page (html), else anywhere (JavaScript or
 * JSON); the one with the most tags, at least 8, and on a page more <td>
 * cells than the page around it. Returns 1 and fills out, else 0. */
int imp_js_html(gir_arena *a, const char *s, size_t n, int html, imp_js *out);
#endif
