/* build.c - `girc build [-f FMT] [-o OUT] [--fragment] FILE|DIR...`:
 * compile and check reports, then render them with one of the back ends
 * of the back-end table (render.h): named by -f, or found from OUT's
 * extension. A report with checking errors is not built by the document
 * back ends (its diagnostics are printed, exit 1); the data back ends
 * (with_errors: json, csv, xlsx) write it all the same, with each cell's
 * state, say so, and exit 1. Warnings never stop a build. Only the batch
 * back ends (csv, xlsx) take several files or directories, into one
 * output, one report after the other (each compiled, written and freed
 * before the next). The back ends write the output in fixed-size pieces
 * (sink.h) to a temporary file beside OUT, renamed over it (or copied to
 * standard output) only when the whole was written (io.h). The lists of formats in its
 * messages and help come from the table. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "base/array.h"
#include "base/io.h"
#include "base/label.h"
#include "bulk.h"
#include "render/render.h"
#include "scaffold/scaffold.h"

typedef struct build_args {
    const char *file, *out, *format;   /* file: the first input */
    const char *style;                 /* --style WORDS (render.h) */
    char **inputs; size_t ninputs;     /* every input operand (argv's strings) */
    int fragment;
} build_args;

/* The options of girc build: one line each (getopt_long, cli_getopt). */
static const struct option build_longs[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"style", required_argument, NULL, 'S'},
    {"fragment", no_argument, NULL, 'F'},
    {NULL, 0, NULL, 0},
};

static void build_option(build_args *ba, int k, const char *arg)
{
    if (k == 'f') ba->format = arg;
    else if (k == 'o') ba->out = arg;
    else if (k == 'S') ba->style = arg;
    else if (k == 'F') ba->fragment = 1;
}

/* The operands argv[first..argc): every input, in order. 0, or 2. */
static int add_inputs(gir_cli *c, int first, int argc, char **argv, build_args *ba)
{
    for (int i = first; i < argc; i++) {
        void *v = ba->inputs;
        if (array_reserve(NULL, &v, ba->ninputs, sizeof *ba->inputs) < 0) {
            cli_io_error(c, CLI_OUT_OF_MEMORY, argv[i], 0);
            return 2;
        }
        ba->inputs = v;
        ba->inputs[ba->ninputs++] = argv[i];
        if (!ba->file) ba->file = argv[i];
    }
    return 0;
}

/* ---- --style words, against the back ends' list (render.h) ---- */

#define NEAR_EDITS 2

/* The entry of v nearest to word (a few edits away), or NULL. */
static const char *nearest_word(const char *const *v, const char *word)
{
    const char *best = NULL;
    size_t bd = NEAR_EDITS + 1;
    for (; *v; v++) {
        size_t d = label_distance(word, *v, NEAR_EDITS);
        if (d < bd && d < strlen(*v)) {
            best = *v;
            bd = d;
        }
    }
    return best;
}

/* A usage error about word, which is not in v: the list, and the
 * nearest entry as a help line. Returns -1. */
static int bad_word(gir_cli *c, gir_msg id, const char *word, const char *const *v)
{
    size_t n = 0;
    while (v[n]) n++;
    gir_arena *a = arena_new(NULL);
    const char *list = a ? cli_list(c, a, v, n, CLI_LIST_OR) : "";
    const char *near = nearest_word(v, word);
    if (near) cli_usage_error_help2(c, id, word, list, K_DID_YOU_MEAN, near);
    else cli_usage_error(c, id, word, list);
    arena_free(a);
    return -1;
}

static int in_list(const char *const *v, const char *w)
{
    for (; *v; v++)
        if (strcmp(*v, w) == 0) return 1;
    return 0;
}

/* One word of --style (its n bytes at p), "WORD" or "KEY=VALUE" where
 * the list has "KEY=": 0, or -1 after its error. */
static int style_word_ok(gir_cli *c, const char *p, size_t n)
{
    char w[128];
    if (n >= sizeof w) n = sizeof w - 1;
    memcpy(w, p, n);
    w[n] = 0;
    char *eq = strchr(w, '=');
    char key[128];
    snprintf(key, sizeof key, "%.*s", eq ? (int)(eq - w + 1) : (int)n, w);
    if (!in_list(render_style_words, key)) return bad_word(c, CLI_STYLE_WORD, w, render_style_words);
    if (eq && !in_list(render_fontsets, eq + 1)) return bad_word(c, CLI_STYLE_FONTSET, eq + 1, render_fontsets);
    return 0;
}

/* Every comma-separated word of --style: 0, or -1 after the first error. */
static int style_ok(gir_cli *c, const char *style)
{
    for (const char *p = style; p && *p; p += *p == ',') {
        size_t n = strcspn(p, ",");
        if (n && style_word_ok(c, p, n) != 0) return -1;
        p += n;
    }
    return 0;
}

