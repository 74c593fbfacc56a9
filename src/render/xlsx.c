/* xlsx.c - the XLSX back end of `girc build` (-f xlsx, .xlsx), through
 * libxlsxwriter: one workbook for one report or a whole batch. A first
 * sheet (汇总) has one row per report and one column per table cell,
 * keyed "table.row.column" by the template's short names (so that the
 * 2019 and 2021 formats line up where their names agree): file, agency,
 * year, template, errors and warnings come first. Then one sheet per
 * official table of each template, laid out like the official table
 * (the merged layout of render.h, gir_layout: merged header cells,
 * row labels, numbers as numbers, blanks blank), one report under the
 * other, each under a title row naming it. Cells that are wrong are
 * filled red, unknown or invalid ones grey. Writes reports that have
 * checking errors. Deterministic: the document's created time is the
 * first report's date (or 2000-01-01), never the clock. The workbook is
 * written to the temporary path the caller gives and renamed by it. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "render.h"
#include "xlsxlib.h"
#include "base/array.h"
#include "base/utf8.h"

typedef struct sheet_slot {
    char *key;                 /* "template\ttable" */
    lxw_worksheet *ws;
    lxw_row_t next;            /* the next free row */
    int ncols;                 /* the widest layout written so far */
} sheet_slot;

struct gir_book {
    lxw_workbook *wb;
    lxw_worksheet *summary;
    lxw_format *head, *label, *value, *wrong, *unknown, *title;
    lxw_row_t nreports;
    sheet_slot *sheets; size_t nsheets;   /* heap array */
    char **keys; size_t nkeys;            /* summary columns, heap array */
    size_t *slots; size_t nslots;         /* hash of keys: index + 1, 0 = free */
    int dated;
    int failed;
};

enum { SUMMARY_FIXED = 6 };   /* file, agency, year, template, errors, warnings */

static const char *const fixed_heads[SUMMARY_FIXED] = {"file", "agency", "year", "template", "errors", "warnings"};

static lxw_format *fmt_new(lxw_workbook *wb, int bold, int wrap, uint32_t fill)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (bold) format_set_bold(f);
    if (wrap) format_set_text_wrap(f);
    if (fill) format_set_bg_color(f, fill);
    return f;
}

static gir_book *x_open(const char *tmp_path)
{
    gir_book *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    lxw_workbook_options o = {0};
    b->wb = workbook_new_opt(tmp_path, &o);
    if (!b->wb) { free(b); return NULL; }
    b->summary = workbook_add_worksheet(b->wb, "汇总");
    b->head = fmt_new(b->wb, 1, 1, 0);
    format_set_align(b->head, LXW_ALIGN_CENTER);
    b->label = fmt_new(b->wb, 0, 1, 0);
    b->value = fmt_new(b->wb, 0, 0, 0);
    b->wrong = fmt_new(b->wb, 0, 0, 0xFFC7CE);
    b->unknown = fmt_new(b->wb, 0, 0, 0xD9D9D9);
    b->title = workbook_add_format(b->wb);
    format_set_bold(b->title);
    for (int i = 0; i < SUMMARY_FIXED; i++) worksheet_write_string(b->summary, 0, (lxw_col_t)i, fixed_heads[i], b->head);
    worksheet_set_column(b->summary, 0, 1, 24, NULL);
    worksheet_freeze_panes(b->summary, 1, 2);
    return b;
}

/* ---- the summary's columns: a hash of "table.row.column" ---- */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int rehash(gir_book *b)
{
    size_t n = b->nslots ? b->nslots * 2 : 1024;
    size_t *s = calloc(n, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < b->nkeys; i++) {
        size_t j = hash_str(b->keys[i]) & (n - 1);
        while (s[j]) j = (j + 1) & (n - 1);
        s[j] = i + 1;
    }
    free(b->slots);
    b->slots = s;
    b->nslots = n;
    return 0;
}

