/* loket-nik.c */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-nik.h"
#include "loket-regions.h"

#define NIK_LENGTH 16

/* What the clerk typed, made comparable. Spaces are dropped: people read a
 * NIK aloud in groups and type it that way, and the KTP prints it as one run
 * of digits, so a space carries nothing. Invisible characters (zero-width
 * spaces, byte-order marks) that come along with a paste are dropped too,
 * since a clerk cannot see them to delete them. Dots and dashes are NOT
 * dropped: no KTP prints them, and a dotted or dashed text is more likely a
 * region code (52.03.01), a date or another number pasted by mistake. They
 * are reported, and the rest of the NIK is still checked. */
typedef struct {
  GString  *chars;     /* one byte per character, non-ASCII ones as '?', so
                        * that positions are character positions */
  GString  *digits;    /* the ASCII digits alone, in order */
  gunichar  first_bad; /* the first character that is not a digit, or 0 */
} Cleaned;

static void
clean (const char *text,
       Cleaned    *out)
{
  /* Invalid UTF-8 becomes U+FFFD, which is then just another non-digit. */
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  out->chars = g_string_new (NULL);
  out->digits = g_string_new (NULL);
  out->first_bad = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;

      if (c < 0x80 && g_ascii_isdigit (c))
        g_string_append_c (out->digits, (char) c);
      else if (out->first_bad == 0)
        out->first_bad = c;
      g_string_append_c (out->chars, c < 0x80 ? (char) c : '?');
    }
}

/* The character as the clerk can recognise it: itself when it prints,
 * otherwise its code point (a tab typed by accident, a control character). */
static char *
describe_char (gunichar c)
{
  char utf8[7] = { 0 };

  if (!g_unichar_isprint (c))
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, utf8);
  return g_strdup (utf8);
}

/* `len` ASCII digits at `text` as a number; -1 when any is not a digit. */
static int
read_number (const char *text,
             gsize       len)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* Reads as many of the region groups as `text` holds. With `check`, the
 * codes are also judged; without (a NIK of the wrong length, whose later
 * groups cannot be located), the names are only filled in to help the clerk
 * see what was meant.
 *
 * The "unknown" warnings are given only at the first level that is missing
 * from the tables: when the province is unknown the regency cannot be in the
 * table either, and saying so again would bury the real problem. */
static void
read_regions (LoketNikInfo *info,
              const char   *text,
              gsize         len,
              gboolean      check)
{
  int province, regency, district;

  province = len >= 2 ? read_number (text, 2) : -1;
  if (province < 0)
    return;
  g_snprintf (info->province_code, sizeof info->province_code, "%02d", province);
  info->province = loket_regions_province_name (info->province_code);
  if (check && info->province == NULL)
    loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-province",
                        /* Translators: %s is a two-digit code such as 52 */
                        _("NIK: it starts with %s, which is not an Indonesian province code. Check the first two digits against the KTP."),
                        info->province_code);

  regency = len >= 4 ? read_number (text + 2, 2) : -1;
  if (regency < 0)
    return;
  g_snprintf (info->regency_code, sizeof info->regency_code, "%s.%02d",
              info->province_code, regency);
  info->regency = loket_regions_regency_name (info->regency_code);
  if (check)
    {
      if (regency == 0 || regency == 70)
        loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-regency",
                            /* Translators: %02d is the two-digit regency code */
                            _("NIK: digits 3–4 are %02d, which is not a regency code: it is 01–69 for a regency (kabupaten) or 71–99 for a city (kota). Check them against the KTP."),
                            regency);
      else if (info->province != NULL && info->regency == NULL)
        loket_problems_add (info->problems, LOKET_SEVERITY_WARNING, "nik", "nik-regency-unknown",
                            /* Translators: %s is a regency code such as 52.03 */
                            _("NIK: regency %s is not in Loket’s list of regencies. It may be new or retired; check the NIK against the KTP."),
                            info->regency_code);
    }

  district = len >= 6 ? read_number (text + 4, 2) : -1;
  if (district < 0)
    return;
  g_snprintf (info->district_code, sizeof info->district_code, "%s.%02d",
              info->regency_code, district);
  info->district = loket_regions_district_name (info->district_code);
  if (check)
    {
      if (district == 0)
        loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-district",
                            _("NIK: digits 5–6 are 00, which is not a district code: districts are numbered from 01. Check them against the KTP."));
      else if (info->regency != NULL && info->district == NULL)
        /* A warning only: when a district is split, the people already
         * registered keep NIKs with the old code. */
        loket_problems_add (info->problems, LOKET_SEVERITY_WARNING, "nik", "nik-district-unknown",
                            /* Translators: %s is a district code such as 52.03.01 */
                            _("NIK: district %s is not in Loket’s list of districts. Districts are split over time and older NIKs keep the old code; check it against the KTP if in doubt."),
                            info->district_code);
    }
}

