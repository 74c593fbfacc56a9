/* cli.c - global options, the command line's own diagnostics (through
 * the diagnostics engine, like every other), diagnostic printing and
 * lists for messages. The command table is commands.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "base/array.h"
#include "base/io.h"
#include "diag/sarif.h"

void cli_init(gir_cli *c)
{
    memset(c, 0, sizeof *c);
    c->lang = msg_lang_from_env();
    const char *nc = getenv("NO_COLOR");
    c->color = isatty(STDERR_FILENO) && !(nc && *nc);
}

/* ---- the command line's own diagnostics ---- */

/* The sink, made on first use; NULL when there is no memory for it. */
static gir_diags *sink(gir_cli *c)
{
    if (!c->arena) {
        c->arena = arena_new(NULL);
        if (!c->arena) return NULL;
        diags_init(&c->diags, c->arena, c->lang);
    }
    c->diags.lang = c->lang;
    return &c->diags;
}

/* Where machine-readable diagnostics go. */
static FILE *machine_out(const gir_cli *c)
{
    return c->doc_on_stdout ? stderr : stdout;
}

/* Prints g at once, in the form chosen (human forces the human form on
 * standard error, for when standard output itself failed). */
static void emit(gir_cli *c, const gir_diag *g, int human)
{
    if (c->json && !human) {
        cli_render_machine(c, machine_out(c), g);
        fflush(stderr);   /* what was said on stderr first comes first */
        fflush(machine_out(c));
        return;
    }
    gir_render_opts ro = {c->color, c->lang, c->column_unit};
    diag_render_human(stderr, g, &ro);
}

/* No memory for a diagnostic: its human form, as the renderer writes it. */
static void emit_bare(gir_cli *c, gir_msg id, const char *a1, const char *a2)
{
    char text[1024];   /* no memory: on the stack, cleaned like every name shown */
    snprintf(text, sizeof text, msg_fmt(c->lang, id), a1, a2);
    fprintf(stderr, "girc: error[%s]: ", msg_code(id));
    diag_put_clean(stderr, text);
    fputc('\n', stderr);
}

/* What one command-line diagnostic says besides its message. */
typedef struct extra {
    gir_msg help;       /* MSG__COUNT: none */
    const char *harg;
    const char *file;   /* the file it is about, or NULL */
    int human;          /* human form whatever --diagnostics says */
} extra;

static void report_ex(gir_cli *c, gir_msg id, const char *a1, const char *a2, const extra *x)
{
    gir_diags *d = sink(c);
    gir_span none = {0, 0};
    gir_diag *g = d ? diag_add(d, GIR_SEV_ERROR, id, NULL, none, a1, a2) : NULL;
    if (!g) {
        emit_bare(c, id, a1, a2);
        return;
    }
    if (x->help != MSG__COUNT) diag_help(d, g, x->help, x->harg);
    diag_file(d, g, x->file);
    emit(c, g, x->human);
}

static void report(gir_cli *c, gir_msg id, const char *a1, const char *a2, gir_msg help, const char *harg, int human)
{
    extra x = {help, harg, NULL, human};
    report_ex(c, id, a1, a2, &x);
}

int cli_usage_error(gir_cli *c, gir_msg id, const char *a1, const char *a2)
{
    report(c, id, a1, a2, MSG__COUNT, NULL, 0);
    return -1;
}

int cli_usage_error_help(gir_cli *c, gir_msg id, const char *a1, gir_msg help, const char *harg)
{
    report(c, id, a1, "", help, harg, 0);
    return -1;
}

int cli_usage_error_help2(gir_cli *c, gir_msg id, const char *a1, const char *a2, gir_msg help, const char *harg)
{
    report(c, id, a1, a2, help, harg, 0);
    return -1;
}

int cli_io_error(gir_cli *c, gir_msg id, const char *path, int err_no)
{
    report(c, id, path, strerror(err_no ? err_no : EIO), MSG__COUNT, NULL, 0);
    return 2;
}

