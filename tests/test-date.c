/* test-date.c: parsing and date arithmetic. */
#include <string.h>

#include "loket-date.h"
#include "loket-error.h"

static void
test_parse_iso (void)
{
  const char *good[] = { "1990-05-12", "2000-02-29", "2026-12-31", "0001-01-01" };
  const char *bad[] = {
    "", "1990-5-12", "12-05-1990", "1990/05/12", "1990-13-01", "1990-00-10", "1990-02-30",
    "1900-02-29", "2001-02-29", "1990-05-12x", " 1990-05-12", "19900512", "abcd-ef-gh", "0000-01-01",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;

      g_assert_true (loket_date_parse_iso (good[i], "Date", &date, &error));
      g_assert_no_error (error);
      back = loket_date_to_iso (&date);
      g_assert_cmpstr (back, ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (loket_date_parse_iso (bad[i], "Birth date", &date, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Birth date"));
    }
  g_assert_false (loket_date_parse_iso (NULL, "Birth date", &date, NULL));
}

/* The forms a clerk types at the counter, each read as the same day. */
static void
test_parse_local (void)
{
  const struct { const char *text; const char *iso; } good[] = {
    { "12/05/1990", "1990-05-12" }, { "12-05-1990", "1990-05-12" },
    { "12.05.1990", "1990-05-12" }, { "1990-05-12", "1990-05-12" },
    { "1/5/1990", "1990-05-01" }, { " 12/05/1990 ", "1990-05-12" },
    { "29/02/2000", "2000-02-29" }, { "31-12-2026", "2026-12-31" },
  };
  const char *not_dates[] = {
    "", "   ", "12/05/90", "12/05-1990", "12051990", "1990/05/12", "12/05/1990x",
    "12//1990", "123/05/1990", "12/005/1990", "1990-5-12", "abc", "12/05/19900",
    "12 05 1990",
  };
  const char *not_days[] = { "31/02/1990", "29/02/2001", "00/05/1990", "12/13/1990", "12/00/1990",
                             "12/05/0000", "1990-02-30" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_true (loket_date_parse_local (good[i].text, "Birth date", &date, &error));
      g_assert_no_error (error);
      iso = loket_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (loket_date_parse_local (not_dates[i], "Birth date", &date, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Birth date:"));
      g_assert_nonnull (strstr (error->message, "DD/MM/YYYY"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_days); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (loket_date_parse_local (not_days[i], "Birth date", &date, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, not_days[i]));
      g_assert_null (strstr (error->message, "DD/MM/YYYY"));
    }
  g_assert_false (loket_date_parse_local (NULL, "Birth date", &date, NULL));
}

static void
test_parse_month (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (loket_date_parse_month ("2026-01", "Month", &date, &error));
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_cmpint (g_date_get_month (&date), ==, 1);
  g_assert_false (loket_date_parse_month ("2026-13", "Month", &date, NULL));
  g_assert_false (loket_date_parse_month ("2026-1", "Month", &date, NULL));
  g_assert_false (loket_date_parse_month ("2026-01-01", "Month", &date, NULL));
}

static void
test_age (void)
{
  GDate birth, on;

  loket_date_parse_iso ("1990-05-12", "", &birth, NULL);
  loket_date_parse_iso ("2026-05-11", "", &on, NULL);
  g_assert_cmpint (loket_date_age_on (&birth, &on), ==, 35);
  loket_date_parse_iso ("2026-05-12", "", &on, NULL);
  g_assert_cmpint (loket_date_age_on (&birth, &on), ==, 36);

  /* Born on a leap day: a year older on 1 March of a common year. */
  loket_date_parse_iso ("2008-02-29", "", &birth, NULL);
  loket_date_parse_iso ("2023-02-28", "", &on, NULL);
  g_assert_cmpint (loket_date_age_on (&birth, &on), ==, 14);
  loket_date_parse_iso ("2023-03-01", "", &on, NULL);
  g_assert_cmpint (loket_date_age_on (&birth, &on), ==, 15);
}

static void
test_add_months (void)
{
  GDate start, out;
  g_autofree char *forward = NULL, *backward = NULL;

  loket_date_parse_iso ("2026-11-23", "", &start, NULL);
  loket_date_add_months_first (&start, 3, &out);
  forward = loket_date_to_iso (&out);
  g_assert_cmpstr (forward, ==, "2027-02-01");
  loket_date_add_months_first (&start, -11, &out);
  backward = loket_date_to_iso (&out);
  g_assert_cmpstr (backward, ==, "2025-12-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse-iso", test_parse_iso);
  g_test_add_func ("/date/parse-local", test_parse_local);
  g_test_add_func ("/date/parse-month", test_parse_month);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/add-months", test_add_months);
  return g_test_run ();
}
