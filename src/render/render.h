/* render.h - the renderer core shared by every back end of `girc build`,
 * after cmark's render.h. The back ends are registered in one table of
 * descriptors (gir_backends, backends.c): each names itself for -f,
 * lists its output extensions, says whether it has a --fragment form and
 * carries the hooks of the walk. The core walks the checked report in
 * template order and hands each back end the same pieces: the report
 * header, each section's heading and prose, and each table as its
 * official merged layout (gir_layout), computed once here from the
 * template's header trees. Back ends only draw and escape; none
 * re-derives a total or a span. The core names no back end. */
#ifndef GIR_RENDER_H
#define GIR_RENDER_H
#include <cmark.h>
#include "base/arena.h"
#include "base/dynlib.h"
#include "base/sink.h"
#include "check/check.h"

typedef struct gir_renderer gir_renderer;
typedef struct gir_layout gir_layout;
typedef struct gir_book gir_book;

/* A back end that writes a file itself (xlsx.c: libxlsxwriter writes to a
 * path): open the book on a temporary path, add each report of the batch
 * in order, close. The caller renames the temporary file over the target
 * when close succeeds, and removes it otherwise. open returns NULL and
 * add and close return non-zero on failure (close frees the book in
 * every case). */
typedef struct gir_book_ops {
    gir_book *(*open)(const char *tmp_path);
    int (*add)(gir_book *b, const gir_report *r, const gir_diags *dg, const char *file);
    int (*close)(gir_book *b);
} gir_book_ops;

/* One back end: a descriptor in the table, defined by its own file
 * (html.c, latex.c, text.c, json.c). The walk calls, in order: begin;
 * per section section, prose (when the section has prose), table (when
 * it has a table), section_end; then end. */
typedef struct gir_backend {
    const char *name;                 /* -f NAME */
    const char *const *exts;          /* output extensions without the dot, NULL-ended;
                                         the first is the usual one; -f takes them too */
    int fragment;                     /* has a --fragment form (the body alone) */
    int with_errors;                  /* data: also writes a report that has checking
                                         errors, with each cell's state and the
                                         diagnostics (exit status stays 1) */
    int batch;                        /* takes many reports into one output */
    const gir_book_ops *book;         /* writes a file itself instead of the walk */
    gir_dynlib *const *libs;          /* the libraries it calls, loaded (dynlib_load)
                                         before it runs; NULL-ended, or NULL */
    void (*begin)(gir_renderer *rr);                       /* document head, title */
    void (*section)(gir_renderer *rr, const gir_rsection *s, int index);
    void (*prose)(gir_renderer *rr, const gir_rsection *s); /* s->prose non-empty */
    void (*table)(gir_renderer *rr, const gir_layout *L);
    void (*section_end)(gir_renderer *rr, const gir_rsection *s, int index);
    void (*end)(gir_renderer *rr);                         /* signature, closing */
} gir_backend;

/* The table: every back end once, in the order help lists them,
 * NULL-ended (backends.c, the one file that names them). */
extern const gir_backend *const gir_backends[];
/* The back end called s: its name or one of its extensions; NULL if none. */
const gir_backend *gir_backend_find(const char *s);
/* The back end for an output file name: the one listing its extension
 * (after the last dot of the last component); NULL if none does. */
const gir_backend *gir_backend_for_path(const char *path);

typedef struct gir_build_opts {
    const gir_backend *backend;
    int fragment;           /* the body alone (no page head, no preamble) */
    const gir_mem *mem;     /* libcmark's allocations; NULL = gir_mem_default() */
    const gir_diags *diags; /* the report's diagnostics (data back ends), or NULL */
    const char *file;       /* the input's name as diagnostics show it, or NULL */
    size_t index;           /* place in a batch: 0 for the first report (which
                               alone carries a CSV's BOM and header line) */
    const char *style;      /* --style words, comma-separated, or NULL:
                               ascii (text), fontset=NAME and gongwen (latex) */
    const char *temp_beside; /* where a back end's own temporary files go
                               (io_temp_beside's path: the output's, so
                               beside it), or NULL for $TMPDIR */
} gir_build_opts;

