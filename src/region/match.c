/* match.c - the roster's units against the reports (region.h): each
 * report is known by its folded agency name and its file name without
 * .gir; a hash of those keys makes matching linear. Then the missing,
 * late and unlisted units, and the reporting rate. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "base/array.h"
#include "base/label.h"
#include "syntax/lang.h"

typedef struct key {
    const char *k;
    size_t unit;
    struct key *next;
} key;
typedef struct table {
    key **b;
    size_t mask;
} table;

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void put(gir_arena *a, table *t, const char *k, size_t unit)
{
    size_t i = hash(k) & t->mask;
    for (key *x = t->b[i]; x; x = x->next)
        if (x->unit == unit && strcmp(x->k, k) == 0) return;
    key *x = arena_alloc(a, sizeof *x);
    x->k = k;
    x->unit = unit;
    x->next = t->b[i];
    t->b[i] = x;
}

static const char *file_key(gir_arena *a, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".gir") == 0) n -= 4;
    return label_fold(a, arena_strndup(a, b, n));
}

static void build(region_set *s, table *t)
{
    size_t n = 16;
    while (n < s->nunits * 4)
        n *= 2;
    t->b = arena_alloc(s->arena, n * sizeof *t->b);
    t->mask = n - 1;
    for (size_t i = 0; i < s->nunits; i++) {
        if (*s->units[i].agency) put(s->arena, t, label_fold(s->arena, s->units[i].agency), i);
        if (*s->units[i].path) put(s->arena, t, file_key(s->arena, s->units[i].path), i);
    }
}

/* The units key k names (at most max, distinct, in unit order), and their count. */
static size_t lookup(const table *t, const char *k, size_t *out, size_t max)
{
    size_t n = 0;
    for (key *x = t->b[hash(k) & t->mask]; x; x = x->next) {
        if (strcmp(x->k, k) != 0) continue;
        int dup = 0;
        for (size_t j = 0; j < n && j < max; j++)
            dup |= out[j] == x->unit;
        if (dup) continue;
        if (n < max) out[n] = x->unit;
        n++;
    }
    for (size_t i = 1; i < n && i < max; i++) /* in the order of the units */
        for (size_t j = i; j > 0 && out[j - 1] > out[j]; j--) {
            size_t tmp = out[j];
            out[j] = out[j - 1];
            out[j - 1] = tmp;
        }
    return n;
}

static void ambiguous(region_set *s, gir_diags *dg, const roster_entry *e, const size_t *u, size_t n)
{
    gir_buf b;
    buf_init(&b, s->arena);
    for (size_t i = 0; i < n && i < 3; i++) {
        if (i) buf_puts(&b, msg_fmt(s->lang, R_LIST_SEP));
        buf_puts(&b, s->units[u[i]].path);
    }
    if (n > 3) {
        buf_puts(&b, msg_fmt(s->lang, R_LIST_SEP));
        buf_printf(&b, msg_fmt(s->lang, R_SUM_MORE), n - 3);
    }
    gir_diag *g = diag_add(dg, GIR_SEV_ERROR, R_ROSTER_AMBIGUOUS, &s->roster_src, e->span, e->unit, buf_cstr(&b));
    diag_help(dg, g, R_ROSTER_AMBIGUOUS_HELP);
}

static void late_check(region_set *s, gir_diags *dg, const roster_entry *e, region_unit *u)
{
    int y, m, d;
    if (!u->date_y || !region_deadline(e, u->year, lang_kind(u->kind), &y, &m, &d)) return;
    if (region_date_cmp(u->date_y, u->date_m, u->date_d, y, m, d) <= 0) return;
    u->late = 1;
    gir_diag *g = diag_add(dg, GIR_SEV_WARNING, R_ROSTER_LATE, NULL, (gir_span){0, 0}, e->unit,
                           region_date(s->arena, u->date_y, u->date_m, u->date_d), region_date(s->arena, y, m, d));
    diag_file(dg, g, u->path);
}

/* The year most reports are for (the year the roster's deadlines follow). */
static int usual_year(const region_set *s)
{
    for (size_t i = 0; i < s->nunits; i++)
        if (s->units[i].year) return s->units[i].year;
    return 0;
}

