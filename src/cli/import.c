/* import.c - `girc import [-o OUT] [--check] [-j N] FILE|DIR...`.
 * One input: the import's diagnostics (positions in the input), then the
 * .gir on standard output or in OUT; with --check the .gir is also
 * checked and its diagnostics printed (positions in the .gir, named OUT
 * when it was written, else "INPUT (as imported, not written)"). Several
 * inputs or a directory (every file considered by its content, tree.c):
 * -o names a directory for the .gir files, made when missing, whose tree
 * mirrors the input's; the outputs are planned before anything is
 * written (plan_outputs: NAME.gir, NAME.EXT.gir when two inputs share a
 * NAME, an error for any two that would still write the same file); each
 * input ends with a summary line, the run with a tally (see bulk.h). Exit
 * status 1 when an import fails or, with --check, a checked report has
 * errors. With --diagnostics=json and the .gir on standard output, the
 * JSON lines go to standard error instead. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "bulk.h"
#include "cli.h"
#include "driver/compile.h"
#include "import/import.h"
#include "base/io.h"

typedef struct imp_opts {
    const char *out;      /* file (one input) or directory (several) */
    int outdir;
    int check;
    const bulk_files *f;  /* the inputs, with their planned outputs */
    int text_layer;       /* --text-layer: print the text a PDF was read as */
} imp_opts;

/* ---- the outputs of an import into a directory ---- */

/* The length of rel without its extension (the last dot of its last
 * component, unless the component starts with it). */
static size_t stem_len(const char *rel)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
}

static char *out_path(const char *dir, const char *rel, size_t n)
{
    size_t dl = strlen(dir);
    size_t len = dl + 1 + n + 5;
    char *p = malloc(len);
    if (p) snprintf(p, len, "%s%s%.*s.gir", dir, dl && dir[dl - 1] == '/' ? "" : "/", (int)n, rel);
    return p;
}

static const bulk_files *sort_f;
static int by_stem(const void *a, const void *b)
{
    const bulk_item *x = &sort_f->it[*(const size_t *)a], *y = &sort_f->it[*(const size_t *)b];
    size_t nx = stem_len(x->rel), ny = stem_len(y->rel);
    int d = memcmp(x->rel, y->rel, nx < ny ? nx : ny);
    return d ? d : nx < ny ? -1 : nx > ny;
}
static int by_out(const void *a, const void *b)
{
    return strcmp(sort_f->it[*(const size_t *)a].out, sort_f->it[*(const size_t *)b].out);
}

/* The inputs that are run, sorted by cmp (a heap array, *n of them). */
static size_t *run_order(const bulk_files *f, size_t *n, int (*cmp)(const void *, const void *))
{
    size_t *ix = malloc((f->n + 1) * sizeof *ix);
    *n = 0;
    if (!ix) return NULL;
    for (size_t i = 0; i < f->n; i++) if (!f->it[i].skip) ix[(*n)++] = i;
    sort_f = f;
    if (*n) qsort(ix, *n, sizeof *ix, cmp);
    return ix;
}

/* Refuses every input of a run of equal outputs, naming another. */
static void refuse_same(gir_cli *c, bulk_files *f, const size_t *ix, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++) {
        size_t other = ix[k == b ? b + 1 : b];
        cli_whole_file_error(c, f->v[ix[k]], CLI_OUT_COLLISION, cli_input_name(f->v[other]), f->it[ix[k]].out);
        f->it[ix[k]].skip = BULK_REFUSED;
    }
}

/* An output that is an existing file which is its own input. */
static void refuse_self(gir_cli *c, bulk_files *f, size_t i)
{
    struct stat so, si;
    if (strcmp(f->v[i], "-") == 0 || stat(f->it[i].out, &so) != 0 || stat(f->v[i], &si) != 0) return;
    if (so.st_dev != si.st_dev || so.st_ino != si.st_ino) return;
    cli_whole_file_error(c, f->v[i], CLI_OUT_IS_INPUT, f->it[i].out, cli_input_name(f->v[i]));
    f->it[i].skip = BULK_REFUSED;
}

/* Plans every output before anything is written: DIR/REL-without-its-
 * extension.gir; the inputs that share that name keep their extension
 * (NAME.html.gir, NAME.txt.gir); any two that still share an output are
 * both refused (E0010), and so is an output that is its own input
 * (E0011). Returns 0, or -1 when memory ran out. */
static int plan_outputs(gir_cli *c, bulk_files *f, const char *dir)
{
    size_t n = 0;
    size_t *ix = run_order(f, &n, by_stem);
    if (!ix) return -1;
    for (size_t b = 0, e; b < n; b = e) {
        for (e = b + 1; e < n && by_stem(&ix[b], &ix[e]) == 0; e++) {}
        int keep = 0;                     /* the names differ but in their extension */
        for (size_t k = b + 1; k < e; k++) keep |= strcmp(f->it[ix[k]].rel, f->it[ix[b]].rel) != 0;
        for (size_t k = b; k < e; k++) {
            const char *rel = f->it[ix[k]].rel;
            f->it[ix[k]].out = out_path(dir, rel, keep ? strlen(rel) : stem_len(rel));
            if (!f->it[ix[k]].out) { free(ix); return -1; }
        }
    }
    sort_f = f;
    if (n) qsort(ix, n, sizeof *ix, by_out);
    for (size_t b = 0, e; b < n; b = e) {
        for (e = b + 1; e < n && by_out(&ix[b], &ix[e]) == 0; e++) {}
        if (e - b > 1) refuse_same(c, f, ix, b, e);
        else refuse_self(c, f, ix[b]);
    }
    free(ix);
    return 0;
}

