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

#define DYNLIB_SHIM poppler

/* GLib */
DYNLIB_FWD(GBytes *, g_bytes_new_static, (gconstpointer data, gsize size), (data, size), NULL)
DYNLIB_FWD_VOID(g_bytes_unref, (GBytes *bytes), (bytes))
DYNLIB_FWD_VOID(g_error_free, (GError *error), (error))
DYNLIB_FWD_VOID(g_free, (gpointer mem), (mem))
DYNLIB_FWD_VOID(g_object_unref, (gpointer object), (object))

/* poppler */
DYNLIB_FWD(GQuark, poppler_error_quark, (void), (), 0)
DYNLIB_FWD(PopplerDocument *, poppler_document_new_from_bytes, (GBytes *bytes, const char *password, GError **error),
        (bytes, password, error), NULL)
DYNLIB_FWD(int, poppler_document_get_n_pages, (PopplerDocument *document), (document), 0)
DYNLIB_FWD(PopplerPage *, poppler_document_get_page, (PopplerDocument *document, int index), (document, index), NULL)
DYNLIB_FWD(gchar *, poppler_document_get_title, (PopplerDocument *document), (document), NULL)
DYNLIB_FWD_VOID(poppler_page_get_size, (PopplerPage *page, double *width, double *height), (page, width, height))
DYNLIB_FWD(char *, poppler_page_get_text, (PopplerPage *page), (page), NULL)
DYNLIB_FWD(gboolean, poppler_page_get_text_layout, (PopplerPage *page, PopplerRectangle **rectangles, guint *n_rectangles),
        (page, rectangles, n_rectangles), FALSE)
DYNLIB_FWD_VOID(poppler_page_render, (PopplerPage *page, cairo_t *cairo), (page, cairo))

/* cairo (a dependency of poppler-glib: the ruling lines of pdfrule.c) */
DYNLIB_FWD(cairo_surface_t *, cairo_image_surface_create, (cairo_format_t format, int width, int height), (format, width, height), NULL)
DYNLIB_FWD(cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface), CAIRO_STATUS_NO_MEMORY)
DYNLIB_FWD_VOID(cairo_surface_flush, (cairo_surface_t *surface), (surface))
DYNLIB_FWD(unsigned char *, cairo_image_surface_get_data, (cairo_surface_t *surface), (surface), NULL)
DYNLIB_FWD(int, cairo_image_surface_get_stride, (cairo_surface_t *surface), (surface), 0)
DYNLIB_FWD_VOID(cairo_surface_destroy, (cairo_surface_t *surface), (surface))
DYNLIB_FWD(cairo_t *, cairo_create, (cairo_surface_t *target), (target), NULL)
DYNLIB_FWD(cairo_status_t, cairo_status, (cairo_t *cr), (cr), CAIRO_STATUS_NO_MEMORY)
DYNLIB_FWD_VOID(cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue), (cr, red, green, blue))
DYNLIB_FWD_VOID(cairo_scale, (cairo_t *cr, double sx, double sy), (cr, sx, sy))
DYNLIB_FWD_VOID(cairo_paint, (cairo_t *cr), (cr))
DYNLIB_FWD_VOID(cairo_destroy, (cairo_t *cr), (cr))
