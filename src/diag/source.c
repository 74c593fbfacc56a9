/* source.c - a source text's line table and position conversions: byte
 * offset -> (line, byte/char/UTF-16/display column) for messages, the CLI
 * and the language server, and LSP (line, column) -> byte offset.
 * The line table is built in one linear pass; lookups are a binary search
 * over line starts followed by a walk over one line. */
#include <string.h>
#include "source.h"
#include "base/utf8.h"

/* ---- characters ---- */

int source_char(const char *p, const char *end, uint32_t *cp)
{
    int k = utf8_decode((const unsigned char *)p, (const unsigned char *)end, cp);
    if (k < 0) {
        *cp = SOURCE_BAD_CP;
        return 1;
    }
    return k;
}

int source_cp_hidden(uint32_t cp)
{
    if (cp == SOURCE_BAD_CP) return 1;
    if (cp < 0x20) return cp != '\t';
    if (cp >= 0x7F && cp <= 0x9F) return 1;
    if (cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029) return 1;
    if (cp >= 0x202A && cp <= 0x202E) return 1;
    return cp >= 0x2066 && cp <= 0x2069;
}

uint32_t source_disp_advance(uint32_t cp, uint32_t col)
{
    if (cp == '\t') return (col / 8 + 1) * 8;
    if (source_cp_hidden(cp)) return col + 1;
    return col + (uint32_t)utf8_cp_width(cp);
}

const char *source_name(const gir_source *s)
{
    if (!s || !s->name || strcmp(s->name, "-") == 0) return "<stdin>";
    return s->name;
}

/* ---- line table ---- */

/* Counts the lines (terminators + 1); when starts is not NULL, stores the
 * offset after each terminator in starts[1..]. */
static uint32_t scan_lines(const char *t, uint32_t len, uint32_t *starts, int has_cr)
{
    uint32_t n = 1;
    if (!has_cr) {   /* "\n" only: memchr finds them many bytes at a time */
        for (const char *p = t, *e = t + len; len && (p = memchr(p, '\n', (size_t)(e - p))) != NULL; n++) {
            p++;
            if (starts) starts[n] = (uint32_t)(p - t);
        }
        return n;
    }
    for (uint32_t i = 0; i < len; i++) {
        char c = t[i];
        if (c != '\n' && c != '\r') continue;
        if (c == '\r' && i + 1 < len && t[i + 1] == '\n') i++;
        if (starts) starts[n] = i + 1;
        n++;
    }
    return n;
}

void source_init(gir_source *s, gir_arena *a, const char *name, const char *text, uint32_t len)
{
    s->name = name;
    s->text = text;
    s->len = len;
    int has_cr = len && memchr(text, '\r', len) != NULL;
    uint32_t n = scan_lines(text, len, NULL, has_cr);
    s->line_start = arena_alloc(a, (size_t)n * sizeof *s->line_start);
    if (!s->line_start) { /* out of memory without a jump target */
        s->nlines = 0;
        return;
    }
    s->line_start[0] = 0;
    scan_lines(text, len, s->line_start, has_cr);
    s->nlines = n;
    s->mark = arena_alloc(a, 2 * sizeof *s->mark);   /* NULL: no marks, every walk from the line start */
    if (s->mark) {
        s->mark[0].line0 = UINT32_MAX;
        s->mark[1].line0 = UINT32_MAX;
    }
}

/* With no table (out of memory) the text is treated as one line. */
static uint32_t nlines_of(const gir_source *s) { return s->nlines ? s->nlines : 1; }
static uint32_t start_of(const gir_source *s, uint32_t i) { return s->nlines ? s->line_start[i] : 0; }

/* One past the last byte of line i, before its terminator. */
static uint32_t end_of(const gir_source *s, uint32_t i)
{
    if (i + 1 >= nlines_of(s)) return s->len;
    uint32_t e = s->line_start[i + 1];
    if (s->text[e - 1] == '\n') {
        e--;
        if (e > s->line_start[i] && s->text[e - 1] == '\r') e--;
    } else {
        e--; /* a lone "\r" */
    }
    return e;
}