/* INPUT with its extension replaced by .gir (the name of the .gir on
 * standard output, shown in its first comment). */
static char *gir_name(const char *in)
{
    size_t stem = stem_len(in);
    char *p = malloc(stem + 5);
    if (p) snprintf(p, stem + 5, "%.*s.gir", (int)stem, in);
    return p;
}

static int parent_dirs(const char *out)
{
    const char *slash = strrchr(out, '/');
    if (!slash || slash == out) return 0;
    char *dir = strndup(out, (size_t)(slash - out));
    if (!dir) return ENOMEM;
    int e = bulk_mkdirs(dir);
    free(dir);
    return e;
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
        res->nerr++;
        res->failed = 1;
        if (st != 1) res->unreadable = 1;
        return st;
    }
    const char *shown = cli_input_name(path);
    char *out = NULL;
    if (io->out && io->outdir && io->f && io->f->it && res->index < io->f->n) out = strdup(io->f->it[res->index].out);
    else if (io->out) out = strdup(io->out);
    char *virt = out ? NULL : gir_name(strcmp(path, "-") == 0 ? "stdin.txt" : path);
    gir_import_opts o = {c->lang, out ? out : virt, NULL};
    gir_import *im = gir_import_run(shown, text, len, &o);
    arena_free(tmp);
    int rc = 0;
    if (!im || im->oom) {
        gir_import_free(im);
        free(out);
        free(virt);
        res->unreadable = 1;
        res->failed = 1;
        res->nerr++;
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
    } else if (!im->gir) {                       /* refused (a form no reader takes): nothing to write */
        res->failed = 1;
    } else if (out && cli_refuse_same(c, out, path)) {
        rc = 2;
        res->failed = 1;
    } else if (out) {
        int we = io->outdir ? parent_dirs(out) : 0;    /* one output file: its directory must exist */
        if (we || io_write_atomic(out, im->gir, im->gir_len, &we) != IO_OK) {
            rc = cli_io_error(c, CLI_CANNOT_WRITE, out, we);
            res->nerr++;
            res->failed = 1;
        } else {
            res->written = 1;
        }
    } else if (!io->check) {
        fwrite(im->gir, 1, im->gir_len, stdout);
    }
    if (io->check && im->gir) {
        gir_options co;
        cli_compile_options(c, &co);
        char as[1024];
        snprintf(as, sizeof as, msg_fmt(c->lang, I_CHECKED_AS), shown);
        gir_doc *d = gir_doc_compile(res->written ? out : as, im->gir, im->gir_len, &co);
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

/* The options of girc import: one line each (getopt_long, cli_getopt). */
static const struct option import_longs[] = {
    {"output", required_argument, NULL, 'o'},
    {"check", no_argument, NULL, 'C'},
    {"jobs", required_argument, NULL, 'j'},
    {"text-layer", no_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

/* One option of import; 0, or -1 after its error. */
static int import_option(gir_cli *c, int k, const char *arg, imp_opts *io, int *jobs)
{
    if (k == 'j') return cli_jobs_arg(c, arg, jobs);
    if (k == 'o') io->out = arg;
    else if (k == 'C') io->check = 1;
    else if (k == 'T') io->text_layer = 1;
    return 0;
}

/* The options, then the inputs (a directory walked, tree.c) into f.
 * Returns 0 or 2; *dirs is set when an input is a directory. */
static int import_args(gir_cli *c, int argc, char **argv, imp_opts *io, int *jobs, bulk_files *f, int *dirs)
{
    cli_opts o = {argc + 1, argv - 1, "o:j:", import_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0)
        if (import_option(c, k, arg, io, jobs) != 0) {
            k = CLI_OPT_ERROR;
            break;
        }
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    int rc = 0;
    for (int i = first; i < argc + 1 && rc == 0; i++) {
        *dirs |= bulk_is_dir(o.argv[i]);
        rc = bulk_add_tree(c, f, o.argv[i]);
    }
    return rc;
}

int cmd_import(gir_cli *c, int argc, char **argv)
{
    imp_opts io = {0};
    int jobs = 1;
    bulk_files f = {0};
    int dirs = 0;
    int rc = import_args(c, argc, argv, &io, &jobs, &f, &dirs);
    if (rc == 0 && !f.n) { cli_usage_error(c, CLI_NO_FILES, "", ""); rc = 2; }
    if (rc) { bulk_files_free(&f); return rc; }
    int bulk = f.n > 1 || dirs;
    if (bulk && !io.check && !io.out) { cli_usage_error(c, I_NEED_OUTDIR, "", ""); bulk_files_free(&f); return 2; }
    size_t olen = io.out ? strlen(io.out) : 0;
    if (io.out && (bulk || (olen && io.out[olen - 1] == '/'))) {
        io.outdir = 1;
        int e = bulk_mkdirs(io.out);
        if (e) { cli_io_error(c, CLI_CANNOT_WRITE, io.out, e); bulk_files_free(&f); return 2; }
        if (plan_outputs(c, &f, io.out) != 0) { cli_io_error(c, CLI_OUT_OF_MEMORY, io.out, 0); bulk_files_free(&f); return 2; }
    }
    io.f = &f;
    if (!bulk && f.it[0].skip == BULK_REFUSED) {
        rc = 1;
    } else if (!bulk) {
        bulk_result r = {0};
        rc = import_one(c, f.v[0], &io, &r);
        if (io.check) cli_print_summary(c, r.nerr, r.nwarn);
    } else {
        rc = bulk_run(c, &f, jobs, import_one, &io);
    }
    bulk_files_free(&f);
    return rc;
}
