/* loket-sheet-csv.c: a CSV as Excel saves it.
 *
 * Excel with an Indonesian locale writes ';' between cells (',' is its
 * decimal mark) and Windows-1252 text unless told "CSV UTF-8", which adds a
 * byte-order mark; its "Unicode Text" is UTF-16 with tabs. Lines end in
 * CRLF; a cell with a separator, a quote or a line break inside is quoted,
 * quotes doubled. Other programs write ',' and LF. All of these are read. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-sheet-private.h"

/* Lines looked at to find the separator, for a title row above the header
 * that has none. */
#define SEPARATOR_LINES 50
/* How much of the file is looked at to tell text from binary. */
#define SNIFF_BYTES (64 * 1024)

static void
set_not_a_spreadsheet (LoketSheetReader  *reader,
                       GError           **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("“%s” is not a spreadsheet: it is neither an Excel workbook (.xlsx) nor a CSV text file. Open the member list in Excel and save it as Excel Workbook (.xlsx) or CSV."),
               reader->name);
}

/* Text has no NUL bytes and few control characters other than tab, line
 * feed, carriage return and form feed; an image, an archive or an executable
 * is full of them. A stray one in a real CSV (pasted from another system) is
 * tolerated. */
static gboolean
looks_like_text (const char *data,
                 gsize       len)
{
  gsize sniff = MIN (len, SNIFF_BYTES);
  gsize controls = 0;

  if (memchr (data, '\0', len) != NULL)
    return FALSE;
  for (gsize i = 0; i < sniff; i++)
    {
      guchar c = data[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A)
        controls++;
    }
  return controls * 100 <= sniff;
}

static gboolean
looks_like_markup (const char *text,
                   gsize       len)
{
  static const char *const starts[] = {
    "<?xml", "<!doctype", "<html", "<head", "<body", "<table", "<meta", "<workbook",
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      gsize n = strlen (starts[i]);

      if (len >= n && g_ascii_strncasecmp (text, starts[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]) && text[i] != 0x1A)
      return FALSE;
  return TRUE;
}

/* Windows-1252 leaves five bytes undefined, and iconv refuses them; Windows
 * itself passes them through as control characters, which no name holds.
 * They become '?' so that one odd byte does not lose the whole file. */
static char *
from_windows_1252 (const char *data,
                   gsize       len,
                   gsize      *out_len)
{
  g_autofree char *copy = NULL;
  char *text;

  text = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, out_len, NULL);
  if (text != NULL)
    return text;

  copy = g_memdup2 (data, len);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = copy[i];
      if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
        copy[i] = '?';
    }
  text = g_convert (copy, len, "UTF-8", "WINDOWS-1252", NULL, out_len, NULL);
  if (text != NULL)
    return text;
  /* Not expected: every other byte is defined. Latin-1 maps every byte. */
  return g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, out_len, NULL);
}

/* Counts the candidate separators outside quotes on each line until one has
 * any; a title row ("DAFTAR ANGGOTA") may come before the header. Ties go to
 * ';', which Excel writes in Indonesia. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  guint semicolons = 0, commas = 0, tabs = 0, lines = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && lines < SEPARATOR_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == ';')
        semicolons++;
      else if (c == ',')
        commas++;
      else if (c == '\t')
        tabs++;
      else if (c == '\n' || c == '\r')
        {
          if (semicolons + commas + tabs > 0)
            break;
          lines++;
        }
    }
  if (tabs > semicolons && tabs > commas)
    return '\t';
  if (commas > semicolons)
    return ',';
  return ';';
}

/* Excel's own hint on the first line, "sep=;", which it hides when it opens
 * the file: it is not a row. */
static gsize
skip_sep_line (const char *text,
               gsize       len,
               char       *separator)
{
  gsize i = 5;

  if (len < 5 || g_ascii_strncasecmp (text, "sep=", 4) != 0)
    return 0;
  if (text[4] == '\r' || text[4] == '\n' || text[4] == '"')
    return 0;
  if (i < len && text[i] != '\r' && text[i] != '\n')
    return 0;
  if (i < len && text[i] == '\r')
    i++;
  if (i < len && text[i] == '\n')
    i++;
  *separator = text[4];
  return i;
}

/* The cells of row `row` (0-based) from `*at` up to its line end, which is
 * left unread. A separator always has a cell after it, even at the end of
 * the line ("a;b;" is three cells). */
