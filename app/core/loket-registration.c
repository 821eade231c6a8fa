/* loket-registration.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-contribution.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-nik.h"
#include "loket-phone.h"
#include "loket-regions.h"
#include "loket-registration.h"
#include "loket-text.h"

#define NAME_MAX_CHARS 100

static void
add_error (GPtrArray  *problems,
           const char *field,
           const char *code,
           const char *message)
{
  loket_problems_add (problems, LOKET_SEVERITY_ERROR, field, code, "%s", message);
}

static void
check_nik (LoketMember *draft,
           const GDate *today,
           GPtrArray   *problems)
{
  g_autoptr(LoketNikInfo) info = NULL;

  info = loket_nik_parse (draft->nik, today);
  loket_nik_check_against (info,
                           g_date_valid (&draft->birth_date) ? &draft->birth_date : NULL,
                           draft->sex);
  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&info->problems));
  info->problems = loket_problems_new ();

  if (info->nik[0] != '\0')
    loket_member_set_string (&draft->nik, info->nik);
}

static void
check_name (LoketMember *draft,
            GPtrArray   *problems)
{
  g_autofree char *tidy = loket_text_tidy (draft->name);

  if (draft->name != NULL && tidy == NULL)
    {
      add_error (problems, "name", "name-encoding",
                 _("Name: it contains characters that cannot be read. Type the name again."));
      return;
    }
  if (tidy == NULL || *tidy == '\0')
    {
      add_error (problems, "name", "name-empty",
                 _("Name: it is empty. Type the member’s full name as on the KTP."));
      return;
    }
  if (g_utf8_strlen (tidy, -1) > NAME_MAX_CHARS)
    {
      loket_problems_add (problems, LOKET_SEVERITY_ERROR, "name", "name-too-long",
                          _("Name: it is longer than %d characters. Check that nothing was typed twice."),
                          NAME_MAX_CHARS);
      return;
    }
  for (const char *p = tidy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) || g_unichar_iscntrl (c))
        {
          add_error (problems, "name", "name-characters",
                     _("Name: it contains digits or control characters. Type only the name as on the KTP."));
          return;
        }
    }

  loket_member_set_string (&draft->name, tidy);
}

static gint64
rate_or (LoketRateBook *book,
         const char    *key,
         const GDate   *on,
         gint64         fallback)
{
  gint64 value;

  return loket_rate_book_lookup (book, key, on, &value) ? value : fallback;
}

/* Returns the age on the registration date, or -1 when the birth date is
 * missing. */
static int
check_birth_date (LoketMember   *draft,
                  LoketRateBook *book,
                  const GDate   *today,
                  const GDate   *registered_on,
                  GPtrArray     *problems)
{
  int age, age_min, age_max;

  if (!g_date_valid (&draft->birth_date))
    {
      add_error (problems, "birth_date", "birth-date-empty",
                 _("Birth date: it is empty. Type the birth date from the KTP."));
      return -1;
    }
  if (g_date_compare (&draft->birth_date, today) > 0)
    {
      add_error (problems, "birth_date", "birth-date-future",
                 _("Birth date: it is after today. Check the year."));
      return -1;
    }

  age = loket_date_age_on (&draft->birth_date, registered_on);
  age_min = (int) rate_or (book, LOKET_RATE_AGE_MIN, registered_on, 15);
  age_max = (int) rate_or (book, LOKET_RATE_AGE_MAX, registered_on, 65);
  if (age < age_min || age > age_max)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "birth_date", "age-out-of-range",
                        _("Birth date: the member is %d years old; registration is for ages %d to %d. Check the birth date, or the member cannot be registered."),
                        age, age_min, age_max);
  return age;
}