/* The --style words the back ends read, NULL-terminated: ascii (text),
 * gongwen (latex) and "fontset=" (a word ending in '=' takes a value:
 * fontset=NAME, NAME one of render_fontsets
 * (ctex's fontset names; noto, the default, is girc's own). The one list:
 * girc build rejects any other word or font set (cli/build.c). */
extern const char *const render_style_words[];
extern const char *const render_fontsets[];
/* Is word (e.g. "ascii") among o's --style words? */
int render_style_has(const gir_build_opts *o, const char *word);
/* The value of o's --style word key=VALUE into buf (>= 32 bytes), or NULL. */
const char *render_style_value(const gir_build_opts *o, const char *key, char *buf);

typedef enum {
    GIR_RENDER_OK = 0,
    GIR_RENDER_NO_FRAGMENT,   /* --fragment asked of a back end without one */
    GIR_RENDER_NOMEM,         /* memory ran out (out holds a partial document) */
    GIR_RENDER_FAILED         /* a book back end could not write its file */
} gir_render_status;

/* Renders a checked report (one without errors, unless the back end is
 * with_errors) into the sink out, initialised on arena a, which the back
 * ends write in pieces (sink.h) and which is flushed before the return;
 * a book back end (xlsx) writes its file to a temporary file that is
 * copied into out. Deterministic: the same report gives the same
 * bytes. Runs as one protected call of a (arena_protect): running out
 * of memory, in girc or in libcmark, unwinds to here, frees what
 * libcmark held and returns GIR_RENDER_NOMEM (out has then had part of
 * the document: the caller discards it). A failed write of the sink is
 * out->failed, not a status. */
gir_render_status gir_render_to(const gir_report *r, const gir_build_opts *o, gir_arena *a, gir_sink *out);
/* The same into the buffer out (initialised on arena a): the whole
 * document in memory. */
gir_render_status gir_render(const gir_report *r, const gir_build_opts *o, gir_arena *a, gir_buf *out);

/* ---- the official merged layout of one table ----
 *
 * A rectangular grid of ncols columns: nlabel row-label columns (0 for a
 * table whose one row has no label, like table 4), then the value
 * columns of the widest block. Every grid position is covered by exactly
 * one cell. Per block, in order:
 *   - a caption row (LAYOUT_CAPTION spanning every column) when the block
 *     has a caption (table 2: 第二十条第（一）项);
 *   - header rows: the corner (LAYOUT_CORNER: the block's rowheader, e.g.
 *     信息内容, or the table's 勾稽 note) spanning the label columns and
 *     all header rows, then the column tree: a group spans its leaves, a
 *     leaf spans down to the last header row;
 *   - one body row per row leaf: a row group's label spans its leaves
 *     (三、本年度办理结果 rowspan 20/22), a leaf's label spans the label
 *     columns to its right, then one LAYOUT_VALUE per value column. A block
 *     with fewer value columns than the widest gets its last column
 *     spanned to the right edge (2021 （五）（六）（八）: colspan 3).
 * No subtotal rows or columns are invented: groups have no cells. */
typedef enum {
    LAYOUT_CAPTION,   /* block caption, full width */
    LAYOUT_CORNER,    /* top-left cell: rowheader or the table note */
    LAYOUT_COLHEAD,   /* a column header (leaf or group) */
    LAYOUT_ROWHEAD,   /* a row label (leaf or group) */
    LAYOUT_VALUE,     /* a data cell */
    LAYOUT_NOTE,      /* the table note when the corner is taken: full width */
    LAYOUT_EMPTY      /* filler (only for templates whose trees leave holes) */
} gir_lkind;

typedef enum { LR_CAPTION, LR_HEAD, LR_BODY, LR_NOTE } gir_lrkind;

