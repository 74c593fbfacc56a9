/* fuzz_roster.c - libFuzzer harness: arbitrary bytes as a region's
 * roster CSV (src/region/roster.c, girc-roster(5)): region_roster_read,
 * then what girc check --roster --summary does with it: matching with a
 * fixed set of units (region_roster_match: folded agency names, file
 * names, kinds and deadlines, missing, late and unlisted units), the
 * submission rate, the sort and the three summaries (CSV, JSON, HTML),
 * and the diagnostics through the human renderer (into /dev/null).
 * The units: three reports compiled once (two departments and a
 * township, dated before and after the usual deadline) and two files
 * that could not be read.
 * Property: region_roster_read returns 1 exactly when it reported an
 * error; every summary is made (NULL only without memory).
 * Seeds: tests/fuzz/corpus/roster/; dictionary roster.dict. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "driver/compile.h"
#include "region/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPORT(agency, kind, date)                                                                                     \
    "report \"" agency "2021年政府信息公开工作年度报告\" {\n  template gov2021\n  agency \"" agency "\"\n  kind " kind \
    "\n  year 2021\n  date " date "\n}\n"

static const struct {
    const char *path, *text;
} unit_files[] = {
    {"units/公安局.gir", REPORT("示例县公安局", "department", "2022-01-20")},
    {"units/交通局.gir", REPORT("示例县交通局", "department", "2022-02-20")},
    {"units/城关镇.gir", REPORT("城关镇人民政府", "township", "2022-03-31")},
    {"units/missing.gir", NULL},
    {"units/c.gir", NULL},
};
#define NUNITS (sizeof unit_files / sizeof unit_files[0])

static gir_doc *unit_docs[NUNITS];

static void compile_units(void)
{
    static int done;
    if (done) return;
    done = 1;
    gir_options o = {0};
    o.no_previous = 1;
    for (size_t i = 0; i < NUNITS; i++)
        if (unit_files[i].text) {
            const char *t = unit_files[i].text;
            unit_docs[i] = gir_doc_compile(unit_files[i].path, t, strlen(t), &o);
        }
}

static FILE *null_file(void)
{
    static FILE *null;
    if (!null) null = fopen("/dev/null", "w");
    if (!null) abort();
    return null;
}

/* The summaries, as check --summary writes them. */
static void summaries(region_set *s)
{
    region_sort(s);
    for (int f = SUMMARY_CSV; f <= SUMMARY_HTML; f++) {
        size_t len = 0;
        const char *text = region_summary(s, (region_summary_format)f, &len);
        if (!text) abort(); /* the set's arena has no allocation limit here */
        fwrite(text, 1, len, null_file());
    }
    const char *rate = region_rate_text(s);
    fputs(rate ? rate : "", null_file());
}

static void print_diags(gir_diags *dg)
{
    diags_sort(dg);
    gir_render_opts ro = {0, GIR_LANG_ZH, GIR_COL_DISPLAY};
    for (size_t i = 0; i < dg->n; i++)
        diag_render_human(null_file(), dg->v[i], &ro);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    compile_units();
    region_set *s = region_set_new(GIR_LANG_ZH);
    if (!s) return 0;
    gir_diags dg;
    diags_init(&dg, s->arena, GIR_LANG_ZH);
    int bad = region_roster_read(s, &dg, "roster.csv", (const char *)data, size);
    if (bad != (dg.nerrors > 0)) abort(); /* 1 exactly after an error */
    for (size_t i = 0; i < NUNITS; i++)
        region_add_unit(s, unit_files[i].path, unit_docs[i]);
    region_roster_match(s, &dg);
    print_diags(&dg);
    summaries(s);
    region_set_free(s);
    return 0;
}