/* The summary column of key, added (with its heading) when new; -1 when
 * memory ran out. */
static long key_column(gir_book *b, const char *key)
{
    if ((b->nkeys + 1) * 2 > b->nslots && rehash(b) < 0) return -1;
    size_t j = hash_str(key) & (b->nslots - 1);
    for (; b->slots[j]; j = (j + 1) & (b->nslots - 1))
        if (strcmp(b->keys[b->slots[j] - 1], key) == 0) return (long)(b->slots[j] - 1);
    char *k = strdup(key);
    void *v = b->keys;
    if (!k || array_reserve(NULL, &v, b->nkeys, sizeof *b->keys) < 0) { free(k); return -1; }
    b->keys = v;
    b->keys[b->nkeys] = k;
    b->slots[j] = ++b->nkeys;
    worksheet_write_string(b->summary, 0, (lxw_col_t)(SUMMARY_FIXED + b->nkeys - 1), key, b->head);
    return (long)(b->nkeys - 1);
}

/* ---- one report ---- */

typedef struct adding {
    gir_book *b;
    const gir_report *r;
    const gir_diags *dg;
    const char *file;
    gir_arena *a;
} adding;

/* s as a cell can hold it: valid UTF-8 without the controls XML forbids
 * (render_data_clean), cut at a character boundary below Excel's 32,767
 * characters a cell holds. */
static const char *fit(gir_arena *a, const char *s)
{
    s = render_data_clean(a, s ? s : "");
    size_t n = strlen(s);
    if (n <= 32000) return s;
    while (n > 32000 || ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return arena_strndup(a, s, n);
}

static void put_string(adding *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
    if (worksheet_write_string(ws, row, col, fit(x->a, s), f) != LXW_NO_ERROR) x->b->failed = 1;
}

static double number(gir_dec v)
{
    char num[48];
    dec_format_buf(v, num);
    return strtod(num, NULL);
}

static lxw_format *state_format(gir_book *b, const char *state)
{
    if (strcmp(state, "wrong") == 0) return b->wrong;
    if (strcmp(state, "unknown") == 0 || strcmp(state, "invalid") == 0 || strcmp(state, "missing") == 0) return b->unknown;
    return b->value;
}

/* A cell's value at (row, col), in format f; a blank stays blank. */
static void write_value(adding *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const gir_rtable *rt, const gir_cell *v, lxw_format *f)
{
    gir_book *b = x->b;
    if (!render_data_has_value(rt, v)) {
        worksheet_write_blank(ws, row, col, f);
        return;
    }
    if (v->state == CELL_TEXT) {
        put_string(x, ws, row, col, v->text, f);
        return;
    }
    lxw_error e = worksheet_write_number(ws, row, col, v->state == CELL_ZERO ? 0 : number(v->v), f);
    if (e) b->failed = 1;
}

static void summary_row(adding *x)
{
    gir_book *b = x->b;
    const gir_report *r = x->r;
    lxw_worksheet *ws = b->summary;
    lxw_row_t row = ++b->nreports;
    put_string(x, ws, row, 0, x->file, NULL);
    put_string(x, ws, row, 1, r->agency, NULL);
    if (r->year) worksheet_write_number(ws, row, 2, r->year, NULL);
    put_string(x, ws, row, 3, r->schema->name, NULL);
    worksheet_write_number(ws, row, 4, x->dg ? (double)x->dg->nerrors : 0, NULL);
    worksheet_write_number(ws, row, 5, x->dg ? (double)x->dg->nwarnings : 0, NULL);
    for (size_t t = 0; t < r->schema->ntables; t++) {
        const gir_rtable *rt = &r->tables[t];
        for (size_t bi = 0; bi < rt->t->nblocks; bi++) {
            const gir_block *bl = rt->t->blocks[bi];
            for (size_t i = 0; i < bl->nrows * bl->ncols; i++) {
                const gir_hnode *rh = bl->rows[i / bl->ncols], *ch = bl->cols[i % bl->ncols];
                long k = key_column(b, fit(x->a, arena_printf(x->a, "%s.%s.%s", rt->t->name, rh->name, ch->name)));
                if (k < 0) { b->failed = 1; return; }
                const gir_cell *v = &rt->blocks[bi].cells[i];
                const char *st = render_data_state(rt, v);
                lxw_format *f = strcmp(st, "wrong") == 0 ? b->wrong : NULL;
                write_value(x, ws, row, (lxw_col_t)(SUMMARY_FIXED + k), rt, v, f);
            }
        }
    }
}

/* A sheet name Excel accepts: no []:*?/\, at most 31 characters. */
static const char *sheet_name(gir_arena *a, const char *tmpl, const char *table)
{
    char *s = arena_printf(a, "%s %s", tmpl ? tmpl : "", render_data_clean(a, table));
    size_t chars = 0;
    for (char *p = s; *p; p++) {
        if (strchr("[]:*?/\\'", *p)) *p = '_';
        if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > 31) { *p = 0; break; }
    }
    return s;
}

