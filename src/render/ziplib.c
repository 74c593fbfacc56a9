/* ziplib.c - libzip by dlopen (ziplib.h): each function girc calls, with
 * the prototype of zip.h, calling the library's own. A function girc
 * starts to call needs a line here: the link fails until it has one. */
#include <zip.h>
#include "ziplib.h"

gir_dynlib gir_libzip = {
    .name = "libzip",
    .soname = DYNLIB_SONAME(GIRC_SONAME_ZIP, "libzip.so.4"),
    .env = "GIRC_ZIP_LIB",
};

#define DYNLIB_SHIM gir_libzip

/* errors */
DYNLIB_FWD_VOID(zip_error_init, (zip_error_t *e), (e))
DYNLIB_FWD_VOID(zip_error_init_with_code, (zip_error_t *e, int ze), (e, ze))
DYNLIB_FWD_VOID(zip_error_fini, (zip_error_t *e), (e))
DYNLIB_FWD(int, zip_error_code_zip, (const zip_error_t *e), (e), ZIP_ER_INTERNAL)
DYNLIB_FWD(const char *, zip_error_strerror, (zip_error_t *e), (e), "libzip is not loaded")
DYNLIB_FWD(zip_error_t *, zip_get_error, (zip_t *z), (z), NULL)
DYNLIB_FWD(zip_error_t *, zip_file_get_error, (zip_file_t *f), (f), NULL)

/* sources */
DYNLIB_FWD(zip_source_t *, zip_source_buffer, (zip_t *z, const void *data, zip_uint64_t len, int freep), (z, data, len, freep), NULL)
DYNLIB_FWD(zip_source_t *, zip_source_buffer_create, (const void *data, zip_uint64_t len, int freep, zip_error_t *e),
    (data, len, freep, e), NULL)
DYNLIB_FWD(zip_source_t *, zip_source_function, (zip_t *z, zip_source_callback cb, void *ud), (z, cb, ud), NULL)
DYNLIB_FWD(zip_source_t *, zip_source_function_create, (zip_source_callback cb, void *ud, zip_error_t *e), (cb, ud, e), NULL)
DYNLIB_FWD_VOID(zip_source_keep, (zip_source_t *s), (s))
DYNLIB_FWD_VOID(zip_source_free, (zip_source_t *s), (s))
DYNLIB_FWD(int, zip_source_open, (zip_source_t *s), (s), -1)
DYNLIB_FWD(zip_int64_t, zip_source_read, (zip_source_t *s, void *data, zip_uint64_t len), (s, data, len), -1)
DYNLIB_FWD(int, zip_source_close, (zip_source_t *s), (s), -1)
/* only tests/fuzz/fuzz_docx.c, which links libgirc and so these shims */
DYNLIB_FWD(int, zip_source_stat, (zip_source_t *s, zip_stat_t *st), (s, st), -1)

/* archives: reading */
DYNLIB_FWD(zip_t *, zip_open_from_source, (zip_source_t *s, int flags, zip_error_t *e), (s, flags, e), NULL)
DYNLIB_FWD(zip_int64_t, zip_get_num_entries, (zip_t *z, zip_flags_t flags), (z, flags), -1)
DYNLIB_FWD(zip_int64_t, zip_name_locate, (zip_t *z, const char *name, zip_flags_t flags), (z, name, flags), -1)
DYNLIB_FWD(int, zip_stat_index, (zip_t *z, zip_uint64_t index, zip_flags_t flags, zip_stat_t *st), (z, index, flags, st), -1)
DYNLIB_FWD(zip_file_t *, zip_fopen_index, (zip_t *z, zip_uint64_t index, zip_flags_t flags), (z, index, flags), NULL)
DYNLIB_FWD(zip_int64_t, zip_fread, (zip_file_t *f, void *buf, zip_uint64_t n), (f, buf, n), -1)
DYNLIB_FWD(int, zip_fclose, (zip_file_t *f), (f), -1)
DYNLIB_FWD_VOID(zip_discard, (zip_t *z), (z))

/* archives: writing */
DYNLIB_FWD(zip_int64_t, zip_file_add, (zip_t *z, const char *name, zip_source_t *s, zip_flags_t flags), (z, name, s, flags), -1)
DYNLIB_FWD(int, zip_set_file_compression, (zip_t *z, zip_uint64_t index, zip_int32_t method, zip_uint32_t level),
    (z, index, method, level), -1)
DYNLIB_FWD(int, zip_file_set_mtime, (zip_t *z, zip_uint64_t index, time_t mtime, zip_flags_t flags), (z, index, mtime, flags), -1)
DYNLIB_FWD(int, zip_close, (zip_t *z), (z), -1)
