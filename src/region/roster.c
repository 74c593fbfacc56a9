/* roster.c - the roster of a region (region.h, girc-roster(5)): a CSV
 * file, as offices make them in Excel or WPS (UTF-8, optional BOM,
 * RFC 4180 quoting, CRLF or LF), with a header row naming its columns
 * (unit, match, kind, deadline, in Chinese or English); matching its
 * units with the reports by folded agency name or file name, in linear
 * time (a hash of the keys); missing, late and unlisted units. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "base/array.h"
#include "base/label.h"
#include "base/utf8.h"
#include "syntax/lang.h"

enum { COL_UNIT, COL_MATCH, COL_KIND, COL_DEADLINE, COL__COUNT, COL_UNKNOWN = -1 };

static const struct {
    const char *word;
    int col;
} column_words[] = {
    {"单位", COL_UNIT},  {"单位名称", COL_UNIT},     {"unit", COL_UNIT},     {"name", COL_UNIT},
    {"匹配", COL_MATCH}, {"文件", COL_MATCH},        {"机关", COL_MATCH},    {"match", COL_MATCH},
    {"file", COL_MATCH}, {"agency", COL_MATCH},      {"类型", COL_KIND},     {"单位类型", COL_KIND},
    {"kind", COL_KIND},  {"截止日期", COL_DEADLINE}, {"期限", COL_DEADLINE}, {"deadline", COL_DEADLINE},
};

typedef struct field {
    const char *v;
    gir_span span;
} field;
typedef struct csv_row {
    field *f;
    size_t n;
    gir_span span;
} csv_row;

typedef struct reader {
    region_set *s;
    gir_diags *dg;
    const gir_source *src;
    const char *p, *e;
    int bad;
} reader;

static uint32_t off(const reader *r, const char *p) { return (uint32_t)(p - r->src->text); }

/* One field at r->p; leaves r->p at the ',' or line end after it. */
static field read_field(reader *r)
{
    field f = {"", {off(r, r->p), off(r, r->p)}};
    gir_buf b;
    buf_init(&b, r->s->arena);
    if (r->p < r->e && *r->p == '"') {
        const char *q = r->p++;
        for (;;) {
            if (r->p >= r->e) {
                diag_add(r->dg, GIR_SEV_ERROR, R_ROSTER_BAD_CSV, r->src, (gir_span){off(r, q), off(r, q) + 1});
                r->bad = 1;
                break;
            }
            if (*r->p == '"' && r->p + 1 < r->e && r->p[1] == '"') {
                buf_putc(&b, '"');
                r->p += 2;
                continue;
            }
            if (*r->p == '"') {
                r->p++;
                break;
            }
            buf_putc(&b, *r->p++);
        }
        while (r->p < r->e && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            r->p++; /* text after the quote */
    } else {
        while (r->p < r->e && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            buf_putc(&b, *r->p++);
    }
    f.span.end = off(r, r->p);
    f.v = buf_cstr(&b);
    /* surrounding spaces, as Excel users type them */
    while (*f.v == ' ' || *f.v == '\t')
        f.v++;
    char *v = (char *)f.v;
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        v[--n] = 0;
    return f;
}

/* One record (0 at the end of the text). */
static int read_row(reader *r, csv_row *row)
{
    memset(row, 0, sizeof *row);
    if (r->p >= r->e) return 0;
    row->span.start = off(r, r->p);
    for (;;) {
        field f = read_field(r);
        ARRAY_PUSH(r->s->arena, row->f, row->n, f);
        if (r->p < r->e && *r->p == ',') {
            r->p++;
            continue;
        }
        break;
    }
    row->span.end = off(r, r->p);
    if (r->p < r->e && *r->p == '\r') r->p++;
    if (r->p < r->e && *r->p == '\n') r->p++;
    return 1;
}

static int row_empty(const csv_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        if (*row->f[i].v) return 0;
    return 1;
}

static int column_of(gir_arena *a, const char *name)
{
    const char *f = label_fold(a, name);
    char *low = arena_strdup(a, f);
    for (char *p = low; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    for (size_t i = 0; i < sizeof column_words / sizeof column_words[0]; i++)
        if (strcmp(low, column_words[i].word) == 0) return column_words[i].col;
    return COL_UNKNOWN;
}

static int read_header(reader *r, const csv_row *h, int *map)
{
    int seen_unit = 0;
    for (size_t i = 0; i < h->n; i++) {
        map[i] = *h->f[i].v ? column_of(r->s->arena, h->f[i].v) : COL_UNKNOWN;
        if (map[i] == COL_UNIT) seen_unit = 1;
        if (map[i] == COL_UNKNOWN && *h->f[i].v) {
            gir_diag *g = diag_add(r->dg, GIR_SEV_ERROR, R_ROSTER_UNKNOWN_COLUMN, r->src, h->f[i].span, h->f[i].v);
            diag_help(r->dg, g, R_ROSTER_COLUMNS_HELP);
            r->bad = 1;
        }
    }
    if (!seen_unit) {
        diag_add(r->dg, GIR_SEV_ERROR, R_ROSTER_NO_UNIT, r->src, h->span);
        r->bad = 1;
    }
    return seen_unit;
}

static const char *kind_list(gir_arena *a)
{
    gir_buf b;
    buf_init(&b, a);
    for (int k = 1; k < KIND__COUNT; k++) {
        if (k > 1) buf_puts(&b, ", ");
        buf_puts(&b, gir_kind_names[k]);
    }
    return buf_cstr(&b);
}

static void read_entry(reader *r, const csv_row *row, const int *map, size_t nmap)
{
    roster_entry e;
    memset(&e, 0, sizeof e);
    e.unit_index = -1;
    e.span = row->span;
    gir_pos pos;
    source_pos(r->src, row->span.start, &pos);
    e.line = pos.line;
    const char *match = "";
    for (size_t i = 0; i < row->n && i < nmap; i++) {
        const field *f = &row->f[i];
        if (map[i] == COL_UNIT)
            e.unit = f->v;
        else if (map[i] == COL_MATCH)
            match = f->v;
        else if (map[i] == COL_KIND && *f->v) {
            e.kind = (int)lang_kind(f->v);
            if (!e.kind) {
                diag_add(r->dg, GIR_SEV_ERROR, R_ROSTER_BAD_KIND, r->src, f->span, f->v, kind_list(r->s->arena));
                r->bad = 1;
            }
        } else if (map[i] == COL_DEADLINE && *f->v && !region_parse_date(f->v, &e.dl_y, &e.dl_m, &e.dl_d)) {
            diag_add(r->dg, GIR_SEV_ERROR, R_ROSTER_BAD_DATE, r->src, f->span, f->v);
            e.dl_y = 0;
            r->bad = 1;
        }
    }
    if (!e.unit || !*e.unit) {
        diag_add(r->dg, GIR_SEV_ERROR, R_ROSTER_NO_NAME, r->src, row->span);
        r->bad = 1;
        return;
    }
    e.match = label_fold(r->s->arena, *match ? match : e.unit);
    ARRAY_PUSH(r->s->arena, r->s->roster, r->s->nroster, e);
}

int region_roster_read(region_set *s, gir_diags *dg, const char *name, const char *text, size_t len)
{
    char *copy = arena_strndup(s->arena, text, len);
    source_init(&s->roster_src, s->arena, arena_strdup(s->arena, name), copy, (uint32_t)len);
    s->has_roster = 1;
    reader r = {s, dg, &s->roster_src, copy, copy + len, 0};
    long bad = utf8_find_invalid(copy, len);
    if (bad >= 0 || memchr(copy, 0, len)) {
        gir_diag *g = diag_add(dg, GIR_SEV_ERROR, R_ROSTER_BAD_TEXT, NULL, (gir_span){0, 0},
                               (unsigned)(bad >= 0 ? bad : (long)((const char *)memchr(copy, 0, len) - copy)));
        diag_file(dg, g, s->roster_src.name);
        return 1;
    }
    if (len >= 3 && memcmp(r.p, "\xEF\xBB\xBF", 3) == 0) r.p += 3;
    csv_row h;
    while (read_row(&r, &h) && row_empty(&h)) {}
    if (!h.n || row_empty(&h)) {
        diag_add(dg, GIR_SEV_ERROR, R_ROSTER_NO_UNIT, &s->roster_src, (gir_span){0, 0});
        return 1;
    }
    int *map = arena_alloc(s->arena, h.n * sizeof *map);
    if (!read_header(&r, &h, map)) return 1;
    csv_row row;
    while (read_row(&r, &row))
        if (!row_empty(&row)) read_entry(&r, &row, map, h.n);
    return r.bad;
}
