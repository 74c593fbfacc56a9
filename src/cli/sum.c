/* sum.c - `girc sum [--roster FILE] [--agency NAME] [-o OUT] REPORT|DIR...`:
 * adds the units' reports cell by cell into one report of the same
 * template (region/region.h), checks the result as girc check would
 * (showing what it finds under the output's name), and writes it
 * atomically; with a roster, lists the missing and late units
 * and the reporting rate. Reports of another template or year are
 * errors, and then nothing is written. */
#include <stdio.h>
#include <string.h>
#include "units.h"

typedef struct sum_args {
    const char *out, *roster, *agency;
    bulk_files files;
} sum_args;

static const struct option sum_longs[] = {
    {"output", required_argument, NULL, 'o'},
    {"roster", required_argument, NULL, 'r'},
    {"agency", required_argument, NULL, 'a'},
    {"jobs", required_argument, NULL, 'j'},
    {NULL, 0, NULL, 0},
};

static int parse(gir_cli *c, int argc, char **argv, sum_args *a)
{
    static const char *const exts[] = {".gir", NULL};
    int jobs = 1;
    cli_opts o = {argc + 1, argv - 1, "o:j:", sum_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0) {
        if (k == 'o') a->out = arg;
        else if (k == 'r') a->roster = arg;
        else if (k == 'a') a->agency = arg;
        else if (k == 'j' && cli_jobs_arg(c, arg, &jobs) != 0) k = CLI_OPT_ERROR;
        if (k == CLI_OPT_ERROR) break;
    }
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    for (int i = first; i < argc + 1; i++)
        if (bulk_add(c, &a->files, o.argv[i], exts)) return 2;
    if (!a->files.n) return cli_usage_error(c, CLI_NO_FILES, "", ""), 2;
    return 0;
}

/* The sum re-read as girc check reads it. Sums of consistent reports
 * are consistent; a rule some unit breaks is broken in the sum too, and
 * is shown here under the output's name (exit 1; the sum is still
 * written, for the reviewer to see). Returns 0, 1, or 2 (no memory). */
static int verify(gir_cli *c, const char *text, size_t len, const char *name)
{
    gir_options o;
    cli_compile_options(c, &o);
    gir_doc *d = gir_doc_compile(name, text, len, &o);
    if (!d || d->oom) {
        gir_doc_free(d);
        return cli_io_error(c, CLI_OUT_OF_MEMORY, name, 0);
    }
    int rc = d->diags.nerrors ? 1 : 0;
    if (d->diags.nerrors || d->diags.nwarnings) cli_print_diags(c, &d->diags);
    gir_doc_free(d);
    return rc;
}

static void print_rate(gir_cli *c, region_set *s)
{
    if (c->json) return;
    fputs(region_rate_text(s), stderr);
}

static int run(gir_cli *c, sum_args *a, region_set *s, gir_diags *dg)
{
    int rc = a->roster ? units_roster(c, s, dg, a->roster) : 0;
    if (rc == 2) return 2;
    if (units_load(c, s, dg, &a->files, 1, 0)) return 2;
    if (s->has_roster) region_roster_match(s, dg);
    cli_print_diags(c, dg);
    if (s->has_roster) print_rate(c, s);
    cli_print_summary(c, dg->nerrors, dg->nwarnings);
    if (dg->nerrors || !region_sum_count(s)) return 1;
    size_t len = 0;
    const char *text = region_emit(s, a->agency, &len);
    if (!text) return cli_io_error(c, CLI_OUT_OF_MEMORY, "sum", 0);
    int v = verify(c, text, len, a->out ? a->out : "<sum>");
    if (v == 2) return 2;
    int w = units_write(c, a->out, text, len);
    return w ? w : v;
}

typedef struct sum_job {
    gir_cli *c;
    sum_args *a;
    region_set *s;
    gir_diags *dg;
} sum_job;

static int run_job(void *ud)
{
    sum_job *j = ud;
    return run(j->c, j->a, j->s, j->dg);
}

int cmd_sum(gir_cli *c, int argc, char **argv)
{
    sum_args a;
    memset(&a, 0, sizeof a);
    int rc = parse(c, argc, argv, &a);
    if (rc) {
        bulk_files_free(&a.files);
        return rc;
    }
    if (!a.out || strcmp(a.out, "-") == 0) c->doc_on_stdout = 1;
    region_set *s = region_set_new(c->lang);
    if (!s) {
        bulk_files_free(&a.files);
        return cli_io_error(c, CLI_OUT_OF_MEMORY, "sum", 0);
    }
    gir_diags dg;
    diags_init(&dg, s->arena, c->lang);
    sum_job j = {c, &a, s, &dg};
    rc = units_protect(c, s, run_job, &j);
    region_set_free(s);
    bulk_files_free(&a.files);
    return rc;
}
