/* emit.c - the reconstructed report as .gir text. Every table cell
 * is written out (nothing is left to the "omitted means 0" rule): values
 * as normalised literals, "_" for a cell blank, unreadable or missing in
 * the input. Row labels are the official labels in quotes; comments say
 * where each inference came from and keep what was not understood. The
 * prose is CommonMark: one paragraph per published paragraph, with the
 * characters CommonMark would read as markup escaped, and never a `"""`.
 * The comments are catalogue entries (notes.h) in the language of
 * --lang; the labels are the template's official ones. */
#include <string.h>
#include "base/array.h"
#include "base/label.h"
#include "base/utf8.h"
#include "emit.h"
#include "meta.h"
#include "notes.h"
#include "sniff.h"

/* A character no .gir line carries (a terminal would act on it): C0
 * but tab, DEL, C1 (CSI U+009B, NEL …), the line and paragraph
 * separators. The .gir has a space in its place. */
static int imp_is_control(uint32_t cp)
{
    if (cp < 0x20) return cp != '\t';
    return (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

/* W1061 at the first control character of the input (line breaks, tabs
 * and form feeds are layout, not controls; NUL has W1027), with how
 * many there are. */
static void control_chars(imp_ctx *c)
{
    const unsigned char *p = (const unsigned char *)c->src->text, *e = p + c->src->len;
    size_t n = 0;
    uint32_t first = 0, flen = 1;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) k = 1;
        else if (imp_is_control(cp) && cp && cp != '\n' && cp != '\r' && cp != '\f' && n++ == 0) {
            first = (uint32_t)(p - (const unsigned char *)c->src->text);
            flen = (uint32_t)k;
        }
        p += k;
    }
    if (!n) return;
    diag_add(c->dg, GIR_SEV_WARNING, I_CONTROL_CHARS, c->src, (gir_span){first, first + flen}, n, n == 1 ? "" : "s");
}

static void put_escaped_string(gir_buf *b, const char *s)
{
    buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) { p++; continue; }
        if (cp == '"' || cp == '\\') { buf_putc(b, '\\'); buf_putc(b, (char)cp); }
        else if (cp == '\t' || imp_is_control(cp)) buf_putc(b, ' ');
        else buf_put(b, (const char *)p, (size_t)k);
        p += k;
    }
    buf_putc(b, '"');
}

/* One comment line: control characters (and so line breaks) become spaces. */
static void put_comment(gir_buf *b, const char *indent, const char *text)
{
    buf_puts(b, indent);
    buf_puts(b, "# ");
    const unsigned char *p = (const unsigned char *)text, *e = p + strlen(text);
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) { p++; continue; }
        if (cp == '\t' || imp_is_control(cp)) buf_putc(b, ' ');
        else buf_put(b, (const char *)p, (size_t)k);
        p += k;
    }
    buf_putc(b, '\n');
}

/* Comment lines, one for each line of text (a catalogue entry with "\n"). */
static void put_comments(gir_buf *b, const char *indent, const char *text)
{
    const char *nl;
    while ((nl = strchr(text, '\n')) != NULL) {
        put_comment(b, indent, arena_strndup(b->arena, text, (size_t)(nl - text)));
        text = nl + 1;
    }
    put_comment(b, indent, text);
}