static sheet_slot *table_sheet(adding *x, const gir_ttable *t)
{
    gir_book *b = x->b;
    const char *tmpl = x->r->schema->name ? x->r->schema->name : "";
    const char *key = arena_printf(x->a, "%s\t%s", tmpl, t->name);
    for (size_t i = 0; i < b->nsheets; i++)
        if (strcmp(b->sheets[i].key, key) == 0) return &b->sheets[i];
    const char *name = sheet_name(x->a, tmpl, t->name);
    if (workbook_validate_sheet_name(b->wb, name) != LXW_NO_ERROR)
        name = arena_printf(x->a, "table %zu", b->nsheets + 1);
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (ws) {
        worksheet_set_landscape(ws);   /* printed: landscape, one page wide */
        worksheet_fit_to_pages(ws, 1, 0);
    }
    void *v = b->sheets;
    char *k = strdup(key);
    if (!ws || !k || array_reserve(NULL, &v, b->nsheets, sizeof *b->sheets) < 0) { free(k); b->failed = 1; return NULL; }
    b->sheets = v;
    b->sheets[b->nsheets] = (sheet_slot){k, ws, 0, 0};
    return &b->sheets[b->nsheets++];
}

enum { LEAF_WIDTH = 48 };   /* the leaf labels' column, in character widths */

/* A row tall enough for its leaf label wrapped in LEAF_WIDTH columns
 * (spreadsheets do not fit row heights to wrapped text by themselves). */
static void leaf_height(lxw_worksheet *ws, lxw_row_t row, const char *text)
{
    size_t w = utf8_width(text, strlen(text));
    size_t lines = (w + LEAF_WIDTH - 3) / (LEAF_WIDTH - 2);
    if (lines > 1) worksheet_set_row(ws, row, 15.0 * (double)lines, NULL);
}

static void layout_cell(adding *x, lxw_worksheet *ws, lxw_row_t top, const gir_layout *L, const gir_lcell *c)
{
    gir_book *b = x->b;
    lxw_row_t r0 = top + (lxw_row_t)c->row, r1 = r0 + (lxw_row_t)c->rowspan - 1;
    lxw_col_t c0 = (lxw_col_t)c->col, c1 = c0 + (lxw_col_t)c->colspan - 1;
    int merged = r1 > r0 || c1 > c0;
    lxw_format *f = c->kind == LAYOUT_VALUE ? state_format(b, render_data_state(L->rt, c->cell))
                    : c->kind == LAYOUT_COLHEAD || c->kind == LAYOUT_CAPTION ? b->head : b->label;
    const char *text = c->kind == LAYOUT_VALUE || c->kind == LAYOUT_EMPTY || !c->text ? "" : fit(x->a, c->text);
    if (merged && worksheet_merge_range(ws, r0, c0, r1, c1, text, f) != LXW_NO_ERROR) b->failed = 1;
    if (c->kind == LAYOUT_ROWHEAD && !merged && c->col == L->nlabel - 1) leaf_height(ws, r0, text);
    if (c->kind == LAYOUT_VALUE) write_value(x, ws, r0, c0, L->rt, c->cell, f);
    else if (!merged && *text) put_string(x, ws, r0, c0, text, f);
    else if (!merged) worksheet_write_blank(ws, r0, c0, f);
}