typedef struct gir_lcell gir_lcell;
struct gir_lcell {
    gir_lkind kind;
    int row, col, rowspan, colspan;  /* top-left grid position, extent */
    int id;                          /* 0.. in row-major order of (row, col) */
    const char *text;                /* headers: the label shown */
    const gir_hnode *h;              /* LAYOUT_COLHEAD / LAYOUT_ROWHEAD */
    int is_group;                    /* header of a group */
    int is_note;                     /* LAYOUT_CORNER / LAYOUT_NOTE holding the table note */
    int block;                       /* block it belongs to */
    int r, c;                        /* LAYOUT_VALUE: row leaf, column leaf
                                        (h is then the column leaf) */
    const gir_cell *cell;            /* LAYOUT_VALUE */
    gir_lcell **hdr; size_t nhdr;    /* LAYOUT_VALUE: caption, row labels (outer
                                        first), column labels (outer first) */
};

typedef struct gir_lrow {
    gir_lrkind kind;
    int block;
    gir_lcell **cells; size_t ncells;  /* cells starting in this row, by column */
} gir_lrow;

struct gir_layout {
    const gir_rtable *rt;
    int table;                 /* index of the table in the template */
    int nrows, ncols, nlabel;
    gir_lrow *rows;
    gir_lcell **grid;          /* nrows * ncols: the cell covering each position */
    size_t ncells;
    int nhead;                 /* leading LR_HEAD rows before the first body
                                  row when the table has one captionless
                                  block (an HTML <thead>), else 0 */
};

gir_layout *layout_build(gir_arena *a, const gir_report *r, int table);
/* The cell covering grid position (row, col). */
static inline gir_lcell *layout_at(const gir_layout *L, int row, int col)
{
    return L->grid[(size_t)row * (size_t)L->ncols + (size_t)col];
}

/* ---- the walk ---- */

typedef struct render_cmark render_cmark;   /* libcmark's memory for this render (prose.c) */

struct gir_renderer {
    const gir_report *r;
    const gir_build_opts *o;
    gir_arena *a;
    gir_sink *out;             /* where the back ends write */
    gir_layout **layouts;      /* per template table */
    int section;               /* index of the section being rendered */
    int count;                 /* back-end scratch (e.g. JSON separators) */
    render_cmark *cmark;       /* where render_prose_tree's trees live */
    void *state;               /* back-end state (docx.c: its XML writer) */
    int failed;                /* set by a back end that could not finish
                                  (gir_render then returns GIR_RENDER_FAILED) */
};

/* ---- helpers for back ends ---- */

/* The escapers' one step: writes the run at s of bytes that plain()
 * passes (up to the NUL) in one put, and returns where it stopped (at
 * the NUL or a byte the escaper must replace or drop). */
static inline const char *render_put_run(gir_sink *b, const char *s, int (*plain)(unsigned char ch))
{
    const char *q = s;
    while (*q && plain((unsigned char)*q)) q++;
    sink_put(b, s, (size_t)(q - s));
    return q;
}

/* The text a header node shows: its official label, else its name. */
const char *render_hnode_text(const gir_hnode *h);
/* The text a value cell shows, into buf (>= 64 bytes) unless it is a
 * text cell (then the cell's own text is returned): an omitted cell is
 * "0", a blank cell "", a signed change "+111", money carries its unit
 * ("397265元") unless the column label already names it. */
const char *render_value_text(const gir_lcell *c, char *buf);
/* "zero", "written", "computed", "blank", "text". */
const char *render_state_name(gir_cell_state s);
/* The state of a cell for the data back ends (json, csv, xlsx), which
 * also write reports with errors: "missing" (its table is not in the
 * report), "wrong" (a total that differs from its parts, or a cell of a
 * failed error rule: v->rule names it), "invalid" (its literal was
 * rejected), "unknown" (a total that cannot be computed: a part is blank
 * or the table has an unplaced row), "warning" (a cell of a failed
 * warning rule), "waived" (a cell of such a finding that the report
 * waives: gir_diag.waived), else render_state_name's. */
