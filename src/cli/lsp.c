/* lsp.c - `girc lsp [--stdio] [--lang=zh|en] [-I DIR]`: the language
 * server on standard input and output (lsp/server.h, lsp/rpc.h). Exit
 * status 0 after shutdown + exit (or end of input after shutdown), 1
 * otherwise, as LSP 3.17 specifies. Diagnostics messages use --lang, else
 * the client's initialize locale, else LANG. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "lsp/rpc.h"
#include "lsp/server.h"

typedef struct out_state { int fd; int gone; } out_state;

static void send_out(void *ud, const char *json, size_t len)
{
    out_state *o = ud;
    if (!o->gone && lsp_write_message(o->fd, json, len) < 0) o->gone = 1;
}

int cmd_lsp(gir_cli *c, int argc, char **argv)
{
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    c->doc_on_stdout = 1;   /* standard output is the protocol: machine diagnostics (SARIF) go to stderr */
    static const struct option lsp_longs[] = {
        {"stdio", no_argument, NULL, 's'},   /* what VS Code clients pass */
        {NULL, 0, NULL, 0},
    };
    cli_opts o = {argc + 1, argv - 1, "", lsp_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0) continue;
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    if (first < argc + 1) {
        cli_usage_error(c, CLI_UNKNOWN_OPTION, argv[first - 1], "");
        return 2;
    }
    for (int i = 0; i < argc && i < first - 1; i++)   /* --lang given: it wins over the client's locale */
        if (strncmp(argv[i], "--lang", 6) == 0) cfg.lang_set = 1;
    cfg.lang = c->lang;
    cfg.includes = c->includes;
    cfg.ninclude = c->ninclude;
    signal(SIGPIPE, SIG_IGN);
    out_state out = {STDOUT_FILENO, 0};
    lsp_server *s = lsp_server_new(&cfg, send_out, &out);
    lsp_reader *r = malloc(sizeof *r);
    if (!s || !r) { lsp_server_free(s); free(r); return cli_io_error(c, CLI_OUT_OF_MEMORY, "<stdin>", 0); }
    int fd = STDIN_FILENO;
    lsp_reader_init(r, lsp_read_fd, &fd);
    while (!lsp_server_exited(s) && !out.gone) {
        char *body = NULL;
        size_t len = 0;
        lsp_read_status st = lsp_read_message(r, &body, &len);
        if (st == LSP_READ_EOF) break;
        if (st == LSP_READ_MESSAGE) lsp_server_handle(s, body, len);
        else lsp_server_frame_error(s, st == LSP_READ_TOO_LARGE);
        free(body);
    }
    int rc = lsp_server_exit_code(s);
    lsp_server_free(s);
    free(r);
    return rc;
}