int cli_refuse_same(gir_cli *c, const char *out, const char *in)
{
    if (!io_same_file(out, in)) return 0;
    report(c, CLI_SAME_FILE, out, cli_input_name(in), MSG__COUNT, NULL, 0);
    return 1;
}

int cli_file_error(gir_cli *c, gir_msg id, const char *a1, const char *a2)
{
    report(c, id, a1, a2, MSG__COUNT, NULL, 0);
    return 1;
}

int cli_whole_file_error(gir_cli *c, const char *path, gir_msg id, const char *a1, const char *a2)
{
    extra x = {MSG__COUNT, NULL, cli_input_name(path), 0};
    report_ex(c, id, a1, a2, &x);
    return 1;
}

/* The temporary file that collects the run's SARIF result lines:
 * O_APPEND, so that forked workers (girc check -j N) add theirs. */
static void sarif_open(gir_cli *c)
{
    if (c->has_sarif) return;
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/girc-sarif-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) return;
    unlink(path);
    if (fcntl(fd, F_SETFL, O_APPEND) != 0) {
        close(fd);
        return;
    }
    c->sarif_fd = fd;
    c->has_sarif = 1;
}

/* The lines collected, malloc'd (NULL when empty or unreadable). */
static char *sarif_lines(gir_cli *c, size_t *n)
{
    struct stat st;
    *n = 0;
    if (fstat(c->sarif_fd, &st) != 0 || st.st_size <= 0) return NULL;
    char *b = malloc((size_t)st.st_size + 1);
    if (!b) return NULL;
    ssize_t k = pread(c->sarif_fd, b, (size_t)st.st_size, 0);
    *n = k > 0 ? (size_t)k : 0;
    return b;
}

/* The SARIF document of the run; 2 when it could not be written. */
static int sarif_finish(gir_cli *c, int status)
{
    if (c->json != CLI_DIAG_SARIF) return status;
    size_t n = 0;
    char *lines = c->has_sarif ? sarif_lines(c, &n) : NULL;
    FILE *out = c->doc_on_stdout ? stderr : stdout;
    fflush(stderr);
    fflush(stdout);
    if (sarif_write(out, c->lang, cli_version, lines, n, status) != 0) status = 2;
    free(lines);
    return status;
}

int cli_finish(gir_cli *c, int status)
{
    status = sarif_finish(c, status);
    if (c->has_sarif) close(c->sarif_fd);
    c->has_sarif = 0;
    fflush(stderr);   /* buffered (main.c): it comes before standard output */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno;
        /* the machine-readable stream is the one that failed */
        report(c, CLI_CANNOT_WRITE, "<stdout>", strerror(e ? e : EIO), MSG__COUNT, NULL, 1);
        status = 2;   /* even after input errors: their diagnostics were lost */
    }
    free(c->includes);
    c->includes = NULL;
    arena_free(c->arena);
    c->arena = NULL;
    return status;
}

/* ---- global options ---- */

int cli_add_include(gir_cli *c, const char *dir)
{
    void *v = c->includes;
    if (array_reserve(NULL, &v, c->ninclude, sizeof *c->includes) != 0) return -1;
    c->includes = v;
    c->includes[c->ninclude++] = dir;
    return 0;
}

static int set_lang(gir_cli *c, const char *v)
{
    int l = msg_lang_parse(v);
    if (l < 0) return -1;
    c->lang = (gir_lang)l;
    return 0;
}

/* The values of the global options (also the help line of a bad one). */
static const char *const lang_names[] = {"zh", "en", NULL};   /* and what msg_lang_parse takes */
static const char *const form_names[] = {"human", "json", "github", "sarif", NULL};   /* gir_cli.json */
static const char *const color_names[] = {"never", "always", "auto", NULL};

static int index_of(const char *const *names, const char *v)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(v, names[i]) == 0) return i;
    return -1;
}