static void
check_programs (LoketMember   *draft,
                LoketRateBook *book,
                const GDate   *registered_on,
                int            age,
                GPtrArray     *problems)
{
  gint64 jkp_age_below = rate_or (book, LOKET_RATE_JKP_AGE_MAX, registered_on, 54);

  /* JKP comes with PU membership for those young enough (PP 6/2025): the
   * clerk does not choose it, and cannot give it to someone too old. */
  if (draft->segment == LOKET_SEGMENT_PU && age >= 0)
    {
      if (age < jkp_age_below)
        draft->programs |= LOKET_PROGRAM_JKP;
      else if (draft->programs & LOKET_PROGRAM_JKP)
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "programs", "program-jkp-age",
                            _("Programs: JKP is only for members under %d at registration. Remove jkp."),
                            (int) jkp_age_below);
    }

  loket_segment_check_programs (draft->segment, draft->programs, problems);
}

static void
check_income (LoketMember   *draft,
              LoketRateBook *book,
              const GDate   *today,
              GPtrArray     *problems)
{
  g_autoptr(GError) error = NULL;

  if (!loket_contribution_check_income (book, draft->segment, draft->income, today, &error))
    add_error (problems, "income", "income", error->message);

  if (draft->segment == LOKET_SEGMENT_PU)
    {
      if (draft->risk_class < 1 || draft->risk_class > 5)
        add_error (problems, "risk_class", "risk-class",
                   _("Risk class: a wage earner needs the employer’s JKK risk class, 1 (very low) to 5 (very high)."));
    }
  else
    draft->risk_class = 0;
}

static void
check_phone (LoketMember *draft,
             GPtrArray   *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;

  if (draft->phone == NULL)
    return;
  e164 = loket_phone_normalize (draft->phone, &error);
  if (e164 == NULL)
    add_error (problems, "phone", "phone", error->message);
  else
    loket_member_set_string (&draft->phone, e164);
}

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0';
}

/* RT and RW are written with three digits: "RT 014 / RW 004". */
static void
check_neighbourhood (char       **field,
                     const char  *name,
                     const char  *label,
                     GPtrArray   *problems)
{
  g_autofree char *trimmed = NULL;

  if (*field == NULL)
    return;
  trimmed = g_strstrip (g_strdup (*field));
  if (!all_digits (trimmed) || strlen (trimmed) > 3)
    {
      loket_problems_add (problems, LOKET_SEVERITY_ERROR, name, name,
                          _("%s: “%s” is not a number of up to 3 digits. Write it as on the KTP, for example 014."),
                          label, *field);
      return;
    }
  g_free (*field);
  *field = g_strdup_printf ("%03d", atoi (trimmed));
}

static void
check_address (LoketMember *draft,
               GPtrArray   *problems)
{
  check_neighbourhood (&draft->rt, "rt", _("RT"), problems);
  check_neighbourhood (&draft->rw, "rw", _("RW"), problems);
  loket_regions_check_postcode (draft->postcode, problems);
  loket_regions_check_code (draft->region_code, &draft->province, &draft->regency,
                            &draft->district, problems);
}

GPtrArray *
loket_registration_check (LoketMember   *draft,
                          LoketRateBook *book,
                          const GDate   *today)
{
  GPtrArray *problems = loket_problems_new ();
  g_autofree char *occupation = loket_text_tidy (draft->occupation);
  /* Age limits and JKP are judged on the day the member registered: an
   * edit years later must not fail because the member has aged since. */
  const GDate *registered_on = g_date_valid (&draft->registered_on) ? &draft->registered_on : today;
  int age;

  g_return_val_if_fail (LOKET_IS_MEMBER (draft), problems);

  check_nik (draft, today, problems);
  check_name (draft, problems);
  age = check_birth_date (draft, book, today, registered_on, problems);

  if (draft->sex != 'L' && draft->sex != 'P')
    add_error (problems, "sex", "sex",
               _("Sex: choose L (laki-laki) or P (perempuan)."));

  check_programs (draft, book, registered_on, age, problems);
  check_income (draft, book, today, problems);
  check_phone (draft, problems);
  check_address (draft, problems);
  loket_member_set_string (&draft->occupation, occupation);

  return problems;
}
