/* loket-format.c
 *
 * Nothing this file writes goes through _(): these strings are printed on
 * receipts, membership cards and claim letters, which are Indonesian
 * documents whatever language the counter's interface happens to be in.
 * Only the error of reading an amount is interface text, and translated. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-format.h"

/* The largest amount terbilang spells: the words stop at triliun, and
 * "seribu triliun" is not how anyone writes a quadrillion. */
#define TERBILANG_MAX G_GINT64_CONSTANT (999999999999999)

static const char *const month_names[12] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
};

/* Indexed by GDateWeekday, so that G_DATE_MONDAY (1) is "Senin" and slot 0,
 * G_DATE_BAD_WEEKDAY, stays empty. */
static const char *const weekday_names[8] = {
  NULL, "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
};

/* |amount| as unsigned: -G_MININT64 does not fit in a gint64, so negating
 * first would be undefined behaviour. */
static guint64
magnitude (gint64 amount)
{
  if (amount >= 0)
    return (guint64) amount;
  return (guint64) (-(amount + 1)) + 1;
}

/* Digits in groups of three separated by '.', as Indonesian writes them. */
static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[24];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

char *
loket_format_rupiah (gint64 amount)
{
  GString *out = g_string_new (NULL);

  if (amount < 0)
    g_string_append_c (out, '-');
  g_string_append (out, "Rp");
  append_grouped (out, magnitude (amount));
  return g_string_free (out, FALSE);
}

gboolean
loket_format_parse_rupiah (const char  *text,
                           const char  *field_label,
                           gint64      *out,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *p = trimmed;
  gint64 value = 0;
  int digits_in_group = 0;
  gboolean seen_dot = FALSE, ok = TRUE;
  int n_digits = 0;

  if (g_ascii_strncasecmp (p, "Rp", 2) == 0)
    {
      p += 2;
      if (*p == ' ')
        p++;
    }
  if (*p == '\0')
    ok = FALSE;

  for (; ok && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++n_digits > 15)
            ok = FALSE;
          value = value * 10 + (*p - '0');
          digits_in_group++;
        }
      else if (*p == '.' && digits_in_group > 0 && (!seen_dot ? digits_in_group <= 3 : digits_in_group == 3))
        {
          seen_dot = TRUE;
          digits_in_group = 0;
        }
      else
        ok = FALSE;
    }
  if (seen_dot && digits_in_group != 3)
    ok = FALSE;

  if (!ok)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s: “%s” is not an amount of rupiah. Type whole rupiah, for example 1000000 or 1.000.000."),
                   field_label, text ? text : "");
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static const struct {
  guint64 size;
  const char *name;
} short_units[] = {
  { G_GUINT64_CONSTANT (1000000), "juta" },
  { G_GUINT64_CONSTANT (1000000000), "miliar" },
  { G_GUINT64_CONSTANT (1000000000000), "triliun" },
};

/* value / size in tenths, rounded half-up. Split into quotient and remainder
 * so that nothing is multiplied past 64 bits, even for G_MAXINT64. */
static guint64
tenths_of (guint64 value,
           guint64 size)
{
  guint64 whole = value / size;
  guint64 rest = value % size;

  /* size is even, so adding size / 2 is exactly "half rounds up". */
  return whole * 10 + (rest * 10 + size / 2) / size;
}

char *
loket_format_rupiah_short (gint64 amount)
{
  guint64 value = magnitude (amount);
  guint unit = 0;
  guint64 tenths;
  GString *out;

  /* Below a million the short form would be no shorter. */
  if (value < short_units[0].size)
    return loket_format_rupiah (amount);

  while (unit + 1 < G_N_ELEMENTS (short_units)
         && value >= short_units[unit + 1].size)
    unit++;
  tenths = tenths_of (value, short_units[unit].size);

  /* 999.960.000 rounds to 1.000,0 juta; a reader expects "Rp1 miliar", so
   * move up a unit. It then always rounds to exactly 1,0 of the next one.
   * Triliun has nowhere to go and keeps its thousands ("Rp1.500 triliun"). */
  if (tenths >= 10000 && unit + 1 < G_N_ELEMENTS (short_units))
    {
      unit++;
      tenths = tenths_of (value, short_units[unit].size);
    }

  out = g_string_new (NULL);
  if (amount < 0)
    g_string_append_c (out, '-');
  g_string_append (out, "Rp");
  append_grouped (out, tenths / 10);
  if (tenths % 10 != 0)
    g_string_append_printf (out, ",%u", (guint) (tenths % 10));
  g_string_append_c (out, ' ');
  g_string_append (out, short_units[unit].name);
  return g_string_free (out, FALSE);
}

