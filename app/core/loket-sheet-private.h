/* loket-sheet-private.h: what the CSV and XLSX readers share.
 *
 * A sheet keeps its cells compactly: every text in one GStringChunk, one
 * pointer per cell (NULL for a cell the XLSX skipped), and one (first, n)
 * pair per row into that pointer array. The readers build a row in
 * `pending` and commit it whole. */
#pragma once

#include <gsf/gsf-infile.h>

#include "loket-sheet.h"

G_BEGIN_DECLS

typedef struct {
  guint first;  /* index of the row's first cell in `cells` */
  guint n;      /* its number of cells, up to the last one with a value */
} LoketSheetRow;

struct _LoketSheet {
  LoketSheetFormat format;
  const char      *encoding;    /* static */
  char             separator;
  char            *sheet_name;  /* owned; XLSX only */
  char            *source_name; /* owned: the file's name as given, or NULL */
  GStringChunk    *text;        /* owned; every cell's text */
  GArray          *cells;       /* of const char *, borrowed from `text` */
  GArray          *rows;        /* of LoketSheetRow */
  GByteArray      *numbers;     /* a bit per cell, set for numbers; XLSX only */
  guint            width;       /* the widest row's n */
  gboolean         date1904;    /* XLSX dates count from 1904 */
};

typedef struct {
  LoketSheet         *sheet;       /* owned until handed to the caller */
  const char         *name;        /* the file's name, for messages */
  GCancellable       *cancellable;
  LoketSheetProgress  progress;
  gpointer            user_data;
  int                 percent;     /* last reported, -1 before any */
  GPtrArray          *pending;     /* of const char *: the row being read */
  GByteArray         *pending_numbers;
} LoketSheetReader;

/* The empty text every empty CSV cell points at, rather than a copy each. */
extern const char loket_sheet_empty[];

LoketSheet *loket_sheet_new              (LoketSheetFormat   format);

/* Puts `text` (`len` bytes, valid UTF-8, copied) in column `column` of the
 * row being read. */
void        loket_sheet_reader_set_cell  (LoketSheetReader  *reader,
                                          guint              column,
                                          const char        *text,
                                          gsize              len,
                                          gboolean           is_number);
/* The same for a text already in the sheet's chunk (a shared string). */
void        loket_sheet_reader_set_shared (LoketSheetReader *reader,
                                          guint              column,
                                          const char        *text);
/* Adds the row being read to the sheet and starts an empty one. */
void        loket_sheet_reader_end_row   (LoketSheetReader  *reader);
/* Reports `fraction` when it passed another hundredth, and checks for
 * cancellation; FALSE with `error` set when cancelled. */
gboolean    loket_sheet_reader_tick      (LoketSheetReader  *reader,
                                          double             fraction,
                                          GError           **error);

/* The errors both readers give, worded once. `row` is 1-based as in Excel,
 * `column` 0-based. */
void        loket_sheet_error_too_many_rows    (LoketSheetReader *reader,
                                                GError          **error);
void        loket_sheet_error_too_many_columns (LoketSheetReader *reader,
                                                guint             row,
                                                GError          **error);
void        loket_sheet_error_cell_too_long    (LoketSheetReader *reader,
                                                guint             row,
                                                guint             column,
                                                GError          **error);

gboolean    loket_sheet_read_csv         (LoketSheetReader  *reader,
                                          const char        *data,
                                          gsize              len,
                                          GError           **error);
gboolean    loket_sheet_read_xlsx        (LoketSheetReader  *reader,
                                          GBytes            *bytes,
                                          GError           **error);

/* loket-sheet-zip.c */
/* FALSE when the zip's directory is damaged in a way libgsf would complain
 * about rather than report. */
gboolean    loket_sheet_zip_is_sound     (const guint8      *data,
                                          gsize              len);
/* The part at `path` ("xl/workbook.xml"), names compared without case when
 * no part has the exact one; NULL when there is none, and `damaged` set
 * when there was one but it could not be opened. */
GsfInput   *loket_sheet_zip_open_part    (GsfInfile         *zip,
                                          const char        *path,
                                          gboolean          *damaged);

G_END_DECLS