/* The latest year ending in `yy` that does not put day/month after `today`.
 * A person is rarely over 100, never unborn; a NIK has no better clue. */
static int
choose_year (int          yy,
             int          month,
             int          day,
             const GDate *today)
{
  int today_year = g_date_get_year (today);
  int today_month = g_date_get_month (today);
  int today_day = g_date_get_day (today);
  int year = today_year - today_year % 100 + yy;

  if (year > today_year
      || (year == today_year
          && (month > today_month
              || (month == today_month && day > today_day))))
    year -= 100;
  /* Only for a `today` in the first century, where no earlier year exists;
   * the date then lies in the future and is reported as such. */
  if (year < 1)
    year += 100;
  return year;
}

static void
read_birth (LoketNikInfo *info,
            const char   *groups,
            const GDate  *today)
{
  int day = read_number (groups + 6, 2);
  int month = read_number (groups + 8, 2);
  int yy = read_number (groups + 10, 2);
  int day_of_month = -1;
  int year;

  if (day >= 1 && day <= 31)
    {
      day_of_month = day;
      info->sex = 'L';
    }
  else if (day >= 41 && day <= 71)
    {
      day_of_month = day - 40;
      info->sex = 'P';
    }
  else if (day >= 0)
    loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-date",
                        /* Translators: %02d is the two-digit day field */
                        _("NIK: digits 7–8 are %02d, which is not a birth day: it is 01–31 for a man, or the day plus 40 (41–71) for a woman. Check them against the KTP."),
                        day);

  if (month == 0 || month > 12)
    {
      loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-date",
                          /* Translators: %02d is the two-digit month field */
                          _("NIK: digits 9–10 are %02d, which is not a month (01–12). Check them against the KTP."),
                          month);
      month = -1;
    }

  if (day_of_month < 0 || month < 0 || yy < 0)
    return;

  year = choose_year (yy, month, day_of_month, today);
  if (!g_date_valid_dmy (day_of_month, month, year))
    {
      g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d", year, month, day_of_month);

      loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-date",
                          /* Translators: %s is a date as YYYY-MM-DD */
                          _("NIK: it encodes the birth date %s, which does not exist. Check digits 7–12 against the KTP."),
                          text);
      return;
    }

  g_date_set_dmy (&info->birth_date, day_of_month, month, year);
  if (g_date_compare (&info->birth_date, today) > 0)
    {
      g_autofree char *birth = loket_date_to_iso (&info->birth_date);
      g_autofree char *now = loket_date_to_iso (today);

      loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-future",
                          /* Translators: both %s are dates as YYYY-MM-DD */
                          _("NIK: it encodes the birth date %s, which is after today (%s). Check digits 7–12 against the KTP."),
                          birth, now);
    }
}

static void
read_serial (LoketNikInfo *info,
             const char   *groups)
{
  int serial = read_number (groups + 12, 4);

  if (serial < 0)
    return;
  info->serial = serial;
  if (serial == 0)
    loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-serial",
                        _("NIK: the last four digits are 0000, which is not a serial number: serials start at 0001. Check them against the KTP."));
}

