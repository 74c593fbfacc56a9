/* fuzz_docx.c - libFuzzer harness: arbitrary bytes as the main document
 * part (word/document.xml) of a valid .docx, into the importer
 * (gir_import_run, src/import/import.h). fuzz_import mutates whole zips,
 * and most mutations then fail the zip's CRC; here the harness builds the
 * package itself, in memory with libzip (stored, not deflated, to keep
 * the exec rate), around the mutated XML: a fixed [Content_Types].xml,
 * _rels/.rels naming word/document.xml, and docProps/core.xml (a title),
 * so every input reaches the streaming XML reader and the
 * WordprocessingML walk (src/import/docx.c, docx_text.c).
 * Property (import.h): the .gir the import writes always parses (else
 * abort, printing both); it is then compiled, as in fuzz_import.
 * Seeds: tests/fuzz/corpus/docx/ (the document.xml of the .docx test
 * files); dictionary docx.dict (WordprocessingML names). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "driver/compile.h"
#include "import/import.h"

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "</Relationships>";

static const char core[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:title>某局2021年政府信息公开工作年度报告</dc:title></cp:coreProperties>";

#define MAX_INPUT (256u * 1024u)

/* Adds one stored part; 0 on failure. */
static int add_part(zip_t *z, const char *name, const void *bytes, size_t len)
{
    zip_source_t *s = zip_source_buffer(z, bytes, len, 0);
    if (!s) return 0;
    zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
        zip_source_free(s);
        return 0;
    }
    return zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0;
}

/* The package around doc, as bytes (malloc'd) in *len; NULL on failure. */
static char *make_docx(const uint8_t *doc, size_t size, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!buf) abort();
    zip_source_keep(buf); /* it outlives the archive: the zip is read from it */
    zip_t *z = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    if (!z) abort();
    int ok = add_part(z, "[Content_Types].xml", content_types, sizeof content_types - 1);
    ok = ok && add_part(z, "_rels/.rels", rels, sizeof rels - 1);
    ok = ok && add_part(z, "docProps/core.xml", core, sizeof core - 1);
    ok = ok && add_part(z, "word/document.xml", doc, size);
    if (!ok || zip_close(z) != 0) abort(); /* the harness's zip must be valid */
    zip_stat_t st;
    char *out = NULL;
    if (zip_source_stat(buf, &st) == 0 && zip_source_open(buf) == 0) {
        out = malloc(st.size ? st.size : 1);
        if (out && zip_source_read(buf, out, st.size) != (zip_int64_t)st.size) abort();
        zip_source_close(buf);
        *len = st.size;
    }
    zip_source_free(buf);
    zip_error_fini(&ze);
    return out;
}

static void check_gir(const gir_import *im)
{
    gir_options o = {0};
    o.no_previous = 1;
    gir_doc *d = gir_doc_parse("fuzz.gir", im->gir, im->gir_len, &o);
    if (d && !d->oom && d->diags.nerrors) {
        diags_sort(&d->diags);
        fprintf(stderr, "fuzz_docx: the imported .gir does not parse: [%s] %s\n--- .gir\n%.*s\n---\n",
                d->diags.n ? d->diags.v[0]->code : "?", d->diags.n ? d->diags.v[0]->msg : "", (int)im->gir_len,
                im->gir);
        abort();
    }
    gir_doc_free(d);
    d = gir_doc_compile("fuzz.gir", im->gir, im->gir_len, &o);
    gir_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) return 0;
    size_t len = 0;
    char *docx = make_docx(data, size, &len);
    if (!docx) return 0;
    gir_import_opts io = {GIR_LANG_ZH, "fuzz.gir", NULL};
    gir_import *im = gir_import_run("fuzz.docx", docx, len, &io);
    if (im && !im->oom && im->gir) check_gir(im);
    gir_import_free(im);
    free(docx);
    return 0;
}
