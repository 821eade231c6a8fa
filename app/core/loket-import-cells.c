/* loket-import-cells.c: what a cell of a cooperative's list holds, read the
 * ways Excel and people write it: trimmed text, Excel's date serials and
 * long numbers, dates, sex, amounts. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-import-private.h"
#include "loket-text.h"

/* Excel's last serial: 31 December 9999. */
#define EXCEL_MAX_SERIAL 2958465

static gboolean
is_blank_char (gunichar c)
{
  /* Excel lists carry no-break spaces and zero-width characters pasted in
   * from the web or WhatsApp. */
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT;
}

/* The text without blanks around it, or NULL when nothing is left. */
char *
loket_import_dup_trimmed (const char *text)
{
  const char *start, *end;

  if (text == NULL)
    return NULL;
  start = text;
  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  if (*start == '\0')
    return NULL;
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

gboolean
loket_import_has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_blank_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
loket_import_all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Folded, with only letters and digits, and no note in brackets:
 * "No. KTP" → "noktp", "Tanggal Lahir (dd/mm/yyyy)" → "tanggallahir",
 * "Laki-laki" → "lakilaki". */
char *
loket_import_key (const char *text,
                  gboolean    skip_brackets)
{
  g_autofree char *folded = loket_text_fold (text);
  GString *key = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded ? folded : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (skip_brackets && (c == '(' || c == '['))
        depth++;
      else if (skip_brackets && (c == ')' || c == ']'))
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  if (key->len == 0 && skip_brackets)
    {
      /* "(NIK)": the note is all there is. */
      g_string_free (key, TRUE);
      return loket_import_key (text, FALSE);
    }
  return g_string_free (key, FALSE);
}

/* "3.20101E+15", "3,20101E+15": what Excel writes for a long number. */
gboolean
loket_import_looks_scientific (const char *text)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' || *p == ',')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != 'E' && *p != 'e')
    return FALSE;
  p++;
  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

/* A number cell as Excel shows it in a General column with an Indonesian
 * locale: "3,20101E+15", which is what the cooperative sees. */
char *
loket_import_excel_general (const char *stored)
{
  double value = g_ascii_strtod (stored, NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *mantissa = NULL;
  char *exponent;

  if (value < 1e11 && value > -1e11)
    return g_strdup (stored);
  g_ascii_formatd (buffer, sizeof buffer, "%.5E", value);
  exponent = strchr (buffer, 'E');
  if (exponent == NULL)
    return g_strdup (stored);
  mantissa = g_strndup (buffer, exponent - buffer);
  /* 3.20000E+15 is shown 3,2E+15. */
  for (gsize len = strlen (mantissa); len > 1 && mantissa[len - 1] == '0'; len--)
    mantissa[len - 1] = '\0';
  if (g_str_has_suffix (mantissa, "."))
    mantissa[strlen (mantissa) - 1] = '\0';
  g_strdelimit (mantissa, ".", ',');
  return g_strconcat (mantissa, exponent, NULL);
}

/* Excel's 1900 date system: serial 1 is 1 January 1900, and Excel counts a
 * 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3), so
 * from 1 March 1900 (serial 61) on, day 0 is 30 December 1899. */
static gboolean
date_from_serial (gint64  serial,
                  GDate  *out)
{
  if (serial < 1 || serial > EXCEL_MAX_SERIAL || serial == 60)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, serial < 60 ? 31 : 30, 12, 1899);
  g_date_add_days (out, (guint) serial);
  return TRUE;
}

static int
month_from_name (const char *word)
{
  static const struct {
    const char *name;
    int         month;
  } months[] = {
    { "januari", 1 }, { "january", 1 }, { "jan", 1 },
    { "februari", 2 }, { "pebruari", 2 }, { "february", 2 }, { "feb", 2 }, { "peb", 2 },
    { "maret", 3 }, { "march", 3 }, { "mar", 3 },
    { "april", 4 }, { "apr", 4 },
    { "mei", 5 }, { "may", 5 },
    { "juni", 6 }, { "june", 6 }, { "jun", 6 },
    { "juli", 7 }, { "july", 7 }, { "jul", 7 },
    { "agustus", 8 }, { "august", 8 }, { "agu", 8 }, { "agt", 8 }, { "ags", 8 }, { "aug", 8 },
    { "september", 9 }, { "sep", 9 }, { "sept", 9 },
    { "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
    { "november", 11 }, { "nopember", 11 }, { "nov", 11 }, { "nop", 11 },
    { "desember", 12 }, { "december", 12 }, { "des", 12 }, { "dec", 12 },
  };
  g_autofree char *key = loket_import_key (word, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (key, months[i].name))
      return months[i].month;
  return 0;
}

/* "12 Mei 1990", "12-Mei-1990", "12 May 1990". */
static gboolean
date_from_words (const char *text,
                 GDate      *out)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " -/", -1);
  GPtrArray *words = g_ptr_array_new ();
  int day, month, year;
  gboolean ok = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, parts[i]);

  if (words->len == 3)
    {
      const char *d = g_ptr_array_index (words, 0);
      const char *m = g_ptr_array_index (words, 1);
      const char *y = g_ptr_array_index (words, 2);

      if (loket_import_all_digits (d) && strlen (d) <= 2 && loket_import_all_digits (y) && strlen (y) == 4
          && (month = month_from_name (m)) > 0)
        {
          day = atoi (d);
          year = atoi (y);
          if (g_date_valid_dmy (day, month, year))
            {
              g_date_clear (out, 1);
              g_date_set_dmy (out, day, month, year);
              ok = TRUE;
            }
        }
    }
  g_ptr_array_unref (words);
  return ok;
}

