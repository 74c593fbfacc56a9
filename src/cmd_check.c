/* cmd_check.c - `girc check FILE...`: compile each report (or template)
 * and print its diagnostics; exit 1 if any file has an error. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "io.h"

/* Compiles one file and prints its diagnostics. Returns 0, 1 or 2. */
static int check_one(gir_cli *c, const char *path, size_t *nerr, size_t *nwarn)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, C_OUT_OF_MEMORY, path, 0);
    char *text = NULL;
    size_t len = 0;
    int e = 0;
    gir_io_status st = io_read_file(tmp, path, &text, &len, &e);
    if (st == IO_ERR_IS_DIR) { arena_free(tmp); return cli_io_error(c, C_CANNOT_READ, path, e); }
    if (st == IO_ERR_TOO_LARGE) {
        fprintf(stderr, "%s: error[%s]: ", path, msg_code(M_FILE_TOO_LARGE));
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu+", len);
        snprintf(b, sizeof b, "%u", (unsigned)GIR_MAX_FILE_SIZE);
        fprintf(stderr, msg_fmt(c->lang, M_FILE_TOO_LARGE), a, b);
        fputc('\n', stderr);
        arena_free(tmp);
        (*nerr)++;
        return 1;
    }
    if (st != IO_OK) { arena_free(tmp); return cli_io_error(c, C_CANNOT_READ, path, e); }
    gir_options o;
    cli_compile_options(c, &o);
    gir_doc *d = gir_doc_compile(strcmp(path, "-") == 0 ? "<stdin>" : path, text, len, &o);
    arena_free(tmp);
    if (!d || d->oom) {
        gir_doc_free(d);
        return cli_io_error(c, C_OUT_OF_MEMORY, path, 0) ? 2 : 2;
    }
    cli_print_diags(c, &d->diags);
    *nerr += d->diags.nerrors;
    *nwarn += d->diags.nwarnings;
    int rc = d->diags.nerrors ? 1 : 0;
    gir_doc_free(d);
    return rc;
}

int cmd_check(gir_cli *c, int argc, char **argv)
{
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files) return 2;
    for (int i = 0; i < argc; i++) {
        int g = cli_global_option(c, &i, argc, argv);
        if (g < 0) { free(files); return 2; }
        if (g > 0) continue;
        if (argv[i][0] == '-' && argv[i][1]) { cli_usage_error(c, C_UNKNOWN_OPTION, argv[i], ""); free(files); return 2; }
        files[nfiles++] = argv[i];
    }
    if (!nfiles) { cli_usage_error(c, C_NO_FILES, "", ""); free(files); return 2; }
    size_t nerr = 0, nwarn = 0;
    int rc = 0;
    for (size_t i = 0; i < nfiles; i++) {
        int r = check_one(c, files[i], &nerr, &nwarn);
        if (r > rc) rc = r;
    }
    cli_print_summary(c, nerr, nwarn);
    free(files);
    return rc;
}
