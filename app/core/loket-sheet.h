/* loket-sheet.h: a cooperative's member list as it comes, an .xlsx workbook
 * (its first sheet) or a CSV saved by Excel, read into rows of text cells.
 *
 * CSV: comma or semicolon separated (detected), UTF-8 or Windows-1252
 * (detected), with or without a byte-order mark, LF or CRLF, fields quoted
 * with "" inside. XLSX: read with libgsf (the zip) and libxml2 (streaming),
 * shared strings, inline strings and numbers; a number cell keeps the text
 * Excel stored ("3.2010112059E+15", "33025") and says it was a number, so
 * the importer can tell an Excel date serial or a mangled NIK.
 *
 * Nothing here knows what the columns mean: that is the importer's. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Limits past which a file is refused rather than read: no member list has
 * rows this wide or cells this long, and reading them would only exhaust
 * memory. */
#define LOKET_SHEET_MAX_COLUMNS   512
#define LOKET_SHEET_MAX_CELL_BYTES (64 * 1024)
#define LOKET_SHEET_MAX_ROWS      1000000

typedef struct _LoketSheet LoketSheet;

typedef enum {
  LOKET_SHEET_CSV,
  LOKET_SHEET_XLSX,
} LoketSheetFormat;

/* Called now and then while reading: `fraction` of the file read, 0..1.
 * Called from the reading thread. */
typedef void (*LoketSheetProgress) (double   fraction,
                                    gpointer user_data);

/* Reads the file at `path`, by its content (a zip is an .xlsx, anything else
 * is tried as CSV). An empty file, a file that is neither, a row wider than
 * LOKET_SHEET_MAX_COLUMNS or a cell longer than LOKET_SHEET_MAX_CELL_BYTES is a
 * LOKET_ERROR_INVALID whose Indonesian message names the file and, where
 * there is one, the row and column. Cancellable; safe to call from a worker
 * thread (touches no global state). A file that cannot be read at all is a
 * LOKET_ERROR_STORAGE; a cancelled read, G_IO_ERROR_CANCELLED. */
LoketSheet  *loket_sheet_read_file      (const char          *path,
                                         GCancellable        *cancellable,
                                         LoketSheetProgress   progress,
                                         gpointer             user_data,
                                         GError             **error);
/* The same from memory; `name` is only used in messages. */
LoketSheet  *loket_sheet_read_bytes     (GBytes              *bytes,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GError             **error);
void         loket_sheet_free           (LoketSheet          *sheet);

LoketSheetFormat loket_sheet_get_format (LoketSheet          *sheet);
/* CSV: "UTF-8" or "Windows-1252" (or "UTF-16" for Excel's "Unicode Text");
 * XLSX: "UTF-8". */
const char  *loket_sheet_get_encoding   (LoketSheet          *sheet);
/* CSV: ',' or ';' (or '\t' for tab-separated text); XLSX: 0. */
char         loket_sheet_get_separator  (LoketSheet          *sheet);
/* The file's name (its basename) as it was read, or the name given to
 * loket_sheet_read_bytes; NULL when none was. */
const char  *loket_sheet_get_source_name (LoketSheet         *sheet);
/* XLSX: the name of the sheet read (the first visible worksheet, in tab
 * order); CSV: NULL. */
const char  *loket_sheet_get_sheet_name (LoketSheet          *sheet);
/* TRUE when the XLSX counts date serials from 1904-01-01 (old Excel for
 * Mac) rather than from 1899-12-30: a serial then means 1462 days later. */
gboolean     loket_sheet_uses_1904_dates (LoketSheet         *sheet);

/* Rows as in the file, the header included; empty rows are kept (the
 * importer reports them) so that row numbers match what the cooperative
 * sees in Excel: row 0 here is row 1 there. A blank CSV line is a row of
 * no columns (";;" is three empty cells); an XLSX row with no value is a row
 * of no columns, except at the end of the sheet, where such rows (formatted
 * but empty) are not rows of the list and are left out. */
guint        loket_sheet_get_n_rows     (LoketSheet          *sheet);
guint        loket_sheet_get_n_columns  (LoketSheet          *sheet,
                                         guint                row);
/* The widest row's number of columns. */
guint        loket_sheet_get_width      (LoketSheet          *sheet);
/* The cell's text (UTF-8, as stored: not trimmed), or NULL when the row is
 * shorter. XLSX columns are placed by their reference (C5 is column 2), so
 * skipped empty cells come back NULL, as do cells whose text is empty. */
const char  *loket_sheet_get_cell       (LoketSheet          *sheet,
                                         guint                row,
                                         guint                column);
/* TRUE when an XLSX cell was stored as a number; always FALSE for CSV. */
gboolean     loket_sheet_cell_is_number (LoketSheet          *sheet,
                                         guint                row,
                                         guint                column);

/* A column as Excel names it: 0 is "A", 27 is "AB". */
char        *loket_sheet_column_letters (guint                column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketSheet, loket_sheet_free)

G_END_DECLS