/* A paragraph as CommonMark text that reads back as itself. */
static void put_paragraph(gir_buf *b, const char *s)
{
    const char *p = s;
    /* block starts: heading, quote, list, fence, thematic break, HTML */
    if (*p && strchr("#>-+*=`~<|", *p)) { buf_putc(b, '\\'); buf_putc(b, *p++); }
    else {
        const char *q = p;
        while (*q >= '0' && *q <= '9' && q - p < 9) q++;
        if (q > p && (*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t' || q[1] == 0)) {
            buf_put(b, p, (size_t)(q - p));
            buf_putc(b, '\\');
            p = q;
        }
    }
    int quotes = 0;                       /* '"' just written in a row: never three */
    for (; *p; p++) {
        char ch = *p;
        if (ch == '"') {
            if (quotes == 2) { buf_putc(b, '\\'); quotes = 0; }
            buf_putc(b, ch);
            quotes++;
            continue;
        }
        quotes = 0;
        unsigned char u = (unsigned char)ch;
        if ((u < 0x20 && ch != '\t') || u == 0x7F) {   /* line breaks and controls (an escape sequence never reaches the .gir) */
            buf_putc(b, ' ');
            continue;
        }
        if (u == 0xC2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9F) {   /* C1 controls */
            buf_putc(b, ' ');
            p++;
            continue;
        }
        if (ch == '*' || ch == '_' || ch == '`' || ch == '\\' || ch == '[' || ch == ']') buf_putc(b, '\\');
        else if (ch == '<' && (((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z') || p[1] == '/' || p[1] == '!' || p[1] == '?'))
            buf_putc(b, '\\');
        else if (ch == '&' && (((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z') || p[1] == '#')) buf_putc(b, '\\');
        buf_putc(b, ch);
    }
}

static void put_prose(gir_buf *b, const char *name, const char **par, size_t n)
{
    buf_printf(b, "section %s \"\"\"\n", name);
    for (size_t i = 0; i < n; i++) {
        if (i) buf_putc(b, '\n');
        put_paragraph(b, par[i]);
        buf_putc(b, '\n');
    }
    buf_puts(b, "\"\"\"\n");
}

static size_t width(const char *s) { return utf8_width(s, strlen(s)); }

static void pad(gir_buf *b, size_t have, size_t want)
{
    for (size_t i = have; i < want; i++) buf_putc(b, ' ');
}

static const char *cell_text(const imp_cell *k)
{
    return k->st == IC_VALUE && k->val ? k->val : "_";
}

/* The comment above a block: its caption and column labels (or, for a
 * table of one block without row labels, the column names). */
static const char *column_heads(imp_ctx *c, const gir_block *bl, int names)
{
    gir_buf h;
    buf_init(&h, c->a);
    for (size_t col = 0; col < bl->ncols; col++) {
        if (col)
            buf_putc(&h, ' ');
        buf_puts(&h, names ? bl->cols[col]->name : bl->cols[col]->label);
    }
    if (names || !bl->caption)
        return buf_cstr(&h);
    return imp_say(c, I_G_COLUMNS, bl->caption, buf_cstr(&h));
}

static void emit_table(imp_ctx *c, gir_buf *b, imp_table *t)
{
    const gir_ttable *tt = t->t;
    buf_printf(b, "table %s {\n", tt->name);
    for (size_t i = 0; i < t->nnotes; i++) put_comment(b, "  ", t->notes[i]);
    size_t lw = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const gir_block *bl = tt->blocks[t->rows[i].block];
        if (bl->rowlabels) { size_t w = width(t->rows[i].h->label) + 2; if (w > lw) lw = w; }
    }
    /* rows from here on are all missing (the input ends before them) */
    size_t tail = t->nrows;
    while (tail > 0) {
        int any = 0;
        for (size_t col = 0; col < t->rows[tail - 1].ncols; col++) any |= t->rows[tail - 1].cells[col].st != IC_MISSING;
        if (any) break;
        tail--;
    }
    int block = -1;
    size_t *cw = NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        imp_row *r = &t->rows[i];
        const gir_block *bl = tt->blocks[r->block];
        if (r->block != block) {
            block = r->block;
            cw = arena_alloc(c->a, (bl->ncols + 1) * sizeof *cw);
            for (size_t j = i; j < t->nrows && t->rows[j].block == block; j++)
                for (size_t col = 0; col < bl->ncols; col++) {
                    size_t w = width(cell_text(&t->rows[j].cells[col]));
                    if (w > cw[col]) cw[col] = w;
                }
            put_comment(b, "  ", column_heads(c, bl, tt->nblocks == 1 && !bl->rowlabels));
        }
        for (size_t k = 0; k < r->nnotes; k++) put_comment(b, "  ", r->notes[k]);
        int any = 0;
        for (size_t col = 0; col < r->ncols; col++) any |= r->cells[col].st != IC_MISSING;
        int missing = 0;
        for (size_t col = 0; col < r->ncols; col++) missing += r->cells[col].st == IC_MISSING;
        if (i == tail && tail > 0)
            put_comment(b, "  ", imp_say(c, I_G_ROWS_CUT));
        else if (!any && i < tail)
            put_comment(b, "  ", imp_say(c, I_G_ROW_ABSENT));
        else if (missing && i < tail)
            put_comment(b, "  ", imp_say(c, missing == 1 ? I_G_CELL_ABSENT : I_G_CELLS_ABSENT, missing));
        buf_puts(b, "  ");
        size_t w = 0;
        if (bl->rowlabels) {
            size_t at = b->n;
            put_escaped_string(b, r->h->label);
            w = utf8_width(b->p + at, b->n - at);
        }
        pad(b, w, lw);
        for (size_t col = 0; col < r->ncols; col++) {
            const char *v = cell_text(&r->cells[col]);
            buf_puts(b, col || bl->rowlabels ? " " : "");
            pad(b, width(v), cw[col]);
            buf_puts(b, v);
            c->im->ncells++;
            switch (r->cells[col].st) {
            case IC_VALUE: c->im->nvalues++; break;
            case IC_BLANK: c->im->nblank++; break;
            case IC_UNSURE: c->im->nunsure++; break;
            case IC_MISSING: c->im->nmissing++; break;
            }
            if (r->cells[col].st == IC_VALUE && r->cells[col].how != HOW_LABEL) c->im->ninferred++;
        }
        buf_putc(b, '\n');
    }
    buf_puts(b, "}\n");
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int date_word(const char *l)
{
    return l[0] >= '0' && l[0] <= '9' && utf8_width(l, strlen(l)) <= 20 && (strstr(l, "日") || strchr(l, '-'));
}

static int closing_line(const char *l, const imp_meta *m)
{
    if (utf8_width(l, strlen(l)) > 40) return 0;
    if (m->agency && *m->agency && strstr(l, m->agency)) return 1;
    if (strncmp(l, "附件", 6) == 0) return 1;
    return date_word(l);
}

/* The name before the date of a 落款, whoever signed: a short agency's
 * name, no digit, no sentence mark (girc check compares it with the
 * header's agency, W0672). */
static int signer(const char *w)
{
    if (utf8_width(w, strlen(w)) > 40 || !imp_agency_kind(w) || strstr(w, "。") || strstr(w, "，") || strstr(w, "："))
        return 0;
    for (const char *p = w; *p; p++)
        if (*p >= '0' && *p <= '9')
            return 0;
    return 1;
}

/* Cuts the closing words off the end of paragraph l (its first keep
 * bytes), last first, into w; returns 0 when a word that is not one
 * stopped it (or the paragraph has a single word left), 1 when the
 * paragraph is used up. */
static int cut_words(imp_ctx *c, const char *l, size_t *keep, const imp_meta *m, const char ***w, size_t *nw)
{
    while (*keep) {
        const char *sp = l + *keep;
        while (sp > l && sp[-1] != ' ')
            sp--;
        if (sp == l)
            return 0;
        sp--;
        const char *word = arena_strndup(c->a, sp + 1, *keep - (size_t)(sp + 1 - l));
        if (!closing_line(word, m) && !(*nw && date_word((*w)[*nw - 1]) && signer(word)))
            return 0;
        ARRAY_PUSH(c->a, *w, *nw, word);
        size_t n = (size_t)(sp - l);
        while (n && l[n - 1] == ' ')
            n--;
        *keep = n;
    }
    return 1;
}

/* A copy on one line ("… 平潭综合实验区财政金融局 2021年1月27日 附件下载"):
 * the closing words at the end of the last paragraphs, cut from them
 * into *w, in order (*nw of them); *np drops the paragraphs used up. */
static void closing_words(imp_ctx *c, const char **par, size_t *np, const imp_meta *m, const char ***w, size_t *nw)
{
    const char **rev = NULL;
    size_t nrev = 0;
    while (*np) {
        const char *l = par[*np - 1];
        size_t len = strlen(l), keep = len;
        int used_up = cut_words(c, l, &keep, m, &rev, &nrev);
        if (keep < len)
            par[*np - 1] = arena_strndup(c->a, l, keep);
        if (!used_up || keep)
            break;
        (*np)--;
    }
    *w = arena_alloc(c->a, (nrev + 1) * sizeof **w);
    *nw = nrev;
    for (size_t i = 0; i < nrev; i++)
        (*w)[i] = rev[nrev - 1 - i];
}

static int attachment(const char *l)
{
    return strncmp(l, "附件", strlen("附件")) == 0;
}

/* The 落款 of the last part: its agency and date stay the last lines of
 * the part's prose, as the author wrote them, so that girc check reads
 * them (check/signoff.c); closing words run into the last paragraph (a
 * copy on one line) become a line of their own. What names an attachment
 * after it (附件下载, 附件：…) is page text, kept as a comment in b. The
 * paragraphs of the part, *np of them, are returned. */
static const char **signoff(imp_ctx *c, gir_buf *b, const char **par, size_t *np, const imp_meta *m)
{
    size_t n = *np, lines = n;
    while (lines && closing_line(par[lines - 1], m))
        lines--;
    size_t keep = lines, nw = 0;
    const char **w = NULL;
    closing_words(c, par, &keep, m, &w, &nw);
    const char **out = arena_alloc(c->a, (n + 2) * sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < keep; i++)
        out[k++] = par[i];
    gir_buf sign;
    buf_init(&sign, c->a);
    for (size_t i = 0; i < nw; i++) {
        if (attachment(w[i])) {
            put_comment(b, "", imp_say(c, I_G_AFTER_SIGNOFF, w[i]));
            continue;
        }
        if (sign.n)
            buf_putc(&sign, ' ');
        buf_puts(&sign, w[i]);
    }
    if (sign.n)
        out[k++] = buf_cstr(&sign);
    for (size_t i = lines; i < n; i++) {
        if (attachment(par[i]))
            put_comment(b, "", imp_say(c, I_G_AFTER_SIGNOFF, par[i]));
        else
            out[k++] = par[i];
    }
    *np = k;
    return out;
}

static void header_field(gir_buf *b, const char *key, const char *val, int quote, const char *from)
{
    size_t at = b->n;
    buf_printf(b, "  %-8s ", key);
    if (quote) put_escaped_string(b, val); else buf_puts(b, val);
    if (from) {
        pad(b, utf8_width(b->p + at, b->n - at), 30);
        buf_printf(b, "  # %s", from);
    }
    buf_putc(b, '\n');
}

/* The form the input was read in, named in the first comment: the
 * sniffed form (PDF, DOCX), or for a page HTML or text. */
static const char *input_kind(imp_ctx *c)
{
    if (c->im->form == IMP_FORM_PDF) return "PDF";
    if (c->im->form == IMP_FORM_ZIP) return "DOCX";
    return c->w.html ? "HTML" : imp_say(c, I_G_TEXT);
}

const char *imp_emit(imp_ctx *c, const imp_meta *m, size_t *len)
{
    control_chars(c);
    gir_buf b;
    buf_init(&b, c->a);
    const char *nm = c->im && c->im->template_name ? c->im->template_name : c->tmpl;
    const char *kind = input_kind(c);
    const char *enc = c->im->encoding ? c->im->encoding : "UTF-8";
    if (c->im->form == IMP_FORM_PDF) enc = imp_say(c, I_G_TEXT_LAYER);
    put_comments(&b, "", imp_say(c, I_G_HEADER, base(c->out_name), base(c->src->name), kind, enc));
    if (c->evidence)
        put_comments(&b, "", imp_say(c, I_G_FORMAT, nm, c->evidence));
    else
        put_comments(&b, "", imp_say(c, I_G_FORMAT_NONE, nm));
    put_comments(&b, "", imp_say(c, I_G_CELLS));
    if (c->w.chrome)
        put_comments(&b, "", imp_say(c, I_G_CHROME, c->w.chrome));
    buf_putc(&b, '\n');
    /* header */
    if (m->title) { buf_puts(&b, "report "); put_escaped_string(&b, m->title); buf_puts(&b, " {\n"); }
    else buf_puts(&b, "report {\n");
    header_field(&b, "template", nm, 0, NULL);
    header_field(&b, "agency", m->agency ? m->agency : "", 1, m->agency ? m->agency_from : imp_say(c, I_G_FROM_NOWHERE));
    if (m->kind) header_field(&b, "kind", m->kind, 0, m->kind_from);
    if (m->year) header_field(&b, "year", arena_printf(c->a, "%d", m->year), 0, m->year_from);
    else put_comment(&b, "  ", imp_say(c, I_G_NO_YEAR));
    if (m->date) header_field(&b, "date", m->date, 0, m->date_from);
    buf_puts(&b, "}\n");
    /* text before the first part */
    size_t first = c->nu;
    for (size_t k = 0; k < c->s->nsections; k++) if (c->head[k].found) { first = c->head[k].ub; break; }
    const char **par;
    size_t np = imp_paragraphs(c, 0, first, &par);
    if (np) {
        buf_putc(&b, '\n');
        put_comment(&b, "", imp_say(c, I_G_BEFORE_FIRST));
        for (size_t i = 0; i < np; i++) put_comment(&b, "", arena_printf(c->a, "  %s", par[i]));
    }
    /* parts in template order */
    for (size_t k = 0; k < c->s->nsections; k++) {
        const gir_tsection *s = c->s->sections[k];
        imp_heading *h = &c->head[k];
        buf_putc(&b, '\n');
        if (h->variant || (h->found && strcmp(label_fold(c->a, h->text), label_fold(c->a, s->label)) != 0))
            put_comment(&b, "", imp_say(c, I_G_HEADING, h->text));
        size_t end = c->nu;
        for (size_t j = k + 1; j < c->s->nsections; j++) if (c->head[j].found) { end = c->head[j].ub; break; }
        np = h->found ? imp_paragraphs(c, h->ue, end, &par) : 0;
        if (!h->found) put_comment(&b, "", imp_say(c, I_G_PART_MISSING, s->label));
        if (k + 1 == c->s->nsections && np)
            par = signoff(c, &b, par, &np, m);
        if (np) put_prose(&b, s->name, par, np);
        if (s->table) {
            imp_table *t = &c->tab[s->table->index];
            if (t->found) { if (np) buf_putc(&b, '\n'); emit_table(c, &b, t); }
            else put_comment(&b, "", imp_say(c, I_G_TABLE_MISSING, s->table->name, s->label));
        }
    }
    if (c->nleftover) {
        buf_putc(&b, '\n');
        put_comment(&b, "", imp_say(c, I_G_LEFTOVER));
        for (size_t i = 0; i < c->nleftover; i++) put_comment(&b, "", arena_printf(c->a, "  %s", c->leftover[i]));
    }
    *len = b.n;
    return buf_cstr(&b);
}
