/* test-nik.c: the NIK parser and the region tables it names places from. */
#include <string.h>

#include <gio/gio.h>

#include "loket-nik.h"
#include "loket-regions.h"

/* ---- helpers ----------------------------------------------------------- */

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* The `today` most tests use: the day this was written. */
static const GDate *
default_today (void)
{
  static GDate today;

  set_date (&today, 2026, 11, 23);
  return &today;
}

static LoketNikInfo *
parse (const char *text)
{
  return loket_nik_parse (text, default_today ());
}

static void
assert_birth (const LoketNikInfo *info,
              int                 year,
              int                 month,
              int                 day)
{
  g_assert_true (g_date_valid (&info->birth_date));
  g_assert_cmpint (g_date_get_year (&info->birth_date), ==, year);
  g_assert_cmpint (g_date_get_month (&info->birth_date), ==, month);
  g_assert_cmpint (g_date_get_day (&info->birth_date), ==, day);
}

static void
dump_problems (const LoketNikInfo *info)
{
  for (guint i = 0; i < info->problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (info->problems, i);
      g_test_message ("%s %s: %s",
                      problem->severity == LOKET_SEVERITY_ERROR ? "error" : "warning",
                      problem->code, problem->message);
    }
}

/* Every problem, whatever the input, is well formed: field "nik", a "nik-"
 * code, and a readable message that names the field. */
static void
assert_well_formed (const LoketNikInfo *info)
{
  g_assert_nonnull (info);
  g_assert_nonnull (info->problems);
  for (guint i = 0; i < info->problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (info->problems, i);

      g_assert_cmpstr (problem->field, ==, "nik");
      g_assert_true (g_str_has_prefix (problem->code, "nik-"));
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
      g_assert_true (g_str_has_prefix (problem->message, "NIK: "));
    }
}

/* The problems are exactly the codes given (NULL-terminated; a code given
 * twice must occur twice), in any order. */
static void
assert_problems (const LoketNikInfo *info,
                 ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) actual = g_ptr_array_new ();
  const char *code;
  va_list args;

  va_start (args, info);
  while ((code = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) code);
  va_end (args);

  for (guint i = 0; i < info->problems->len; i++)
    g_ptr_array_add (actual, ((LoketProblem *) g_ptr_array_index (info->problems, i))->code);

  dump_problems (info);
  assert_well_formed (info);
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      guint index;

      g_assert_true (g_ptr_array_find_with_equal_func (actual, expected->pdata[i],
                                                       g_str_equal, &index));
      g_ptr_array_remove_index_fast (actual, index);
    }
}

static const LoketProblem *
find_problem (const LoketNikInfo *info,
              const char         *code)
{
  for (guint i = 0; i < info->problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (info->problems, i);
      if (g_strcmp0 (problem->code, code) == 0)
        return problem;
    }
  g_assert_not_reached ();
}

static void
assert_message_contains (const LoketNikInfo *info,
                         const char         *code,
                         const char         *part)
{
  const LoketProblem *problem = find_problem (info, code);

  if (strstr (problem->message, part) == NULL)
    g_error ("“%s” is not in the %s message “%s”", part, code, problem->message);
}

/* ---- regions ----------------------------------------------------------- */

static gpointer
first_use_thread (gpointer data)
{
  const char **out = data;

  out[0] = loket_regions_district_name ("52.03.01");
  out[1] = loket_regions_province_name ("52");
  return NULL;
}

