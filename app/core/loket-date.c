/* loket-date.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-error.h"

static gboolean
parse_digits (const char *text,
              gsize       len,
              int        *out)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Strict YYYY-MM-DD: exactly ten characters, a real calendar date. We do not
 * guess at 12/05/1990 here: whether that is May or December is for the
 * importer, which knows its file, not for a command-line argument. */
gboolean
loket_date_parse_iso (const char  *text,
                      const char  *field_label,
                      GDate       *out,
                      GError     **error)
{
  int year, month, day;

  if (text != NULL
      && strlen (text) == 10
      && text[4] == '-' && text[7] == '-'
      && parse_digits (text, 4, &year)
      && parse_digits (text + 5, 2, &month)
      && parse_digits (text + 8, 2, &day)
      && year >= 1 && month >= 1 && month <= 12 && day >= 1
      && g_date_valid_dmy (day, month, year))
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
      return TRUE;
    }

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               /* Translators: %s is a field name, then the text typed */
               _("%s: “%s” is not a valid date. Write it as YYYY-MM-DD, for example 1990-05-12."),
               field_label, text ? text : "");
  return FALSE;
}

/* The 1 or 2 digits of a day or month, or the 4 of a year, then `sep` (or
 * the end when sep is 0). Returns where reading stopped, or NULL. */
static const char *
read_group (const char *p,
            gsize       min_len,
            gsize       max_len,
            char        sep,
            int        *out)
{
  gsize len = 0;

  while (g_ascii_isdigit (p[len]) && len <= max_len)
    len++;
  if (len < min_len || len > max_len || !parse_digits (p, len, out))
    return NULL;
  p += len;
  if (sep == 0)
    return *p == '\0' ? p : NULL;
  return *p == sep ? p + 1 : NULL;
}

/* Day first, as Indonesians write it (12/05/1990, 12-05-1990, 12.05.1990),
 * or ISO as the CLI and the importer take it. Both separators must be the
 * same, so "12/05-1990" is a typo to be shown, not guessed at. */
gboolean
loket_date_parse_local (const char  *text,
                        const char  *field_label,
                        GDate       *out,
                        GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *p = trimmed;
  int year = 0, month = 0, day = 0;
  gboolean read = FALSE;

  if (strlen (p) >= 5 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
      && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && p[4] == '-')
    read = (p = read_group (p, 4, 4, '-', &year)) != NULL
           && (p = read_group (p, 2, 2, '-', &month)) != NULL
           && read_group (p, 2, 2, 0, &day) != NULL;
  else
    {
      const char *sep = p + strspn (p, "0123456789");

      if (*sep == '/' || *sep == '-' || *sep == '.')
        read = (p = read_group (p, 1, 2, *sep, &day)) != NULL
               && (p = read_group (p, 1, 2, *sep, &month)) != NULL
               && read_group (p, 4, 4, 0, &year) != NULL;
    }

  if (!read)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: %s is a field name, then the text typed */
                   _("%s: “%s” is not a date. Write it as DD/MM/YYYY, for example 12/05/1990."),
                   field_label, trimmed);
      return FALSE;
    }
  if (year < 1 || month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: %s is a field name, then the text typed */
                   _("%s: “%s” is not a day of the calendar. Check the day and the month."),
                   field_label, trimmed);
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* YYYY-MM, the first day of that month. */
gboolean
loket_date_parse_month (const char  *text,
                        const char  *field_label,
                        GDate       *out,
                        GError     **error)
{
  int year, month;

  if (text != NULL
      && strlen (text) == 7
      && text[4] == '-'
      && parse_digits (text, 4, &year)
      && parse_digits (text + 5, 2, &month)
      && year >= 1 && month >= 1 && month <= 12)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, 1, month, year);
      return TRUE;
    }

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("%s: “%s” is not a valid month. Write it as YYYY-MM, for example 2026-01."),
               field_label, text ? text : "");
  return FALSE;
}

char *
loket_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

void
loket_date_set_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Completed years. Someone born on 29 February turns a year older on
 * 1 March in common years, as Indonesian civil practice counts it. */
int
loket_date_age_on (const GDate *birth,
                   const GDate *on)
{
  int age = (int) g_date_get_year (on) - (int) g_date_get_year (birth);
  int on_month = g_date_get_month (on);
  int birth_month = g_date_get_month (birth);

  if (on_month < birth_month
      || (on_month == birth_month
          && g_date_get_day (on) < g_date_get_day (birth)))
    age--;
  return age;
}

void
loket_date_first_of_month (GDate *date)
{
  g_date_set_day (date, 1);
}

void
loket_date_add_months_first (const GDate *date,
                             int          months,
                             GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (date), g_date_get_year (date));
  if (months > 0)
    g_date_add_months (out, months);
  else if (months < 0)
    g_date_subtract_months (out, -months);
}
