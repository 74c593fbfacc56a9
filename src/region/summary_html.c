/* summary_html.c - the batch summary as one standalone HTML page (inline
 * CSS and script, nothing from the network): a table with a caption,
 * column headings that are buttons sorting the rows (aria-sort on the
 * sorted one; stable, numeric for counts), row headings with scope, and
 * each report's diagnostics in a <details> one click away. The words
 * come from the catalogue in the summary's language. */
#include <string.h>
#include "internal.h"
#include "summary.h"

enum { NCOLS = 16 };
/* Columns sorted as numbers. */
static const int numeric[NCOLS] = {0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1};

static const char css[] =
    "body{margin:0;background:#fff;color:#1b1b1b;"
    "font:15px/1.5 \"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif}\n"
    "main{padding:1.5em 2em}\nh1{font-size:22px;margin:0 0 .4em}\np{margin:.3em 0}\n"
    "table{border-collapse:collapse;margin-top:1em}\n"
    "caption{caption-side:top;text-align:left;font-weight:700;padding:0 0 .4em}\n"
    "th,td{border:1px solid #767676;padding:.25em .5em;vertical-align:top;text-align:left;white-space:nowrap}\n"
    "td:last-child{white-space:normal;min-width:14em}\n"
    "thead th{background:#e8e8e8}\ntd.n{text-align:right}\n"
    "thead button{font:inherit;font-weight:700;color:#1b1b1b;background:none;border:0;padding:0;"
    "cursor:pointer;text-align:left}\n"
    "thead button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}\n"
    "th[aria-sort=ascending] button::after{content:\" \\25B2\"}\n"
    "th[aria-sort=descending] button::after{content:\" \\25BC\"}\n"
    ".bad{color:#a40000;font-weight:700}\n.warn{color:#6b4400}\n"
    "details summary{cursor:pointer}\ndetails ul{margin:.3em 0;padding-left:1.2em}\ncode{font-family:monospace}\n"
    "@media print{thead button::after{content:\"\"}}\n";

static const char script[] = "(function () {\n"
                             "  var t = document.getElementById(\"gir-summary\");\n"
                             "  var heads = t.tHead.rows[0].cells;\n"
                             "  function key(row, i, num) {\n"
                             "    var c = row.cells[i], v = c.getAttribute(\"data-v\");\n"
                             "    if (v === null) v = c.textContent;\n"
                             "    return num ? (v === \"\" ? -1 : Number(v)) : v;\n"
                             "  }\n"
                             "  function sort(i) {\n"
                             "    var th = heads[i], num = th.hasAttribute(\"data-num\");\n"
                             "    var asc = th.getAttribute(\"aria-sort\") !== \"ascending\";\n"
                             "    var body = t.tBodies[0], rows = Array.prototype.slice.call(body.rows);\n"
                             "    var at = rows.map(function (r, k) { return k; });\n"
                             "    var order = at.sort(function (a, b) {\n"
                             "      var x = key(rows[a], i, num), y = key(rows[b], i, num);\n"
                             "      var c = num ? x - y : (x < y ? -1 : x > y ? 1 : 0);\n"
                             "      return (asc ? c : -c) || a - b;\n"
                             "    });\n"
                             "    order.forEach(function (k) { body.appendChild(rows[k]); });\n"
                             "    for (var j = 0; j < heads.length; j++) heads[j].removeAttribute(\"aria-sort\");\n"
                             "    th.setAttribute(\"aria-sort\", asc ? \"ascending\" : \"descending\");\n"
                             "  }\n"
                             "  Array.prototype.forEach.call(heads, function (th, i) {\n"
                             "    var b = th.querySelector(\"button\");\n"
                             "    if (b) b.addEventListener(\"click\", function () { sort(i); });\n"
                             "  });\n"
                             "})();\n";

/* The entity that stands for c in HTML text and attributes, or NULL. */
static const char *entity(char c)
{
    if (c == '&') return "&amp;";
    if (c == '<') return "&lt;";
    if (c == '>') return "&gt;";
    if (c == '"') return "&quot;";
    return NULL;
}

static void esc(gir_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *e = entity(*s);
        if (e)
            buf_puts(b, e);
        else
            buf_putc(b, *s);
    }
}

/* Part n of a "a|b|c" catalogue entry. */
static const char *part(gir_arena *a, const char *list, int n)
{
    for (; n > 0 && list; n--) {
        list = strchr(list, '|');
        if (list) list++;
    }
    if (!list) return "";
    const char *e = strchr(list, '|');
    return e ? arena_strndup(a, list, (size_t)(e - list)) : list;
}

static void cell(gir_buf *b, const char *v, const char *cls)
{
    buf_puts(b, cls && *cls ? "<td class=\"" : "<td");
    if (cls && *cls) {
        buf_puts(b, cls);
        buf_putc(b, '"');
    }
    buf_putc(b, '>');
    esc(b, v);
    buf_puts(b, "</td>");
}

static void num_cell(gir_buf *b, size_t v, int missing, const char *cls)
{
    if (missing) {
        buf_puts(b, "<td class=\"n\" data-v=\"\"></td>");
        return;
    }
    buf_printf(b, "<td class=\"n%s%s\">%zu</td>", cls && v ? " " : "", cls && v ? cls : "", v);
}