/* Runs first, so that the tables are loaded by racing threads. */
static void
test_regions_concurrent_first_use (void)
{
  enum { N_THREADS = 8 };
  GThread *threads[N_THREADS];
  const char *names[N_THREADS][2];

  for (int i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("regions", first_use_thread, names[i]);
  for (int i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);

  for (int i = 0; i < N_THREADS; i++)
    {
      g_assert_cmpstr (names[i][0], ==, "Keruak");
      g_assert_cmpstr (names[i][1], ==, "Nusa Tenggara Barat");
      /* One table for all: the very same borrowed strings. */
      g_assert_true (names[i][0] == names[0][0]);
    }
  g_assert_cmpuint (loket_regions_n_districts (), ==, 7285);
}

static void
test_regions_names (void)
{
  g_assert_cmpstr (loket_regions_province_name ("11"), ==, "Aceh");
  g_assert_cmpstr (loket_regions_province_name ("52"), ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (loket_regions_province_name ("96"), ==, "Papua Barat Daya");
  g_assert_cmpstr (loket_regions_regency_name ("52.03"), ==, "Kabupaten Lombok Timur");
  g_assert_cmpstr (loket_regions_regency_name ("52.71"), ==, "Kota Mataram");
  g_assert_cmpstr (loket_regions_regency_name ("31.71"), ==, "Kota Administrasi Jakarta Pusat");
  g_assert_cmpstr (loket_regions_district_name ("52.03.01"), ==, "Keruak");
  g_assert_cmpstr (loket_regions_district_name ("52.71.01"), ==, "Ampenan");
  g_assert_cmpstr (loket_regions_district_name ("32.01.01"), ==, "Cibinong");
  /* The one quoted field in the tables, with a doubled quote inside. */
  g_assert_cmpstr (loket_regions_district_name ("35.29.22"), ==, "Ra\"as");

  g_assert_null (loket_regions_province_name ("99"));
  g_assert_null (loket_regions_province_name ("5"));
  g_assert_null (loket_regions_province_name ("code"));
  g_assert_null (loket_regions_province_name (""));
  g_assert_null (loket_regions_province_name (NULL));
  g_assert_null (loket_regions_regency_name ("52.09"));
  g_assert_null (loket_regions_regency_name ("5203"));
  g_assert_null (loket_regions_regency_name (NULL));
  g_assert_null (loket_regions_district_name ("52.03.99"));
  g_assert_null (loket_regions_district_name (NULL));
}

/* The district list, in file order, hangs together: every district lies in
 * a known regency of a known province. The generator relies on this. */
static void
test_regions_district_list (void)
{
  guint n = loket_regions_n_districts ();

  g_assert_cmpuint (n, ==, 7285);
  g_assert_cmpstr (loket_regions_district_code (0), ==, "11.01.01");
  g_assert_cmpstr (loket_regions_district_code (1), ==, "11.01.02");
  g_assert_cmpstr (loket_regions_district_code (n - 1), ==, "96.71.10");

  for (guint i = 0; i < n; i++)
    {
      const char *code = loket_regions_district_code (i);
      char regency[6], province[3];

      g_assert_cmpuint (strlen (code), ==, 8);
      g_assert_nonnull (loket_regions_district_name (code));
      g_strlcpy (regency, code, sizeof regency);
      g_strlcpy (province, code, sizeof province);
      g_assert_nonnull (loket_regions_regency_name (regency));
      g_assert_nonnull (loket_regions_province_name (province));
    }
}

static void
test_regions_resources (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  loket_core_ensure_resources ();
  loket_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/loket/core/regions/provinces.csv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "code,name\n"));
}

/* ---- valid NIKs -------------------------------------------------------- */

