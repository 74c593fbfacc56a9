/* pdflib.c - poppler-glib by dlopen (pdflib.h). Each function below has
 * the name and the prototype of the one poppler.h or glib.h declares (the
 * headers are included, so the compiler checks that they agree) and calls
 * the library's own, found once with dlsym in the library and the ones it
 * depends on. girc links none of these libraries, so the names are not
 * exported and the library, once loaded, calls its own functions.
 * A function the importer starts to call needs a line here: the link
 * fails until it has one. */
#include <dlfcn.h>
#include <stdlib.h>
#include <cairo.h>
#include <poppler.h>
#include "pdflib.h"

#define PDFLIB_SONAME "libpoppler-glib.so.8"

static void *lib;
static const char *load_error;

int imp_pdflib_load(const char **why)
{
    if (!lib && !load_error) {
        const char *name = getenv("GIRC_POPPLER_LIB");
        lib = dlopen(name && *name ? name : PDFLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (!lib) {
            const char *e = dlerror();
            load_error = e ? e : PDFLIB_SONAME;
        }
    }
    if (why) *why = load_error;
    return lib != NULL;
}

/* The library's function called name, or NULL (not loaded, not found). */
static void *sym(const char *name)
{
    return lib ? dlsym(lib, name) : NULL;
}

/* Defines a function returning RET with parameters PARAMS, calling the
 * library's with ARGS; FAIL is returned when it cannot be called. */
#define FORWARD(RET, NAME, PARAMS, ARGS, FAIL)                \
    RET NAME PARAMS                                           \
    {                                                         \
        static RET(*fn) PARAMS;                               \
        if (!fn) *(void **)(&fn) = sym(#NAME);                \
        return fn ? fn ARGS : FAIL;                           \
    }
#define FORWARD_VOID(NAME, PARAMS, ARGS)                      \
    void NAME PARAMS                                          \
    {                                                         \
        static void(*fn) PARAMS;                              \
        if (!fn) *(void **)(&fn) = sym(#NAME);                \
        if (fn) fn ARGS;                                      \
    }

/* GLib */
FORWARD(GBytes *, g_bytes_new_static, (gconstpointer data, gsize size), (data, size), NULL)
FORWARD_VOID(g_bytes_unref, (GBytes *bytes), (bytes))
FORWARD_VOID(g_error_free, (GError *error), (error))
FORWARD_VOID(g_free, (gpointer mem), (mem))
FORWARD_VOID(g_object_unref, (gpointer object), (object))

/* poppler */
FORWARD(GQuark, poppler_error_quark, (void), (), 0)
FORWARD(PopplerDocument *, poppler_document_new_from_bytes, (GBytes *bytes, const char *password, GError **error),
        (bytes, password, error), NULL)
FORWARD(int, poppler_document_get_n_pages, (PopplerDocument *document), (document), 0)
FORWARD(PopplerPage *, poppler_document_get_page, (PopplerDocument *document, int index), (document, index), NULL)
FORWARD(gchar *, poppler_document_get_title, (PopplerDocument *document), (document), NULL)
FORWARD_VOID(poppler_page_get_size, (PopplerPage *page, double *width, double *height), (page, width, height))
FORWARD(char *, poppler_page_get_text, (PopplerPage *page), (page), NULL)
FORWARD(gboolean, poppler_page_get_text_layout, (PopplerPage *page, PopplerRectangle **rectangles, guint *n_rectangles),
        (page, rectangles, n_rectangles), FALSE)
FORWARD_VOID(poppler_page_render, (PopplerPage *page, cairo_t *cairo), (page, cairo))

/* cairo (a dependency of poppler-glib: the ruling lines of pdfrule.c) */
FORWARD(cairo_surface_t *, cairo_image_surface_create, (cairo_format_t format, int width, int height), (format, width, height), NULL)
FORWARD(cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface), CAIRO_STATUS_NO_MEMORY)
FORWARD_VOID(cairo_surface_flush, (cairo_surface_t *surface), (surface))
FORWARD(unsigned char *, cairo_image_surface_get_data, (cairo_surface_t *surface), (surface), NULL)
FORWARD(int, cairo_image_surface_get_stride, (cairo_surface_t *surface), (surface), 0)
FORWARD_VOID(cairo_surface_destroy, (cairo_surface_t *surface), (surface))
FORWARD(cairo_t *, cairo_create, (cairo_surface_t *target), (target), NULL)
FORWARD(cairo_status_t, cairo_status, (cairo_t *cr), (cr), CAIRO_STATUS_NO_MEMORY)
FORWARD_VOID(cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue), (cr, red, green, blue))
FORWARD_VOID(cairo_scale, (cairo_t *cr, double sx, double sy), (cr, sx, sy))
FORWARD_VOID(cairo_paint, (cairo_t *cr), (cr))
FORWARD_VOID(cairo_destroy, (cairo_t *cr), (cr))
