/* fmt.c - `girc fmt [--check] [-w] FILE|DIR...`: print each file (a
 * directory: its *.gir files, as girc check walks it) in the
 * canonical layout (fmt.h); --check prints a diff of what would change
 * and exits 1 if anything would; -w rewrites changed files atomically,
 * through a symbolic link, keeping hard links, never a read-only file
 * (io_write_through).
 * A file with syntax errors is never rewritten: its diagnostics are
 * printed and the exit status is 1. */
#include <stdlib.h>
#include <string.h>
#include "bulk.h"
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

static const struct option fmt_longs[] = {
    {"check", no_argument, NULL, 'c'},
    {"write", no_argument, NULL, 'w'},
    {NULL, 0, NULL, 0},
};

/* The files of the command line (a directory: its *.gir files, sorted);
 * 0, or 2 after a usage or I/O error. */
static int fmt_args(gir_cli *c, int argc, char **argv, int *check, int *write, bulk_files *f)
{
    static const char *const exts[] = {".gir", NULL};
    cli_opts o = {argc + 1, argv - 1, "w", fmt_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0) {
        if (k == 'c') *check = 1;
        else if (k == 'w') *write = 1;
    }
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    for (int i = first; i < argc + 1; i++)
        if (bulk_add(c, f, o.argv[i], exts)) return 2;
    if (!f->n) return cli_usage_error(c, CLI_NO_FILES, "", "") ? 2 : 2;
    return 0;
}

int cmd_fmt(gir_cli *c, int argc, char **argv)
{
    bulk_files f = {0};
    int check = 0, write = 0;
    if (fmt_args(c, argc, argv, &check, &write, &f)) {
        bulk_files_free(&f);
        return 2;
    }
    const char **files = (const char **)f.v;
    size_t nfiles = f.n;
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
    bulk_files_free(&f);
    return rc;
}