uint32_t source_line_of(const gir_source *s, uint32_t off)
{
    if (off > s->len) off = s->len;
    uint32_t lo = 0, hi = nlines_of(s) - 1;
    while (lo < hi) { /* last line whose start <= off */
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (start_of(s, mid) <= off) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

const char *source_line_text(const gir_source *s, uint32_t line0, uint32_t *len)
{
    if (line0 >= nlines_of(s)) line0 = nlines_of(s) - 1;
    uint32_t b = start_of(s, line0);
    *len = end_of(s, line0) - b;
    return s->text + b;
}

/* ---- conversions ---- */

/* Walks line line0 (bytes [b, e)) up to off, from the mark when it is
 * on this line and not after off; leaves the mark at the result. */
static gir_source_mark walk(const gir_source *s, uint32_t line0, uint32_t b, uint32_t e, uint32_t off)
{
    gir_source_mark m = {line0, b, 0, 0, 0};
    if (s->mark && s->mark->line0 == line0 && s->mark->byte <= off && s->mark->byte >= b)
        m = *s->mark;
    while (m.byte < off) {
        uint32_t cp;
        int k = source_char(s->text + m.byte, s->text + e, &cp);
        if (m.byte + (uint32_t)k > off) break; /* off is inside this character */
        m.chars++;
        m.utf16 += (cp != SOURCE_BAD_CP && cp >= 0x10000) ? 2 : 1;
        m.disp = source_disp_advance(cp, m.disp);
        m.byte += (uint32_t)k;
    }
    if (s->mark)
        *s->mark = m;
    return m;
}

void source_pos(const gir_source *s, uint32_t off, gir_pos *out)
{
    uint32_t line0 = source_line_of(s, off);
    uint32_t b = start_of(s, line0), e = end_of(s, line0);
    if (off > e) off = e;
    gir_source_mark m = walk(s, line0, b, e, off);
    out->line = line0 + 1;
    out->byte_col = m.byte - b;
    out->char_col = m.chars + 1;
    out->utf16_col = m.utf16;
    out->disp_col = m.disp;
}

uint32_t source_disp_col(const gir_source *s, uint32_t off)
{
    gir_pos p;
    source_pos(s, off, &p);
    return p.disp_col;
}

uint32_t source_byte_at_disp(const gir_source *s, uint32_t line0, uint32_t target, uint32_t *disp)
{
    if (line0 >= nlines_of(s)) line0 = nlines_of(s) - 1;
    uint32_t b = start_of(s, line0), e = end_of(s, line0);
    gir_source_mark m = {line0, b, 0, 0, 0};
    gir_source_mark *w = s->mark ? &s->mark[1] : NULL;
    if (w && w->line0 == line0 && w->disp <= target && w->byte >= b)
        m = *w;
    while (m.byte < e && m.disp < target) {
        uint32_t cp;
        m.byte += (uint32_t)source_char(s->text + m.byte, s->text + e, &cp);
        m.disp = source_disp_advance(cp, m.disp);
    }
    if (w)
        *w = m;
    *disp = m.disp;
    return m.byte;
}

uint32_t source_offset_at(const gir_source *s, uint32_t line0, uint32_t col, int utf16)
{
    if (line0 >= nlines_of(s)) return s->len;
    uint32_t p = start_of(s, line0), e = end_of(s, line0), units = 0;
    while (p < e) {
        uint32_t cp;
        int k = source_char(s->text + p, s->text + e, &cp);
        uint32_t w = utf16 ? ((cp != SOURCE_BAD_CP && cp >= 0x10000) ? 2 : 1) : (uint32_t)k;
        if (units + w > col) break;
        units += w;
        p += (uint32_t)k;
    }
    return p;
}
