/* lsp_rpc.h - JSON-RPC message framing for the language server:
 * "Content-Length: N\r\n" headers (case-insensitive name, other headers
 * such as Content-Type ignored, a bare "\n" accepted as a line end), a
 * blank line, then N bytes of body.
 *
 * Limits: a body may be at most LSP_MAX_MESSAGE bytes (64 MiB, the same
 * as the file size limit) and a header line at most 4096 bytes. A header
 * block that is malformed (no colon, no or a negative or non-numeric
 * Content-Length, conflicting lengths, an over-long line) or announces
 * more than the limit is reported to the caller, and the reader
 * resynchronises by skipping input up to the next "Content-Length"
 * header, so one bad frame costs one error, never the session. */
#ifndef GIR_LSP_RPC_H
#define GIR_LSP_RPC_H
#include <stddef.h>

#define LSP_MAX_MESSAGE (64u * 1024u * 1024u)
#define LSP_MAX_HEADER_LINE 4096u

/* Reads up to n bytes; returns the count, 0 at end of input, < 0 on error. */
typedef long (*lsp_read_fn)(void *ud, char *buf, size_t n);

typedef struct lsp_reader {
    lsp_read_fn read;
    void *ud;
    char buf[65536];
    size_t pos, len;
    int eof;
    int resync;                        /* skip to the next Content-Length first */
    char pre[LSP_MAX_HEADER_LINE + 2]; /* bytes to read before the input */
    size_t npre, ppre;
} lsp_reader;

typedef enum {
    LSP_READ_MESSAGE = 0,              /* *body holds one message */
    LSP_READ_EOF,                      /* end of input (possibly mid-message) */
    LSP_READ_BAD_HEADER,               /* malformed header block (skipped) */
    LSP_READ_TOO_LARGE,                /* Content-Length above LSP_MAX_MESSAGE (skipped) */
    LSP_READ_NOMEM
} lsp_read_status;

void lsp_reader_init(lsp_reader *r, lsp_read_fn fn, void *ud);
/* Reads the next message. On LSP_READ_MESSAGE *body is a malloc'd,
 * NUL-terminated copy of the *len body bytes (the caller frees it). */
lsp_read_status lsp_read_message(lsp_reader *r, char **body, size_t *len);
/* lsp_read_fn for a file descriptor (retries on EINTR). */
long lsp_read_fd(void *fd_ptr, char *buf, size_t n);

/* Writes "Content-Length: N\r\n\r\n" and the body to fd, retrying short
 * writes and EINTR. Returns 0, or -1 if the output is gone. */
int lsp_write_message(int fd, const char *body, size_t len);
#endif
