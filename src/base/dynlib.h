/* dynlib.h - a library loaded with dlopen when a command first needs it,
 * not at start. Libraries that only some commands use (poppler-glib for
 * PDF import, libxml2 and libzip for HTML and DOCX, libxlsxwriter for
 * XLSX) are not linked: linked, they and what they pull in (ICU,
 * libstdc++, libcrypto, GLib, cairo…) were loaded and relocated by every
 * command, `girc --version` included. A shim file per library (pdflib.c,
 * xmllib.c, ziplib.c, xlsxlib.c) defines each function girc calls, under
 * the library's name and with the prototype of the library's header
 * (included, so the compiler checks they agree), as a call through the
 * symbol found with dlsym; girc code calls them as usual once
 * dynlib_load() has succeeded. The executable links none of these
 * libraries, so it exports none of these names and a loaded library keeps
 * calling its own functions. A library once loaded stays for the process
 * (never dlclose: the functions found in it are kept). */
#ifndef GIR_BASE_DYNLIB_H
#define GIR_BASE_DYNLIB_H

/* One library: what to load and, once tried, what happened. */
typedef struct gir_dynlib {
    const char *name;     /* as messages name it: "libxml2" */
    const char *soname;   /* the file dlopen is given: "libxml2.so.2" */
    const char *env;      /* an environment variable naming another file
                             to load instead (tests make the load fail) */
    void (*loaded)(void *handle);   /* called once after the load, or NULL */
    void *handle;         /* dlopen's handle, NULL until loaded */
    const char *error;    /* the first failure (why, below), NULL if none */
    char why[256];        /* dlerror's text, copied (the next dl call reuses its own) */
} gir_dynlib;

/* Loads l, once per process: later calls give the first answer. Returns
 * 1, or 0 with the reason in l->error. */
int dynlib_load(gir_dynlib *l);

/* The function or variable called name in l (or in the libraries it
 * depends on), loading l first if it is not; NULL when l cannot be
 * loaded or has no such symbol. So a caller that skips dynlib_load (a
 * unit test calling gir_render) still works; commands load first, for
 * the diagnostic. */
void *dynlib_sym(gir_dynlib *l, const char *name);

/* The soname the build found for a library (the Makefile always passes
 * -DGIRC_SONAME_X="...", read from the linker's lib*.so, empty when it
 * found none), else the fallback. */
#define DYNLIB_SONAME(BUILT, FALLBACK) (sizeof(BUILT) > 1 ? (BUILT) : (FALLBACK))

/* In a shim: defines the function NAME returning RET with parameters
 * PARAMS as a call of LIB's own with ARGS (found once); FAIL is returned
 * when it cannot be called (LIB cannot be loaded). */
#define DYNLIB_FORWARD(LIB, RET, NAME, PARAMS, ARGS, FAIL)      \
    RET NAME PARAMS                                             \
    {                                                           \
        static RET(*fn) PARAMS;                                 \
        if (!fn) *(void **)(&fn) = dynlib_sym(&(LIB), #NAME);   \
        return fn ? fn ARGS : FAIL;                             \
    }
#define DYNLIB_FORWARD_VOID(LIB, NAME, PARAMS, ARGS)            \
    void NAME PARAMS                                            \
    {                                                           \
        static void(*fn) PARAMS;                                \
        if (!fn) *(void **)(&fn) = dynlib_sym(&(LIB), #NAME);   \
        if (fn) fn ARGS;                                        \
    }

/* A shim #defines DYNLIB_SHIM as its gir_dynlib, then defines each
 * function with these. */
#define DYNLIB_FWD(RET, NAME, PARAMS, ARGS, FAIL) DYNLIB_FORWARD(DYNLIB_SHIM, RET, NAME, PARAMS, ARGS, FAIL)
#define DYNLIB_FWD_VOID(NAME, PARAMS, ARGS) DYNLIB_FORWARD_VOID(DYNLIB_SHIM, NAME, PARAMS, ARGS)
#endif
