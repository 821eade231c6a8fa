/* test-format.c: the Indonesian forms printed on receipts and letters */
#include "config.h"

#include <glib.h>

#include "loket-error.h"
#include "loket-format.h"

typedef struct {
  gint64 amount;
  const char *expected;
} Case;

static void
check_rupiah (const Case *cases,
              gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = loket_format_rupiah (cases[i].amount);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
check_short (const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = loket_format_rupiah_short (cases[i].amount);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
check_terbilang (const Case *cases,
                 gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = loket_format_terbilang (cases[i].amount);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_rupiah_small (void)
{
  static const Case cases[] = {
    { 0, "Rp0" },
    { 1, "Rp1" },
    { 99, "Rp99" },
    { 999, "Rp999" },
  };

  check_rupiah (cases, G_N_ELEMENTS (cases));
}

static void
test_rupiah_thousands (void)
{
  static const Case cases[] = {
    { 1000, "Rp1.000" },
    { 16800, "Rp16.800" },
    { 36800, "Rp36.800" },
    { 100000, "Rp100.000" },
    { 999999, "Rp999.999" },
    { 1000000, "Rp1.000.000" },
    { 42000000, "Rp42.000.000" },
    { G_GINT64_CONSTANT (14300000000), "Rp14.300.000.000" },
  };

  check_rupiah (cases, G_N_ELEMENTS (cases));
}

static void
test_rupiah_negative (void)
{
  static const Case cases[] = {
    { -1, "-Rp1" },
    { -999, "-Rp999" },
    { -8400, "-Rp8.400" },
    { -1000000, "-Rp1.000.000" },
  };

  check_rupiah (cases, G_N_ELEMENTS (cases));
}

static void
test_rupiah_limits (void)
{
  static const Case cases[] = {
    { G_MAXINT64, "Rp9.223.372.036.854.775.807" },
    { -G_MAXINT64, "-Rp9.223.372.036.854.775.807" },
    { G_MININT64, "-Rp9.223.372.036.854.775.808" },
  };

  check_rupiah (cases, G_N_ELEMENTS (cases));
}

static void
test_short_below_million (void)
{
  static const Case cases[] = {
    { 0, "Rp0" },
    { 999, "Rp999" },
    { 16800, "Rp16.800" },
    { 999999, "Rp999.999" },
    { -999999, "-Rp999.999" },
  };

  check_short (cases, G_N_ELEMENTS (cases));
}

static void
test_short_units (void)
{
  static const Case cases[] = {
    { 1000000, "Rp1 juta" },
    { 1500000, "Rp1,5 juta" },
    { 42000000, "Rp42 juta" },
    { 174000000, "Rp174 juta" },
    { G_GINT64_CONSTANT (1000000000), "Rp1 miliar" },
    { G_GINT64_CONSTANT (14300000000), "Rp14,3 miliar" },
    { G_GINT64_CONSTANT (1000000000000), "Rp1 triliun" },
    { G_GINT64_CONSTANT (2000000000000), "Rp2 triliun" },
    { G_GINT64_CONSTANT (2500000000000), "Rp2,5 triliun" },
    /* Triliun is the last unit: beyond a thousand of them it keeps its
     * thousands separator. */
    { G_GINT64_CONSTANT (1500000000000000), "Rp1.500 triliun" },
  };

  check_short (cases, G_N_ELEMENTS (cases));
}

static void
test_short_rounding (void)
{
  static const Case cases[] = {
    /* Half-up at one decimal. */
    { 1049999, "Rp1 juta" },
    { 1050000, "Rp1,1 juta" },
    { 1949999, "Rp1,9 juta" },
    { 1950000, "Rp2 juta" },
    { G_GINT64_CONSTANT (14349999999), "Rp14,3 miliar" },
    { G_GINT64_CONSTANT (14350000000), "Rp14,4 miliar" },
  };

  check_short (cases, G_N_ELEMENTS (cases));
}

static void
test_short_unit_boundaries (void)
{
  static const Case cases[] = {
    /* Rounding that reaches a thousand of a unit moves up to the next. */
    { 999949999, "Rp999,9 juta" },
    { 999950000, "Rp1 miliar" },
    { 999960000, "Rp1 miliar" },
    { 999999999, "Rp1 miliar" },
    { G_GINT64_CONSTANT (999949999999), "Rp999,9 miliar" },
    { G_GINT64_CONSTANT (999950000000), "Rp1 triliun" },
    { G_GINT64_CONSTANT (999999999999), "Rp1 triliun" },
  };

  check_short (cases, G_N_ELEMENTS (cases));
}

static void
test_short_negative (void)
{
  static const Case cases[] = {
    { -1500000, "-Rp1,5 juta" },
    { G_GINT64_CONSTANT (-14300000000), "-Rp14,3 miliar" },
    { -999960000, "-Rp1 miliar" },
  };

  check_short (cases, G_N_ELEMENTS (cases));
}

static void
test_short_limits (void)
{
  static const Case cases[] = {
    { G_MAXINT64, "Rp9.223.372 triliun" },
    { G_MININT64, "-Rp9.223.372 triliun" },
  };

  check_short (cases, G_N_ELEMENTS (cases));
}

static void
test_date_months (void)
{
  static const char *const expected[12] = {
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
  };

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (15, month, 2025);
      g_autofree char *want = g_strdup_printf ("15 %s 2025", expected[month - 1]);
      g_autofree char *text = loket_format_date (date);

      g_assert_cmpstr (loket_format_month_name (month), ==, expected[month - 1]);
      g_assert_cmpstr (text, ==, want);
    }

  g_assert_null (loket_format_month_name (0));
  g_assert_null (loket_format_month_name (13));
  g_assert_null (loket_format_month_name (-1));
}

static void
test_date_weekdays (void)
{
  static const char *const expected[7] = {
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
  };

  /* 20 January 2025 was a Monday, so the 20th to the 26th run Senin to
   * Minggu. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (20 + i, G_DATE_JANUARY, 2025);
      g_autofree char *want = g_strdup_printf ("%s, %d Januari 2025",
                                               expected[i], 20 + i);
      g_autofree char *text = loket_format_date_long (date);

      g_assert_cmpstr (loket_format_weekday_name (G_DATE_MONDAY + i), ==, expected[i]);
      g_assert_cmpstr (text, ==, want);
    }

  g_assert_null (loket_format_weekday_name (G_DATE_BAD_WEEKDAY));
  g_assert_null (loket_format_weekday_name (8));
}

static void
test_date_forms (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (22, G_DATE_JANUARY, 2025);
  g_autoptr(GDate) early = g_date_new_dmy (5, G_DATE_MARCH, 2025);
  g_autoptr(GDate) merdeka = g_date_new_dmy (17, G_DATE_AUGUST, 1945);
  g_autofree char *plain = loket_format_date (date);
  g_autofree char *full = loket_format_date_long (date);
  g_autofree char *numeric = loket_format_date_numeric (date);
  g_autofree char *early_plain = loket_format_date (early);
  g_autofree char *early_numeric = loket_format_date_numeric (early);
  g_autofree char *merdeka_full = loket_format_date_long (merdeka);

  g_assert_cmpstr (plain, ==, "22 Januari 2025");
  g_assert_cmpstr (full, ==, "Rabu, 22 Januari 2025");
  g_assert_cmpstr (numeric, ==, "22/01/2025");
  /* Padded in the numeric form only. */
  g_assert_cmpstr (early_plain, ==, "5 Maret 2025");
  g_assert_cmpstr (early_numeric, ==, "05/03/2025");
  g_assert_cmpstr (merdeka_full, ==, "Jumat, 17 Agustus 1945");
}

static void
test_date_leap_day (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (29, G_DATE_FEBRUARY, 2024);
  g_autofree char *plain = loket_format_date (date);
  g_autofree char *full = loket_format_date_long (date);
  g_autofree char *numeric = loket_format_date_numeric (date);

  g_assert_cmpstr (plain, ==, "29 Februari 2024");
  g_assert_cmpstr (full, ==, "Kamis, 29 Februari 2024");
  g_assert_cmpstr (numeric, ==, "29/02/2024");
}

static void
test_date_invalid (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_null (loket_format_date (&date));
  g_assert_null (loket_format_date_long (&date));
  g_assert_null (loket_format_date_numeric (&date));
  g_assert_null (loket_format_date (NULL));
  g_assert_null (loket_format_date_long (NULL));
  g_assert_null (loket_format_date_numeric (NULL));
}

static void
test_terbilang_units (void)
{
  static const Case cases[] = {
    { 0, "nol rupiah" },
    { 1, "satu rupiah" },
    { 9, "sembilan rupiah" },
    { 10, "sepuluh rupiah" },
    { 11, "sebelas rupiah" },
    { 12, "dua belas rupiah" },
    { 19, "sembilan belas rupiah" },
    { 20, "dua puluh rupiah" },
    { 21, "dua puluh satu rupiah" },
    { 99, "sembilan puluh sembilan rupiah" },
  };

  check_terbilang (cases, G_N_ELEMENTS (cases));
}

static void
test_terbilang_hundreds (void)
{
  static const Case cases[] = {
    { 100, "seratus rupiah" },
    { 101, "seratus satu rupiah" },
    { 110, "seratus sepuluh rupiah" },
    { 111, "seratus sebelas rupiah" },
    { 199, "seratus sembilan puluh sembilan rupiah" },
    { 200, "dua ratus rupiah" },
    { 999, "sembilan ratus sembilan puluh sembilan rupiah" },
  };

  check_terbilang (cases, G_N_ELEMENTS (cases));
}

static void
test_terbilang_thousands (void)
{
  static const Case cases[] = {
    { 1000, "seribu rupiah" },
    { 1001, "seribu satu rupiah" },
    { 1100, "seribu seratus rupiah" },
    { 2000, "dua ribu rupiah" },
    { 11000, "sebelas ribu rupiah" },
    { 16800, "enam belas ribu delapan ratus rupiah" },
    { 36800, "tiga puluh enam ribu delapan ratus rupiah" },
    { 100000, "seratus ribu rupiah" },
    { 101000, "seratus satu ribu rupiah" },
  };

  check_terbilang (cases, G_N_ELEMENTS (cases));
}

static void
test_terbilang_large (void)
{
  static const Case cases[] = {
    { 1000000, "satu juta rupiah" },
    { 1001000, "satu juta seribu rupiah" },
    { 42000000, "empat puluh dua juta rupiah" },
    { 174000000, "seratus tujuh puluh empat juta rupiah" },
    { G_GINT64_CONSTANT (1000000000), "satu miliar rupiah" },
    { G_GINT64_CONSTANT (1000000000000), "satu triliun rupiah" },
    { G_GINT64_CONSTANT (1000001001001), "satu triliun satu juta seribu satu rupiah" },
    { G_GINT64_CONSTANT (999999999999999),
      "sembilan ratus sembilan puluh sembilan triliun"
      " sembilan ratus sembilan puluh sembilan miliar"
      " sembilan ratus sembilan puluh sembilan juta"
      " sembilan ratus sembilan puluh sembilan ribu"
      " sembilan ratus sembilan puluh sembilan rupiah" },
  };

  check_terbilang (cases, G_N_ELEMENTS (cases));
}

static void
test_terbilang_negative (void)
{
  static const Case cases[] = {
    { -1, "minus satu rupiah" },
    { -8400, "minus delapan ribu empat ratus rupiah" },
    { G_GINT64_CONSTANT (-999999999999999),
      "minus sembilan ratus sembilan puluh sembilan triliun"
      " sembilan ratus sembilan puluh sembilan miliar"
      " sembilan ratus sembilan puluh sembilan juta"
      " sembilan ratus sembilan puluh sembilan ribu"
      " sembilan ratus sembilan puluh sembilan rupiah" },
  };

  check_terbilang (cases, G_N_ELEMENTS (cases));
}

static void
test_terbilang_out_of_range (void)
{
  g_assert_null (loket_format_terbilang (G_GINT64_CONSTANT (1000000000000000)));
  g_assert_null (loket_format_terbilang (G_GINT64_CONSTANT (-1000000000000000)));
  g_assert_null (loket_format_terbilang (G_MAXINT64));
  g_assert_null (loket_format_terbilang (G_MININT64));
}

static void
test_percent (void)
{
  const Case cases[] = {
    { 0, "0%" }, { 100, "1%" }, { 89, "0,89%" }, { 370, "3,7%" }, { 24, "0,24%" },
    { 174, "1,74%" }, { 5, "0,05%" }, { 10000, "100%" }, { -50, "-0,5%" },
    { G_MININT64, "-92233720368547758,08%" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = loket_format_percent (cases[i].amount);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Amounts as the clerk or a script types them; the window and the CLI share
 * this reader, so "Rp1.000.000" means the same at the counter and in a
 * script. Round-trips through loket_format_rupiah. */
static void
test_parse_rupiah (void)
{
  const struct { const char *text; gint64 value; } good[] = {
    { "1000000", 1000000 }, { "1.000.000", 1000000 }, { "Rp1.000.000", 1000000 },
    { "rp1000000", 1000000 }, { "Rp 16.800", 16800 }, { " 20.700.000 ", 20700000 },
    { "0", 0 }, { "999", 999 }, { "1.000", 1000 }, { "999999999999999", G_GINT64_CONSTANT (999999999999999) },
  };
  const char *bad[] = {
    "", " ", "Rp", "1.5", "1,000,000", "1.000.00", "1..000", ".100", "100.", "1.0000",
    "1000.000", "-5", "Rp-5", "Rp  5", "satu juta", "1000000x", "1 000 000", "1000000000000000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_true (loket_format_parse_rupiah (good[i].text, "Declared income", &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;

      g_assert_false (loket_format_parse_rupiah (bad[i], "Declared income", &value, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Declared income:"));
      g_assert_cmpint (value, ==, 42);
    }
  g_assert_false (loket_format_parse_rupiah (NULL, "Declared income", &(gint64) { 0 }, NULL));

  for (gint64 amount = 0; amount < G_GINT64_CONSTANT (100000000000); amount = amount * 7 + 3)
    {
      g_autofree char *text = loket_format_rupiah (amount);
      gint64 back = -1;

      g_assert_true (loket_format_parse_rupiah (text, "Amount", &back, NULL));
      g_assert_cmpint (back, ==, amount);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/rupiah/small", test_rupiah_small);
  g_test_add_func ("/format/rupiah/thousands", test_rupiah_thousands);
  g_test_add_func ("/format/rupiah/negative", test_rupiah_negative);
  g_test_add_func ("/format/rupiah/limits", test_rupiah_limits);
  g_test_add_func ("/format/rupiah-short/below-million", test_short_below_million);
  g_test_add_func ("/format/rupiah-short/units", test_short_units);
  g_test_add_func ("/format/rupiah-short/rounding", test_short_rounding);
  g_test_add_func ("/format/rupiah-short/unit-boundaries", test_short_unit_boundaries);
  g_test_add_func ("/format/rupiah-short/negative", test_short_negative);
  g_test_add_func ("/format/rupiah-short/limits", test_short_limits);
  g_test_add_func ("/format/date/months", test_date_months);
  g_test_add_func ("/format/date/weekdays", test_date_weekdays);
  g_test_add_func ("/format/date/forms", test_date_forms);
  g_test_add_func ("/format/date/leap-day", test_date_leap_day);
  g_test_add_func ("/format/date/invalid", test_date_invalid);
  g_test_add_func ("/format/terbilang/units", test_terbilang_units);
  g_test_add_func ("/format/terbilang/hundreds", test_terbilang_hundreds);
  g_test_add_func ("/format/terbilang/thousands", test_terbilang_thousands);
  g_test_add_func ("/format/terbilang/large", test_terbilang_large);
  g_test_add_func ("/format/terbilang/negative", test_terbilang_negative);
  g_test_add_func ("/format/terbilang/out-of-range", test_terbilang_out_of_range);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/parse-rupiah", test_parse_rupiah);

  return g_test_run ();
}
