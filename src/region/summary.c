/* summary.c - the batch summary (region.h): one row per report, sorted
 * by file (region_sort), in three forms. CSV: UTF-8 with a BOM (so Excel
 * and WPS read it as UTF-8), RFC 4180 quoting, CRLF, machine column
 * names. JSON: one object, every report with its diagnostics, totals and
 * the roster's rate. HTML: summary_html.c. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "summary.h"
#include "syntax/lang.h"

int region_summary_format_of(const char *name)
{
    if (strcmp(name, "csv") == 0) return SUMMARY_CSV;
    if (strcmp(name, "json") == 0) return SUMMARY_JSON;
    if (strcmp(name, "html") == 0) return SUMMARY_HTML;
    return -1;
}

const char *summary_status(const region_unit *u)
{
    if (u->roster == ROSTER_MISSING) return "missing";
    if (u->unreadable) return "unreadable";
    return u->nerr ? "errors" : "ok";
}

const char *summary_roster(const region_unit *u)
{
    static const char *const w[] = {"", "listed", "unlisted", "missing"};
    return w[u->roster];
}

const char *summary_deadline(const region_set *s, const region_unit *u)
{
    int y, m, d;
    const roster_entry *e = u->entry >= 0 ? &s->roster[u->entry] : NULL;
    int year = u->year;
    for (size_t i = 0; !year && i < s->nunits; i++)
        year = s->units[i].year;
    if (!e || !region_deadline(e, year, (int)lang_kind(u->kind), &y, &m, &d)) return "";
    return region_date(s->arena, y, m, d);
}

const char *summary_date(const region_set *s, const region_unit *u)
{
    return u->date_y ? region_date(s->arena, u->date_y, u->date_m, u->date_d) : "";
}

void summary_totals(const region_set *s, summary_tally *t)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < s->nunits; i++) {
        const region_unit *u = &s->units[i];
        if (u->roster == ROSTER_MISSING) continue;
        t->reports++;
        if (u->unreadable)
            t->unreadable++;
        else if (u->nerr)
            t->bad++;
        else
            t->ok++;
        t->nerr += u->nerr;
        t->nwarn += u->nwarn;
        t->nnc += u->not_checkable;
        t->waived += u->waived;
        t->late += u->late != 0;
    }
}

/* ---- CSV ---- */

/* A text field. One that a spreadsheet would take for a formula (=, +,
 * -, @, a tab or CR first: an agency name in an imported report can be
 * anything) gets a leading apostrophe, as OWASP advises for CSV. */
static void csv_field(gir_buf *b, const char *v)
{
    int formula = *v && strchr("=+-@\t\r", *v) != NULL;
    if (!formula && !strpbrk(v, ",\"\r\n")) {
        buf_puts(b, v);
        return;
    }
    buf_putc(b, '"');
    if (formula) buf_putc(b, '\'');
    for (; *v; v++) {
        if (*v == '"') buf_putc(b, '"');
        buf_putc(b, *v);
    }
    buf_putc(b, '"');
}

static void csv_row(const region_set *s, gir_buf *b, const region_unit *u)
{
    const char *unit = u->entry >= 0 ? s->roster[u->entry].unit : "";
    int missing = u->roster == ROSTER_MISSING;
    const char *v[] = {u->path, u->agency, u->kind, u->template_name};
    csv_field(b, v[0]);
    buf_putc(b, ',');
    csv_field(b, v[1]);
    buf_putc(b, ',');
    csv_field(b, v[2]);
    buf_putc(b, ',');
    if (u->year) buf_printf(b, "%d", u->year);
    buf_putc(b, ',');
    csv_field(b, v[3]);
    buf_printf(b, ",%s,", summary_date(s, u));
    if (!missing)
        buf_printf(b, "%zu,%zu,%zu,%zu,%d", u->nerr, u->nwarn, u->not_checkable, u->waived, u->late != 0);
    else
        buf_printf(b, ",,,,%d", u->late != 0);
    buf_printf(b, ",%s,%s,", summary_status(u), summary_roster(u));
    csv_field(b, unit);
    buf_printf(b, ",%s\r\n", summary_deadline(s, u));
}

static const char *summary_csv(region_set *s, size_t *len)
{
    gir_buf b;
    buf_init(&b, s->arena);
    buf_puts(&b, "\xEF\xBB\xBF"
                 "file,agency,kind,year,template,date,errors,warnings,not_checkable,waived,late,status,roster,unit,"
                 "deadline\r\n");
    for (size_t i = 0; i < s->nunits; i++)
        csv_row(s, &b, &s->units[i]);
    *len = b.n;
    return buf_cstr(&b);
}

