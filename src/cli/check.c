/* check.c - `girc check [-j N] FILE|DIR...`: compile each report (or
 * template) and print its diagnostics; exit 1 if any file has an error.
 * One file: its diagnostics and the "N errors, M warnings" line. Several
 * files or a directory (walked for *.gir): each file's diagnostics and a
 * summary line, then a tally, in input order whatever -j (bulk.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bulk.h"
#include "cli.h"
#include "units.h"
#include "base/io.h"
#include "scaffold/scaffold.h"
#include "template/wording.h"   /* --threshold KEY=VALUE */

/* Compiles one file and prints its diagnostics. keep: the batch's
 * arena, which the text and the doc use and leave empty (arena_reset),
 * or NULL for one of the file's own. Returns 0, 1 or 2. */
static int check_one(gir_cli *c, gir_arena *keep, const char *path, size_t *nerr, size_t *nwarn, bulk_result *res)
{
    gir_arena *tmp = keep ? keep : arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, path, &text, &len);
    if (st) {
        if (res) res->unreadable = 1;
        if (st == 1) (*nerr)++;
        if (keep) arena_reset(tmp);
        else arena_free(tmp);
        return st;
    }
    gir_options o;
    cli_compile_options(c, &o);
    o.text_arena = tmp;   /* the text read once is the doc's (not copied) */
    o.arena = keep;
    gir_doc *d = gir_doc_compile(cli_input_name(path), text, len, &o);
    if (!d || d->oom) {
        gir_doc_free(d);
        if (res) res->unreadable = 1;
        return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0) ? 2 : 2;
    }
    scaffold_draft_check(d);   /* prose girc new --from carried from last year */
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
    return check_one(c, ud, path, &r->nerr, &r->nwarn, r);
}

/* The totals line of a region run (human mode, standard error), and the
 * roster's rate. */
static void summary_tally_print(gir_cli *c, region_set *s)
{
    if (c->json) return;
    size_t n = 0, ok = 0, bad = 0, unread = 0, ne = 0, nw = 0, late = 0;
    for (size_t i = 0; i < s->nunits; i++) {
        const region_unit *u = &s->units[i];
        if (u->roster == ROSTER_MISSING) continue;
        n++;
        if (u->unreadable) unread++;
        else if (u->nerr) bad++;
        else ok++;
        ne += u->nerr;
        nw += u->nwarn;
        late += u->late != 0;
    }
    fprintf(stderr, msg_fmt(c->lang, R_TOTALS), n, ok, bad, unread, ne, nw, late);
    if (!s->has_roster) return;
    fputs(region_rate_text(s), stderr);
}

typedef struct region_opts {
    const char *summary, *output, *roster, *units;
    int similar; /* --similar[=PERCENT]: the threshold, 0 when not given */
} region_opts;