LoketNikInfo *
loket_nik_parse (const char  *text,
                 const GDate *today)
{
  LoketNikInfo *info = g_new0 (LoketNikInfo, 1);
  g_autoptr(GString) chars = NULL;
  g_autoptr(GString) digits = NULL;
  const char *groups = NULL;
  GDate clock_today;
  Cleaned cleaned;

  info->problems = loket_problems_new ();
  g_date_clear (&info->birth_date, 1);

  if (today == NULL || !g_date_valid (today))
    {
      /* A caller's mistake; checking against the clock beats skipping the
       * date checks and passing a NIK nobody looked at. */
      g_critical ("%s: `today` must be a valid date; using the clock", G_STRFUNC);
      loket_date_set_today (&clock_today);
      today = &clock_today;
    }

  clean (text != NULL ? text : "", &cleaned);
  chars = cleaned.chars;
  digits = cleaned.digits;

  if (chars->len == 0)
    {
      loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-empty",
                          _("NIK: it is empty. Type the 16 digits printed on the KTP."));
      return info;
    }

  if (cleaned.first_bad != 0)
    {
      g_autofree char *shown = describe_char (cleaned.first_bad);

      loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-not-digits",
                          /* Translators: %s is the offending character */
                          _("NIK: it contains “%s”, which is not a digit; a NIK is only the digits 0–9, without dots or dashes. Retype it from the KTP."),
                          shown);
    }

  /* Sixteen characters with a letter among them is one mistyped digit, and
   * sixteen digits with dashes between them are the right number; the
   * not-digits problem covers both, and a length problem would mislead. */
  if (chars->len == NIK_LENGTH)
    groups = chars->str;
  else if (digits->len == NIK_LENGTH)
    groups = digits->str;
  else
    loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-length",
                        g_dngettext (GETTEXT_PACKAGE,
                                     "NIK: it has %u digit; a NIK has exactly 16. Check it against the KTP.",
                                     "NIK: it has %u digits; a NIK has exactly 16. Check it against the KTP.",
                                     digits->len),
                        (guint) MIN (digits->len, G_MAXUINT));

  if (digits->len == NIK_LENGTH)
    memcpy (info->nik, digits->str, NIK_LENGTH + 1);

  if (groups == NULL)
    {
      read_regions (info, chars->str, chars->len, FALSE);
      return info;
    }

  read_regions (info, groups, NIK_LENGTH, TRUE);
  read_birth (info, groups, today);
  read_serial (info, groups);
  return info;
}

gboolean
loket_nik_info_is_valid (const LoketNikInfo *info)
{
  return info != NULL
         && loket_problems_count (info->problems, LOKET_SEVERITY_ERROR) == 0;
}

void
loket_nik_check_against (LoketNikInfo *info,
                         const GDate  *birth_date,
                         char          sex)
{
  g_return_if_fail (info != NULL);

  sex = g_ascii_toupper (sex);
  g_return_if_fail (sex == 0 || sex == 'L' || sex == 'P');

  if (birth_date != NULL && g_date_valid (birth_date)
      && g_date_valid (&info->birth_date)
      && g_date_compare (birth_date, &info->birth_date) != 0)
    {
      g_autofree char *encoded = loket_date_to_iso (&info->birth_date);
      g_autofree char *typed = loket_date_to_iso (birth_date);

      loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-birth-mismatch",
                          /* Translators: both %s are dates as YYYY-MM-DD */
                          _("NIK: it encodes the birth date %s but the birth date typed is %s; check both against the KTP."),
                          encoded, typed);
    }

  if (sex != 0 && info->sex != 0 && sex != info->sex)
    {
      if (info->sex == 'L')
        loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-sex-mismatch",
                            _("NIK: it encodes a man (birth day 01–31) but the sex typed is female; check both against the KTP."));
      else
        loket_problems_add (info->problems, LOKET_SEVERITY_ERROR, "nik", "nik-sex-mismatch",
                            _("NIK: it encodes a woman (birth day plus 40) but the sex typed is male; check both against the KTP."));
    }
}

void
loket_nik_info_free (LoketNikInfo *info)
{
  if (info == NULL)
    return;
  g_ptr_array_unref (info->problems);
  g_free (info);
}

char *
loket_nik_mask (const char *nik)
{
  g_autofree char *valid = NULL;
  GString *masked;
  glong n_chars;

  if (nik == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (nik, -1);
  n_chars = g_utf8_strlen (valid, -1);
  /* Too short to be a NIK: the last four would be all of it, or more. */
  if (n_chars < 4)
    return g_strnfill (n_chars, '*');

  masked = g_string_sized_new (n_chars);
  for (glong i = 0; i < n_chars - 4; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, g_utf8_offset_to_pointer (valid, n_chars - 4));
  return g_string_free (masked, FALSE);
}

char *
loket_nik_mask_in_text (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      gsize digits = 0;

      while (g_ascii_isdigit (p[digits]))
        digits++;
      if (digits == 16)
        {
          g_autofree char *nik = g_strndup (p, 16);
          g_autofree char *masked = loket_nik_mask (nik);

          g_string_append (out, masked);
        }
      else
        g_string_append_len (out, p, MAX (digits, 1));
      p += MAX (digits, 1);
    }
  return g_string_free (out, FALSE);
}