/* A birth date as a cooperative's list gives it: an Excel serial (a number
 * cell, or five digits in a CSV saved from a General column), dd/mm/yyyy,
 * dd-mm-yyyy, dd.mm.yyyy, ISO, "12 Mei 1990", with a time of 00:00 after
 * it now and then. */
gboolean
loket_import_read_date (const char  *text,
                        gboolean     is_number,
                        const char  *title,
                        GDate       *out,
                        GError     **error)
{
  g_autofree char *copy = NULL;
  const char *colon;

  if (is_number || (strlen (text) == 5 && loket_import_all_digits (text)))
    {
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);

      if (end != NULL && *end == '\0' && value >= 1 && value < EXCEL_MAX_SERIAL + 1
          && date_from_serial ((gint64) value, out))
        return TRUE;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s: the number %s is not a date Excel can show. Write the date as DD/MM/YYYY, for example 12/05/1990."),
                   title, text);
      return FALSE;
    }

  copy = g_strdup (text);
  colon = strchr (copy, ':');
  if (colon != NULL)
    {
      /* "1990-05-12 00:00:00", "1990-05-12T00:00:00": the time goes. */
      char *cut = copy + (colon - copy);

      while (cut > copy && *cut != ' ' && *cut != 'T')
        cut--;
      if (cut > copy)
        *cut = '\0';
    }

  for (const char *p = copy; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      {
        if (date_from_words (copy, out))
          return TRUE;
        break;
      }

  return loket_date_parse_local (copy, title, out, error);
}

char
loket_import_read_sex (const char *text)
{
  static const char *const male[] = { "l", "lk", "laki", "lakilaki", "pria", "m", "male" };
  static const char *const female[] = { "p", "pr", "perempuan", "wanita", "w", "f", "female" };
  g_autofree char *key = loket_import_key (text, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (male); i++)
    if (g_str_equal (key, male[i]))
      return 'L';
  for (guint i = 0; i < G_N_ELEMENTS (female); i++)
    if (g_str_equal (key, female[i]))
      return 'P';
  return 0;
}

/* "1.500.000,00" (Excel's Indonesian number format), "1500000.0": the
 * decimals of a whole amount go; "1.500" stays one thousand five hundred. */
void
loket_import_drop_zero_decimals (char *text)
{
  char *sep = strrchr (text, ',');
  gsize zeros;

  if (sep == NULL)
    sep = strrchr (text, '.');
  if (sep == NULL || sep[1] == '\0')
    return;
  zeros = strspn (sep + 1, "0");
  if (sep[1 + zeros] != '\0')
    return;
  if (*sep == '.' && zeros == 3)
    return;
  *sep = '\0';
}