/* Returns 0, or 2 after a usage error. */
static int parse_args(gir_cli *c, int argc, char **argv, build_args *ba)
{
    memset(ba, 0, sizeof *ba);
    cli_opts o = {argc + 1, argv - 1, "f:o:", build_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0)
        build_option(ba, k, arg);
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    if (style_ok(c, ba->style) != 0) return 2;
    if (add_inputs(c, first, argc + 1, argv - 1, ba)) return 2;
    if (!ba->file) { cli_usage_error(c, CLI_NO_FILES, "", ""); return 2; }
    return 0;
}

/* ---- the formats, from the back-end table ---- */

typedef enum { LIST_NAMES, LIST_EXTS, LIST_FRAGMENT, LIST_BATCH } list_kind;

/* The back ends' names, their extensions (".html") or the names of
 * those with a --fragment form, as one list. */
static const char *format_list(gir_cli *c, gir_arena *a, list_kind kind, gir_msg last)
{
    const char **v = NULL;
    size_t n = 0;
    for (const gir_backend *const *b = gir_backends; *b; b++) {
        if (kind == LIST_NAMES || (kind == LIST_FRAGMENT && (*b)->fragment) || (kind == LIST_BATCH && (*b)->batch))
            ARRAY_PUSH(a, v, n, (*b)->name);
        for (const char *const *e = (*b)->exts; kind == LIST_EXTS && *e; e++) ARRAY_PUSH(a, v, n, arena_printf(a, ".%s", *e));
    }
    return cli_list(c, a, v, n, last);
}

/* One line per back end: its name, its extensions, --fragment. */
static const char *format_table(gir_arena *a)
{
    gir_buf b;
    buf_init(&b, a);
    for (const gir_backend *const *k = gir_backends; *k; k++) {
        gir_buf e;
        buf_init(&e, a);
        for (const char *const *x = (*k)->exts; *x; x++) buf_printf(&e, "%s.%s", x == (*k)->exts ? "" : " ", *x);
        gir_buf f;
        buf_init(&f, a);
        if ((*k)->fragment) buf_puts(&f, " --fragment");
        if ((*k)->with_errors) buf_puts(&f, " data");
        if ((*k)->batch) buf_puts(&f, ", batch");
        if (f.n) buf_printf(&b, "  %-8s %-14s%s\n", (*k)->name, buf_cstr(&e), buf_cstr(&f));
        else buf_printf(&b, "  %-8s %s\n", (*k)->name, buf_cstr(&e));
    }
    return buf_cstr(&b);
}

const char *cmd_build_help_arg(gir_cli *c, gir_arena *a, int n)
{
    if (n == 1) return format_list(c, a, LIST_NAMES, CLI_LIST_OR);
    if (n == 2) return format_table(a);
    return NULL;
}

/* The back end asked for: -f, else OUT's extension, else the first one
 * (html). NULL after a usage error. */
static const gir_backend *choose_backend(gir_cli *c, gir_arena *a, const build_args *ba)
{
    const gir_backend *be = gir_backends[0];
    if (ba->format) {
        be = gir_backend_find(ba->format);
        if (!be) cli_usage_error(c, B_BAD_FORMAT, ba->format, format_list(c, a, LIST_NAMES, CLI_LIST_CHOICE));
    } else if (ba->out && strcmp(ba->out, "-") != 0) {
        be = gir_backend_for_path(ba->out);
        if (!be) cli_usage_error(c, B_UNKNOWN_EXT, ba->out, format_list(c, a, LIST_EXTS, CLI_LIST_CHOICE));
    }
    if (be && ba->fragment && !be->fragment) {
        cli_usage_error(c, B_FRAGMENT_FORMAT, format_list(c, a, LIST_FRAGMENT, CLI_LIST_AND), be->name);
        return NULL;
    }
    return be;
}

/* 1 when the libraries be calls are loaded (render.h, dynlib.h); else 0
 * after E0806, before anything is read or written. */
static int libs_loaded(gir_cli *c, const gir_backend *be)
{
    for (gir_dynlib *const *l = be->libs; l && *l; l++)
        if (!dynlib_load(*l)) {
            cli_usage_error_help2(c, B_LIB_MISSING, (*l)->name, (*l)->error, B_HELP_LIB_MISSING, (*l)->soname);
            return 0;
        }
    return 1;
}

/* Compiles path; NULL after reporting why not (*rc is then the status). */
static gir_doc *compile(gir_cli *c, const char *path, int *rc)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) {
        *rc = cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    *rc = cli_read_input(c, tmp, path, &text, &len);
    if (*rc) {
        arena_free(tmp);
        return NULL;
    }
    gir_options o;
    cli_compile_options(c, &o);
    o.text_arena = tmp;   /* the text read once is the doc's (not copied) */
    gir_doc *d = gir_doc_compile(cli_input_name(path), text, len, &o);
    if (!d || d->oom) {
        gir_doc_free(d);
        *rc = cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
        return NULL;
    }
    scaffold_draft_check(d);   /* W0070, W0690, as girc check says them */
    return d;
}

