/* sink.c - the streaming writer of sink.h: one fixed buffer, flushed to
 * the write function whenever it is full; a piece longer than the buffer
 * goes straight through after what waits. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "sink.h"

void sink_init(gir_sink *s, gir_arena *a, gir_sink_write write, void *ud)
{
    s->arena = a;
    s->p = NULL;
    s->n = 0;
    s->total = 0;
    s->write = write;
    s->ud = ud;
    s->failed = 0;
    s->err = 0;
}

/* Hands n bytes to the write function unless a write failed before. */
static void hand(gir_sink *s, const char *p, size_t n)
{
    if (s->failed || n == 0) return;
    if (s->write(s->ud, p, n) == 0) return;
    s->failed = 1;
    s->err = errno ? errno : EIO;
}

int sink_flush(gir_sink *s)
{
    hand(s, s->p, s->n);
    s->n = 0;
    return s->failed ? -1 : 0;
}

/* The buffer, taken from the arena at the first byte; NULL only when
 * the arena is out of memory outside a protected call. */
static char *piece(gir_sink *s)
{
    if (!s->p) s->p = arena_alloc_raw(s->arena, SINK_PIECE);
    return s->p;
}

void sink_put(gir_sink *s, const char *p, size_t n)
{
    s->total += n;
    if (!piece(s)) {
        hand(s, p, n);
        return;
    }
    if (n <= SINK_PIECE - s->n) {
        memcpy(s->p + s->n, p, n);
        s->n += n;
        return;
    }
    sink_flush(s);
    if (n < SINK_PIECE) {
        memcpy(s->p, p, n);
        s->n = n;
        return;
    }
    hand(s, p, n);
}

void sink_puts(gir_sink *s, const char *p) { sink_put(s, p, strlen(p)); }

/* vsnprintf into the free space; when the text does not fit, flushed and
 * again into the whole buffer, or, longer than that, through the arena. */
void sink_printf(gir_sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *b = piece(s);
    size_t room = b ? SINK_PIECE - s->n : 0;
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(room ? b + s->n : NULL, room, fmt, aq);
    va_end(aq);
    if (n > 0 && (size_t)n < room) {
        s->n += (size_t)n;
        s->total += (size_t)n;
    } else if (n > 0 && b && (size_t)n < SINK_PIECE) {
        sink_flush(s);
        vsnprintf(b, SINK_PIECE, fmt, ap);
        s->n = (size_t)n;
        s->total += (size_t)n;
    } else if (n > 0) {
        char *t = arena_vprintf(s->arena, fmt, ap);
        if (t) sink_put(s, t, (size_t)n);
    }
    va_end(ap);
}

int sink_file_write(void *ud, const char *p, size_t n)
{
    errno = 0;
    return fwrite(p, 1, n, (FILE *)ud) == n ? 0 : -1;
}

int sink_buf_write(void *ud, const char *p, size_t n)
{
    gir_buf *b = ud;
    buf_put(b, p, n);
    if (b->p) return 0;
    errno = ENOMEM;
    return -1;
}
