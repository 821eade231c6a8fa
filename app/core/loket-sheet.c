/* loket-sheet.c: the sheet's storage, telling the kind of file, and the
 * messages both readers give. The CSV reader is in loket-sheet-csv.c, the
 * XLSX reader in loket-sheet-xlsx.c. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-sheet-private.h"

const char loket_sheet_empty[] = "";

/* Large enough that a 100 000-row list needs a few dozen blocks; a string
 * longer than this gets a block of its own. */
#define TEXT_CHUNK_SIZE (256 * 1024)

LoketSheet *
loket_sheet_new (LoketSheetFormat format)
{
  LoketSheet *sheet = g_new0 (LoketSheet, 1);

  sheet->format = format;
  sheet->encoding = "UTF-8";
  sheet->text = g_string_chunk_new (TEXT_CHUNK_SIZE);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (const char *));
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (LoketSheetRow));
  if (format == LOKET_SHEET_XLSX)
    sheet->numbers = g_byte_array_new ();
  return sheet;
}

void
loket_sheet_free (LoketSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_string_chunk_free (sheet->text);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->rows);
  if (sheet->numbers != NULL)
    g_byte_array_unref (sheet->numbers);
  g_free (sheet->sheet_name);
  g_free (sheet->source_name);
  g_free (sheet);
}

static void
place (LoketSheetReader *reader,
       guint             column,
       const char       *stored,
       gboolean          is_number)
{
  if (reader->pending->len <= column)
    g_ptr_array_set_size (reader->pending, column + 1);
  reader->pending->pdata[column] = (gpointer) stored;

  if (reader->sheet->numbers != NULL)
    {
      if (reader->pending_numbers->len <= column)
        {
          guint old = reader->pending_numbers->len;

          g_byte_array_set_size (reader->pending_numbers, column + 1);
          memset (reader->pending_numbers->data + old, 0, column + 1 - old);
        }
      reader->pending_numbers->data[column] = is_number ? 1 : 0;
    }
}

void
loket_sheet_reader_set_cell (LoketSheetReader *reader,
                             guint             column,
                             const char       *text,
                             gsize             len,
                             gboolean          is_number)
{
  const char *stored = loket_sheet_empty;

  if (len > 0)
    stored = g_string_chunk_insert_len (reader->sheet->text, text, len);
  place (reader, column, stored, is_number);
}

void
loket_sheet_reader_set_shared (LoketSheetReader *reader,
                               guint             column,
                               const char       *text)
{
  place (reader, column, text, FALSE);
}

void
loket_sheet_reader_end_row (LoketSheetReader *reader)
{
  LoketSheet *sheet = reader->sheet;
  LoketSheetRow row = { sheet->cells->len, reader->pending->len };

  while (row.n > 0 && reader->pending->pdata[row.n - 1] == NULL)
    row.n--;
  g_array_append_vals (sheet->cells, reader->pending->pdata, row.n);
  g_array_append_val (sheet->rows, row);
  sheet->width = MAX (sheet->width, row.n);

  if (sheet->numbers != NULL)
    {
      guint old = sheet->numbers->len;
      guint needed = (sheet->cells->len + 7) / 8;

      if (needed > old)
        {
          g_byte_array_set_size (sheet->numbers, needed);
          memset (sheet->numbers->data + old, 0, needed - old);
        }
      for (guint i = 0; i < row.n && i < reader->pending_numbers->len; i++)
        if (reader->pending_numbers->data[i])
          {
            guint cell = row.first + i;
            sheet->numbers->data[cell / 8] |= 1u << (cell % 8);
          }
      g_byte_array_set_size (reader->pending_numbers, 0);
    }
  g_ptr_array_set_size (reader->pending, 0);
}

gboolean
loket_sheet_reader_tick (LoketSheetReader  *reader,
                         double             fraction,
                         GError           **error)
{
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100);

  if (percent <= reader->percent)
    return TRUE;
  reader->percent = percent;
  if (g_cancellable_set_error_if_cancelled (reader->cancellable, error))
    return FALSE;
  if (reader->progress != NULL)
    reader->progress (CLAMP (fraction, 0.0, 1.0), reader->user_data);
  return TRUE;
}

char *
loket_sheet_column_letters (guint column)
{
  char letters[8];
  int at = sizeof letters - 1;
  guint64 n = (guint64) column + 1;

  letters[at] = '\0';
  while (n > 0 && at > 0)
    {
      letters[--at] = 'A' + (n - 1) % 26;
      n = (n - 1) / 26;
    }
  return g_strdup (letters + at);
}

void
loket_sheet_error_too_many_rows (LoketSheetReader  *reader,
                                 GError           **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("“%s” has more than %u rows, more than Loket reads from one file. Split the member list into files of at most %u rows."),
               reader->name, LOKET_SHEET_MAX_ROWS, LOKET_SHEET_MAX_ROWS);
}

void
loket_sheet_error_too_many_columns (LoketSheetReader  *reader,
                                    guint              row,
                                    GError           **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("“%s”, row %u: the row has more than %u columns; a member list needs far fewer. Check that this is the member list, and delete the extra columns in Excel."),
               reader->name, row, LOKET_SHEET_MAX_COLUMNS);
}

void
loket_sheet_error_cell_too_long (LoketSheetReader  *reader,
                                 guint              row,
                                 guint              column,
                                 GError           **error)
{
  g_autofree char *letters = loket_sheet_column_letters (column);

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               /* Translators: the second %s is a column letter such as C */
               _("“%s”, row %u, column %s: the cell holds more than %u KB of text; no member list cell is that long. Check that cell in Excel and shorten or empty it."),
               reader->name, row, letters, LOKET_SHEET_MAX_CELL_BYTES / 1024);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Files a cooperative may send instead of the list itself, recognised by
 * their first bytes so that the message can say what to ask for. */