/* Where the output goes: a temporary file beside the target that the
 * document is written to piece by piece (each report of a batch adds to
 * it) and that is renamed over the target at the end (io.h). */
typedef struct sink {
    const char *dest;
    char *tmp;              /* batch: the temporary file */
    FILE *f;                /* batch, walk back ends: tmp, open */
    gir_book *book;         /* batch, book back ends */
    size_t index;           /* reports written so far */
} sink;

static int sink_open(gir_cli *c, sink *k, const gir_backend *be, const char *dest)
{
    memset(k, 0, sizeof *k);
    k->dest = dest;
    if (!be->batch) return 0;
    int e = 0;
    const char *shown = strcmp(dest, "-") == 0 ? "<stdout>" : dest;
    if (io_temp_beside(dest, &k->tmp, &e) != IO_OK) return cli_io_error(c, CLI_CANNOT_WRITE, shown, e);
    if (be->book) k->book = be->book->open(k->tmp);
    else k->f = fopen(k->tmp, "wb");
    if (k->book || k->f) return 0;
    e = errno;
    io_discard_temp(k->tmp);
    k->tmp = NULL;
    return be->book ? cli_file_error(c, B_BOOK_FAILED, shown, "") + 1 : cli_io_error(c, CLI_CANNOT_WRITE, shown, e);
}

/* Puts the batch's output in place (or removes it when failed). */
static int sink_close(gir_cli *c, sink *k, const gir_backend *be, int failed)
{
    if (!k->tmp) return 0;
    const char *shown = strcmp(k->dest, "-") == 0 ? "<stdout>" : k->dest;
    int bad = failed;
    if (k->book && be->book->close(k->book) != 0 && !bad) bad = cli_file_error(c, B_BOOK_FAILED, shown, "") + 1;
    int e = 0;
    if (k->f && (ferror(k->f) | fclose(k->f)) && !bad) bad = cli_io_error(c, CLI_CANNOT_WRITE, shown, errno);
    if (bad) {
        io_discard_temp(k->tmp);
        return bad;
    }
    if (strcmp(k->dest, "-") == 0) fflush(stdout);
    if (io_commit_temp(k->tmp, k->dest, &e) != IO_OK) return cli_io_error(c, CLI_CANNOT_WRITE, shown, e);
    return 0;
}

/* The name the messages show for the output. */
static const char *shown_name(const char *dest)
{
    return strcmp(dest, "-") == 0 ? "<stdout>" : dest;
}

/* Renders into the open file f, piece by piece: 0, or the status after
 * the error. */
static int render_into(gir_cli *c, gir_doc *d, const gir_build_opts *bo, const char *path, FILE *f, const char *shown)
{
    gir_sink out;
    sink_init(&out, d->arena, sink_file_write, f);
    gir_render_status rs = gir_render_to(d->report, bo, d->arena, &out);
    if (rs == GIR_RENDER_NOMEM) return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    if (rs != GIR_RENDER_OK) {
        cli_file_error(c, B_RENDER_FAILED, bo->backend->name, bo->file);
        return 2;
    }
    if (out.failed) return cli_io_error(c, CLI_CANNOT_WRITE, shown, out.err);
    return 0;
}

/* One document to dest: rendered into a temporary file beside it, which
 * is renamed over dest (or copied to standard output) only when the
 * whole document was written (io.h). */
static int render_to_temp(gir_cli *c, gir_doc *d, const gir_build_opts *bo, const char *path, const char *dest)
{
    const char *shown = shown_name(dest);
    char *tmp = NULL;
    int e = 0;
    if (io_temp_beside(dest, &tmp, &e) != IO_OK) return cli_io_error(c, CLI_CANNOT_WRITE, shown, e);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        e = errno;
        io_discard_temp(tmp);
        return cli_io_error(c, CLI_CANNOT_WRITE, shown, e);
    }
    int rc = render_into(c, d, bo, path, f, shown);
    int bad = ferror(f) | fclose(f);
    if (!rc && bad) rc = cli_io_error(c, CLI_CANNOT_WRITE, shown, errno);
    if (rc) {
        io_discard_temp(tmp);
        return rc;
    }
    if (strcmp(dest, "-") == 0) fflush(stdout);
    if (io_commit_temp(tmp, dest, &e) != IO_OK) return cli_io_error(c, CLI_CANNOT_WRITE, shown, e);
    return 0;
}

/* Renders the checked report and writes it: the whole output, or its
 * part of a batch. */
