/* opts.c - a command's options through glibc getopt_long (cli.h): the
 * command's own table joined with the global options, `--opt value` and
 * `--opt=value` alike, `--` ending the options, unique abbreviations of
 * long options, and a mistyped option reported with the nearest one. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "bulk.h"
#include "cli.h"
#include "base/label.h"

enum { G_LANG = 0x7f00, G_DIAGNOSTICS, G_COLOR, G_COLUMN_UNIT, G_DENY, G_INCLUDE };

static const struct option global_longs[] = {
    {"lang", required_argument, NULL, G_LANG},
    {"diagnostics", required_argument, NULL, G_DIAGNOSTICS},
    {"color", required_argument, NULL, G_COLOR},
    {"column-unit", required_argument, NULL, G_COLUMN_UNIT},
    {"deny-warnings", no_argument, NULL, G_DENY},
};
#define NGLOBAL (sizeof global_longs / sizeof global_longs[0])
#define NEAR_EDITS 2

/* The command's long options and the global ones, NULL-terminated (heap). */
static struct option *joined(const struct option *longs)
{
    size_t n = 0;
    while (longs && longs[n].name) n++;
    struct option *v = calloc(n + NGLOBAL + 1, sizeof *v);
    if (!v) return NULL;
    if (n) memcpy(v, longs, n * sizeof *v);
    memcpy(v + n, global_longs, sizeof global_longs);
    return v;
}

/* "--NAME" of the long option nearest to a (a few edits away), or NULL. */
static const char *nearest(const struct option *v, const char *a)
{
    const char *name = a + strspn(a, "-");
    size_t len = strcspn(name, "=");
    char key[128];
    if (len >= sizeof key) return NULL;
    memcpy(key, name, len);
    key[len] = 0;
    const char *best = NULL;
    size_t bd = NEAR_EDITS + 1;
    for (; v->name; v++) {
        size_t d = label_distance(key, v->name, NEAR_EDITS);
        if (d < bd && d < strlen(v->name)) {
            best = v->name;
            bd = d;
        }
    }
    return best;
}

static int unknown(gir_cli *c, const struct option *v, const char *a)
{
    const char *near = a[0] == '-' && a[1] == '-' ? nearest(v, a) : NULL;
    if (!near) return cli_usage_error(c, CLI_UNKNOWN_OPTION, a, "");
    char hint[160];
    snprintf(hint, sizeof hint, "--%s", near);
    return cli_usage_error_help(c, CLI_UNKNOWN_OPTION, a, K_DID_YOU_MEAN, hint);
}

/* A global option: applied to the command line's state (cli.c). */
static int global(gir_cli *c, int code, const char *arg)
{
    static const char *const option[] = {"--lang", "--diagnostics", "--color", "--column-unit"};
    if (code == G_INCLUDE) {   /* kept by pointer: arg lives in argv */
        if (cli_add_include(c, arg) == 0) return 0;
        cli_io_error(c, CLI_CANNOT_READ, arg, ENOMEM);
        return -1;
    }
    if (code == G_DENY) {
        c->deny_warnings = 1;
        return 0;
    }
    return cli_global_value(c, option[code - G_LANG], arg);
}

/* The option a short or long option error is about, as written. */
static const char *offending(int argc, char **argv)
{
    int k = optind - 1;
    if (k < 1 || k >= argc) k = argc - 1;
    return argv[k];
}

int cli_getopt(gir_cli *c, cli_opts *o, const char **arg)
{
    if (!o->all) {
        for (int i = 1; i < o->argc; i++)
            if (strcmp(o->argv[i], "-Werror") == 0) o->argv[i] = (char *)"--deny-warnings";
            else if (strcmp(o->argv[i], "--") == 0) break;
        o->all = joined(o->longs);
        snprintf(o->shorts_all, sizeof o->shorts_all, "%s:%sI:", o->in_order ? "+" : "", o->shorts ? o->shorts : "");
        optind = 0;   /* GNU getopt: start afresh (another command line, another optstring) */
        opterr = 0;
        if (!o->all) return cli_io_error(c, CLI_OUT_OF_MEMORY, "", 0) ? CLI_OPT_ERROR : CLI_OPT_ERROR;
    }
    for (;;) {
        int k = getopt_long(o->argc, o->argv, o->shorts_all, o->all, NULL);
        *arg = optarg;
        if (k == -1) {
            o->first = optind;
            return -1;
        }
        if (k == '?') {
            char s[3] = {'-', (char)optopt, 0};
            unknown(c, o->all, optopt ? s : offending(o->argc, o->argv));
            return CLI_OPT_ERROR;
        }
        if (k == ':') {
            cli_usage_error(c, CLI_MISSING_ARG, offending(o->argc, o->argv), "");
            return CLI_OPT_ERROR;
        }
        if (k == 'I') k = G_INCLUDE;
        if (k < G_LANG || k > G_INCLUDE) return k;
        if (global(c, k, optarg) != 0) return CLI_OPT_ERROR;
    }
}

void cli_opts_done(cli_opts *o)
{
    free(o->all);
    o->all = NULL;
}

int cli_jobs_arg(gir_cli *c, const char *arg, int *jobs)
{
    char buf[4096];
    char *one[2] = {buf, NULL};
    int i = 0;
    snprintf(buf, sizeof buf, "--jobs=%s", arg);
    return bulk_jobs_option(c, &i, 1, one, jobs) < 0 ? -1 : 0;
}
