/* store.h - the language server's document store: the one owner of the
 * open documents (URI -> text, version and the compiled gir_doc of the
 * current version), of the caches (built-in templates compiled for
 * completion, on-disk copies of the embedded stdlib for go-to-definition)
 * and of their lifetimes (open, change, close, free).
 *
 * Every version of a document is compiled once (lsp_store_compile);
 * compiling a new version frees the previous one first, so one gir_doc
 * is kept per open document. The store knows nothing of JSON-RPC or of
 * the features: the session's settings (compile options, position
 * encoding) are passed in by the caller, and it never sends a message.
 * It sits above util.h and below the features (see internal.h). */
#ifndef GIR_LSP_STORE_H
#define GIR_LSP_STORE_H
#include <stddef.h>
#include <stdint.h>
#include "check/check.h"
#include "driver/compile.h"
#include "template/schema.h"

/* Open documents kept at most (about 85 KB each for a typical report):
 * past it, opening one more closes the oldest unmodified one
 * (lsp_store_evict). Documented in girc-lsp(1) and docs/limits.md. */
#define LSP_MAX_DOCS 256

typedef struct lsp_doc {
    char *uri;                 /* as the client sent it */
    char *name;                /* file path decoded from a file: URI, else the URI */
    int version;               /* the client's number for the current text */
    char *text;                /* current text (malloc), NUL-terminated */
    size_t len, cap;           /* a byte buffer: see store.c */
    int too_large;             /* text dropped (over GIR_MAX_FILE_SIZE, or out
                                  of memory): unknown until a full change */
    gir_doc *doc;              /* compiled current version (NULL: out of memory) */
    int doc_is_text;           /* doc was compiled from text as it is now (no edit since): the
                                  next edit's positions are read with doc's line table */
    gir_arena *arena;          /* the arena every version is compiled in (gir_options.arena: emptied,
                                  not freed, between versions, so that a keystroke reuses the last
                                  version's memory), or NULL; freed when memory runs out */
    gir_check_memo *memo;      /* what the prose checks found, kept from one version to the next
                                  (check.h: an unchanged prose text is not scanned again), or NULL */
    int modified;              /* changed since it was opened or last saved */
} lsp_doc;

/* A built-in template compiled for completion, shared by every document. */
typedef struct lsp_tcache {
    char *name;
    gir_doc *doc;
    const gir_schema *schema;  /* NULL if it did not build */
} lsp_tcache;

/* The file URI of an embedded stdlib file (NULL: none could be had). */
typedef struct lsp_builtin {
    char *path, *uri;
} lsp_builtin;

/* The arrays are base/array.h heap arrays. */
typedef struct lsp_store {
    lsp_doc **docs;            /* open documents, in the order they were opened */
    size_t ndocs;
    lsp_tcache *templates;
    size_t ntemplates;
    lsp_builtin *builtins;
    size_t nbuiltins;
    const char *cache_dir;     /* NULL: $XDG_CACHE_HOME/girc, else ~/.cache/girc */
    const char *stdlib_dir;    /* NULL: <exe dir>/../share/girc/stdlib */
} lsp_store;

/* An empty store; the strings must outlive it (see lsp_config). */
void lsp_store_init(lsp_store *st, const char *cache_dir, const char *stdlib_dir);
/* Frees every document and cache; the store is empty again. */
void lsp_store_free(lsp_store *st);

/* ---- documents ---- */

/* The open document of uri, or NULL. */
lsp_doc *lsp_store_find(const lsp_store *st, const char *uri);
/* The open document whose file is name (the most recently opened when
 * several URIs name one file), or NULL. */
lsp_doc *lsp_store_find_name(const lsp_store *st, const char *name);
/* The open document of uri, added (with no text and no version) when it
 * is not open yet. NULL on out of memory. */
lsp_doc *lsp_store_open(lsp_store *st, const char *uri);
/* Replaces the whole text. Above GIR_MAX_FILE_SIZE, or out of memory,
 * the text is dropped (too_large). */
void lsp_store_set_text(lsp_doc *d, const char *text, size_t n);

/* A range in the session's position encoding (LSP line and character). */
typedef struct lsp_range {
    uint32_t line0, ch0, line1, ch1;
} lsp_range;
/* Replaces range r of the text with text[0..n): positions are clamped
 * to the text, a reversed range is swapped; utf16: characters are UTF-16
 * units, else bytes. Returns 0 if ignored (the text was dropped and
 * waits for a full change). A result above the size limit, or out of
 * memory, drops the text. */
int lsp_store_edit(lsp_doc *d, const lsp_range *r, int utf16, const char *text, size_t n);
/* Compiles the current text as the document's new version: the previous
 * version's gir_doc is freed first; the document's memo (made on the
 * first compile; none if memory runs out) is used with o. A dropped text compiles to an empty
 * document that reports E0001. Diagnostics are sorted. Returns 0 when
 * memory ran out (then d->doc is NULL). */
int lsp_store_compile(lsp_doc *d, const gir_options *o);
/* Past LSP_MAX_DOCS open documents: closes the oldest one that is not
 * modified and is not keep, and returns its URI (malloc) so that the
 * caller can clear its diagnostics; NULL when nothing was closed (a
 * modified document is never dropped). */
char *lsp_store_evict(lsp_store *st, const lsp_doc *keep);
/* Closes and frees the document of uri; 0 if it was not open. */
int lsp_store_close(lsp_store *st, const char *uri);
/* Closes and frees every document (the caches stay). */
void lsp_store_close_all(lsp_store *st);

/* ---- caches ---- */

/* The built-in template `name` compiled with o, built on first use and
 * shared by every document until lsp_store_free. NULL if there is no
 * such built-in template or it did not build. */
const gir_schema *lsp_store_template(lsp_store *st, const char *name, const gir_options *o);
/* The URI of a source (malloc; NULL if none): d's own URI for d's
 * source (or src NULL), the installed or cached copy of an embedded
 * stdlib file, the URI of another open document of that file, else the
 * file's path as a URI. */
char *lsp_store_source_uri(lsp_store *st, const lsp_doc *d, const gir_source *src);
#endif