static int render_and_write(gir_cli *c, gir_doc *d, const gir_backend *be, const build_args *ba, const char *path, sink *k)
{
    const char *name = cli_input_name(path);
    if (k->book) {
        if (be->book->add(k->book, d->report, &d->diags, name) != 0)
            return cli_file_error(c, B_BOOK_FAILED, shown_name(k->dest), "") + 1;
        k->index++;
        return 0;
    }
    gir_build_opts bo = {be, ba->fragment, NULL, &d->diags, name, k->index, ba->style, k->dest};
    int rc = k->f ? render_into(c, d, &bo, path, k->f, shown_name(k->dest)) : render_to_temp(c, d, &bo, path, k->dest);
    if (!rc) k->index++;
    return rc;
}

/* 1 after an error when the output is the report's template or last
 * year's report (the report itself was compared before reading). */
static int output_is_input(gir_cli *c, const gir_doc *d, const char *dest)
{
    const gir_report *r = d->report;
    const char *inputs[] = {r && r->schema ? r->schema->path : NULL, d->previous ? d->previous->src.name : NULL};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        if (inputs[i] && cli_refuse_same(c, dest, inputs[i]))
            return 1;
    return 0;
}

/* One input: compiled, its diagnostics printed, rendered when it may be.
 * Returns its status; *fatal is set when the output cannot go on. */
static int build_one(gir_cli *c, const gir_backend *be, const build_args *ba, const char *path, sink *k, int *fatal)
{
    int rc = 0;
    gir_doc *d = compile(c, path, &rc);
    if (!d) return rc;
    cli_print_diags(c, &d->diags);
    cli_print_summary(c, d->diags.nerrors, d->diags.nwarnings);
    const char *name = cli_input_name(path);
    if (!d->report) rc = cli_file_error(c, B_NOT_A_REPORT, name, "");
    else if (output_is_input(c, d, k->dest)) {
        rc = 2;
        *fatal = 1;
    } else if (d->diags.nerrors && !be->with_errors) rc = cli_file_error(c, B_NOT_BUILT, name, "");
    else {
        rc = render_and_write(c, d, be, ba, path, k);
        *fatal = rc != 0;
        if (!rc && d->diags.nerrors) rc = cli_file_error(c, B_BUILT_WITH_ERRORS, name, be->name);
    }
    gir_doc_free(d);
    return rc;
}

/* The input files: FILE operands as given, directories walked for .gir
 * files (batch back ends only). Returns 0 or 2. */
static int gather(gir_cli *c, const gir_backend *be, const build_args *ba, bulk_files *f, gir_arena *a)
{
    static const char *const exts[] = {".gir", NULL};
    int many = ba->ninputs > 1 || (ba->ninputs == 1 && strcmp(ba->file, "-") != 0 && bulk_is_dir(ba->file));
    if (many && !be->batch) {
        const char *extra = ba->ninputs > 1 ? ba->inputs[1] : ba->file;
        cli_usage_error(c, B_ONE_FILE, extra, format_list(c, a, LIST_BATCH, CLI_LIST_AND));
        return 2;
    }
    for (size_t i = 0; i < ba->ninputs; i++)
        if (bulk_add(c, f, ba->inputs[i], exts)) return 2;
    return 0;
}

int cmd_build(gir_cli *c, int argc, char **argv)
{
    build_args ba;
    if (parse_args(c, argc, argv, &ba)) { free(ba.inputs); return 2; }
    gir_arena *a = arena_new(NULL);
    if (!a) { free(ba.inputs); return cli_io_error(c, CLI_OUT_OF_MEMORY, ba.file, 0); }
    const gir_backend *be = choose_backend(c, a, &ba);
    bulk_files files = {0};
    int rc = be ? gather(c, be, &ba, &files, a) : 2;
    if (!rc && !libs_loaded(c, be))
        rc = 1;
    arena_free(a);
    free(ba.inputs);
    if (rc) { bulk_files_free(&files); return rc; }
    const char *dest = ba.out ? ba.out : "-";
    /* JSON diagnostics go to standard error when the document goes to standard output */
    c->doc_on_stdout = strcmp(dest, "-") == 0;
    for (size_t i = 0; i < files.n; i++)   /* before anything is read */
        if (cli_refuse_same(c, dest, files.v[i])) {
            bulk_files_free(&files);
            return 2;
        }
    sink k;
    rc = sink_open(c, &k, be, dest);
    int fatal = rc != 0;
    for (size_t i = 0; !fatal && i < files.n; i++) {
        int r = build_one(c, be, &ba, files.v[i], &k, &fatal);
        if (r > rc) rc = r;
    }
    int sr = sink_close(c, &k, be, fatal || (be->batch && k.index == 0));
    bulk_files_free(&files);
    return sr > rc ? sr : rc;
}