static void table_block(adding *x, int t)
{
    const gir_rtable *rt = &x->r->tables[t];
    sheet_slot *s = table_sheet(x, rt->t);
    if (!s) return;
    const gir_layout *L = layout_build(x->a, x->r, t);
    const char *title = arena_printf(x->a, "%s  %s  %d", x->file ? x->file : "", x->r->agency ? x->r->agency : "", x->r->year);
    put_string(x, s->ws, s->next, 0, title, x->b->title);
    lxw_row_t top = s->next + 1;
    for (int y = 0; y < L->nrows; y++)
        for (size_t i = 0; i < L->rows[y].ncells; i++) layout_cell(x, s->ws, top, L, L->rows[y].cells[i]);
    if (L->ncols > s->ncols) {
        /* group labels narrow, the leaf labels (the last label column) wide
         * enough for the long official ones on one line */
        if (L->nlabel > 1) worksheet_set_column(s->ws, 0, (lxw_col_t)(L->nlabel - 2), 16, NULL);
        if (L->nlabel) worksheet_set_column(s->ws, (lxw_col_t)(L->nlabel - 1), (lxw_col_t)(L->nlabel - 1), LEAF_WIDTH, NULL);
        worksheet_set_column(s->ws, (lxw_col_t)L->nlabel, (lxw_col_t)(L->ncols - 1), 12, NULL);
        s->ncols = L->ncols;
    }
    s->next = top + (lxw_row_t)L->nrows + 1;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void set_created(adding *x)
{
    const gir_report *r = x->r;
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    p.title = (char *)fit(x->a, r->title);
    p.author = (char *)"girc";
    long days = r->has_date ? days_from_civil(r->date_y, r->date_m, r->date_d) : days_from_civil(2000, 1, 1);
    p.created = (time_t)(days * 86400L + 12 * 3600L);
    if (workbook_set_properties(x->b->wb, &p) != LXW_NO_ERROR) x->b->failed = 1;
    x->b->dated = 1;
}

static void add_run(void *ud)
{
    adding *x = ud;
    if (!x->b->dated) set_created(x);
    summary_row(x);
    for (size_t t = 0; t < x->r->schema->ntables; t++) table_block(x, (int)t);
}

static int x_add(gir_book *b, const gir_report *r, const gir_diags *dg, const char *file)
{
    gir_arena *a = arena_new(NULL);
    if (!a) return -1;
    adding x = {b, r, dg, file, a};
    int oom = arena_protect(a, add_run, &x);
    arena_free(a);
    return oom || b->failed ? -1 : 0;
}

static int x_close(gir_book *b)
{
    int failed = b->failed;
    if (b->nreports == 0) worksheet_write_blank(b->summary, 1, 0, NULL);
    if (workbook_close(b->wb) != LXW_NO_ERROR) failed = 1;
    for (size_t i = 0; i < b->nsheets; i++) free(b->sheets[i].key);
    for (size_t i = 0; i < b->nkeys; i++) free(b->keys[i]);
    free(b->sheets);
    free(b->keys);
    free(b->slots);
    free(b);
    return failed ? -1 : 0;
}

static const gir_book_ops book = {x_open, x_add, x_close};
static const char *const exts[] = {"xlsx", NULL};
static gir_dynlib *const libs[] = {&gir_libxlsxwriter, NULL};

const gir_backend gir_backend_xlsx = {
    .name = "xlsx",
    .exts = exts,
    .fragment = 0,
    .with_errors = 1,
    .batch = 1,
    .book = &book,
    .libs = libs,
};