char *
loket_format_percent (gint64 basis_points)
{
  guint64 value = magnitude (basis_points);
  guint hundredths = (guint) (value % 100);
  const char *sign = basis_points < 0 ? "-" : "";

  if (hundredths == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%%", sign, value / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%u%%", sign, value / 100, hundredths / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%02u%%", sign, value / 100, hundredths);
}

const char *
loket_format_month_name (int month)
{
  if (month < 1 || month > 12)
    return NULL;
  return month_names[month - 1];
}

const char *
loket_format_weekday_name (GDateWeekday weekday)
{
  if (weekday < G_DATE_MONDAY || weekday > G_DATE_SUNDAY)
    return NULL;
  return weekday_names[weekday];
}

/* The day is not zero-padded in words: "2 Januari 2025", as on letters. */
char *
loket_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%u %s %u",
                          g_date_get_day (date),
                          loket_format_month_name (g_date_get_month (date)),
                          g_date_get_year (date));
}

char *
loket_format_date_long (const GDate *date)
{
  g_autofree char *plain = loket_format_date (date);

  if (plain == NULL)
    return NULL;
  return g_strdup_printf ("%s, %s",
                          loket_format_weekday_name (g_date_get_weekday (date)),
                          plain);
}

char *
loket_format_date_numeric (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%02u/%02u/%04u",
                          g_date_get_day (date),
                          g_date_get_month (date),
                          g_date_get_year (date));
}

static const char *const digit_words[10] = {
  "nol", "satu", "dua", "tiga", "empat",
  "lima", "enam", "tujuh", "delapan", "sembilan",
};

/* Appends a word, with a space before it unless it is the first. */
static void
append_word (GString    *out,
             const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

/* 1..999. A leading one fuses with its word: seratus, sepuluh, sebelas. */
static void
append_hundreds (GString *out,
                 guint    value)
{
  guint hundreds = value / 100;
  guint tens = value / 10 % 10;
  guint ones = value % 10;

  if (hundreds == 1)
    append_word (out, "seratus");
  else if (hundreds > 1)
    {
      append_word (out, digit_words[hundreds]);
      append_word (out, "ratus");
    }

  if (tens == 1)
    {
      if (ones == 0)
        append_word (out, "sepuluh");
      else if (ones == 1)
        append_word (out, "sebelas");
      else
        {
          append_word (out, digit_words[ones]);
          append_word (out, "belas");
        }
      return;
    }
  if (tens > 1)
    {
      append_word (out, digit_words[tens]);
      append_word (out, "puluh");
    }
  if (ones > 0)
    append_word (out, digit_words[ones]);
}

char *
loket_format_terbilang (gint64 amount)
{
  static const struct {
    guint64 size;
    const char *name;
  } groups[] = {
    { G_GUINT64_CONSTANT (1000000000000), "triliun" },
    { G_GUINT64_CONSTANT (1000000000), "miliar" },
    { G_GUINT64_CONSTANT (1000000), "juta" },
    { G_GUINT64_CONSTANT (1000), "ribu" },
  };
  guint64 value;
  GString *out;

  if (amount > TERBILANG_MAX || amount < -TERBILANG_MAX)
    return NULL;
  if (amount == 0)
    return g_strdup ("nol rupiah");

  out = g_string_new (NULL);
  if (amount < 0)
    append_word (out, "minus");
  value = magnitude (amount);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      guint count = (guint) (value / groups[i].size);

      value %= groups[i].size;
      if (count == 0)
        continue;
      /* "seribu", but "satu juta", "satu miliar": only ribu fuses. */
      if (count == 1 && groups[i].size == 1000)
        append_word (out, "seribu");
      else
        {
          append_hundreds (out, count);
          append_word (out, groups[i].name);
        }
    }
  if (value > 0)
    append_hundreds (out, (guint) value);

  append_word (out, "rupiah");
  return g_string_free (out, FALSE);
}