/* ---- JSON ---- */

void summary_json_str(gir_buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)ch);
        } else if (ch == '\n')
            buf_puts(b, "\\n");
        else if (ch < 0x20)
            buf_printf(b, "\\u%04x", ch);
        else
            buf_putc(b, (char)ch);
    }
    buf_putc(b, '"');
}

static void json_opt(gir_buf *b, const char *k, const char *v)
{
    buf_printf(b, ",\"%s\":", k);
    if (*v)
        summary_json_str(b, v);
    else
        buf_puts(b, "null");
}

static void json_diags(gir_buf *b, const region_unit *u)
{
    static const char *const sev[] = {"", "error", "warning", "note"};
    buf_puts(b, ",\"diagnostics\":[");
    for (size_t i = 0; i < u->ndiags; i++) {
        const region_diag *g = &u->diags[i];
        buf_printf(b, "%s{\"severity\":\"%s\",\"code\":", i ? "," : "", sev[g->sev]);
        summary_json_str(b, g->code);
        buf_printf(b, ",\"line\":%u,\"col\":%u,\"message\":", g->line, g->col);
        summary_json_str(b, g->msg);
        buf_printf(b, ",\"waived\":%s}", g->waived ? "true" : "false");
    }
    buf_putc(b, ']');
}

static void json_unit(const region_set *s, gir_buf *b, const region_unit *u)
{
    buf_puts(b, "{\"file\":");
    if (*u->path)
        summary_json_str(b, u->path);
    else
        buf_puts(b, "null");
    json_opt(b, "agency", u->agency);
    json_opt(b, "kind", u->kind);
    if (u->year)
        buf_printf(b, ",\"year\":%d", u->year);
    else
        buf_puts(b, ",\"year\":null");
    json_opt(b, "template", u->template_name);
    json_opt(b, "date", summary_date(s, u));
    if (u->roster == ROSTER_MISSING) /* no report: no counts */
        buf_printf(
            b, ",\"errors\":null,\"warnings\":null,\"notes\":null,\"not_checkable\":null,\"waived\":null,\"late\":%s",
            u->late ? "true" : "false");
    else
        buf_printf(b, ",\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu,\"not_checkable\":%zu,\"waived\":%zu,\"late\":%s",
                   u->nerr, u->nwarn, u->nnote, u->not_checkable, u->waived, u->late ? "true" : "false");
    buf_printf(b, ",\"status\":\"%s\"", summary_status(u));
    json_opt(b, "roster", summary_roster(u));
    json_opt(b, "unit", u->entry >= 0 ? s->roster[u->entry].unit : "");
    json_opt(b, "deadline", summary_deadline(s, u));
    json_diags(b, u);
    buf_putc(b, '}');
}

static const char *summary_json(region_set *s, size_t *len)
{
    gir_buf b;
    buf_init(&b, s->arena);
    buf_puts(&b, "{\"schema\":1,\"kind\":\"summary\",\"reports\":[\n");
    for (size_t i = 0; i < s->nunits; i++) {
        json_unit(s, &b, &s->units[i]);
        buf_puts(&b, i + 1 < s->nunits ? ",\n" : "\n");
    }
    summary_tally t;
    summary_totals(s, &t);
    buf_printf(&b,
               "],\"totals\":{\"reports\":%zu,\"ok\":%zu,\"with_errors\":%zu,\"unreadable\":%zu,\"errors\":%zu,"
               "\"warnings\":%zu,\"not_checkable\":%zu,\"waived\":%zu,\"late\":%zu}",
               t.reports, t.ok, t.bad, t.unreadable, t.nerr, t.nwarn, t.nnc, t.waived, t.late);
    if (s->has_roster) {
        region_rate r;
        region_roster_rate(s, &r);
        buf_printf(&b,
                   ",\"roster\":{\"units\":%zu,\"reported\":%zu,\"on_time\":%zu,\"late\":%zu,\"missing\":%zu,"
                   "\"overdue\":%zu,\"unlisted\":%zu,\"rate\":\"%s\"}",
                   r.units, r.reported, r.on_time, r.late, r.missing, r.overdue, r.unlisted,
                   region_percent(s->arena, r.reported, r.units));
    } else
        buf_puts(&b, ",\"roster\":null");
    buf_puts(&b, "}\n");
    *len = b.n;
    return buf_cstr(&b);
}

const char *region_summary(region_set *s, region_summary_format f, size_t *len)
{
    if (f == SUMMARY_CSV) return summary_csv(s, len);
    if (f == SUMMARY_JSON) return summary_json(s, len);
    return summary_html(s, len);
}
