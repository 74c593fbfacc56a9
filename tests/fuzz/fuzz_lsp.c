/* fuzz_lsp.c - libFuzzer harness: an arbitrary byte stream into the
 * language server's message loop, as `girc lsp` runs it (cmd_lsp.c):
 * framing (lsp_rpc.h: headers, Content-Length, resynchronisation), JSON
 * parsing and dispatch (lsp_server.h: lifecycle, document sync and every
 * request). Inputs of odd length are fed in 7-byte reads, to cross the
 * reader's buffer boundaries. Property: every message the server sends
 * is valid JSON (else abort). The server's stdlib cache goes to
 * /tmp/girc-fuzz-lsp-cache. Seeds: the tests/lsp/ scripts (.in)
 * framed by tests/lsp/lsptool (tests/fuzz/corpus/lsp/). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#include <cJSON.h>
#include "lsp/rpc.h"
#include "lsp/server.h"

/* The stdlib copies that go-to-definition writes: one fixed directory,
 * shared by every run (a killed run cannot leave temporary ones behind). */
static const char cache_dir[] = "/tmp/girc-fuzz-lsp-cache";

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

typedef struct mem_in { const uint8_t *p; size_t n, pos, chunk; } mem_in;

static long mem_read(void *ud, char *buf, size_t n)
{
    mem_in *m = ud;
    size_t k = m->n - m->pos;
    if (k > n) k = n;
    if (k > m->chunk) k = m->chunk;
    memcpy(buf, m->p + m->pos, k);
    m->pos += k;
    return (long)k;
}

static void on_send(void *ud, const char *json, size_t len)
{
    (void)ud;
    cJSON *j = cJSON_ParseWithLength(json, len);
    if (!j) {
        fprintf(stderr, "fuzz_lsp: the server sent invalid JSON (%zu bytes): %.*s\n", len,
                (int)(len > 2000 ? 2000 : len), json);
        abort();
    }
    cJSON_Delete(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.lang = (size & 2) ? GIR_LANG_EN : GIR_LANG_ZH;
    cfg.cache_dir = cache_dir;
    lsp_server *s = lsp_server_new(&cfg, on_send, NULL);
    lsp_reader *r = malloc(sizeof *r);
    if (!s || !r) { lsp_server_free(s); free(r); return 0; }
    mem_in in = {data, size, 0, (size & 1) ? 7 : 65536};
    lsp_reader_init(r, mem_read, &in);
    for (long guard = 0; !lsp_server_exited(s) && guard < 1000000; guard++) {
        char *body = NULL;
        size_t len = 0;
        lsp_read_status st = lsp_read_message(r, &body, &len);
        if (st == LSP_READ_EOF) break;
        if (st == LSP_READ_MESSAGE) lsp_server_handle(s, body, len);
        else lsp_server_frame_error(s, st == LSP_READ_TOO_LARGE);
        free(body);
    }
    (void)lsp_server_exit_code(s);
    lsp_server_free(s);
    free(r);
    return 0;
}

