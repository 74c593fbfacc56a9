/* data.c - what the data back ends (json.c, csv.c, xlsx.c) share: the
 * state of a cell in a report that may have checking errors (missing,
 * wrong, invalid, unknown, warning, besides the states of a clean
 * report), read from what the checker recorded on the cell (check.h:
 * bad, mismatch, expected, rule), never by checking again; a cell's
 * value as plain text; a header node's official label path. */
#include <string.h>
#include "render.h"
#include "base/utf8.h"

/* A blank written as `_`, as opposed to a total left blank by a part. */
static int written_blank(const gir_cell *v)
{
    return v->node && v->node->kind == N_LIT && v->node->lit.kind == LIT_BLANK;
}

const char *render_data_state(const gir_rtable *rt, const gir_cell *v)
{
    if (!rt->node) return "missing";
    if (v->rule && v->finding && v->finding->waived) return "waived";
    if (v->mismatch || (v->rule && !v->rule_warning)) return "wrong";
    int unchecked = rt->unresolved && v->derived && v->state == CELL_WRITTEN;   /* not checked, not wrong */
    if (v->bad && v->node && !unchecked) return "invalid";
    if (v->bad && !v->node) return "unknown";
    if (v->state == CELL_BLANK && !written_blank(v)) return "unknown";
    if (v->rule) return "warning";
    return render_state_name(v->state);
}

int render_data_has_value(const gir_rtable *rt, const gir_cell *v)
{
    if (!rt->node) return 0;
    if (v->state == CELL_BLANK) return 0;
    if (v->state == CELL_ZERO && (v->bad || v->type == CT_TEXT)) return 0;   /* rejected, or not computable */
    return 1;
}

const char *render_data_value(const gir_rtable *rt, const gir_cell *v, char *buf)
{
    buf[0] = 0;
    if (!render_data_has_value(rt, v)) return buf;
    if (v->state == CELL_TEXT) return v->text ? v->text : "";
    if (v->state == CELL_ZERO) {
        strcpy(buf, "0");
        return buf;
    }
    dec_format_buf(v->v, buf);
    return buf;
}

const char *render_data_expected(const gir_cell *v, char *buf)
{
    buf[0] = 0;
    if (v->mismatch) dec_format_buf(v->expected, buf);
    return buf;
}

const char *render_label_path(gir_arena *a, const gir_hnode *h, const char *sep)
{
    const gir_hnode *p[16];
    int n = 0;
    for (; h && h->depth >= 0 && n < 16; h = h->parent) p[n++] = h;
    gir_buf b;
    buf_init(&b, a);
    int first = 1;
    for (int i = n - 1; i >= 0; i--) {
        const char *t = p[i]->label && *p[i]->label ? p[i]->label : (i == 0 ? p[i]->name : NULL);
        if (!t) continue;
        if (!first) buf_puts(&b, sep);
        first = 0;
        buf_puts(&b, t);
    }
    return buf_cstr(&b);
}

/* A code point a data format cannot carry as it is: a C0 control other
 * than tab, LF and CR, DEL, or a noncharacter XML forbids. */
static int unfit(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f || cp == 0xfffe || cp == 0xffff;
}

const char *render_data_clean(gir_arena *a, const char *s)
{
    if (!s) return NULL;
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    int clean = 1;
    for (const unsigned char *q = p; q < end && clean;) {
        uint32_t cp;
        int k = utf8_decode(q, end, &cp);
        clean = k > 0 && !unfit(cp);
        q += k > 0 ? k : 1;
    }
    if (clean) return s;
    gir_buf b;
    buf_init(&b, a);
    while (p < end) {
        uint32_t cp;
        int k = utf8_decode(p, end, &cp);
        if (k > 0 && !unfit(cp)) buf_put(&b, (const char *)p, (size_t)k);
        else buf_puts(&b, "\xEF\xBF\xBD");
        p += k > 0 ? k : 1;
    }
    return buf_cstr(&b);
}
