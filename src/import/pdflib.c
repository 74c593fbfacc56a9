/* pdflib.c - poppler-glib by dlopen (pdflib.h, base/dynlib.h). Each
 * function below has the name and the prototype of the one poppler.h,
 * glib.h or cairo.h declares and calls the library's own, found once with
 * dlsym in the library and the ones it depends on. A function the
 * importer starts to call needs a line here: the link fails until it has
 * one. */
#include <cairo.h>
#include <poppler.h>
#include "base/dynlib.h"
#include "pdflib.h"

#ifndef GIRC_SONAME_POPPLER_GLIB
#define GIRC_SONAME_POPPLER_GLIB ""
#endif

static gir_dynlib poppler = {
    .name = "poppler-glib",
    .soname = DYNLIB_SONAME(GIRC_SONAME_POPPLER_GLIB, "libpoppler-glib.so.8"),
    .env = "GIRC_POPPLER_LIB",
};

int imp_pdflib_load(const char **why)
{
    int ok = dynlib_load(&poppler);
    if (why)
        *why = poppler.error;
    return ok;
}

#define FORWARD(RET, NAME, PARAMS, ARGS, FAIL) DYNLIB_FORWARD(poppler, RET, NAME, PARAMS, ARGS, FAIL)
#define FORWARD_VOID(NAME, PARAMS, ARGS) DYNLIB_FORWARD_VOID(poppler, NAME, PARAMS, ARGS)

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
