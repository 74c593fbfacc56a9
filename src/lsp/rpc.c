/* lsp_rpc.c - Content-Length framing (see lsp_rpc.h for the rules and
 * limits). The reader is a byte-at-a-time state machine over a 64 KiB
 * buffer; bodies are copied straight from the buffer and the source. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/io.h"
#include "rpc.h"

static const char CL[] = "content-length";
enum { CL_LEN = sizeof CL - 1 };

void lsp_reader_init(lsp_reader *r, lsp_read_fn fn, void *ud)
{
    memset(r, 0, sizeof *r);
    r->read = fn;
    r->ud = ud;
}

long lsp_read_fd(void *fd_ptr, char *buf, size_t n)
{
    int fd = *(int *)fd_ptr;
    for (;;) {
        ssize_t k = read(fd, buf, n);
        if (k < 0 && errno == EINTR) continue;
        return (long)k;
    }
}

/* Next input byte (from the pre-read bytes first), or -1 at the end. */
static int rd(lsp_reader *r)
{
    if (r->ppre < r->npre) return (unsigned char)r->pre[r->ppre++];
    if (r->pos == r->len) {
        if (r->eof) return -1;
        long n = r->read(r->ud, r->buf, sizeof r->buf);
        if (n <= 0) { r->eof = 1; return -1; }
        r->pos = 0;
        r->len = (size_t)n;
    }
    return (unsigned char)r->buf[r->pos++];
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static void set_pre(lsp_reader *r, const char *s, size_t n)
{
    memcpy(r->pre, s, n);
    r->npre = n;
    r->ppre = 0;
}

/* Skips input up to the next "content-length" (any case) and leaves those
 * bytes to be read again. Returns 0 at end of input. */
static int resync(lsp_reader *r)
{
    size_t m = 0;
    for (;;) {
        int c = rd(r);
        if (c < 0) return 0;
        if (lower(c) == CL[m]) {
            if (++m == CL_LEN) { set_pre(r, CL, CL_LEN); return 1; }
        } else {
            m = lower(c) == CL[0];
        }
    }
}

static size_t find_cl(const char *s, size_t n)
{
    for (size_t i = 0; i + CL_LEN <= n; i++) {
        size_t k = 0;
        while (k < CL_LEN && lower((unsigned char)s[i + k]) == CL[k]) k++;
        if (k == CL_LEN) return i;
    }
    return (size_t)-1;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* Parses the value of Content-Length: digits only. Returns -1 if bad,
 * -2 if above the limit, else the value. */
static long long parse_length(const char *v, size_t n)
{
    while (n && is_space(*v)) { v++; n--; }
    while (n && is_space(v[n - 1])) n--;
    if (!n) return -1;
    long long x = 0;
    int big = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9') return -1;
        if (!big) x = x * 10 + (v[i] - '0');
        if (x > (long long)LSP_MAX_MESSAGE) big = 1;
    }
    return big ? -2 : x;
}

lsp_read_status lsp_read_message(lsp_reader *r, char **body, size_t *len)
{
    *body = NULL;
    *len = 0;
    if (r->resync) {
        r->resync = 0;
        if (!resync(r)) return LSP_READ_EOF;
    }
    char line[LSP_MAX_HEADER_LINE + 1];
    long long clen = -1;
    int bad = 0, big = 0, any = 0;
    for (;;) {
        size_t ll = 0;
        int over = 0, c;
        while ((c = rd(r)) >= 0 && c != '\n') {
            if (ll < LSP_MAX_HEADER_LINE) line[ll++] = (char)c;
            else over = 1;
        }
        if (c < 0) return LSP_READ_EOF;
        if (ll && line[ll - 1] == '\r') ll--;
        if (ll == 0 && !over) {
            if (!any) continue;             /* stray line ends between messages */
            break;
        }
        any = 1;
        if (over) { bad = 1; break; }
        size_t at = find_cl(line, ll);
        if (at != (size_t)-1 && at > 0) {
            /* garbage glued to the front of a header: drop it, keep the header */
            line[ll++] = '\n';
            set_pre(r, line + at, ll - at);
            return LSP_READ_BAD_HEADER;
        }
        const char *colon = memchr(line, ':', ll);
        if (!colon) { bad = 1; continue; }
        size_t nl = (size_t)(colon - line);
        while (nl && is_space(line[nl - 1])) nl--;
        if (nl != CL_LEN || find_cl(line, nl) != 0) continue;   /* other headers are ignored */
        long long v = parse_length(colon + 1, ll - (size_t)(colon + 1 - line));
        if (v == -1) bad = 1;
        else if (v == -2) big = 1;
        else if (clen >= 0 && v != clen) bad = 1;
        else clen = v;
    }
    if (!bad && !big && clen < 0) bad = 1;
    if (bad || big) {
        r->resync = 1;
        return bad ? LSP_READ_BAD_HEADER : LSP_READ_TOO_LARGE;
    }
    char *b = malloc((size_t)clen + 1);
    if (!b) { r->resync = 1; return LSP_READ_NOMEM; }
    size_t got = 0;
    while (got < (size_t)clen && r->ppre < r->npre) b[got++] = r->pre[r->ppre++];
    while (got < (size_t)clen) {
        if (r->pos == r->len) {
            if (r->eof) break;
            long n = r->read(r->ud, r->buf, sizeof r->buf);
            if (n <= 0) { r->eof = 1; break; }
            r->pos = 0;
            r->len = (size_t)n;
        }
        size_t k = r->len - r->pos;
        if (k > (size_t)clen - got) k = (size_t)clen - got;
        memcpy(b + got, r->buf + r->pos, k);
        r->pos += k;
        got += k;
    }
    if (got < (size_t)clen) { free(b); return LSP_READ_EOF; }
    b[got] = 0;
    *body = b;
    *len = got;
    return LSP_READ_MESSAGE;
}

int lsp_write_message(int fd, const char *body, size_t len)
{
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    if (io_write_all(fd, head, (size_t)h) < 0) return -1;
    return io_write_all(fd, body, len);
}
