/* new.c - the text of a new report (scaffold.h): a comment saying where
 * it came from, the header (title, template, agency, kind, year, the
 * art. 49 deadline as the date, `previous` with --from), then each
 * section of the template in order: a line of guidance, its prose (a
 * placeholder, or last year's under the marker), and for a table section
 * every row of every block, group headings and official labels as
 * comments. Everything is read from the schema: no label is written here.
 * The result is laid out by the caller (girc fmt's layout). */
#include <string.h>
#include "scaffold.h"
#include "internal.h"

const char scaffold_marker[] = "〔上年原文，请改写后删除本行〕";

void scaf_string(gir_buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') buf_putc(b, '\\');
        if (*s == '\n' || *s == '\r' || *s == '\t') {
            buf_putc(b, ' ');
            continue;
        }
        buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
    }
    buf_putc(b, '"');
}

static int is_ident(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9')) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
        if (!(*p >= 0x80 || *p == '_' || alnum)) return 0;
    }
    return 1;
}

void scaf_name(gir_buf *b, const char *s)
{
    if (is_ident(s)) buf_puts(b, s);
    else scaf_string(b, s);
}

/* A comment: the text on one line. */
void scaf_comment(gir_buf *b, const char *indent, const char *s)
{
    buf_puts(b, indent);
    buf_puts(b, "# ");
    for (; *s; s++) buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
    buf_putc(b, '\n');
}

static void emit_head(gir_arena *a, gir_buf *b, const gir_schema *s, const gir_new_opts *o)
{
    const char *src = s->source_doc ? s->source_doc : "";
    scaf_comment(b, "", arena_printf(a, msg_fmt(o->lang, NEW_HEAD), s->name, s->title ? s->title : "", src));
    if (o->last) scaf_comment(b, "", arena_printf(a, msg_fmt(o->lang, NEW_HEAD_FROM), o->last_path, scaffold_marker));
    const char *agency = o->agency ? o->agency : msg_fmt(GIR_LANG_ZH, NEW_AGENCY);
    buf_puts(b, "\nreport ");
    scaf_string(b, arena_printf(a, msg_fmt(GIR_LANG_ZH, NEW_TITLE), agency, o->year));
    buf_puts(b, " {\n  template ");
    scaf_name(b, o->template_name ? o->template_name : s->name);
    buf_puts(b, "\n  agency ");
    scaf_string(b, agency);
    if (o->kind != KIND_UNKNOWN) buf_printf(b, "\n  kind %s", gir_kind_names[o->kind]);
    buf_printf(b, "\n  year %d\n", o->year);
    const gir_deadline *dl = lang_deadline(o->kind);
    if (dl) {
        scaf_comment(b, "  ", msg_fmt(o->lang, NEW_DATE));
        buf_printf(b, "  date %04d-%02d-%02d\n", o->year + 1, dl->month, dl->day);
    }
    if (o->last) {
        buf_puts(b, "  previous ");
        scaf_string(b, o->last_path);
        buf_putc(b, '\n');
    }
    buf_puts(b, "}\n");
}

/* Last year's prose of section i, or NULL. */
static const char *last_prose(const gir_new_opts *o, size_t i)
{
    if (!o->last || i >= o->last->schema->nsections) return NULL;
    const char *p = o->last->sections[i].prose;
    return p && *p ? p : NULL;
}

/* The prose, in a block string: text must not close it. */
static void emit_prose(gir_buf *b, const char *text)
{
    buf_puts(b, "\"\"\"\n");
    for (const char *p = text; *p; p++) {
        if (p[0] == '"' && p[1] == '"' && p[2] == '"') {
            buf_puts(b, "\\\"");
            continue;
        }
        buf_putc(b, *p);
    }
    if (b->n && b->p[b->n - 1] != '\n') buf_putc(b, '\n');
    buf_puts(b, "\"\"\"\n");
}

static void emit_section(gir_arena *a, gir_buf *b, const gir_new_opts *o, const gir_tsection *sec, size_t i)
{
    const char *label = sec->label && *sec->label ? sec->label : sec->name;
    buf_putc(b, '\n');
    gir_msg guide = sec->table ? NEW_GUIDE_TABLE : NEW_GUIDE_PROSE;
    scaf_comment(b, "", arena_printf(a, msg_fmt(o->lang, guide), label));
    buf_puts(b, "section ");
    scaf_name(b, sec->name);
    buf_putc(b, ' ');
    const char *old = last_prose(o, i);
    if (old) emit_prose(b, arena_printf(a, "%s\n\n%s", scaffold_marker, old));
    else emit_prose(b, arena_printf(a, msg_fmt(GIR_LANG_ZH, NEW_PROSE), label));
    if (sec->table) scaf_table(a, b, o, sec->table);
}

const char *scaffold_new(gir_arena *a, const gir_schema *s, const gir_new_opts *o, size_t *len)
{
    gir_buf b;
    buf_init(&b, a);
    emit_head(a, &b, s, o);
    for (size_t i = 0; i < s->nsections; i++) emit_section(a, &b, o, s->sections[i], i);
    *len = b.n;
    return buf_cstr(&b);
}
