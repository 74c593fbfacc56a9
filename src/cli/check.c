/* check.c - `girc check [-j N] FILE|DIR...`: compile each report (or
 * template) and print its diagnostics; exit 1 if any file has an error.
 * One file: its diagnostics and the "N errors, M warnings" line. Several
 * files or a directory (walked for *.gir): each file's diagnostics and a
 * summary line, then a tally, in input order whatever -j (bulk.h). */
#include <stdlib.h>
#include <string.h>
#include "bulk.h"
#include "cli.h"
#include "base/io.h"

/* Compiles one file and prints its diagnostics. Returns 0, 1 or 2. */
static int check_one(gir_cli *c, const char *path, size_t *nerr, size_t *nwarn, bulk_result *res)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, path, &text, &len);
    if (st) {
        if (res) res->unreadable = 1;
        if (st == 1) (*nerr)++;
        arena_free(tmp);
        return st;
    }
    gir_options o;
    cli_compile_options(c, &o);
    gir_doc *d = gir_doc_compile(cli_input_name(path), text, len, &o);
    arena_free(tmp);
    if (!d || d->oom) {
        gir_doc_free(d);
        if (res) res->unreadable = 1;
        return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0) ? 2 : 2;
    }
    cli_print_diags(c, &d->diags);
    *nerr += d->diags.nerrors;
    *nwarn += d->diags.nwarnings;
    if (res) {
        res->not_checkable += bulk_not_checkable(&d->diags);
        for (size_t i = 0; i < d->diags.n; i++) res->nnote += d->diags.v[i]->sev == GIR_SEV_NOTE;
    }
    int rc = d->diags.nerrors ? 1 : 0;
    gir_doc_free(d);
    return rc;
}

static int check_job(gir_cli *c, const char *path, void *ud, bulk_result *r)
{
    (void)ud;
    return check_one(c, path, &r->nerr, &r->nwarn, r);
}

int cmd_check(gir_cli *c, int argc, char **argv)
{
    static const char *const exts[] = {".gir", NULL};
    bulk_files f = {0};
    int jobs = 1, dirs = 0;
    for (int i = 0; i < argc; i++) {
        int g = cli_global_option(c, &i, argc, argv);
        if (g < 0) { bulk_files_free(&f); return 2; }
        if (g > 0) continue;
        int j = bulk_jobs_option(c, &i, argc, argv, &jobs);
        if (j < 0) { bulk_files_free(&f); return 2; }
        if (j > 0) continue;
        if (argv[i][0] == '-' && argv[i][1]) { cli_usage_error(c, CLI_UNKNOWN_OPTION, argv[i], ""); bulk_files_free(&f); return 2; }
        dirs |= bulk_is_dir(argv[i]);
        if (bulk_add(c, &f, argv[i], exts)) { bulk_files_free(&f); return 2; }
    }
    if (!f.n) { cli_usage_error(c, CLI_NO_FILES, "", ""); bulk_files_free(&f); return 2; }
    int rc = 0;
    if (f.n == 1 && !dirs) {
        size_t nerr = 0, nwarn = 0;
        rc = check_one(c, f.v[0], &nerr, &nwarn, NULL);
        cli_print_summary(c, nerr, nwarn);
    } else {
        rc = bulk_run(c, &f, jobs, check_job, NULL);
    }
    bulk_files_free(&f);
    return rc;
}