static gboolean
refuse_known_formats (const guint8  *data,
                      gsize          len,
                      const char    *name,
                      GError       **error)
{
  const char *image = NULL;

  if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      /* Excel 97–2003 and password-protected .xlsx files alike are OLE2
       * compound documents. */
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is an Excel 97–2003 workbook (.xls) or a password-protected workbook, which Loket cannot read. Open it in Excel, remove any password, and save it as Excel Workbook (.xlsx) or CSV."),
                   name);
      return FALSE;
    }
  if (has_prefix (data, len, "%PDF-", 5))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is a PDF document, not a spreadsheet. Ask the cooperative for the member list as an Excel workbook (.xlsx) or a CSV file."),
                   name);
      return FALSE;
    }
  if (has_prefix (data, len, "\x89PNG\r\n\x1A\n", 8))
    image = "PNG";
  else if (has_prefix (data, len, "\xFF\xD8\xFF", 3))
    image = "JPEG";
  else if (has_prefix (data, len, "GIF87a", 6) || has_prefix (data, len, "GIF89a", 6))
    image = "GIF";
  else if (has_prefix (data, len, "RIFF", 4) && len >= 12 && memcmp (data + 8, "WEBP", 4) == 0)
    image = "WebP";
  if (image != NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: the second %s is an image format such as PNG */
                   _("“%s” is an image (%s), not a spreadsheet. Ask the cooperative for the member list as an Excel workbook (.xlsx) or a CSV file."),
                   name, image);
      return FALSE;
    }
  return TRUE;
}

static LoketSheet *
read_sheet (GBytes              *bytes,
            const char          *name,
            GCancellable        *cancellable,
            LoketSheetProgress   progress,
            gpointer             user_data,
            GError             **error)
{
  LoketSheetReader reader = {
    .name = name,
    .cancellable = cancellable,
    .progress = progress,
    .user_data = user_data,
    .percent = -1,
  };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (len == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is empty. Choose the member list file again, or ask the cooperative to send it again."),
                   name);
      return NULL;
    }
  if (!refuse_known_formats (data, len, name, error))
    return NULL;

  reader.pending = g_ptr_array_new ();
  reader.pending_numbers = g_byte_array_new ();
  if (has_prefix (data, len, "PK\x03\x04", 4) || has_prefix (data, len, "PK\x05\x06", 4))
    {
      reader.sheet = loket_sheet_new (LOKET_SHEET_XLSX);
      ok = loket_sheet_read_xlsx (&reader, bytes, error);
    }
  else
    {
      reader.sheet = loket_sheet_new (LOKET_SHEET_CSV);
      ok = loket_sheet_read_csv (&reader, (const char *) data, len, error);
    }
  g_ptr_array_unref (reader.pending);
  g_byte_array_unref (reader.pending_numbers);

  if (ok)
    ok = loket_sheet_reader_tick (&reader, 1.0, error);
  if (!ok)
    {
      g_clear_pointer (&reader.sheet, loket_sheet_free);
      return NULL;
    }
  reader.sheet->source_name = g_strdup (name);
  return reader.sheet;
}

LoketSheet *
loket_sheet_read_file (const char          *path,
                       GCancellable        *cancellable,
                       LoketSheetProgress   progress,
                       gpointer             user_data,
                       GError             **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Cannot read %s (%s). Check that the file still exists and that its disk or USB stick is still connected, then choose it again."),
                   display, local->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, len);
  return read_sheet (bytes, name, cancellable, progress, user_data, error);
}

LoketSheet *
loket_sheet_read_bytes (GBytes        *bytes,
                        const char    *name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return read_sheet (bytes, name != NULL ? name : "?", cancellable, NULL, NULL, error);
}

LoketSheetFormat
loket_sheet_get_format (LoketSheet *sheet)
{
  return sheet->format;
}

const char *
loket_sheet_get_encoding (LoketSheet *sheet)
{
  return sheet->encoding;
}

char
loket_sheet_get_separator (LoketSheet *sheet)
{
  return sheet->separator;
}

const char *
loket_sheet_get_source_name (LoketSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return sheet->source_name;
}

const char *
loket_sheet_get_sheet_name (LoketSheet *sheet)
{
  return sheet->sheet_name;
}

gboolean
loket_sheet_uses_1904_dates (LoketSheet *sheet)
{
  return sheet->date1904;
}

guint
loket_sheet_get_n_rows (LoketSheet *sheet)
{
  return sheet->rows->len;
}

guint
loket_sheet_get_width (LoketSheet *sheet)
{
  return sheet->width;
}

guint
loket_sheet_get_n_columns (LoketSheet *sheet,
                           guint       row)
{
  if (row >= sheet->rows->len)
    return 0;
  return g_array_index (sheet->rows, LoketSheetRow, row).n;
}

const char *
loket_sheet_get_cell (LoketSheet *sheet,
                      guint       row,
                      guint       column)
{
  const LoketSheetRow *r;

  if (row >= sheet->rows->len)
    return NULL;
  r = &g_array_index (sheet->rows, LoketSheetRow, row);
  if (column >= r->n)
    return NULL;
  return g_array_index (sheet->cells, const char *, r->first + column);
}

gboolean
loket_sheet_cell_is_number (LoketSheet *sheet,
                            guint       row,
                            guint       column)
{
  const LoketSheetRow *r;
  guint cell;

  if (sheet->numbers == NULL || row >= sheet->rows->len)
    return FALSE;
  r = &g_array_index (sheet->rows, LoketSheetRow, row);
  if (column >= r->n)
    return FALSE;
  cell = r->first + column;
  return (sheet->numbers->data[cell / 8] >> (cell % 8)) & 1;
}
