/* sink.h - a streaming writer for output text (girc build's back ends):
 * a fixed-size buffer in an arena that is handed to a write function
 * each time it fills, so that a page of any length is written in pieces
 * of SINK_PIECE bytes and never held whole. A write that fails is
 * remembered (failed, err) and every later byte is dropped: the caller
 * checks once at the end. Where the pieces go is the write function's:
 * a FILE (sink_file_write: the temporary file girc build renames over its
 * target) or a gir_buf (sink_buf_write: everything in memory, for tests
 * and callers that want the whole text). */
#ifndef GIR_SINK_H
#define GIR_SINK_H
#include <stddef.h>
#include "base/arena.h"

#define SINK_PIECE (64u * 1024u)

/* Writes n bytes at p: 0, or -1 with errno set. */
typedef int (*gir_sink_write)(void *ud, const char *p, size_t n);

typedef struct gir_sink {
    gir_arena *arena;
    char *p;               /* SINK_PIECE bytes, taken at the first byte */
    size_t n;              /* bytes waiting in p */
    size_t total;          /* bytes handed to the sink so far */
    gir_sink_write write;
    void *ud;
    int failed;            /* a write failed: later bytes are dropped */
    int err;               /* its errno */
} gir_sink;

void sink_init(gir_sink *s, gir_arena *a, gir_sink_write write, void *ud);
void sink_put(gir_sink *s, const char *p, size_t n);
void sink_puts(gir_sink *s, const char *p);
/* inline: escapers write a character at a time */
static inline void sink_putc(gir_sink *s, char c)
{
    if (s->p && s->n < SINK_PIECE) {
        s->p[s->n++] = c;
        s->total++;
        return;
    }
    sink_put(s, &c, 1);
}
void sink_printf(gir_sink *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands what waits to the write function: 0, or -1 once a write failed. */
int sink_flush(gir_sink *s);

/* Write functions: ud a FILE *, or a gir_buf *. */
int sink_file_write(void *ud, const char *p, size_t n);
int sink_buf_write(void *ud, const char *p, size_t n);
#endif
