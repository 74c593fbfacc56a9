/* xmllib.c - libxml2 by dlopen (xmllib.h): each function girc calls, with
 * the prototype of libxml2's headers, calling the library's own. A
 * function girc starts to call needs a line here: the link fails until it
 * has one. */
#include <stdlib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include "xmllib.h"

#ifdef LIBXML_THREAD_ALLOC_ENABLED
#error "xmllib.c: this libxml2 has per-thread allocators; forward __xmlFree instead of the xmlFree variable"
#endif

/* xmlFree is a variable of libxml2 (the free function it allocates with),
 * not a function: girc's own copy, set from the library's at load. */
xmlFreeFunc xmlFree = free;

static void loaded(void *handle)
{
    (void)handle;
    xmlFreeFunc *f = dynlib_sym(&gir_libxml2, "xmlFree");
    if (f && *f)
        xmlFree = *f;
}

gir_dynlib gir_libxml2 = {
    .name = "libxml2",
    .soname = DYNLIB_SONAME(GIRC_SONAME_XML2, "libxml2.so.2"),
    .env = "GIRC_XML2_LIB",
    .loaded = loaded,
};

#define DYNLIB_SHIM gir_libxml2

/* trees: parsing, reading */
DYNLIB_FWD(htmlDocPtr, htmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options),
    (buffer, size, URL, encoding, options), NULL)
DYNLIB_FWD(xmlDocPtr, xmlReadMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options),
    (buffer, size, URL, encoding, options), NULL)
DYNLIB_FWD_VOID(xmlFreeDoc, (xmlDocPtr cur), (cur))
DYNLIB_FWD(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc), NULL)
DYNLIB_FWD(long, xmlGetLineNo, (const xmlNode *node), (node), -1)
DYNLIB_FWD(xmlChar *, xmlGetProp, (const xmlNode *node, const xmlChar *name), (node, name), NULL)
DYNLIB_FWD(xmlChar *, xmlNodeGetContent, (const xmlNode *cur), (cur), NULL)

/* the streaming reader (import/docx.c) */
DYNLIB_FWD(xmlTextReaderPtr, xmlReaderForMemory, (const char *buffer, int size, const char *URL, const char *encoding, int options),
    (buffer, size, URL, encoding, options), NULL)
DYNLIB_FWD_VOID(xmlFreeTextReader, (xmlTextReaderPtr reader), (reader))
DYNLIB_FWD_VOID(xmlTextReaderSetStructuredErrorHandler, (xmlTextReaderPtr reader, xmlStructuredErrorFunc f, void *arg),
         (reader, f, arg))
DYNLIB_FWD(int, xmlTextReaderRead, (xmlTextReaderPtr reader), (reader), -1)
DYNLIB_FWD(int, xmlTextReaderNext, (xmlTextReaderPtr reader), (reader), -1)
DYNLIB_FWD(int, xmlTextReaderDepth, (xmlTextReaderPtr reader), (reader), -1)
DYNLIB_FWD(int, xmlTextReaderNodeType, (xmlTextReaderPtr reader), (reader), -1)
DYNLIB_FWD(xmlNodePtr, xmlTextReaderExpand, (xmlTextReaderPtr reader), (reader), NULL)
DYNLIB_FWD(const xmlChar *, xmlTextReaderConstLocalName, (xmlTextReaderPtr reader), (reader), NULL)
DYNLIB_FWD(const xmlChar *, xmlTextReaderConstNamespaceUri, (xmlTextReaderPtr reader), (reader), NULL)

/* the writer (render/docx.c) */
DYNLIB_FWD(xmlOutputBufferPtr, xmlOutputBufferCreateFile, (FILE *file, xmlCharEncodingHandlerPtr encoder), (file, encoder), NULL)
DYNLIB_FWD(int, xmlOutputBufferClose, (xmlOutputBufferPtr out), (out), -1)
DYNLIB_FWD(xmlTextWriterPtr, xmlNewTextWriter, (xmlOutputBufferPtr out), (out), NULL)
DYNLIB_FWD_VOID(xmlFreeTextWriter, (xmlTextWriterPtr writer), (writer))
DYNLIB_FWD(int, xmlTextWriterSetIndent, (xmlTextWriterPtr writer, int indent), (writer, indent), -1)
DYNLIB_FWD(int, xmlTextWriterSetIndentString, (xmlTextWriterPtr writer, const xmlChar *str), (writer, str), -1)
DYNLIB_FWD(int, xmlTextWriterStartDocument, (xmlTextWriterPtr writer, const char *version, const char *encoding, const char *standalone),
    (writer, version, encoding, standalone), -1)
DYNLIB_FWD(int, xmlTextWriterEndDocument, (xmlTextWriterPtr writer), (writer), -1)
DYNLIB_FWD(int, xmlTextWriterStartElement, (xmlTextWriterPtr writer, const xmlChar *name), (writer, name), -1)
DYNLIB_FWD(int, xmlTextWriterEndElement, (xmlTextWriterPtr writer), (writer), -1)
DYNLIB_FWD(int, xmlTextWriterWriteAttribute, (xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *content),
    (writer, name, content), -1)
DYNLIB_FWD(int, xmlTextWriterWriteString, (xmlTextWriterPtr writer, const xmlChar *content), (writer, content), -1)