static void diags_cell(region_set *s, gir_buf *b, const region_unit *u)
{
    static const char *const sev[] = {"", "error", "warning", "note"};
    buf_printf(b, "<td data-v=\"%zu\">", u->ndiags);
    if (!u->ndiags) {
        esc(b, msg_fmt(s->lang, R_HTML_NONE));
        buf_puts(b, "</td>");
        return;
    }
    buf_puts(b, "<details><summary>");
    buf_printf(b, msg_fmt(s->lang, R_HTML_DIAGS), u->ndiags);
    buf_puts(b, "</summary><ul>");
    for (size_t i = 0; i < u->ndiags; i++) {
        const region_diag *g = &u->diags[i];
        buf_puts(b, "<li>");
        if (g->line) buf_printf(b, "%u:%u: ", g->line, g->col);
        buf_printf(b, "%s", sev[g->sev]);
        if (*g->code) {
            buf_puts(b, "[<code>");
            esc(b, g->code);
            buf_puts(b, "</code>]");
        }
        buf_puts(b, ": ");
        esc(b, g->msg);
        buf_puts(b, "</li>");
    }
    buf_puts(b, "</ul></details></td>");
}

static int status_index(const region_unit *u)
{
    if (u->roster == ROSTER_MISSING) return 3;
    if (u->unreadable) return 2;
    return u->nerr ? 1 : 0;
}

static void row(region_set *s, gir_buf *b, const region_unit *u)
{
    gir_arena *a = s->arena;
    int missing = u->roster == ROSTER_MISSING;
    /* a missing unit has no file: its row is headed by its roster name */
    buf_puts(b, missing ? "<tr><th scope=\"row\" data-v=\"\">" : "<tr><th scope=\"row\">");
    esc(b, missing ? s->roster[u->entry].unit : u->path);
    buf_puts(b, "</th>");
    cell(b, u->agency, NULL);
    cell(b, u->kind, NULL);
    if (u->year)
        buf_printf(b, "<td class=\"n\">%d</td>", u->year);
    else
        buf_puts(b, "<td class=\"n\" data-v=\"\"></td>");
    cell(b, u->template_name, NULL);
    cell(b, summary_date(s, u), NULL);
    num_cell(b, u->nerr, missing, "bad");
    num_cell(b, u->nwarn, missing, "warn");
    num_cell(b, u->not_checkable, missing, NULL);
    num_cell(b, u->waived, missing, NULL);
    cell(b, msg_fmt(s->lang, u->late ? R_HTML_YES : R_HTML_NO), u->late ? "bad" : NULL);
    int st = status_index(u);
    cell(b, part(a, msg_fmt(s->lang, R_HTML_STATUS), st), st ? "bad" : NULL);
    cell(b, part(a, msg_fmt(s->lang, R_HTML_ROSTER), u->roster), u->roster >= ROSTER_UNLISTED ? "bad" : NULL);
    cell(b, u->entry >= 0 ? s->roster[u->entry].unit : "", NULL);
    cell(b, summary_deadline(s, u), NULL);
    diags_cell(s, b, u);
    buf_puts(b, "</tr>\n");
}

static void head(region_set *s, gir_buf *b, const summary_tally *t)
{
    gir_arena *a = s->arena;
    const char *title = arena_printf(a, msg_fmt(s->lang, R_HTML_TITLE), t->reports);
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
               s->lang == GIR_LANG_EN ? "en" : "zh-CN");
    buf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" "
                "content=\"girc\">\n<title>");
    esc(b, title);
    buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<h1>", css);
    esc(b, title);
    buf_puts(b, "</h1>\n<p>");
    esc(b, arena_printf(a, msg_fmt(s->lang, R_TOTALS), t->reports, t->ok, t->bad, t->unreadable, t->nerr, t->nwarn,
                        t->late));
    buf_puts(b, "</p>\n");
    if (s->has_roster) {
        buf_puts(b, "<p>");
        esc(b, region_rate_text(s));
        buf_puts(b, "</p>\n");
    }
}

const char *summary_html(region_set *s, size_t *len)
{
    summary_tally t;
    summary_totals(s, &t);
    gir_buf b;
    buf_init(&b, s->arena);
    head(s, &b, &t);
    buf_puts(&b, "<table id=\"gir-summary\">\n<caption>");
    esc(&b, msg_fmt(s->lang, R_HTML_CAPTION));
    buf_puts(&b, "</caption>\n<thead>\n<tr>");
    for (int i = 0; i < NCOLS; i++) {
        buf_printf(&b, "<th scope=\"col\"%s%s><button type=\"button\" title=\"", numeric[i] ? " data-num=\"\"" : "",
                   i == 0 ? " aria-sort=\"ascending\"" : "");
        esc(&b, msg_fmt(s->lang, R_HTML_SORT_HELP));
        buf_puts(&b, "\">");
        esc(&b, part(s->arena, msg_fmt(s->lang, R_HTML_COLUMNS), i));
        buf_puts(&b, "</button></th>");
    }
    buf_puts(&b, "</tr>\n</thead>\n<tbody>\n");
    for (size_t i = 0; i < s->nunits; i++)
        row(s, &b, &s->units[i]);
    buf_printf(&b, "</tbody>\n</table>\n</main>\n<script>\n%s</script>\n</body>\n</html>\n", script);
    *len = b.n;
    return buf_cstr(&b);
}