const char *render_data_state(const gir_rtable *rt, const gir_cell *v);
/* Does the data form carry a value for this cell (a number or text)? */
int render_data_has_value(const gir_rtable *rt, const gir_cell *v);
/* The data value as plain text into buf (>= 64 bytes): a number as the
 * exact decimal ("126.35", no unit, no "+"), a text cell's text, "" when
 * render_data_has_value says there is none. */
const char *render_data_value(const gir_rtable *rt, const gir_cell *v, char *buf);
/* A wrong total's expected value (the sum of its parts) into buf (>= 48
 * bytes), else "". */
const char *render_data_expected(const gir_cell *v, char *buf);
/* The official labels from the outermost group down to h, joined by sep
 * (h's name when it has no label), in arena a. */
const char *render_label_path(gir_arena *a, const gir_hnode *h, const char *sep);
/* s as the data formats can carry it, which must be valid UTF-8 (and,
 * for XLSX, XML): an invalid byte and a control character other than
 * tab, LF and CR become U+FFFD. A report with errors (bad UTF-8 is an
 * error) reaches the data back ends too. s itself when already fit;
 * NULL for NULL. */
const char *render_data_clean(gir_arena *a, const char *s);
/* The report date as 2021年1月25日 into buf (>= 32 bytes); "" if none. */
const char *render_date_zh(const gir_report *r, char *buf);
/* The report date as 2021-01-25 into buf (>= 16 bytes); "" if none. */
const char *render_date_iso(const gir_report *r, char *buf);

enum {
    PROSE_LATEX = 1   /* also make code blocks, images and links safe for
                         cmark's LaTeX writer (see prose.c) */
};
/* Parses a section's CommonMark prose with CMARK_OPT_DEFAULT and makes it
 * safe to render: raw HTML becomes literal text (never passed through),
 * headings move down by heading_shift levels (at most 6). The tree and
 * whatever cmark renders from it live in rr's libcmark memory: free the
 * tree with cmark_node_free and a rendered string with render_cmark_free.
 * Only inside gir_render (running out of memory unwinds). */
cmark_node *render_prose_tree(gir_renderer *rr, const char *md, int heading_shift, int flags);
/* Writes the tree doc (render_prose_tree's) with cmark's HTML writer, or
 * its LaTeX writer when latex, through put into rr->out, one top-level
 * block at a time, each block freed once written, and then doc: the same
 * bytes as the whole document rendered at once, without holding it. */
void render_prose_write(gir_renderer *rr, cmark_node *doc, int latex, void (*put)(gir_sink *out, const char *s));
/* render_prose_tree and render_prose_write of md, with long prose (over
 * 64 KiB) parsed and written in pieces that end where no block is open,
 * each freed before the next, when nothing in md could reach across a
 * piece (prose.c): the same bytes, holding one piece's tree at a time. */
void render_prose_each(gir_renderer *rr, const char *md, int heading_shift, int flags, int latex,
                       void (*put)(gir_sink *out, const char *s));
/* The pieces of render_prose_each, without the writing: each piece's
 * tree (render_prose_tree's) handed to each in order, and freed when
 * each returns; a piece ends where no block is open, so a walk of the
 * pieces one after another meets the blocks of the whole tree. */
void render_prose_pieces(gir_renderer *rr, const char *md, int heading_shift, int flags,
                         void (*each)(gir_renderer *rr, cmark_node *doc, void *ud), void *ud);
/* Frees a string cmark_render_html / cmark_render_latex returned. */
void render_cmark_free(gir_renderer *rr, void *p);

/* ---- the core's own parts (prose.c) ---- */

/* libcmark's memory for one render, released by the arena if memory
 * runs out; render_cmark_close gives back what is left. */
render_cmark *render_cmark_open(gir_arena *a, const gir_mem *mem);
void render_cmark_close(render_cmark *cm);
#endif
