/* fmt.c - `girc fmt [--check] [-w] FILE...`: print each file in the
 * canonical layout (fmt.h); --check prints a diff of what would change
 * and exits 1 if anything would; -w rewrites changed files atomically,
 * through a symbolic link, keeping hard links, never a read-only file
 * (io_write_through).
 * A file with syntax errors is never rewritten: its diagnostics are
 * printed and the exit status is 1. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "fmt/fmt.h"
#include "base/io.h"

static void file_error(gir_cli *c, const char *path, gir_msg id)
{
    cli_whole_file_error(c, path, id, path, "");
}

/* Returns 0 (unchanged or written), 1 (would change, or errors), 2. */
static int fmt_one(gir_cli *c, const char *path, int check, int write, size_t *nchanged)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, path, &text, &len);
    if (st) { arena_free(tmp); return st; }
    gir_options o;
    cli_compile_options(c, &o);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    const char *out = NULL;
    size_t outlen = 0;
    gir_doc *parsed = NULL;
    gir_fmt_status fs = gir_fmt_source(name, text, len, &o, tmp, &out, &outlen, &parsed);
    int rc = 0;
    if (fs == GIR_FMT_SYNTAX) {
        cli_print_diags(c, &parsed->diags);
        cli_print_summary(c, parsed->diags.nerrors, parsed->diags.nwarnings);
        file_error(c, path, F_SYNTAX);
        rc = 1;
    } else if (fs == GIR_FMT_UNSAFE) {
        file_error(c, path, F_UNSAFE);
        rc = 1;
    } else if (fs == GIR_FMT_NOMEM) {
        rc = cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    } else {
        int changed = outlen != len || memcmp(out, text, len) != 0;
        if (check && changed) {
            gir_buf d;
            buf_init(&d, tmp);
            char *shown = diag_clean_dup(name);   /* the diff goes to a terminal: no escapes */
            const char *nm = shown ? arena_strdup(tmp, shown) : NULL;
            free(shown);
            if (!nm) nm = name;
            fmt_diff(&d, nm, text, len, arena_printf(tmp, "%s (girc fmt)", nm), out, outlen);
            fwrite(d.p ? d.p : "", 1, d.n, stdout);
            (*nchanged)++;
            rc = 1;
        }
        if (write && changed) {
            int we = 0;
            gir_io_status ws = io_write_through(path, out, outlen, &we);
            if (ws == IO_ERR_READ_ONLY) rc = cli_io_error(c, CLI_READ_ONLY, path, 0);
            else if (ws != IO_OK) rc = cli_io_error(c, CLI_CANNOT_WRITE, path, we);
        }
        if (!check && !write) fwrite(out, 1, outlen, stdout);
    }
    gir_doc_free(parsed);
    arena_free(tmp);
    return rc;
}

int cmd_fmt(gir_cli *c, int argc, char **argv)
{
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    int check = 0, write = 0;
    if (!files) return 2;
    for (int i = 0; i < argc; i++) {
        int g = cli_global_option(c, &i, argc, argv);
        if (g < 0) { free(files); return 2; }
        if (g > 0) continue;
        const char *a = argv[i];
        if (strcmp(a, "--check") == 0) { check = 1; continue; }
        if (strcmp(a, "-w") == 0 || strcmp(a, "--write") == 0) { write = 1; continue; }
        if (a[0] == '-' && a[1]) { cli_usage_error(c, CLI_UNKNOWN_OPTION, a, ""); free(files); return 2; }
        files[nfiles++] = a;
    }
    if (!nfiles) { cli_usage_error(c, CLI_NO_FILES, "", ""); free(files); return 2; }
    size_t nchanged = 0;
    int rc = 0;
    for (size_t i = 0; i < nfiles; i++) {
        int r = fmt_one(c, files[i], check, write, &nchanged);
        if (r > rc) rc = r;
    }
    if (check && nchanged) {
        fflush(stdout);                        /* the diffs come first */
        fprintf(stderr, msg_fmt(c->lang, F_WOULD_CHANGE), nchanged);
        fputc('\n', stderr);
    }
    /* the text or the diff went to stdout: the run's SARIF document (written last) goes to stderr */
    if (!write && c->json == CLI_DIAG_SARIF) c->doc_on_stdout = 1;
    free(files);
    return rc;
}