static int set_diagnostics(gir_cli *c, const char *v)
{
    int i = index_of(form_names, v);
    if (i < 0) return -1;
    c->json = i;
    if (i == CLI_DIAG_SARIF) sarif_open(c);
    return 0;
}

static int set_color(gir_cli *c, const char *v)
{
    int i = index_of(color_names, v);
    if (i < 0) return -1;
    const char *nc = getenv("NO_COLOR");
    c->color = i < 2 ? i : isatty(STDERR_FILENO) && !(nc && *nc);
    return 0;
}

static int set_column_unit(gir_cli *c, const char *v)
{
    int u = index_of(diag_column_unit_names, v);
    if (u < 0) return -1;
    c->column_unit = (gir_column_unit)u;
    return 0;
}

/* The global options that take a value after '=': one table for the
 * pre-scan and the parse. */
typedef struct valued {
    const char *prefix;    /* "--lang=" */
    const char *option;    /* "--lang", for messages */
    int (*set)(gir_cli *c, const char *v);
    const char *const *names;   /* the values, for the help line of a bad one */
} valued;

static const valued valued_options[] = {
    {"--lang=", "--lang", set_lang, lang_names},
    {"--diagnostics=", "--diagnostics", set_diagnostics, form_names},
    {"--color=", "--color", set_color, color_names},
    {"--column-unit=", "--column-unit", set_column_unit, diag_column_unit_names},
};
#define NVALUED (sizeof valued_options / sizeof valued_options[0])

static const valued *valued_option(const char *a)
{
    for (size_t k = 0; k < NVALUED; k++)
        if (strncmp(a, valued_options[k].prefix, strlen(valued_options[k].prefix)) == 0) return &valued_options[k];
    return NULL;
}

void cli_prescan(gir_cli *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const valued *v = valued_option(argv[i]);
        if (v) (void)v->set(c, argv[i] + strlen(v->prefix));
        for (size_t k = 0; k < NVALUED && i + 1 < argc; k++)   /* --lang en */
            if (strcmp(argv[i], valued_options[k].option) == 0) (void)valued_options[k].set(c, argv[i + 1]);
    }
}

/* names joined with ", " into buf (size bytes). */
static const char *joined_names(const char *const *names, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = 0;
    for (const char *const *p = names; *p && n < size; p++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", p == names ? "" : ", ", *p);
    return buf;
}

int cli_global_value(gir_cli *c, const char *option, const char *val)
{
    for (size_t k = 0; k < NVALUED; k++)
        if (strcmp(option, valued_options[k].option) == 0) {
            if (valued_options[k].set(c, val) == 0) return 0;
            char names[256];
            joined_names(valued_options[k].names, names, sizeof names);
            return cli_usage_error_help2(c, CLI_BAD_VALUE, option, val, CLI_CHOICES_HELP, names);
        }
    return cli_usage_error(c, CLI_UNKNOWN_OPTION, option, "");
}

/* ---- lists ---- */

const char *cli_list(const gir_cli *c, gir_arena *a, const char *const *items, size_t n, gir_msg last)
{
    gir_buf b;
    buf_init(&b, a);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) buf_puts(&b, msg_fmt(c->lang, i + 1 == n ? last : CLI_LIST_SEP));
        buf_puts(&b, items[i]);
    }
    return buf_cstr(&b);
}

/* ---- input and diagnostics ---- */

const char *cli_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cli_read_input(gir_cli *c, gir_arena *a, const char *path, char **text, size_t *len)
{
    int e = 0;
    gir_io_status st = io_read_file(a, path, text, len, &e);
    if (st == IO_OK) return 0;
    if (st == IO_ERR_NOT_REGULAR) {
        report(c, CLI_CANNOT_READ, path, msg_fmt(c->lang, M_NOT_REGULAR), MSG__COUNT, NULL, 0);
        return 2;
    }
    if (st != IO_ERR_TOO_LARGE) return cli_io_error(c, CLI_CANNOT_READ, path, e);
    char n1[32], n2[32];
    snprintf(n1, sizeof n1, "%zu+", *len);
    snprintf(n2, sizeof n2, "%u", (unsigned)GIR_MAX_FILE_SIZE);
    return cli_whole_file_error(c, path, M_FILE_TOO_LARGE, n1, n2);
}