static void
test_valid_male (void)
{
  g_autoptr(LoketNikInfo) info = parse ("5203011205900001");

  assert_problems (info, NULL);
  g_assert_true (loket_nik_info_is_valid (info));
  g_assert_cmpstr (info->nik, ==, "5203011205900001");
  g_assert_cmpstr (info->province_code, ==, "52");
  g_assert_cmpstr (info->province, ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (info->regency_code, ==, "52.03");
  g_assert_cmpstr (info->regency, ==, "Kabupaten Lombok Timur");
  g_assert_cmpstr (info->district_code, ==, "52.03.01");
  g_assert_cmpstr (info->district, ==, "Keruak");
  assert_birth (info, 1990, 5, 12);
  g_assert_cmpint (info->sex, ==, 'L');
  g_assert_cmpint (info->serial, ==, 1);
}

static void
test_valid_female (void)
{
  g_autoptr(LoketNikInfo) info = parse ("3201015208850002");

  assert_problems (info, NULL);
  g_assert_true (loket_nik_info_is_valid (info));
  g_assert_cmpstr (info->province, ==, "Jawa Barat");
  g_assert_cmpstr (info->regency, ==, "Kabupaten Bogor");
  g_assert_cmpstr (info->district, ==, "Cibinong");
  assert_birth (info, 1985, 8, 12);
  g_assert_cmpint (info->sex, ==, 'P');
  g_assert_cmpint (info->serial, ==, 2);
}

/* The edges of both day ranges, a city (kota) and the largest serial. */
static void
test_valid_edges (void)
{
  g_autoptr(LoketNikInfo) first_man = parse ("5271010101000001");
  g_autoptr(LoketNikInfo) last_man = parse ("5271013112999999");
  g_autoptr(LoketNikInfo) first_woman = parse ("5271014101000001");
  g_autoptr(LoketNikInfo) last_woman = parse ("5271017112999999");

  assert_problems (first_man, NULL);
  g_assert_cmpstr (first_man->regency, ==, "Kota Mataram");
  g_assert_cmpstr (first_man->district, ==, "Ampenan");
  assert_birth (first_man, 2000, 1, 1);
  g_assert_cmpint (first_man->sex, ==, 'L');

  assert_problems (last_man, NULL);
  assert_birth (last_man, 1999, 12, 31);
  g_assert_cmpint (last_man->serial, ==, 9999);

  assert_problems (first_woman, NULL);
  assert_birth (first_woman, 2000, 1, 1);
  g_assert_cmpint (first_woman->sex, ==, 'P');

  assert_problems (last_woman, NULL);
  assert_birth (last_woman, 1999, 12, 31);
  g_assert_cmpint (last_woman->sex, ==, 'P');
}

/* Spaces are how people group a NIK as they read it; they are dropped, as
 * are the no-break and zero-width spaces a paste brings along. */
static void
test_spaces_accepted (void)
{
  const char *inputs[] = {
    "5203 0112 0590 0001",
    "52 03 01 120590 0001",
    "  5203011205900001\n",
    "\t5203\u00a0011205900001",
    "\ufeff5203011205900001\u200b",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(LoketNikInfo) info = parse (inputs[i]);

      assert_problems (info, NULL);
      g_assert_cmpstr (info->nik, ==, "5203011205900001");
      assert_birth (info, 1990, 5, 12);
    }
}

/* Every district in the table makes a NIK that passes without a warning:
 * what the benchmark generator does. */
static void
test_every_district (void)
{
  for (guint i = 0; i < loket_regions_n_districts (); i++)
    {
      g_auto(GStrv) parts = g_strsplit (loket_regions_district_code (i), ".", -1);
      g_autofree char *nik = g_strdup_printf ("%s%s%s471288%04u", parts[0], parts[1],
                                              parts[2], i % 1000 + 1);
      g_autoptr(LoketNikInfo) info = parse (nik);

      g_assert_cmpuint (info->problems->len, ==, 0);
      g_assert_cmpstr (info->district_code, ==, loket_regions_district_code (i));
      g_assert_nonnull (info->district);
      g_assert_cmpint (info->sex, ==, 'P');
      assert_birth (info, 1988, 12, 7);
    }
}

/* ---- each problem ------------------------------------------------------ */

static void
test_empty (void)
{
  const char *inputs[] = { NULL, "", "   ", "\t\n\u00a0" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(LoketNikInfo) info = parse (inputs[i]);

      assert_problems (info, "nik-empty", NULL);
      g_assert_false (loket_nik_info_is_valid (info));
      g_assert_cmpstr (info->nik, ==, "");
      g_assert_cmpstr (info->province_code, ==, "");
      g_assert_null (info->province);
      g_assert_false (g_date_valid (&info->birth_date));
      g_assert_cmpint (info->sex, ==, 0);
      g_assert_cmpint (info->serial, ==, 0);
    }
}

/* A letter in place of a digit: the rest is still read and named. */
static void
test_letter (void)
{
  g_autoptr(LoketNikInfo) info = parse ("5203011205O00001");

  assert_problems (info, "nik-not-digits", NULL);
  assert_message_contains (info, "nik-not-digits", "“O”");
  g_assert_false (loket_nik_info_is_valid (info));
  g_assert_cmpstr (info->nik, ==, "");
  g_assert_cmpstr (info->province, ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (info->regency, ==, "Kabupaten Lombok Timur");
  g_assert_cmpstr (info->district, ==, "Keruak");
  /* The day is readable, the year is not. */
  g_assert_cmpint (info->sex, ==, 'L');
  g_assert_false (g_date_valid (&info->birth_date));
  g_assert_cmpint (info->serial, ==, 1);
}

/* Dots and dashes are refused, but the sixteen digits around them are still
 * checked, so the clerk learns everything else in the same go. */
static void
test_separators_refused (void)
{
  const char *inputs[] = {
    "5203-0112-0590-0001",
    "52.03.01.120590.0001",
    "52.03.01-12.05.90-0001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(LoketNikInfo) info = parse (inputs[i]);

      assert_problems (info, "nik-not-digits", NULL);
      g_assert_false (loket_nik_info_is_valid (info));
      g_assert_cmpstr (info->nik, ==, "5203011205900001");
      g_assert_cmpstr (info->district, ==, "Keruak");
      assert_birth (info, 1990, 5, 12);
    }

  {
    g_autoptr(LoketNikInfo) info = parse ("5203-0112-0590-0000");

    assert_problems (info, "nik-not-digits", "nik-serial", NULL);
    assert_message_contains (info, "nik-not-digits", "“-”");
  }
}

static void
test_non_ascii (void)
{
  /* Full-width digits from an input method are not taken for digits. */
  g_autoptr(LoketNikInfo) wide = parse ("５２０３０１１２０５９００００１");
  /* Invalid UTF-8 must not reach a message. */
  g_autoptr(LoketNikInfo) invalid = parse ("\xff\xfe" "5203011205900001");
  g_autoptr(LoketNikInfo) control = parse ("520301120590\x01" "0001");
  g_autoptr(LoketNikInfo) prose = parse ("NIK saya: 5203011205900001, terima kasih");
  g_autoptr(LoketNikInfo) emoji = parse ("🙂");

  assert_problems (wide, "nik-not-digits", NULL);
  assert_message_contains (wide, "nik-not-digits", "“５”");
  g_assert_cmpstr (wide->province_code, ==, "");
  g_assert_cmpint (wide->sex, ==, 0);

  assert_problems (invalid, "nik-not-digits", NULL);
  assert_message_contains (invalid, "nik-not-digits", "\ufffd");
  g_assert_cmpstr (invalid->nik, ==, "5203011205900001");

  assert_problems (control, "nik-not-digits", NULL);
  assert_message_contains (control, "nik-not-digits", "“U+0001”");

  assert_problems (prose, "nik-not-digits", NULL);
  assert_message_contains (prose, "nik-not-digits", "“N”");
  g_assert_cmpstr (prose->nik, ==, "5203011205900001");

  assert_problems (emoji, "nik-not-digits", "nik-length", NULL);
  assert_message_contains (emoji, "nik-length", "0 digits");
}

static void
test_length (void)
{
  g_autoptr(LoketNikInfo) short_nik = parse ("520301120590001");
  g_autoptr(LoketNikInfo) long_nik = parse ("52030112059000012");
  g_autoptr(LoketNikInfo) one = parse ("5");
  g_autoptr(LoketNikInfo) bad_prefix = parse ("99000012");

  assert_problems (short_nik, "nik-length", NULL);
  assert_message_contains (short_nik, "nik-length", "it has 15 digits; a NIK has exactly 16");
  g_assert_cmpstr (short_nik->nik, ==, "");
  /* The region is still named, to show the clerk what was meant... */
  g_assert_cmpstr (short_nik->province, ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (short_nik->regency, ==, "Kabupaten Lombok Timur");
  g_assert_cmpstr (short_nik->district, ==, "Keruak");
  /* ...but where the birth date went is anybody's guess. */
  g_assert_false (g_date_valid (&short_nik->birth_date));
  g_assert_cmpint (short_nik->sex, ==, 0);
  g_assert_cmpint (short_nik->serial, ==, 0);

  assert_problems (long_nik, "nik-length", NULL);
  assert_message_contains (long_nik, "nik-length", "17 digits");

  assert_problems (one, "nik-length", NULL);
  assert_message_contains (one, "nik-length", "it has 1 digit;");
  g_assert_cmpstr (one->province_code, ==, "");

  /* Codes of a NIK of the wrong length are read, not judged. */
  assert_problems (bad_prefix, "nik-length", NULL);
  g_assert_cmpstr (bad_prefix->province_code, ==, "99");
  g_assert_null (bad_prefix->province);
  g_assert_cmpstr (bad_prefix->district_code, ==, "99.00.00");
}

static void
test_province (void)
{
  g_autoptr(LoketNikInfo) info = parse ("9903011205900001");
  g_autoptr(LoketNikInfo) zero = parse ("0003011205900001");

  /* No regency or district warning on top: nothing under an unknown
   * province can be in the tables. */
  assert_problems (info, "nik-province", NULL);
  assert_message_contains (info, "nik-province", "99");
  g_assert_cmpstr (info->province_code, ==, "99");
  g_assert_null (info->province);
  g_assert_cmpstr (info->regency_code, ==, "99.03");
  g_assert_null (info->regency);
  g_assert_cmpstr (info->district_code, ==, "99.03.01");
  assert_birth (info, 1990, 5, 12);

  assert_problems (zero, "nik-province", NULL);
}

static void
test_regency (void)
{
  g_autoptr(LoketNikInfo) zero = parse ("5200011205900001");
  g_autoptr(LoketNikInfo) seventy = parse ("5270011205900001");
  g_autoptr(LoketNikInfo) unknown = parse ("5269011205900001");
  g_autoptr(LoketNikInfo) unknown_kota = parse ("5299011205900001");

  assert_problems (zero, "nik-regency", NULL);
  assert_message_contains (zero, "nik-regency", "00");
  g_assert_cmpstr (zero->province, ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (zero->regency_code, ==, "52.00");

  assert_problems (seventy, "nik-regency", NULL);
  assert_message_contains (seventy, "nik-regency", "70");

  /* In range but not in the table: a warning, the NIK stays valid. */
  assert_problems (unknown, "nik-regency-unknown", NULL);
  g_assert_true (loket_nik_info_is_valid (unknown));
  g_assert_cmpuint (loket_problems_count (unknown->problems, LOKET_SEVERITY_WARNING), ==, 1);
  assert_message_contains (unknown, "nik-regency-unknown", "52.69");
  g_assert_null (unknown->regency);
  g_assert_cmpstr (unknown->province, ==, "Nusa Tenggara Barat");

  assert_problems (unknown_kota, "nik-regency-unknown", NULL);
  g_assert_true (loket_nik_info_is_valid (unknown_kota));
}

static void
test_district (void)
{
  g_autoptr(LoketNikInfo) zero = parse ("5203001205900001");
  g_autoptr(LoketNikInfo) unknown = parse ("5203991205900001");

  assert_problems (zero, "nik-district", NULL);
  g_assert_false (loket_nik_info_is_valid (zero));
  g_assert_cmpstr (zero->regency, ==, "Kabupaten Lombok Timur");

  /* Regions split over time: an unknown district is only a warning. */
  assert_problems (unknown, "nik-district-unknown", NULL);
  g_assert_true (loket_nik_info_is_valid (unknown));
  g_assert_true (loket_problems_to_error (unknown->problems, NULL));
  assert_message_contains (unknown, "nik-district-unknown", "52.03.99");
  g_assert_cmpstr (unknown->district_code, ==, "52.03.99");
  g_assert_null (unknown->district);
  g_assert_cmpstr (unknown->regency, ==, "Kabupaten Lombok Timur");
  assert_birth (unknown, 1990, 5, 12);
}

static void
test_day (void)
{
  const struct {
    const char *nik;
    const char *shown;
  } cases[] = {
    { "5203010005900001", "00" },
    { "5203013205900001", "32" },
    { "5203014005900001", "40" },
    { "5203017205900001", "72" },
    { "5203019905900001", "99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoketNikInfo) info = parse (cases[i].nik);

      assert_problems (info, "nik-date", NULL);
      assert_message_contains (info, "nik-date", cases[i].shown);
      g_assert_false (g_date_valid (&info->birth_date));
      g_assert_cmpint (info->sex, ==, 0);
      /* Everything else is still read. */
      g_assert_cmpstr (info->district, ==, "Keruak");
      g_assert_cmpint (info->serial, ==, 1);
    }
}

static void
test_month (void)
{
  g_autoptr(LoketNikInfo) zero = parse ("5203011200900001");
  g_autoptr(LoketNikInfo) thirteen = parse ("5203015213900001");

  assert_problems (zero, "nik-date", NULL);
  assert_message_contains (zero, "nik-date", "digits 9–10 are 00");
  g_assert_false (g_date_valid (&zero->birth_date));
  /* The day alone still tells the sex. */
  g_assert_cmpint (zero->sex, ==, 'L');

  assert_problems (thirteen, "nik-date", NULL);
  assert_message_contains (thirteen, "nik-date", "13");
  g_assert_cmpint (thirteen->sex, ==, 'P');
}

static void
test_unreal_date (void)
{
  g_autoptr(LoketNikInfo) april = parse ("5203013104900001");
  g_autoptr(LoketNikInfo) february = parse ("5203017002900001");

  assert_problems (april, "nik-date", NULL);
  assert_message_contains (april, "nik-date", "1990-04-31");
  g_assert_false (g_date_valid (&april->birth_date));

  /* 30 February for a woman: day 70. */
  assert_problems (february, "nik-date", NULL);
  assert_message_contains (february, "nik-date", "1990-02-30");
}

static void
test_leap_day (void)
{
  GDate today;
  g_autoptr(LoketNikInfo) in_1996 = parse ("5203012902960001");
  g_autoptr(LoketNikInfo) woman_1996 = parse ("5203016902960001");
  g_autoptr(LoketNikInfo) in_2000 = parse ("5203012902000001");
  g_autoptr(LoketNikInfo) in_2001 = parse ("5203012902010001");
  g_autoptr(LoketNikInfo) in_1900 = NULL;
  g_autoptr(LoketNikInfo) born_today = NULL;

  assert_problems (in_1996, NULL);
  assert_birth (in_1996, 1996, 2, 29);
  assert_problems (woman_1996, NULL);
  assert_birth (woman_1996, 1996, 2, 29);
  g_assert_cmpint (woman_1996->sex, ==, 'P');

  /* 2000 was a leap year (divisible by 400). */
  assert_problems (in_2000, NULL);
  assert_birth (in_2000, 2000, 2, 29);

  assert_problems (in_2001, "nik-date", NULL);
  assert_message_contains (in_2001, "nik-date", "2001-02-29");
  g_assert_cmpint (in_2001->sex, ==, 'L');

  /* Seen on 28 February 2000, year 00 can only be 1900, which was not a
   * leap year (divisible by 100, not by 400). */
  set_date (&today, 2000, 2, 28);
  in_1900 = loket_nik_parse ("5203012902000001", &today);
  assert_problems (in_1900, "nik-date", NULL);
  assert_message_contains (in_1900, "nik-date", "1900-02-29");

  set_date (&today, 2000, 2, 29);
  born_today = loket_nik_parse ("5203012902000001", &today);
  assert_problems (born_today, NULL);
  assert_birth (born_today, 2000, 2, 29);
}

static void
test_serial (void)
{
  g_autoptr(LoketNikInfo) info = parse ("5203011205900000");

  assert_problems (info, "nik-serial", NULL);
  assert_message_contains (info, "nik-serial", "0000");
  g_assert_cmpint (info->serial, ==, 0);
  g_assert_cmpstr (info->nik, ==, "5203011205900000");
  assert_birth (info, 1990, 5, 12);
}

/* The century rule makes a birth date after `today` impossible for any
 * `today` from year 100 on; it can only show with a `today` before that. */
static void
test_future (void)
{
  GDate today;
  g_autoptr(LoketNikInfo) info = NULL;

  set_date (&today, 50, 1, 1);
  info = loket_nik_parse ("5203011205600001", &today);
  assert_problems (info, "nik-future", NULL);
  assert_message_contains (info, "nik-future", "0060-05-12");
  assert_message_contains (info, "nik-future", "0050-01-01");
}

/* Every check at once, each reported. */
static void
test_many_problems (void)
{
  g_autoptr(LoketNikInfo) all_zero = parse ("9900000013900000");
  g_autoptr(LoketNikInfo) with_letter = parse ("997000009913000A");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  assert_problems (all_zero, "nik-province", "nik-regency", "nik-district",
                   "nik-date", "nik-date", "nik-serial", NULL);
  g_assert_false (loket_nik_info_is_valid (all_zero));
  g_assert_cmpstr (all_zero->province_code, ==, "99");
  g_assert_cmpstr (all_zero->district_code, ==, "99.00.00");

  g_assert_false (loket_problems_to_error (all_zero->problems, &error));
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);

  assert_problems (with_letter, "nik-not-digits", "nik-province", "nik-regency",
                   "nik-district", "nik-date", "nik-date", NULL);
  g_assert_cmpint (with_letter->serial, ==, 0);
}

/* With `today` 2026-11-23, year 26 means 2026 up to today and 1926 after. */
static void
test_century (void)
{
  const struct {
    const char *nik;
    int year, month, day;
  } cases[] = {
    { "5203012311260001", 2026, 11, 23 },
    { "5203012211260001", 2026, 11, 22 },
    { "5203012411260001", 1926, 11, 24 },
    { "5203016311260001", 2026, 11, 23 },
    { "5203016411260001", 1926, 11, 24 },
    { "5203010112260001", 1926, 12, 1 },
    { "5203010101270001", 1927, 1, 1 },
    { "5203011205990001", 1999, 5, 12 },
    { "5203011205000001", 2000, 5, 12 },
    { "5203011205250001", 2025, 5, 12 },
  };
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoketNikInfo) info = parse (cases[i].nik);

      assert_problems (info, NULL);
      assert_birth (info, cases[i].year, cases[i].month, cases[i].day);
    }

  /* At a century's turn, year 00 is this year only from 1 January on. */
  set_date (&today, 2000, 1, 1);
  {
    g_autoptr(LoketNikInfo) now = loket_nik_parse ("5203010101000001", &today);
    g_autoptr(LoketNikInfo) then = loket_nik_parse ("5203010201000001", &today);
    g_autoptr(LoketNikInfo) last = loket_nik_parse ("5203013112990001", &today);

    assert_birth (now, 2000, 1, 1);
    assert_birth (then, 1900, 1, 2);
    assert_birth (last, 1999, 12, 31);
  }
}

/* ---- against what the clerk typed -------------------------------------- */

static void
test_check_against (void)
{
  GDate right, wrong;

  set_date (&right, 1990, 5, 12);
  set_date (&wrong, 1990, 12, 5);

  {
    g_autoptr(LoketNikInfo) info = parse ("5203011205900001");

    loket_nik_check_against (info, &right, 'L');
    loket_nik_check_against (info, &right, 'l');
    loket_nik_check_against (info, NULL, 0);
    assert_problems (info, NULL);
  }
  {
    g_autoptr(LoketNikInfo) info = parse ("5203011205900001");

    loket_nik_check_against (info, &wrong, 0);
    assert_problems (info, "nik-birth-mismatch", NULL);
    assert_message_contains (info, "nik-birth-mismatch", "1990-05-12");
    assert_message_contains (info, "nik-birth-mismatch", "1990-12-05");
    g_assert_false (loket_nik_info_is_valid (info));
  }
  {
    g_autoptr(LoketNikInfo) info = parse ("5203011205900001");

    loket_nik_check_against (info, &right, 'P');
    assert_problems (info, "nik-sex-mismatch", NULL);
    assert_message_contains (info, "nik-sex-mismatch", "female");
  }
  {
    /* A woman's NIK, read as a man born on the 12th. */
    g_autoptr(LoketNikInfo) info = parse ("3201015208850002");

    loket_nik_check_against (info, &right, 'L');
    assert_problems (info, "nik-birth-mismatch", "nik-sex-mismatch", NULL);
    assert_message_contains (info, "nik-sex-mismatch", "male");
  }
  {
    /* Nothing to compare when the NIK's own date cannot be read; the sex
     * still can, from the day. */
    g_autoptr(LoketNikInfo) no_date = parse ("5203011213900001");
    g_autoptr(LoketNikInfo) nothing = parse ("5203010005900001");

    loket_nik_check_against (no_date, &wrong, 'P');
    assert_problems (no_date, "nik-date", "nik-sex-mismatch", NULL);

    loket_nik_check_against (nothing, &wrong, 'P');
    assert_problems (nothing, "nik-date", NULL);
  }
  {
    g_autoptr(LoketNikInfo) info = parse (NULL);
    GDate invalid;

    g_date_clear (&invalid, 1);
    loket_nik_check_against (info, &wrong, 'L');
    loket_nik_check_against (info, &invalid, 'P');
    assert_problems (info, "nik-empty", NULL);
  }
}

/* ---- masking ----------------------------------------------------------- */

static void
test_mask (void)
{
  const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "5203011205900001", "************0001" },
    { "3201015208850002", "************0002" },
    { "", "" },
    { "1", "*" },
    { "123", "***" },
    { "1234", "1234" },
    { "12345", "*2345" },
    { "ab€cd", "*b€cd" },
    { "€", "*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = loket_nik_mask (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }

  {
    g_autofree char *masked = loket_nik_mask (NULL);
    g_assert_cmpstr (masked, ==, "");
  }
  {
    g_autofree char *masked = loket_nik_mask ("\xff\xff\xff");
    g_assert_cmpstr (masked, ==, "***");
  }
}

/* ---- never crash ------------------------------------------------------- */

static void
test_long_input (void)
{
  g_autofree char *digits = g_strnfill (10000, '5');
  g_autofree char *letters = g_strnfill (10000, 'x');
  g_autofree char *spaces = g_strnfill (10000, ' ');
  g_autoptr(GString) mixed = g_string_new ("5203011205900001");

  while (mixed->len < 10000)
    g_string_append (mixed, "é-1 ");

  {
    g_autoptr(LoketNikInfo) info = parse (digits);
    g_autofree char *masked = loket_nik_mask (digits);

    assert_problems (info, "nik-length", NULL);
    assert_message_contains (info, "nik-length", "10000 digits");
    g_assert_cmpstr (info->province_code, ==, "55");
    g_assert_cmpuint (strlen (masked), ==, 10000);
    g_assert_true (g_str_has_suffix (masked, "*5555"));
  }
  {
    g_autoptr(LoketNikInfo) info = parse (letters);
    assert_problems (info, "nik-not-digits", "nik-length", NULL);
  }
  {
    g_autoptr(LoketNikInfo) info = parse (spaces);
    assert_problems (info, "nik-empty", NULL);
  }
  {
    g_autoptr(LoketNikInfo) info = parse (mixed->str);
    assert_problems (info, "nik-not-digits", "nik-length", NULL);
    g_assert_cmpstr (info->district, ==, "Keruak");
  }
}

/* Random text made of the characters that matter: whatever comes in, the
 * answer is well formed, and a NIK is valid only when it has 16 digits. */
static void
test_random_input (void)
{
  static const char *pieces[] = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "5", "2", "0", "1",
    " ", "-", ".", "O", "l", "é", "\u00a0", "\xff", "\x01", "５",
  };

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint length = g_test_rand_int_range (0, 24);
      g_autoptr(LoketNikInfo) info = NULL;

      for (guint i = 0; i < length; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      info = parse (text->str);
      assert_well_formed (info);
      if (loket_nik_info_is_valid (info))
        {
          g_assert_cmpuint (strlen (info->nik), ==, 16);
          g_assert_true (g_date_valid (&info->birth_date));
          g_assert_true (info->sex == 'L' || info->sex == 'P');
          g_assert_cmpint (info->serial, >=, 1);
        }
      g_free (loket_nik_mask (text->str));
    }
}

static void
test_mask_in_text (void)
{
  g_autofree char *masked = loket_nik_mask_in_text ("nik: 5203015205900002; kpj: 01000000016; 12345678901234567");

  g_assert_cmpstr (masked, ==, "nik: ************0002; kpj: 01000000016; 12345678901234567");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, while the tables are still unloaded. */
  g_test_add_func ("/regions/concurrent-first-use", test_regions_concurrent_first_use);
  g_test_add_func ("/regions/names", test_regions_names);
  g_test_add_func ("/regions/district-list", test_regions_district_list);
  g_test_add_func ("/regions/resources", test_regions_resources);

  g_test_add_func ("/nik/valid-male", test_valid_male);
  g_test_add_func ("/nik/valid-female", test_valid_female);
  g_test_add_func ("/nik/valid-edges", test_valid_edges);
  g_test_add_func ("/nik/spaces-accepted", test_spaces_accepted);
  g_test_add_func ("/nik/every-district", test_every_district);

  g_test_add_func ("/nik/empty", test_empty);
  g_test_add_func ("/nik/letter", test_letter);
  g_test_add_func ("/nik/separators-refused", test_separators_refused);
  g_test_add_func ("/nik/non-ascii", test_non_ascii);
  g_test_add_func ("/nik/length", test_length);
  g_test_add_func ("/nik/province", test_province);
  g_test_add_func ("/nik/regency", test_regency);
  g_test_add_func ("/nik/district", test_district);
  g_test_add_func ("/nik/day", test_day);
  g_test_add_func ("/nik/month", test_month);
  g_test_add_func ("/nik/unreal-date", test_unreal_date);
  g_test_add_func ("/nik/leap-day", test_leap_day);
  g_test_add_func ("/nik/serial", test_serial);
  g_test_add_func ("/nik/future", test_future);
  g_test_add_func ("/nik/many-problems", test_many_problems);
  g_test_add_func ("/nik/century", test_century);

  g_test_add_func ("/nik/check-against", test_check_against);
  g_test_add_func ("/nik/mask", test_mask);

  g_test_add_func ("/nik/long-input", test_long_input);
  g_test_add_func ("/nik/random-input", test_random_input);

  g_test_add_func ("/nik/mask-in-text", test_mask_in_text);
  return g_test_run ();
}