static gboolean
read_row (LoketSheetReader  *reader,
          const char        *text,
          gsize              len,
          gsize             *at,
          char               separator,
          guint              row,
          GString           *field,
          GError           **error)
{
  gsize i = *at;

  for (guint column = 0; ; column++)
    {
      const char *cell;
      gsize cell_len;

      if (column >= LOKET_SHEET_MAX_COLUMNS)
        {
          loket_sheet_error_too_many_columns (reader, row + 1, error);
          return FALSE;
        }

      if (i < len && text[i] == '"')
        {
          g_string_truncate (field, 0);
          i++;
          for (;;)
            {
              const char *quote = memchr (text + i, '"', len - i);
              gsize end = quote != NULL ? (gsize) (quote - text) : len;

              g_string_append_len (field, text + i, MIN (end - i, LOKET_SHEET_MAX_CELL_BYTES + 1));
              if (field->len > LOKET_SHEET_MAX_CELL_BYTES)
                {
                  g_autofree char *letters = loket_sheet_column_letters (column);

                  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                               /* Translators: the second %s is a column letter such as C */
                               _("“%s”, row %u, column %s: a quoted cell runs on for more than %u KB, so its closing quote (\") is probably missing. Check that cell in Excel or a text editor and save the file again."),
                               reader->name, row + 1, letters, LOKET_SHEET_MAX_CELL_BYTES / 1024);
                  return FALSE;
                }
              if (quote == NULL)
                {
                  g_autofree char *letters = loket_sheet_column_letters (column);

                  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                               /* Translators: the second %s is a column letter such as C */
                               _("“%s”, row %u, column %s: the quoted cell is never closed (its closing quote \" is missing). Check that cell in Excel or a text editor and save the file again."),
                               reader->name, row + 1, letters);
                  return FALSE;
                }
              i = end + 1;
              if (i < len && text[i] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                  continue;
                }
              break;
            }
          /* Text after the closing quote ("a"b) is kept as it is, as Excel
           * does. */
          while (i < len && text[i] != separator && text[i] != '\n' && text[i] != '\r')
            g_string_append_c (field, text[i++]);
          cell = field->str;
          cell_len = field->len;
        }
      else
        {
          gsize start = i;

          while (i < len && text[i] != separator && text[i] != '\n' && text[i] != '\r')
            i++;
          cell = text + start;
          cell_len = i - start;
        }

      if (cell_len > LOKET_SHEET_MAX_CELL_BYTES)
        {
          loket_sheet_error_cell_too_long (reader, row + 1, column, error);
          return FALSE;
        }
      loket_sheet_reader_set_cell (reader, column, cell, cell_len, FALSE);

      if (i >= len || text[i] != separator)
        break;
      i++;
    }
  *at = i;
  return TRUE;
}

static gboolean
parse (LoketSheetReader  *reader,
       const char        *text,
       gsize              len,
       gsize              i,
       char               separator,
       GError           **error)
{
  g_autoptr(GString) field = g_string_sized_new (256);

  for (guint row = 0; i < len; row++)
    {
      if (row >= LOKET_SHEET_MAX_ROWS)
        {
          loket_sheet_error_too_many_rows (reader, error);
          return FALSE;
        }
      if ((row & 1023) == 0 && !loket_sheet_reader_tick (reader, (double) i / len, error))
        return FALSE;

      /* A blank line is an empty row, kept so that row numbers match. */
      if (text[i] != '\n' && text[i] != '\r'
          && !read_row (reader, text, len, &i, separator, row, field, error))
        return FALSE;
      if (i < len && text[i] == '\r')
        i++;
      if (i < len && text[i] == '\n')
        i++;
      loket_sheet_reader_end_row (reader);
    }
  return TRUE;
}

gboolean
loket_sheet_read_csv (LoketSheetReader  *reader,
                      const char        *data,
                      gsize              len,
                      GError           **error)
{
  g_autofree char *converted = NULL;
  LoketSheet *sheet = reader->sheet;
  const char *text = data;
  gsize text_len = len;
  gsize converted_len = 0;
  gsize start;
  char separator;

  if (len >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    converted = g_convert (data + 2, len - 2, "UTF-8", "UTF-16LE", NULL, &converted_len, NULL);
  else if (len >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    converted = g_convert (data + 2, len - 2, "UTF-8", "UTF-16BE", NULL, &converted_len, NULL);
  else if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      text_len -= 3;
    }
  if (converted != NULL)
    {
      text = converted;
      text_len = converted_len;
      sheet->encoding = "UTF-16";
    }
  if (!looks_like_text (text, text_len))
    {
      set_not_a_spreadsheet (reader, error);
      return FALSE;
    }
  if (is_blank (text, text_len))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is empty. Choose the member list file again, or ask the cooperative to send it again."),
                   reader->name);
      return FALSE;
    }
  for (start = 0; start < text_len && g_ascii_isspace (text[start]); start++)
    ;
  if (looks_like_markup (text + start, text_len - start))
    {
      /* Some systems save a web page or Excel 2003 XML under a .xls or .csv
       * name; Excel opens it, Loket cannot. */
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is a web page or an XML file, not a CSV file or an .xlsx workbook. Open it in Excel and save it as Excel Workbook (.xlsx) or CSV."),
                   reader->name);
      return FALSE;
    }

  if (converted == NULL)
    {
      if (!g_utf8_validate_len (text, text_len, NULL))
        {
          converted = from_windows_1252 (text, text_len, &text_len);
          if (converted == NULL)
            {
              set_not_a_spreadsheet (reader, error);
              return FALSE;
            }
          text = converted;
          sheet->encoding = "Windows-1252";
        }
    }

  separator = detect_separator (text, text_len);
  start = skip_sep_line (text, text_len, &separator);
  sheet->separator = separator;
  if (!parse (reader, text, text_len, start, separator, error))
    return FALSE;
  if (sheet->rows->len == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is empty. Choose the member list file again, or ask the cooperative to send it again."),
                   reader->name);
      return FALSE;
    }
  return TRUE;
}