void cli_compile_options(const gir_cli *c, gir_options *o)
{
    memset(o, 0, sizeof *o);
    o->lang = c->lang;
    o->includes = c->includes;
    o->ninclude = c->ninclude;
}

/* One result line of the SARIF document (an error of the command line
 * itself when the line cannot be kept). */
static void sarif_keep(const gir_cli *c, const gir_diag *g)
{
    char *line = sarif_result_line(g);
    int ok = line && c->has_sarif && io_write_all(c->sarif_fd, line, strlen(line)) == 0;
    free(line);
    if (!ok) fprintf(stderr, "girc: error[%s]: %s\n", msg_code(CLI_CANNOT_WRITE), g->msg);
}

void cli_render_machine(const gir_cli *c, FILE *out, const gir_diag *g)
{
    gir_render_opts ro = {c->color, c->lang, c->column_unit};
    if (c->json == CLI_DIAG_SARIF) sarif_keep(c, g);
    else if (c->json == 2) diag_render_github(out, g, &ro);
    else diag_render_json(out, g, &ro);
}

/* "N more not shown": a diagnostic of the command line's own. */
static void report_dropped(gir_cli *c, size_t dropped)
{
    gir_diags *d = sink(c);
    gir_span none = {0, 0};
    gir_diag *g = d ? diag_add(d, GIR_SEV_WARNING, M_DIAGS_DROPPED, NULL, none, dropped) : NULL;
    if (g) {
        emit(c, g, 0);
        return;
    }
    fprintf(stderr, "girc: warning[%s]: ", msg_code(M_DIAGS_DROPPED));   /* no memory: by hand */
    fprintf(stderr, msg_fmt(c->lang, M_DIAGS_DROPPED), dropped);
    fputc('\n', stderr);
}

/* --deny-warnings: every warning of d becomes an error. */
static void deny_warnings(gir_cli *c, gir_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        gir_diag *g = d->v[i];
        if (g->sev != GIR_SEV_WARNING) continue;
        g->sev = GIR_SEV_ERROR;
        diag_note(d, g, CLI_DENIED_NOTE);
    }
    d->nerrors += d->nwarnings;
    c->denied += d->nwarnings;
    d->nwarnings = 0;
}

void cli_print_diags(gir_cli *c, gir_diags *d)
{
    if (c->deny_warnings) deny_warnings(c, d);
    for (size_t i = 0; i < d->n; i++) c->waived += d->v[i]->waived != NULL;
    diags_sort(d);
    gir_render_opts ro = {c->color, c->lang, c->column_unit};
    for (size_t i = 0; i < d->n; i++) {
        if (c->json) cli_render_machine(c, machine_out(c), d->v[i]);
        else diag_render_human(stderr, d->v[i], &ro);
    }
    if (d->dropped) report_dropped(c, d->dropped);
}

void cli_print_summary(gir_cli *c, size_t nerr, size_t nwarn)
{
    if (c->json) return;
    gir_render_opts ro = {c->color, c->lang, c->column_unit};
    diag_render_summary(stderr, nerr, nwarn, &ro);
    if (c->denied) {
        fprintf(stderr, msg_fmt(c->lang, CLI_SUMMARY_DENIED), c->denied, c->denied == 1 ? "" : "s");
        fputc('\n', stderr);
    }
    if (c->waived) {
        fprintf(stderr, msg_fmt(c->lang, CLI_SUMMARY_WAIVED), c->waived, c->waived == 1 ? "" : "s");
        fputc('\n', stderr);
    }
}
