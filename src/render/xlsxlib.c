/* xlsxlib.c - libxlsxwriter by dlopen (xlsxlib.h): each function girc
 * calls, with the prototype of xlsxwriter.h, calling the library's own. A
 * function girc starts to call needs a line here: the link fails until it
 * has one. */
#include <xlsxwriter.h>
#include "xlsxlib.h"

gir_dynlib gir_libxlsxwriter = {
    .name = "libxlsxwriter",
    .soname = DYNLIB_SONAME(GIRC_SONAME_XLSXWRITER, "libxlsxwriter.so.4"),
    .env = "GIRC_XLSXWRITER_LIB",
};

#define DYNLIB_SHIM gir_libxlsxwriter

/* the workbook */
DYNLIB_FWD(lxw_workbook *, workbook_new_opt, (const char *filename, lxw_workbook_options *options), (filename, options), NULL)
DYNLIB_FWD(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook *workbook, const char *sheetname), (workbook, sheetname), NULL)
DYNLIB_FWD(lxw_format *, workbook_add_format, (lxw_workbook *workbook), (workbook), NULL)
DYNLIB_FWD(lxw_error, workbook_set_properties, (lxw_workbook *workbook, lxw_doc_properties *properties), (workbook, properties),
    LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, workbook_validate_sheet_name, (lxw_workbook *workbook, const char *sheetname), (workbook, sheetname),
    LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, workbook_close, (lxw_workbook *workbook), (workbook), LXW_ERROR_MEMORY_MALLOC_FAILED)

/* formats */
DYNLIB_FWD_VOID(format_set_bold, (lxw_format *format), (format))
DYNLIB_FWD_VOID(format_set_text_wrap, (lxw_format *format), (format))
DYNLIB_FWD_VOID(format_set_align, (lxw_format *format, uint8_t alignment), (format, alignment))
DYNLIB_FWD_VOID(format_set_bg_color, (lxw_format *format, lxw_color_t color), (format, color))
DYNLIB_FWD_VOID(format_set_border, (lxw_format *format, uint8_t style), (format, style))

/* worksheets */
DYNLIB_FWD(lxw_error, worksheet_write_string, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string, lxw_format *format),
    (worksheet, row, col, string, format), LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, worksheet_write_number, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format),
    (worksheet, row, col, number, format), LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, worksheet_write_blank, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_format *format),
    (worksheet, row, col, format), LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, worksheet_merge_range,
    (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, const char *string,
     lxw_format *format),
    (worksheet, first_row, first_col, last_row, last_col, string, format), LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, worksheet_set_column, (lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format *format),
    (worksheet, first_col, last_col, width, format), LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD(lxw_error, worksheet_set_row, (lxw_worksheet *worksheet, lxw_row_t row, double height, lxw_format *format),
    (worksheet, row, height, format), LXW_ERROR_MEMORY_MALLOC_FAILED)
DYNLIB_FWD_VOID(worksheet_freeze_panes, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col), (worksheet, row, col))
DYNLIB_FWD_VOID(worksheet_set_landscape, (lxw_worksheet *worksheet), (worksheet))
DYNLIB_FWD_VOID(worksheet_fit_to_pages, (lxw_worksheet *worksheet, uint16_t width, uint16_t height), (worksheet, width, height))
