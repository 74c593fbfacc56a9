/* import.c - `girc import [-o OUT] [--check] [-j N] FILE|DIR...`.
 * One input: the import's diagnostics (positions in the input), then the
 * .gir on standard output or in OUT; with --check the .gir is also
 * checked and its diagnostics printed (positions in the .gir, named OUT
 * or INPUT.gir). Several inputs or a directory (walked for .html, .htm
 * and .txt): -o names a directory for the .gir files, and each input ends
 * with a summary line, the run with a tally (see bulk.h). Exit status 1
 * when an import fails or, with --check, a checked report has errors.
 * With --diagnostics=json and the .gir on standard output, the JSON lines
 * go to standard error instead. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "bulk.h"
#include "cli.h"
#include "driver/compile.h"
#include "import/import.h"
#include "base/io.h"

typedef struct imp_opts {
    const char *out;      /* file (one input) or directory (several) */
    int outdir;
    int check;
    int text_layer;       /* --text-layer: print the text a PDF was read as */
} imp_opts;

/* INPUT with its extension replaced by .gir, placed in dir if given. */
static char *gir_name(const char *in, const char *dir)
{
    const char *base = dir ? strrchr(in, '/') : NULL;
    base = base ? base + 1 : in;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base && !strchr(dot, '/') ? (size_t)(dot - base) : strlen(base);
    size_t len = (dir ? strlen(dir) + 1 : 0) + (size_t)(base - in) * !dir + stem + 5;
    char *p = malloc(len + 1);
    if (!p) return NULL;
    if (dir) snprintf(p, len + 1, "%s%s%.*s.gir", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", (int)stem, base);
    else snprintf(p, len + 1, "%.*s.gir", (int)((size_t)(base - in) + stem), in);
    return p;
}

static int import_one(gir_cli *c, const char *path, void *ud, bulk_result *res)
{
    const imp_opts *io = ud;
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, path, &text, &len);
    if (st) {
        arena_free(tmp);
        if (st == 1) res->nerr++;
        else res->unreadable = 1;
        return st;
    }
    const char *shown = cli_input_name(path);
    char *out = NULL;
    if (io->out) out = io->outdir ? gir_name(path, io->out) : strdup(io->out);
    char *virt = out ? NULL : gir_name(strcmp(path, "-") == 0 ? "stdin.txt" : path, NULL);
    gir_import_opts o = {c->lang, out ? out : virt, NULL};
    gir_import *im = gir_import_run(shown, text, len, &o);
    arena_free(tmp);
    int rc = 0;
    if (!im || im->oom) {
        gir_import_free(im);
        free(out);
        free(virt);
        res->unreadable = 1;
        return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    }
    /* the .gir goes to standard output: JSON diagnostics go to standard error */
    c->doc_on_stdout = !out && !io->check;
    cli_print_diags(c, &im->diags);
    res->nerr += im->diags.nerrors;
    res->nwarn += im->diags.nwarnings;
    for (size_t i = 0; i < im->diags.n; i++) res->nnote += im->diags.v[i]->sev == GIR_SEV_NOTE;
    if (im->diags.nerrors) rc = 1;
    if (io->text_layer) {
        fwrite(im->src.text, 1, im->src.len, stdout);
    } else if (out && im->gir) {
        int we = 0;
        if (io_write_atomic(out, im->gir, im->gir_len, &we) != IO_OK) rc = cli_io_error(c, CLI_CANNOT_WRITE, out, we);
    } else if (!io->check && im->gir) {
        fwrite(im->gir, 1, im->gir_len, stdout);
    }
    if (io->check) {
        gir_options co;
        cli_compile_options(c, &co);
        gir_doc *d = gir_doc_compile(out ? out : virt, im->gir, im->gir_len, &co);
        if (!d || d->oom) rc = cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
        else {
            cli_print_diags(c, &d->diags);
            res->nerr += d->diags.nerrors;
            res->nwarn += d->diags.nwarnings;
            res->not_checkable += bulk_not_checkable(&d->diags);
            for (size_t i = 0; i < d->diags.n; i++) res->nnote += d->diags.v[i]->sev == GIR_SEV_NOTE;
            if (d->diags.nerrors && rc < 1) rc = 1;
        }
        gir_doc_free(d);
    }
    gir_import_free(im);
    free(out);
    free(virt);
    return rc;
}

int cmd_import(gir_cli *c, int argc, char **argv)
{
    imp_opts io = {0};
    int jobs = 1;
    bulk_files f = {0};
    static const char *const exts[] = {".html", ".htm", ".txt", ".pdf", NULL};
    int dirs = 0, rc = 0;
    for (int i = 0; i < argc && rc == 0; i++) {
        int g = cli_global_option(c, &i, argc, argv);
        if (g < 0) { rc = 2; break; }
        if (g > 0) continue;
        int j = bulk_jobs_option(c, &i, argc, argv, &jobs);
        if (j < 0) { rc = 2; break; }
        if (j > 0) continue;
        const char *a = argv[i];
        if (strcmp(a, "--check") == 0) { io.check = 1; continue; }
        if (strcmp(a, "--text-layer") == 0) { io.text_layer = 1; continue; }
        if (strcmp(a, "-o") == 0) {
            if (i + 1 >= argc) { cli_usage_error(c, CLI_MISSING_ARG, "-o", ""); rc = 2; break; }
            io.out = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1]) { cli_usage_error(c, CLI_UNKNOWN_OPTION, a, ""); rc = 2; break; }
        dirs |= bulk_is_dir(a);
        rc = bulk_add(c, &f, a, exts);
    }
    if (rc == 0 && !f.n) { cli_usage_error(c, CLI_NO_FILES, "", ""); rc = 2; }
    if (rc) { bulk_files_free(&f); return rc; }
    int bulk = f.n > 1 || dirs;
    if (bulk && !io.check && !io.out) { cli_usage_error(c, I_NEED_OUTDIR, "", ""); bulk_files_free(&f); return 2; }
    if (bulk && io.out) {
        io.outdir = 1;
        if (!bulk_is_dir(io.out)) { cli_io_error(c, CLI_CANNOT_WRITE, io.out, ENOTDIR); bulk_files_free(&f); return 2; }
    }
    if (!bulk) {
        bulk_result r = {0};
        rc = import_one(c, f.v[0], &io, &r);
        if (io.check) cli_print_summary(c, r.nerr, r.nwarn);
    } else {
        rc = bulk_run(c, &f, jobs, import_one, &io);
    }
    bulk_files_free(&f);
    return rc;
}