static void missing(region_set *s, gir_diags *dg, size_t i, int year)
{
    roster_entry *e = &s->roster[i];
    gir_diag *g = diag_add(dg, GIR_SEV_WARNING, R_ROSTER_MISSING, &s->roster_src, e->span, e->unit);
    int y, m, d;
    region_unit u;
    memset(&u, 0, sizeof u);
    if (region_deadline(e, year, 0, &y, &m, &d)) {
        diag_note(dg, g, R_ROSTER_MISSING_DUE, region_date(s->arena, y, m, d));
        int ty, tm, td;
        region_today(&ty, &tm, &td);
        u.late = region_date_cmp(ty, tm, td, y, m, d) > 0; /* no report by the deadline */
    }
    u.path = u.template_name = "";
    u.agency = e->unit;
    u.kind = e->kind ? gir_kind_names[e->kind] : "";
    u.roster = ROSTER_MISSING;
    u.entry = (int)i;
    ARRAY_PUSH(s->arena, s->units, s->nunits, u);
}

size_t region_roster_match(region_set *s, gir_diags *dg)
{
    size_t before = dg->nerrors;
    table t;
    build(s, &t);
    size_t nreal = s->nunits;
    for (size_t i = 0; i < s->nroster; i++) {
        roster_entry *e = &s->roster[i];
        size_t u[4];
        size_t n = lookup(&t, e->match, u, 4);
        if (n > 1) {
            /* neither missing nor its reports unlisted: the error says it all */
            e->unit_index = -2;
            for (size_t j = 0; j < n && j < 4; j++)
                s->units[u[j]].entry = -2;
            ambiguous(s, dg, e, u, n);
            continue;
        }
        if (n == 0) continue;
        region_unit *x = &s->units[u[0]];
        if (x->entry == -2) continue;
        if (x->entry >= 0) {
            const roster_entry *o = &s->roster[x->entry];
            gir_diag *g = diag_add(dg, GIR_SEV_ERROR, R_ROSTER_TWICE, &s->roster_src, e->span, x->path, o->unit,
                                   o->line, e->unit);
            diag_help(dg, g, R_ROSTER_AMBIGUOUS_HELP);
            continue;
        }
        x->entry = (int)i;
        x->roster = ROSTER_LISTED;
        e->unit_index = (int)u[0];
        late_check(s, dg, e, x);
    }
    int year = usual_year(s);
    for (size_t i = 0; i < s->nroster; i++)
        if (s->roster[i].unit_index == -1) missing(s, dg, i, year);
    for (size_t i = 0; i < nreal; i++) {
        region_unit *x = &s->units[i];
        if (x->entry >= 0 || x->entry == -2) continue;
        x->roster = ROSTER_UNLISTED;
        gir_diag *g =
            diag_add(dg, GIR_SEV_WARNING, R_ROSTER_UNLISTED, NULL, (gir_span){0, 0}, *x->agency ? x->agency : x->path);
        diag_file(dg, g, x->path);
    }
    return dg->nerrors - before;
}

void region_roster_rate(const region_set *s, region_rate *r)
{
    memset(r, 0, sizeof *r);
    r->units = s->nroster;
    for (size_t i = 0; i < s->nunits; i++) {
        const region_unit *u = &s->units[i];
        if (u->roster == ROSTER_MISSING) {
            r->missing++;
            r->overdue += u->late != 0;
        } else if (u->roster == ROSTER_UNLISTED)
            r->unlisted++;
        else if (u->roster == ROSTER_LISTED) {
            r->reported++;
            if (u->late)
                r->late++;
            else
                r->on_time++;
        }
    }
}

const char *region_percent(gir_arena *a, size_t n, size_t d)
{
    if (!d) return "-";
    unsigned long long pm = ((unsigned long long)n * 1000 + d / 2) / d; /* per mille, rounded */
    return arena_printf(a, "%llu.%llu%%", pm / 10, pm % 10);
}

const char *region_rate_text(region_set *s)
{
    region_rate r;
    region_roster_rate(s, &r);
    return arena_printf(s->arena, msg_fmt(s->lang, R_RATE), r.units, r.reported,
                        region_percent(s->arena, r.reported, r.units), r.on_time, r.late, r.missing, r.unlisted,
                        r.overdue);
}
