/* fmt.h - the canonical layout of a .gir file (`girc fmt` and the
 * language server's formatting request use the same function).
 *
 * The formatter works from the token stream with comments plus the AST:
 * one item (field, row, declaration, rule...) per line, two spaces per
 * brace level, single spaces between tokens, table rows aligned by
 * display width (CJK = 2; labels left, numbers right), header keys and
 * runs of trailing comments aligned, at most one blank line in a row and
 * one between top-level items, LF line ends, a final newline.
 * Comments, strings, numbers and prose blocks are copied byte for byte.
 * Before returning, the result is re-parsed and its tokens and AST are
 * compared with the input's; any difference is refused (GIR_FMT_UNSAFE)
 * rather than written. Idempotent: fmt(fmt(x)) == fmt(x). */
#ifndef GIR_FMT_H
#define GIR_FMT_H
#include <stddef.h>
#include "base/arena.h"
#include "driver/compile.h"

typedef enum {
    GIR_FMT_OK = 0,      /* *out holds the formatted text */
    GIR_FMT_SYNTAX,      /* the input has lexical or syntax errors: not formatted */
    GIR_FMT_UNSAFE,      /* internal check failed (a formatter bug): not formatted */
    GIR_FMT_NOMEM
} gir_fmt_status;

/* Formats text (len bytes, need not be NUL-terminated). name is used in
 * diagnostics. On GIR_FMT_OK, *out (NUL-terminated, in arena out_arena)
 * and *out_len hold the result. If parsed is not NULL it receives the
 * parsed input document (its diagnostics explain GIR_FMT_SYNTAX); the
 * caller frees it with gir_doc_free. */
gir_fmt_status gir_fmt_source(const char *name, const char *text, size_t len, const gir_options *o,
                          gir_arena *out_arena, const char **out, size_t *out_len, gir_doc **parsed);

/* Writes a line diff of a (old) and b (new) in unified form
 * ("--- a_name", "+++ b_name", "@@ -l,n +l,n @@", 3 lines of context)
 * into out. Used by `girc fmt --check`. */
void fmt_diff(gir_buf *out, const char *a_name, const char *a, size_t alen,
              const char *b_name, const char *b, size_t blen);
#endif
