/* test_lsp_rpc.c - unit tests for the language server's framing
 * (lsp_rpc.c): split and merged reads, header case and extra headers,
 * bare LF line ends, and every malformed frame: no length, negative,
 * non-numeric, conflicting, above the limit, over-long header lines,
 * garbage before a header, end of input in the middle of a body. After
 * each bad frame the next good one must still be read. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lsp/rpc.h"

typedef struct src { const char *p; size_t n, pos, chunk; } src;

static long src_read(void *ud, char *buf, size_t n)
{
    src *s = ud;
    size_t k = s->n - s->pos;
    if (k > n) k = n;
    if (s->chunk && k > s->chunk) k = s->chunk;
    memcpy(buf, s->p + s->pos, k);
    s->pos += k;
    return (long)k;
}

/* Reads everything, returning a string like "M{..}|B|T|M{..}|E". */
static char *read_all(const char *input, size_t n, size_t chunk)
{
    src s = {input, n, 0, chunk};
    lsp_reader *r = malloc(sizeof *r);
    lsp_reader_init(r, src_read, &s);
    size_t cap = 4096, len = 0;
    char *out = calloc(cap, 1);
    for (int i = 0; i < 100; i++) {
        char *body = NULL;
        size_t bl = 0;
        lsp_read_status st = lsp_read_message(r, &body, &bl);
        char tmp[512];
        if (st == LSP_READ_MESSAGE) snprintf(tmp, sizeof tmp, "M%.*s|", (int)bl, body);
        else snprintf(tmp, sizeof tmp, "%s", st == LSP_READ_EOF ? "E" : st == LSP_READ_BAD_HEADER ? "B|" : st == LSP_READ_TOO_LARGE ? "T|" : "N|");
        free(body);
        if (len + strlen(tmp) + 1 < cap) { memcpy(out + len, tmp, strlen(tmp) + 1); len += strlen(tmp); }
        if (st == LSP_READ_EOF) break;
    }
    free(r);
    return out;
}

static void expect(const char *input, const char *want)
{
    size_t chunks[] = {0, 1, 3, 7};
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        char *got = read_all(input, strlen(input), chunks[i]);
        if (strcmp(got, want) != 0) fail_msg("chunk %zu: got %s want %s", chunks[i], got, want);
        free(got);
    }
}

static void test_plain(void **state)
{
    (void)state;
    expect("Content-Length: 2\r\n\r\n{}", "M{}|E");
    expect("Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n[1]", "M{}|M[1]|E");
    expect("", "E");
}

static void test_headers(void **state)
{
    (void)state;
    expect("content-length:2\r\n\r\n{}", "M{}|E");
    expect("CONTENT-LENGTH :  2  \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", "M{}|E");
    expect("Content-Type: x\r\nContent-Length: 2\r\n\r\n{}", "M{}|E");
    expect("Content-Length: 2\n\n{}", "M{}|E");                       /* bare LF */
    expect("\r\n\r\nContent-Length: 2\r\n\r\n{}", "M{}|E");           /* stray line ends */
    expect("Content-Length: 0\r\n\r\nContent-Length: 2\r\n\r\n{}", "M|M{}|E");
    expect("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", "M{}|E");
}

static void test_bad(void **state)
{
    (void)state;
    expect("Content-Length: -5\r\n\r\n{}Content-Length: 2\r\n\r\n{}", "B|M{}|E");
    expect("Content-Length: abc\r\n\r\n{}Content-Length: 2\r\n\r\n[]", "B|M[]|E");
    expect("Content-Length: 12abc\r\n\r\nContent-Length: 2\r\n\r\n[]", "B|M[]|E");
    expect("Content-Type: x\r\n\r\n{}Content-Length: 2\r\n\r\n[]", "B|M[]|E");
    expect("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}Content-Length: 2\r\n\r\n[]", "B|M[]|E");
    expect("no colon here\r\n\r\nContent-Length: 2\r\n\r\n[]", "B|M[]|E");
    expect("Content-Length: 99999999999999999999\r\n\r\nxxContent-Length: 2\r\n\r\n[]", "T|M[]|E");
    expect("Content-Length: 67108865\r\n\r\nContent-Length: 2\r\n\r\n[]", "T|M[]|E");
    expect("garbage{}Content-Length: 2\r\n\r\n[]", "B|M[]|E");           /* glued to the front */
    expect("Content-Length: 5\r\n\r\n{}", "E");                           /* end in the body */
    expect("Content-Length: 2\r\n", "E");                                 /* end in the headers */
    expect("Content-Length: -1\r\n\r\n", "B|E");
}

static void test_long_line(void **state)
{
    (void)state;
    size_t n = 10000;
    char *in = malloc(n + 64);
    memset(in, 'x', n);
    strcpy(in + n, "\r\n\r\nContent-Length: 2\r\n\r\n[]");
    char *got = read_all(in, strlen(in), 0);
    assert_string_equal(got, "B|M[]|E");
    free(got);
    free(in);
}

static void test_cjk_body(void **state)
{
    (void)state;
    const char *body = "{\"t\":\"新收 17\"}";
    char in[128];
    snprintf(in, sizeof in, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    char want[128];
    snprintf(want, sizeof want, "M%s|E", body);
    expect(in, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_headers),
        cmocka_unit_test(test_bad),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_cjk_body),
    };
    return cmocka_run_group_tests_name("lsp_rpc", tests, NULL, NULL);
}
