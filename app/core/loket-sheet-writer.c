/* loket-sheet-writer.c */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "loket-error.h"
#include "loket-sheet-writer.h"

/* Excel's own limit on a cell's text, in characters. */
#define XLSX_MAX_CELL_CHARS 32767
#define MIN_WIDTH 8
#define MAX_WIDTH 60

static void
set_write_error (const char  *path,
                 const char  *detail,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
               _("Cannot save %s (%s). Check that the folder exists, that you may write in it and that the disk is not full; nothing was saved."),
               display, detail);
}

/* `text` as valid UTF-8: borrowed when it already is, else a copy in
 * `copy`. */
static const char *
valid_text (const char  *text,
            char       **copy)
{
  if (text == NULL)
    return "";
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *copy = g_utf8_make_valid (text, -1);
  return *copy;
}

/* Writes the new file's content, to the open `fd` or by name to `temp`;
 * FALSE with `detail` set on failure. */
typedef gboolean (*WriteFunc) (const char  *temp,
                               int          fd,
                               gpointer     data,
                               const char **detail);

/* Puts a new file at `path` whole or not at all: written to a temporary
 * file beside it (so that the rename cannot cross file systems), synced,
 * then renamed over it; on any failure the temporary file is removed. */
static gboolean
replace_file (const char  *path,
              WriteFunc    write_func,
              gpointer     data,
              GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  const char *detail = NULL;
  gboolean ok;
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (path, g_strerror (errno), error);
      return FALSE;
    }
  ok = write_func (temp, fd, data, &detail);
  /* Any descriptor of the file syncs it, whoever wrote it. */
  if (ok && g_fsync (fd) != 0)
    {
      detail = g_strerror (errno);
      ok = FALSE;
    }
  if (!g_close (fd, NULL) && ok)
    {
      detail = g_strerror (errno);
      ok = FALSE;
    }
  if (ok && g_rename (temp, path) != 0)
    {
      detail = g_strerror (errno);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (temp);
      set_write_error (path, detail, error);
    }
  return ok;
}

