/* fuzz_pdf.c - libFuzzer harness for girc's own half of the PDF stage:
 * the geometry (src/import/pdflayout.c, pdftable.c, pdfrule.c), without
 * poppler. fuzz_import feeds whole PDFs, but poppler and cairo take
 * 0.05-0.4 s an input there (a few execs a second) and most mutations
 * only reach poppler's error paths; here the input is decoded into the
 * positioned characters and ruling lines poppler and the rule scan would
 * give, so every input reaches the layout (lines, segments, running
 * headers, tables over page breaks, wrapped labels, rules between
 * cells) at thousands of execs a second.
 * Input: records of 8 bytes. b0 0xFF starts a new page (b1-b4: width and
 * height in points, b1b2 and b3b4 / 8, 0 for A4); 0xFE a vertical rule
 * at x = b1b2 / 8 from y = b3b4 / 8, b5 * 2 points long; 0xFD a
 * horizontal rule likewise (y, from x, long); 0xFC ends the records and
 * the rest is a grey image (b1 + 1 pixels wide) for the rule scan;
 * else a character: code point cps[b0 % NCP] (digits, the labels' CJK
 * characters, punctuation, |, Latin), box from x = b1b2 / 8,
 * y = b3b4 / 8, width b5 / 8 (+0.5), height b6 / 8 (+0.5); b7 & 0x80
 * takes the code point from k = b7 & 0x7F, b6 instead (U+3001 + k, CJK;
 * U+FF00 + b6 when b7 is 0xFF, full-width forms) and the height 10.5
 * (tests/fuzz/mkpdfseed.py
 * writes the seeds so, from pdftotext -bbox of the test PDFs).
 * Properties: the working text is valid UTF-8 without NUL; fed to the
 * text importer (as girc would with a PDF's rebuilt text), the .gir it
 * writes parses (as fuzz_import). Seeds: tests/fuzz/corpus/pdf/ (made by
 * tests/fuzz/mkpdfseed.py from the PDFs of tests/import/pdf/ and the
 * import seeds). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "base/utf8.h"
#include "driver/compile.h"
#include "import/import.h"
#include "import/internal.h"
#include "import/pdflayout.h"
#include "import/pdfrule.h"

#define MAX_PAGES 8
#define MAX_RULES 256
#define MAX_IMAGE (64u * 1024u)

/* The characters a report's tables and headings are made of. */
/* clang-format off */
static const uint32_t cps[] = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '5', '.', ',', '%', '-', '|', '/', 'a', 'Z',
    0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, /* 一二三四五六七八九十 */
    0x3001, 0xFF08, 0xFF09, 0x7B2C, 0x6761, 0x9879, 0x9875, 0x2014,                 /* 、（）第条项页— */
    0x89C4, 0x7AE0, 0x884C, 0x653F, 0x8BB8, 0x53EF, 0x5904, 0x7F5A, 0x5F3A, 0x5236, /* 规章行政许可处罚强制 */
    0x672C, 0x5E74, 0x65B0, 0x6536, 0x7533, 0x8BF7, 0x6570, 0x91CF, 0x4E0A, 0x7ED3, /* 本年新收申请数量上结 */
    0x8F6C, 0x81EA, 0x7136, 0x4EBA, 0x6CD5, 0x516C, 0x5F00, 0x4E88, 0x4EE5, 0x90E8, /* 转自然人法公开予以部 */
    0x5206, 0x4E0D, 0x590D, 0x8BAE, 0x8BC9, 0x8BBC, 0x60C5, 0x51B5, 0x603B, 0x8BA1, /* 分不复议诉讼情况总计 */
    0x4E3B, 0x52A8, 0x4FE1, 0x606F, 0x5236, 0x53D1, 0x4EF6, 0x5E9F, 0x6B62, 0x6709, /* 主动信息制发件废止有 */
    0x6548, 0x7EF4, 0x6301, 0x7EA0, 0x6B63, 0x5176, 0x4ED6, 0x672A, 0x5BA1, 0x5B8C, /* 效维持纠正其他未审完 */
};
/* clang-format on */
#define NCP (sizeof cps / sizeof cps[0])

typedef struct page_in {
    pdf_page pg;
    size_t cap;
    pdf_rule vr[MAX_RULES], hr[MAX_RULES];
} page_in;

static float coord(const uint8_t *b) { return (float)(((unsigned)b[0] << 8) | b[1]) / 8.0f; }

static int by_x(const void *a, const void *b)
{
    const pdf_rule *p = a, *q = b;
    return p->x < q->x ? -1 : p->x > q->x;
}

static void new_page(page_in *p, const uint8_t *r)
{
    memset(&p->pg, 0, sizeof p->pg);
    p->cap = 0;
    p->pg.w = r ? coord(r + 1) : 0;
    p->pg.h = r ? coord(r + 3) : 0;
    if (!(p->pg.w > 1 && p->pg.h > 1)) {
        p->pg.w = 595;
        p->pg.h = 842;
    }
    p->pg.vr = p->vr;
    p->pg.hr = p->hr;
}

