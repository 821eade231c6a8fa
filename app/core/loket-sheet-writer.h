/* loket-sheet-writer.h: rows written back as a spreadsheet, for the rejected
 * rows of an import that the cooperative fixes and sends back.
 *
 * CSV is written the way Indonesian Excel reads it without asking: UTF-8
 * with a byte-order mark, ';' between cells, CRLF. Excel still turns a
 * 16-digit NIK in a CSV into 3,20101E+15 when it opens one, so offer the
 * .xlsx first: there every cell is text, in text-formatted columns, and a
 * NIK typed again into one stays text.
 *
 * Both write atomically: a temporary file in the same folder, renamed over
 * `path` once complete; on failure nothing is left behind and the error is
 * a LOKET_ERROR_STORAGE naming `path`. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `header` (NULL-terminated, may be NULL for none) then `rows`, a GPtrArray
 * of GStrv; rows may be of different lengths. Text that is not valid UTF-8
 * is written with U+FFFD in place of the bad bytes. */
gboolean loket_sheet_write_csv  (const char         *path,
                                 const char *const  *header,
                                 GPtrArray          *rows,
                                 GError            **error);
/* The same as the first sheet of an .xlsx workbook: the header bold and
 * frozen with a filter, every cell text, columns as wide as their text
 * (within reason). A cell over Excel's 32 767 characters is cut there. */
gboolean loket_sheet_write_xlsx (const char         *path,
                                 const char *const  *header,
                                 GPtrArray          *rows,
                                 GError            **error);

G_END_DECLS