static void
append_csv_row (GString            *out,
                const char *const  *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *copy = NULL;
      const char *text = valid_text (cells[i], &copy);

      if (i > 0)
        g_string_append_c (out, ';');
      if (strpbrk (text, ";\"\r\n") == NULL)
        {
          g_string_append (out, text);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

static gboolean
write_all (const char  *temp,
           int          fd,
           gpointer     data,
           const char **detail)
{
  GString *out = data;
  gsize done = 0;

  while (done < out->len)
    {
      gssize n = write (fd, out->str + done, out->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *detail = g_strerror (n < 0 ? errno : ENOSPC);
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

gboolean
loket_sheet_write_csv (const char         *path,
                       const char *const  *header,
                       GPtrArray          *rows,
                       GError            **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (header != NULL)
    append_csv_row (out, header);
  for (guint i = 0; i < rows->len; i++)
    append_csv_row (out, g_ptr_array_index (rows, i));
  return replace_file (path, write_all, out, error);
}

/* The cell's text cut to Excel's limit, at a character boundary. */
static const char *
xlsx_text (const char  *text,
           char       **copy)
{
  const char *valid = valid_text (text, copy);
  char *cut;

  if (strlen (valid) <= XLSX_MAX_CELL_CHARS
      || g_utf8_strlen (valid, -1) <= XLSX_MAX_CELL_CHARS)
    return valid;
  cut = g_strndup (valid, g_utf8_offset_to_pointer (valid, XLSX_MAX_CELL_CHARS) - valid);
  g_free (*copy);
  *copy = cut;
  return cut;
}

static void
measure (GArray             *widths,
         const char *const  *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      glong chars = g_utf8_validate (cells[i], -1, NULL)
                    ? g_utf8_strlen (cells[i], -1) : (glong) strlen (cells[i]);
      const char *newline = strchr (cells[i], '\n');

      if (newline != NULL)
        chars = MIN (chars, newline - cells[i]);
      if (widths->len <= i)
        g_array_set_size (widths, i + 1);
      g_array_index (widths, glong, i) = MAX (g_array_index (widths, glong, i), chars);
    }
}

static lxw_error
write_xlsx_row (lxw_worksheet      *sheet,
                guint               row,
                const char *const  *cells,
                lxw_format         *format)
{
  for (guint i = 0; cells[i] != NULL && i < LXW_COL_MAX; i++)
    {
      g_autofree char *copy = NULL;
      lxw_error err;

      if (*cells[i] == '\0')
        continue;
      /* As a string, never a number: a NIK stays all its 16 digits. */
      err = worksheet_write_string (sheet, row, i, xlsx_text (cells[i], &copy), format);
      if (err != LXW_NO_ERROR)
        return err;
    }
  return LXW_NO_ERROR;
}

typedef struct {
  const char *const *header;
  GPtrArray         *rows;
} Table;

/* Writes the workbook to `file`, which exists, empty. */
static gboolean
write_workbook (const char  *file,
                int          fd,
                gpointer     data,
                const char **detail)
{
  const Table *table = data;
  const char *const *header = table->header;
  GPtrArray *rows = table->rows;
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (glong));
  lxw_workbook *workbook = workbook_new (file);
  lxw_worksheet *sheet;
  lxw_format *bold, *text;
  lxw_error err = LXW_NO_ERROR;
  guint first = header != NULL ? 1 : 0;

  if (workbook == NULL)
    {
      *detail = g_strerror (ENOMEM);
      return FALSE;
    }
  /* Translators: the name of the sheet holding the rejected rows; at most
   * 31 characters, none of : \ / ? * [ ] */
  sheet = workbook_add_worksheet (workbook, _("Rejected"));
  /* Built-in format 49 is Excel's Text ("@"): what the cooperative types
   * into these cells later stays text too. */
  text = workbook_add_format (workbook);
  format_set_num_format_index (text, 49);
  bold = workbook_add_format (workbook);
  format_set_num_format_index (bold, 49);
  format_set_bold (bold);

  if (header != NULL)
    measure (widths, header);
  for (guint i = 0; i < rows->len; i++)
    measure (widths, g_ptr_array_index (rows, i));
  for (guint i = 0; i < widths->len && i < LXW_COL_MAX && err == LXW_NO_ERROR; i++)
    {
      glong width = CLAMP (g_array_index (widths, glong, i) + 2, MIN_WIDTH, MAX_WIDTH);
      err = worksheet_set_column (sheet, i, i, width, text);
    }

  if (err == LXW_NO_ERROR && header != NULL)
    err = write_xlsx_row (sheet, 0, header, bold);
  for (guint i = 0; i < rows->len && err == LXW_NO_ERROR; i++)
    {
      if (first + i >= LXW_ROW_MAX)
        err = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
      else
        err = write_xlsx_row (sheet, first + i, g_ptr_array_index (rows, i), text);
    }
  if (err == LXW_NO_ERROR && header != NULL && widths->len > 0)
    {
      worksheet_freeze_panes (sheet, 1, 0);
      err = worksheet_autofilter (sheet, 0, 0, MIN (rows->len, LXW_ROW_MAX - 1),
                                  MIN (widths->len, LXW_COL_MAX) - 1);
    }
  if (err == LXW_NO_ERROR && widths->len > 0)
    err = worksheet_ignore_errors (sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");

  if (err != LXW_NO_ERROR)
    {
      *detail = lxw_strerror (err);
      /* Closing is the only way to free the workbook; the file it writes is
       * removed by the caller. */
      workbook_close (workbook);
      return FALSE;
    }
  err = workbook_close (workbook);
  if (err != LXW_NO_ERROR)
    {
      *detail = err == LXW_ERROR_CREATING_XLSX_FILE ? g_strerror (errno) : lxw_strerror (err);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_sheet_write_xlsx (const char         *path,
                        const char *const  *header,
                        GPtrArray          *rows,
                        GError            **error)
{
  Table table = { header, rows };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  return replace_file (path, write_workbook, &table, error);
}
