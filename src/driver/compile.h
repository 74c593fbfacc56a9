/* compile.h - one compilation: a document's source, its AST, its
 * diagnostics and (for reports) the checked report, all owned by one
 * arena. No global state: documents compile side by side (the language
 * server keeps one per open file version). */
#ifndef GIR_COMPILE_H
#define GIR_COMPILE_H
#include <stddef.h>
#include "base/arena.h"
#include "syntax/ast.h"
#include "diag/diag.h"
#include "diag/source.h"

typedef struct gir_options {
    gir_lang lang;
    const char *const *includes; size_t ninclude;  /* template search dirs */
    const gir_mem *mem;                            /* allocator (NULL = malloc) */
    int no_previous;                               /* do not load `previous` reports */
    int depth;                                     /* internal: previous-report nesting */
    gir_arena *text_arena;  /* when set: text is NUL-terminated at len and lives in this arena, which
                             * the doc takes over (used in place, not copied; freed with the doc,
                             * also when NULL is returned) */
    gir_arena *arena;       /* when set: the doc is made in this arena, the caller's, which a batch
                             * keeps from one report to the next: gir_doc_free empties it
                             * (arena_reset) and never frees it. text_arena may be this same arena
                             * (the text read into it is then used in place). */
    struct gir_check_memo *memo;  /* when set: what the prose checks found, kept between the compiles of
                                   * one document (check.h; the language server's); not for `previous` */
} gir_options;

struct gir_report;   /* check.h */

typedef struct gir_doc {
    gir_arena *arena;
    gir_diags diags;
    gir_source src;
    gir_node *ast;
    struct gir_report *report;  /* the checked report, NULL if not a report or no template */
    int oom;                    /* compilation ran out of memory */
    struct gir_doc *previous;   /* last year's report (`previous`), owned */
    gir_arena *text_arena;      /* gir_options.text_arena, owned (NULL when it is arena) */
    int text_in_place;          /* the text is used where it was read (text_arena was given) */
    int arena_kept;             /* arena is the caller's (gir_options.arena): reset, not freed */
} gir_doc;

/* Compiles text (need not be NUL-terminated; it is copied, unless
 * o->text_arena hands it over). name is the
 * file name shown in diagnostics. Returns NULL only when not even the
 * arena could be allocated. */
gir_doc *gir_doc_compile(const char *name, const char *text, size_t len, const gir_options *o);
/* Parses only (no checker): for the formatter and tests. */
gir_doc *gir_doc_parse(const char *name, const char *text, size_t len, const gir_options *o);
void gir_doc_free(gir_doc *d);
#endif