/* --similar (50) or --similar=PERCENT (1-100): 0, or -1 after its error. */
static int similar_option(gir_cli *c, const char *arg, int *out)
{
    if (!arg) {
        *out = 50;
        return 0;
    }
    char *end;
    long v = strtol(arg, &end, 10);
    if (end == arg || *end || v < 1 || v > 100) {
        cli_usage_error(c, CLI_BAD_VALUE, "--similar", arg);
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* --threshold KEY=VALUE: 0, or the usage error with the key's range or
 * the list of keys as its hint. */
static int threshold_refused(gir_cli *c, const char *arg)
{
    if (threshold_option(arg) == 0) return 0;
    char hint[256];
    int range;
    threshold_hint(arg, hint, sizeof hint, &range);
    gir_msg help = range ? CLI_HELP_THRESHOLD_RANGE : CLI_HELP_THRESHOLD_KEYS;
    const char *eq = strchr(arg, '=');
    if (range && (!eq || !eq[1])) {   /* a known key, no value */
        snprintf(hint, sizeof hint, "%.*s=VALUE", (int)strcspn(arg, "="), arg);
        help = CLI_HELP_THRESHOLD_FORM;
    }
    return cli_usage_error_help2(c, CLI_BAD_VALUE, "--threshold", arg, help, hint);
}

/* The options of girc check: one line each (getopt_long, cli_getopt). */
static const struct option check_longs[] = {
    {"jobs", required_argument, NULL, 'j'},
    {"summary", required_argument, NULL, 'S'},
    {"summary-output", required_argument, NULL, 'o'},
    {"roster", required_argument, NULL, 'R'},
    {"units", required_argument, NULL, 'U'},
    {"similar", optional_argument, NULL, 'M'},
    {"threshold", required_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

/* One option of check; 0, or -1 after its error. */
static int check_option(gir_cli *c, int k, const char *arg, int *jobs, region_opts *r)
{
    if (k == 'j') return cli_jobs_arg(c, arg, jobs);
    if (k == 'M') return similar_option(c, arg, &r->similar);
    if (k == 'T') return threshold_refused(c, arg);
    if (k == 'o') r->output = arg;
    else if (k == 'R') r->roster = arg;
    else if (k == 'U') r->units = arg;
    else if (k == 'S') {
        r->summary = arg;
        if (region_summary_format_of(arg) < 0) return cli_usage_error(c, CLI_SUMMARY_FORMAT, arg, "");
    }
    return 0;
}

typedef struct region_job { gir_cli *c; const bulk_files *f; const region_opts *r; region_set *s; } region_job;

static int region_run(void *ud);

/* --summary and --roster: every file into a region set; the summary, and
 * the roster's missing and late units (in the set's protected call). */
static int check_region(gir_cli *c, const bulk_files *f, const region_opts *r)
{
    region_set *s = region_set_new(c->lang);
    if (!s) return cli_io_error(c, CLI_OUT_OF_MEMORY, "check", 0);
    region_job j = {c, f, r, s};
    int rc = units_protect(c, s, region_run, &j);
    region_set_free(s);
    return rc;
}

static int region_run(void *ud)
{
    region_job *j = ud;
    gir_cli *c = j->c;
    const bulk_files *f = j->f;
    const region_opts *r = j->r;
    region_set *s = j->s;
    gir_diags dg;
    diags_init(&dg, s->arena, c->lang);
    int rc = r->roster ? units_roster(c, s, &dg, r->roster) : 0;
    if (r->similar) region_similar_enable(s, r->similar);
    if (rc != 2 && units_load(c, s, &dg, f, 0, !r->summary && !r->similar)) rc = 2;
    if (rc != 2) {
        if (s->has_roster) region_roster_match(s, &dg);
        if (r->similar) region_similar(s, &dg);
        cli_print_diags(c, &dg);
        summary_tally_print(c, s);
        for (size_t i = 0; i < s->nunits; i++)
            if (s->units[i].nerr || s->units[i].unreadable) rc = rc ? rc : 1;
        if (dg.nerrors && !rc) rc = 1;
        if (r->summary) {
            region_sort(s);
            size_t len = 0;
            const char *text = region_summary(s, (region_summary_format)region_summary_format_of(r->summary), &len);
            int w = text ? units_write(c, r->output, text, len) : cli_io_error(c, CLI_OUT_OF_MEMORY, "summary", 0);
            if (w) rc = w;
        }
    }
    return rc;
}

/* The region's report compiled and compared with the sum in s; adds its
 * counts to *nerr and *nwarn. Returns 0 or 2. */
static int compare_region(gir_cli *c, region_set *s, const char *region, size_t *nerr, size_t *nwarn)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, region, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, region, &text, &len);
    gir_options o;
    cli_compile_options(c, &o);
    gir_doc *d = st ? NULL : gir_doc_compile(cli_input_name(region), text, len, &o);
    arena_free(tmp);
    if (st == 1) (*nerr)++;
    if (st) return st == 1 ? 0 : st;
    if (!d || d->oom) { gir_doc_free(d); return cli_io_error(c, CLI_OUT_OF_MEMORY, region, 0); }
    region_compare(s, d);
    cli_print_diags(c, &d->diags);
    *nerr += d->diags.nerrors;
    *nwarn += d->diags.nwarnings;
    gir_doc_free(d);
    return 0;
}

typedef struct units_job { gir_cli *c; const char *region; bulk_files *u; region_set *s; } units_job;

static int units_run(void *ud)
{
    units_job *j = ud;
    gir_diags dg;
    diags_init(&dg, j->s->arena, j->c->lang);
    int rc = units_load(j->c, j->s, &dg, j->u, 1, 0);
    cli_print_diags(j->c, &dg);
    size_t nerr = dg.nerrors, nwarn = dg.nwarnings;
    if (!rc) rc = compare_region(j->c, j->s, j->region, &nerr, &nwarn);
    cli_print_summary(j->c, nerr, nwarn);
    return rc ? rc : nerr ? 1 : 0;
}

/* --units DIR: the region's report against the sum of its units. */
static int check_units(gir_cli *c, const char *region, const char *dir)
{
    static const char *const exts[] = {".gir", NULL};
    bulk_files u = {0};
    if (bulk_add(c, &u, dir, exts)) { bulk_files_free(&u); return 2; }
    region_set *s = region_set_new(c->lang);
    if (!s) { bulk_files_free(&u); return cli_io_error(c, CLI_OUT_OF_MEMORY, dir, 0); }
    units_job j = {c, region, &u, s};
    int rc = units_protect(c, s, units_run, &j);
    region_set_free(s);
    bulk_files_free(&u);
    return rc;
}

int cmd_check(gir_cli *c, int argc, char **argv)
{
    static const char *const exts[] = {".gir", NULL};
    bulk_files f = {0};
    region_opts ro = {0};
    int jobs = 1, dirs = 0;
    cli_opts o = {argc + 1, argv - 1, "j:o:", check_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0)
        if (check_option(c, k, arg, &jobs, &ro) != 0) {
            k = CLI_OPT_ERROR;
            break;
        }
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    for (int i = first; i < argc + 1; i++) {
        dirs |= bulk_is_dir(o.argv[i]);
        if (bulk_add(c, &f, o.argv[i], exts)) { bulk_files_free(&f); return 2; }
    }
    if (!f.n) { cli_usage_error(c, CLI_NO_FILES, "", ""); bulk_files_free(&f); return 2; }
    if (ro.output && !ro.summary) { cli_usage_error(c, CLI_SUMMARY_NEEDS, "-o", ""); bulk_files_free(&f); return 2; }
    int rc = 0;
    if (ro.units) {
        char n[32];
        snprintf(n, sizeof n, "%zu", f.n);
        if (f.n != 1 || dirs) { cli_usage_error(c, CLI_UNITS_ONE, n, ""); rc = 2; }
        else rc = check_units(c, f.v[0], ro.units);
    } else if (ro.summary || ro.roster || ro.similar) {
        if (ro.summary && (!ro.output || strcmp(ro.output, "-") == 0)) c->doc_on_stdout = 1;
        rc = check_region(c, &f, &ro);
    } else if (f.n == 1 && !dirs) {
        size_t nerr = 0, nwarn = 0;
        rc = check_one(c, NULL, f.v[0], &nerr, &nwarn, NULL);
        cli_print_summary(c, nerr, nwarn);
    } else {
        gir_arena *keep = arena_new(NULL);   /* one arena for the batch (NULL: one per file) */
        rc = bulk_run(c, &f, jobs, check_job, keep);
        arena_free(keep);
    }
    bulk_files_free(&f);
    return rc;
}