static void add_char(gir_arena *a, page_in *p, const uint8_t *r)
{
    uint32_t cp = cps[r[0] % NCP];
    uint32_t k = (uint32_t)(r[7] & 0x7F) << 8 | r[6];
    if (r[7] & 0x80) cp = k < 0x7F00 ? 0x3001 + k : 0xFF00 + (k & 0xFF); /* CJK, full-width forms */
    if (p->pg.n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        pdf_ch *v = arena_alloc(a, cap * sizeof *v);
        if (p->pg.n) memcpy(v, p->pg.ch, p->pg.n * sizeof *v);
        p->pg.ch = v;
        p->cap = cap;
    }
    pdf_ch *c = &p->pg.ch[p->pg.n++];
    c->cp = cp;
    c->x0 = coord(r + 1);
    c->y0 = coord(r + 3);
    c->x1 = c->x0 + (float)r[5] / 8.0f + 0.5f;
    c->y1 = c->y0 + ((r[7] & 0x80) ? 10.5f : (float)r[6] / 8.0f + 0.5f);
}

static void add_rule(page_in *p, const uint8_t *r)
{
    int vertical = r[0] == 0xFE;
    size_t *n = vertical ? &p->pg.nvr : &p->pg.nhr;
    if (*n == MAX_RULES) return;
    pdf_rule *v = vertical ? p->vr : p->hr;
    v[*n].x = coord(r + 1);
    v[*n].y0 = coord(r + 3);
    v[*n].y1 = v[*n].y0 + (float)r[5] * 2.0f;
    (*n)++;
}

/* The rule scan over a grey image made of the rest of the input. */
static void scan_image(gir_arena *a, const uint8_t *b, size_t n)
{
    if (n < 2) return;
    int w = b[0] + 1;
    b++;
    n--;
    if (n > MAX_IMAGE) n = MAX_IMAGE;
    int h = (int)(n / (size_t)w);
    if (h < 1) return;
    unsigned char *px = arena_alloc(a, (size_t)w * (size_t)h * 4);
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        memset(px + 4 * i, b[i], 4);
    size_t nv = 0, nh = 0;
    pdf_vertical_rules(a, px, w, h, w * 4, 1.0 + (b[0] & 3), &nv);
    pdf_horizontal_rules(a, px, w, h, w * 4, 1.0 + (b[0] & 3), &nh);
}

typedef struct job {
    const uint8_t *data;
    size_t size;
    imp_ctx *c;
    page_in *pages;
} job;

static void decode_and_lay_out(void *ud)
{
    job *j = ud;
    size_t npg = 1;
    new_page(&j->pages[0], NULL);
    size_t i = 0;
    for (; i + 8 <= j->size; i += 8) {
        const uint8_t *r = j->data + i;
        if (r[0] == 0xFC) break;
        if (r[0] == 0xFF && npg < MAX_PAGES)
            new_page(&j->pages[npg++], r);
        else if (r[0] == 0xFE || r[0] == 0xFD)
            add_rule(&j->pages[npg - 1], r);
        else if (r[0] < 0xFC)
            add_char(j->c->a, &j->pages[npg - 1], r);
    }
    if (i < j->size && j->data[i] == 0xFC) scan_image(j->c->a, j->data + i + 1, j->size - i - 1);
    pdf_page pg[MAX_PAGES];
    for (size_t k = 0; k < npg; k++) {
        qsort(j->pages[k].vr, j->pages[k].pg.nvr, sizeof(pdf_rule), by_x); /* as pdfrule.h gives them */
        qsort(j->pages[k].hr, j->pages[k].pg.nhr, sizeof(pdf_rule), by_x);
        pg[k] = j->pages[k].pg;
    }
    pdf_layout(j->c, pg, npg);
}

/* The working text through the rest of the importer, as text. */
static void import_text(const char *s, size_t n)
{
    gir_import_opts io = {GIR_LANG_ZH, "fuzz.gir", NULL};
    gir_import *im = gir_import_run("fuzz.txt", s, n, &io);
    if (im && !im->oom && im->gir) {
        gir_options o = {0};
        o.no_previous = 1;
        gir_doc *d = gir_doc_parse("fuzz.gir", im->gir, im->gir_len, &o);
        if (d && !d->oom && d->diags.nerrors) {
            fprintf(stderr, "fuzz_pdf: the imported .gir does not parse\n--- .gir\n%.*s\n---\n", (int)im->gir_len,
                    im->gir);
            abort();
        }
        gir_doc_free(d);
    }
    gir_import_free(im);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static page_in pages[MAX_PAGES];
    gir_arena *a = arena_new(NULL);
    if (!a) return 0;
    gir_diags dg;
    diags_init(&dg, a, GIR_LANG_ZH);
    gir_source src;
    source_init(&src, a, "fuzz.pdf", "", 0);
    imp_ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.dg = &dg;
    c.src = &src;
    c.out_name = "fuzz.gir";
    job j = {data, size, &c, pages};
    if (arena_protect(a, decode_and_lay_out, &j) == 0 && c.w.s) {
        if (strlen(c.w.s) != c.w.n || utf8_find_invalid(c.w.s, c.w.n) >= 0) {
            fprintf(stderr, "fuzz_pdf: the working text is not UTF-8 without NUL\n");
            abort();
        }
        import_text(c.w.s, c.w.n);
    }
    arena_free(a);
    return 0;
}
