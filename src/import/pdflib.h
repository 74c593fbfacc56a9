/* pdflib.h - poppler-glib loaded when a PDF is first read, not at start:
 * linked directly, poppler and the libraries it pulls in (GLib, cairo,
 * freetype, fontconfig, NSS…) made every girc command start several times
 * slower. pdflib.c defines each poppler and GLib function the importer
 * calls, under its own name, as a call through the symbol dlsym finds in
 * the library; the importer calls them as usual once imp_pdflib_load()
 * has succeeded. */
#ifndef GIR_IMPORT_PDFLIB_H
#define GIR_IMPORT_PDFLIB_H

/* Loads the library (once per process; $GIRC_POPPLER_LIB names another
 * file to load instead, as tests do). Returns 1, or 0 with the loader's
 * reason in *why (static text). */
int imp_pdflib_load(const char **why);
#endif
