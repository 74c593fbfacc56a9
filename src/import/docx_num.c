/* docx_num.c - Word's automatic numbering (word/numbering.xml) rendered
 * as the text it shows, so that a heading numbered by Word ("一、" of
 * 一、总体情况, "（一）" of a sub-heading, "1." of a row label) keeps its
 * number in the working text. A paragraph's w:numPr (w:numId, w:ilvl)
 * names a w:num, which names a w:abstractNum whose w:lvl gives the
 * format (w:numFmt), the text (w:lvlText, "%1、") and the start
 * (w:start). Counted per abstract list as Word counts: a level counts on,
 * the levels below it start again. Formats read: decimal (1), Chinese
 * counting (一, 十一, 二十: chineseCounting, chineseCountingThousand,
 * japaneseCounting, up to 99) and ideographTraditional (甲 … 癸); a
 * bullet, any other format or a number past those ranges gives no
 * number (the text as it is). A paragraph style may number its
 * paragraphs (styles.xml: a w:style with w:numPr, or based on one); the
 * styles also tell which one is Word's caption style (题注), whatever its
 * id (a Chinese Word names it "a5"). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "base/strmap.h"
#include "docx.h"

#define NUM_LEVELS 9
#define NUM_MAX 4096                 /* lists read (numbering.xml is at most 1 MB) */
#define TEXT_MAX 64                  /* bytes of a level's text ("（%1）" is 8) */

enum { F_NONE = 0, F_DECIMAL, F_CHINESE, F_GAN };

typedef struct numlvl {
    int fmt;                         /* F_* */
    const char *text;                /* w:lvlText, or NULL */
    int start;
} numlvl;

typedef struct abstract {
    numlvl lv[NUM_LEVELS];
    int count[NUM_LEVELS];           /* the number each level is at … */
    unsigned char on[NUM_LEVELS];    /* … once it has started */
} abstract;

typedef struct pstyle {
    int caption;                     /* named "caption" (题注): Word's id may be "a5" */
    const char *based;               /* w:basedOn, or NULL */
    const char *num;                 /* w:numId of its w:numPr, or NULL */
    const char *lvl;                 /* w:ilvl of its w:numPr, or NULL */
} pstyle;

struct imp_docx_num {
    gir_arena *a;
    gir_strmap style_id;             /* w:styleId -> index into styles */
    pstyle *styles;
    size_t nstyles;
    gir_strmap abs_id;               /* w:abstractNumId -> index into abs */
    gir_strmap num_id;               /* w:numId -> index into abs */
    abstract *abs;
    size_t nabs;
};

static const xmlNode *kid(const xmlNode *n, const char *local)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (imp_docx_is(k, local))
            return k;
    return NULL;
}

static const char *kid_val(const xmlNode *n, const char *local)
{
    const xmlNode *k = kid(n, local);
    return k ? imp_docx_attr(k, "val") : NULL;
}

static int fmt_of(const char *f)
{
    if (!f || strcmp(f, "decimal") == 0) return F_DECIMAL;
    if (strcmp(f, "chineseCounting") == 0 || strcmp(f, "chineseCountingThousand") == 0 ||
        strcmp(f, "japaneseCounting") == 0)
        return F_CHINESE;
    if (strcmp(f, "ideographTraditional") == 0) return F_GAN;
    return F_NONE;
}

static int small_int(const char *v, int lo, int hi, int dflt)
{
    if (!v) return dflt;
    long x = strtol(v, NULL, 10);
    return x < lo ? lo : x > hi ? hi : (int)x;
}

static void read_abstract(imp_docx_num *n, const xmlNode *an)
{
    const char *id = imp_docx_attr(an, "abstractNumId");
    if (!id || n->nabs >= NUM_MAX || !strmap_add(&n->abs_id, id, n->nabs)) return;
    abstract *ab = &n->abs[n->nabs++];
    for (const xmlNode *k = an->children; k; k = k->next) {
        if (!imp_docx_is(k, "lvl")) continue;
        int il = small_int(imp_docx_attr(k, "ilvl"), -1, NUM_LEVELS, -1);
        if (il < 0 || il >= NUM_LEVELS) continue;
        ab->lv[il].fmt = fmt_of(kid_val(k, "numFmt"));
        const char *t = kid_val(k, "lvlText");
        ab->lv[il].text = t && strlen(t) <= TEXT_MAX ? t : NULL;   /* a number, not a page per paragraph */
        ab->lv[il].start = small_int(kid_val(k, "start"), 0, 1000000, 1);
    }
}

/* The paragraph styles of styles.xml that number (or may inherit it). */
static void read_styles(imp_docx_num *n, const xmlDoc *styles)
{
    const xmlNode *root = styles ? xmlDocGetRootElement((xmlDoc *)styles) : NULL;
    size_t ns = 0;
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) ns += imp_docx_is(k, "style");
    n->styles = arena_alloc(n->a, (ns < NUM_MAX ? ns : NUM_MAX) * sizeof *n->styles + 1);
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) {
        const char *id = imp_docx_is(k, "style") ? imp_docx_attr(k, "styleId") : NULL;
        if (!id || n->nstyles >= NUM_MAX || !strmap_add(&n->style_id, id, n->nstyles)) continue;
        pstyle *st = &n->styles[n->nstyles++];
        const xmlNode *np = kid(kid(k, "pPr"), "numPr");
        const char *name = kid_val(k, "name");
        st->caption = (name && strcasecmp(name, "caption") == 0) || strcasecmp(id, "Caption") == 0;
        st->based = kid_val(k, "basedOn");
        st->num = np ? kid_val(np, "numId") : NULL;
        st->lvl = np ? kid_val(np, "ilvl") : NULL;
    }
}

/* The numbering a paragraph style gives (through at most 16 w:basedOn). */
static void style_numbering(const imp_docx_num *n, const char *id, const char **num, const char **lvl)
{
    for (int depth = 0; id && depth < 16; depth++) {
        size_t at = 0;
        if (!strmap_get(&n->style_id, id, &at)) return;
        const pstyle *st = &n->styles[at];
        if (!*lvl) *lvl = st->lvl;
        if (st->num) { *num = st->num; return; }
        id = st->based;
    }
}

int imp_docx_caption(const imp_docx_num *n, const char *style_id)
{
    size_t at = 0;
    if (!style_id) return 0;
    if (n && strmap_get(&n->style_id, style_id, &at)) return n->styles[at].caption;
    return strcasecmp(style_id, "Caption") == 0;
}

imp_docx_num *imp_docx_num_read(gir_arena *a, const xmlDoc *numbering, const xmlDoc *styles)
{
    const xmlNode *root = numbering ? xmlDocGetRootElement((xmlDoc *)numbering) : NULL;
    imp_docx_num *n = arena_alloc(a, sizeof *n);
    n->a = a;
    strmap_init(&n->abs_id, a);
    strmap_init(&n->num_id, a);
    strmap_init(&n->style_id, a);
    read_styles(n, styles);
    size_t na = 0;
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) na += imp_docx_is(k, "abstractNum");
    n->abs = arena_alloc(a, (na < NUM_MAX ? na : NUM_MAX) * sizeof *n->abs + 1);
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next)
        if (imp_docx_is(k, "abstractNum")) read_abstract(n, k);
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) {
        if (!imp_docx_is(k, "num")) continue;
        const char *id = imp_docx_attr(k, "numId");
        const char *ab = kid_val(k, "abstractNumId");
        size_t at = 0;
        if (id && ab && strmap_get(&n->abs_id, ab, &at)) strmap_add(&n->num_id, id, at);
    }
    return n;
}

/* v in format fmt, or 0 when it has no such form. */
static int put_number(gir_buf *b, int fmt, int v)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char *const gan[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    if (fmt == F_DECIMAL) { buf_printf(b, "%d", v); return 1; }
    if (fmt == F_GAN && v >= 1 && v <= 10) { buf_puts(b, gan[v - 1]); return 1; }
    if (fmt != F_CHINESE || v < 1 || v > 99) return 0;
    if (v >= 20) buf_puts(b, digit[v / 10]);
    if (v >= 10) buf_puts(b, "十");
    buf_puts(b, digit[v % 10]);
    return 1;
}

/* lvlText with each %k the counter of level k-1, or NULL. */
static const char *level_text(imp_docx_num *n, const abstract *ab, int il)
{
    const char *t = ab->lv[il].text;
    if (!t) return NULL;
    gir_buf b;
    buf_init(&b, n->a);
    for (const char *p = t; *p; p++) {
        if (*p != '%' || p[1] < '1' || p[1] > '9') { buf_putc(&b, *p); continue; }
        int k = p[1] - '1';
        p++;
        int v = ab->on[k] ? ab->count[k] : ab->lv[k].start;
        if (!put_number(&b, ab->lv[k].fmt, v)) return NULL;
    }
    return b.n ? buf_cstr(&b) : NULL;
}

const char *imp_docx_num_text(imp_docx_num *n, const xmlNode *p)
{
    if (!n) return NULL;
    const xmlNode *pr = kid(p, "pPr");
    const xmlNode *np = kid(pr, "numPr");
    const char *id = np ? kid_val(np, "numId") : NULL;
    const char *lvl = np ? kid_val(np, "ilvl") : NULL;
    if (!id) style_numbering(n, kid_val(pr, "pStyle"), &id, &lvl);
    size_t at = 0;
    if (!id || !strmap_get(&n->num_id, id, &at)) return NULL;   /* numId 0: numbering removed */
    abstract *ab = &n->abs[at];
    int il = small_int(lvl, 0, NUM_LEVELS - 1, 0);
    ab->count[il] = ab->on[il] && ab->count[il] < 1000000000 ? ab->count[il] + 1 : ab->lv[il].start;
    ab->on[il] = 1;
    for (int j = il + 1; j < NUM_LEVELS; j++) ab->on[j] = 0;
    return ab->lv[il].fmt == F_NONE ? NULL : level_text(n, ab, il);
}
