/* test-rates.c: the dated rate book, its CSV, and rupiah rounding. */
#include "loket-error.h"
#include "loket-rates.h"

static GDate
ymd (int year,
     int month,
     int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static gint64
lookup_or_die (LoketRateBook *book,
               const char    *key,
               int            year,
               int            month,
               int            day)
{
  GDate on = ymd (year, month, day);
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  loket_rate_book_get (book, key, &on, &value, &error);
  g_assert_no_error (error);
  return value;
}

static void
test_lookup_by_date (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  GDate d2024 = ymd (2024, 3, 1), d2023 = ymd (2023, 3, 1);
  GDate before = ymd (2023, 2, 28);
  gint64 value = -1;

  /* Added out of order on purpose: the date decides, not the order. */
  loket_rate_book_add (book, "pu.jp.wage_cap", &d2024, 10042300);
  loket_rate_book_add (book, "pu.jp.wage_cap", &d2023, 9559600);

  g_assert_false (loket_rate_book_lookup (book, "pu.jp.wage_cap", &before, &value));
  g_assert_cmpint (value, ==, -1);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2023, 3, 1), ==, 9559600);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2024, 2, 29), ==, 9559600);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2024, 3, 1), ==, 10042300);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2030, 1, 1), ==, 10042300);

  g_assert_false (loket_rate_book_lookup (book, "pu.jp.other", &d2024, &value));
}

/* A second row for the same key and date is a correction of the first. */
static void
test_same_date_replaces (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  GDate from = ymd (2015, 7, 1);

  loket_rate_book_add (book, "bpu.jkm.flat", &from, 6000);
  loket_rate_book_add (book, "bpu.jkm.flat", &from, 6800);
  g_assert_cmpint (lookup_or_die (book, "bpu.jkm.flat", 2025, 6, 1), ==, 6800);
}

static void
test_get_missing_names_key_and_date (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  g_autoptr(GError) error = NULL;
  GDate from = ymd (2023, 3, 1), on = ymd (2023, 1, 1);
  gint64 value = -1;

  loket_rate_book_add (book, "pu.jp.wage_cap", &from, 9559600);
  g_assert_false (loket_rate_book_get (book, "pu.jp.wage_cap", &on, &value, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_RATE_MISSING);
  g_assert_cmpstr (error->message, ==,
                   "Rates: no “pu.jp.wage_cap” row is in force on 2023-01-01. "
                   "A supervisor must add one, effective on or before that date.");
  g_assert_cmpint (value, ==, -1);
}

static void
test_lists (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();

  loket_rate_book_add_to_list (book, "pp50_2025.occupations", "Ojek  Online");
  loket_rate_book_add_to_list (book, "pp50_2025.occupations", "pengemudi");

  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "ojek online"));
  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "  OJEK ONLINE "));
  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "Pengémudi"));
  g_assert_false (loket_rate_book_list_contains (book, "pp50_2025.occupations", "ojek"));
  g_assert_false (loket_rate_book_list_contains (book, "pp50_2025.occupations", "petani"));
  g_assert_false (loket_rate_book_list_contains (book, "pp50_2025.occupations", ""));
  g_assert_false (loket_rate_book_list_contains (book, "pp50_2025.occupations", NULL));
  g_assert_false (loket_rate_book_list_contains (book, "other", "pengemudi"));

  /* A blank item is not kept: it could only ever match a blank answer. */
  loket_rate_book_add_to_list (book, "other", "   ");
  g_assert_false (loket_rate_book_list_contains (book, "other", " "));
}

static void
test_ref_counting (void)
{
  LoketRateBook *book = loket_rate_book_new ();
  GDate from = ymd (2015, 7, 1);

  g_assert_true (loket_rate_book_ref (book) == book);
  loket_rate_book_unref (book);
  loket_rate_book_add (book, "bpu.jkk.bp", &from, 100);
  g_assert_cmpint (lookup_or_die (book, "bpu.jkk.bp", 2015, 7, 1), ==, 100);
  loket_rate_book_unref (book);
}

static void
test_csv_good (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  g_autoptr(GError) error = NULL;
  const char *text =
    "\xEF\xBB\xBF# a comment before the header\r\n"
    "key,effective_from,value,source,note\r\n"
    "\r\n"
    "# a comment\r\n"
    "bpu.jkm.flat,2015-07-01,6800,news,flat, a month, per member\r\n"
    "pu.jp.wage_cap,2024-03-01,10042300\r\n"
    "  pu.jp.wage_cap , 2025-03-01 , 10547400 , news , [?] 2026 unknown\r\n"
    "list:pp50_2025.occupations,,Kurir,news,[?]\r\n"
    "list:pp50_2025.occupations,,ojek online\r\n";

  g_assert_true (loket_rate_book_load_csv (book, text, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lookup_or_die (book, "bpu.jkm.flat", 2020, 1, 1), ==, 6800);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2025, 2, 28), ==, 10042300);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2025, 3, 1), ==, 10547400);
  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "kurir"));
  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "Ojek Online"));
}

static void
assert_csv_error (const char *text,
                  const char *expected_message)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  g_autoptr(GError) error = NULL;
  GDate on = ymd (2030, 1, 1);

  g_assert_false (loket_rate_book_load_csv (book, text, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
  /* Nothing of a bad file is loaded, not even the good lines before it. */
  g_assert_false (loket_rate_book_lookup (book, "bpu.jkm.flat", &on, NULL));
  g_assert_false (loket_rate_book_list_contains (book, "l", "ojek"));
}

static void
test_csv_bad_lines (void)
{
  const char *header = "key,effective_from,value,source,note\n";
  const char *good = "bpu.jkm.flat,2015-07-01,6800,news,\nlist:l,,ojek\n";
  struct {
    const char *line;
    const char *message;
  } cases[] = {
    { "bpu.jkk.bp,2015-07-01",
      "Rates file, line 5: a row needs a key, an effective date and a value, "
      "separated by commas. Write it as key,YYYY-MM-DD,value." },
    { ",2015-07-01,100",
      "Rates file, line 5: the key is empty. Write the rate’s name in the first "
      "column, for example bpu.jkm.flat." },
    { "bpu jkk,2015-07-01,100",
      "Rates file, line 5: the key “bpu jkk” contains a space. Write keys without "
      "spaces, for example bpu.jkm.flat." },
    { "bpu.jkk.bp,01/07/2015,100",
      "Rates file, line 5: “01/07/2015” is not a valid effective date. Write it as "
      "YYYY-MM-DD, for example 2026-01-01." },
    { "bpu.jkk.bp,2015-02-30,100",
      "Rates file, line 5: “2015-02-30” is not a valid effective date. Write it as "
      "YYYY-MM-DD, for example 2026-01-01." },
    { "bpu.jkm.flat,2016-01-01,6.800",
      "Rates file, line 5: “6.800” is not a whole number. Write the value in digits "
      "only, without dots or Rp, for example 6800." },
    { "bpu.jkm.flat,2016-01-01,-5",
      "Rates file, line 5: “-5” is not a whole number. Write the value in digits "
      "only, without dots or Rp, for example 6800." },
    { "bpu.jkm.flat,2016-01-01,",
      "Rates file, line 5: “” is not a whole number. Write the value in digits "
      "only, without dots or Rp, for example 6800." },
    { "bpu.jkm.flat,2015-07-01,7000",
      "Rates file, line 5: “bpu.jkm.flat” already has a row effective 2015-07-01, "
      "on line 3. Keep only one of the two." },
    { "list:,,ojek",
      "Rates file, line 5: the list has no name. Write list rows as list:NAME,,ITEM." },
    { "list:l,2026-01-01,ojek",
      "Rates file, line 5: list rows have no effective date. Leave the second "
      "column empty: list:NAME,,ITEM." },
    { "list:l,, ",
      "Rates file, line 5: the list item is empty. Write the item in the third "
      "column: list:NAME,,ITEM." },
    { "bpu.jkk.bp,2015-07-01,\xff",
      "Rates file, line 5: the text is not valid UTF-8. Save the file as UTF-8." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* header on line 1, a comment on 2, good rows on 3 and 4, the bad one on 5 */
      g_autofree char *text = g_strconcat (header, "# comment\n", good, cases[i].line,
                                           "\nbpu.jkk.bp,2015-07-01,100\n", NULL);
      /* escaped, because the TAP output must stay valid UTF-8 */
      g_autofree char *shown = g_strescape (cases[i].line, NULL);

      g_test_message ("case %u: %s", i, shown);
      assert_csv_error (text, cases[i].message);
    }
}

static void
test_csv_needs_header (void)
{
  assert_csv_error ("# rates\n\nbpu.jkm.flat,2015-07-01,6800\n",
                    "Rates file, line 3: expected the header "
                    "key,effective_from,value,source,note. Put it before the first row.");
}

static char *
read_shipped_rates (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "rates.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The defaults a branch starts with: they load, and the figures of
 * domain.md §2-3 come out of them on the right dates. */
static void
test_shipped_rates (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_shipped_rates ();
  GDate on;

  /* The store's first-run import skips exactly the first line. */
  g_assert_true (g_str_has_prefix (text, "key,effective_from,value,source,note\n"));
  g_assert_true (loket_rate_book_load_csv (book, text, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lookup_or_die (book, "bpu.jkk.bp", 2025, 6, 1), ==, 100);
  g_assert_cmpint (lookup_or_die (book, "bpu.jkm.flat", 2025, 6, 1), ==, 6800);
  g_assert_cmpint (lookup_or_die (book, "bpu.jht.bp", 2025, 6, 1), ==, 200);
  g_assert_cmpint (lookup_or_die (book, "bpu.income.min", 2025, 6, 1), ==, 1000000);
  g_assert_cmpint (lookup_or_die (book, "bpu.income.max", 2025, 6, 1), ==, 20700000);
  g_assert_cmpint (lookup_or_die (book, "bpu.income.step", 2025, 6, 1), ==, 1);

  g_assert_cmpint (lookup_or_die (book, "pu.jkk.class1.bp", 2025, 6, 1), ==, 24);
  g_assert_cmpint (lookup_or_die (book, "pu.jkk.class5.bp", 2025, 6, 1), ==, 174);
  g_assert_cmpint (lookup_or_die (book, "pu.jht.employer.bp", 2025, 6, 1), ==, 370);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2023, 3, 1), ==, 9559600);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2024, 6, 1), ==, 10042300);
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2025, 3, 1), ==, 10547400);
  /* 2026 is not known yet: the 2025 cap stays until someone adds a row. */
  g_assert_cmpint (lookup_or_die (book, "pu.jp.wage_cap", 2026, 6, 1), ==, 10547400);
  g_assert_cmpint (lookup_or_die (book, "pu.jkp.bp", 2025, 2, 7), ==, 36);
  on = ymd (2025, 2, 6);
  g_assert_false (loket_rate_book_lookup (book, "pu.jkp.bp", &on, NULL));

  g_assert_cmpint (lookup_or_die (book, "pmi.pre_placement", 2025, 6, 1), ==, 37500);
  g_assert_cmpint (lookup_or_die (book, "pmi.placement.6", 2025, 6, 1), ==, 108000);
  g_assert_cmpint (lookup_or_die (book, "pmi.placement.12", 2025, 6, 1), ==, 189000);
  g_assert_cmpint (lookup_or_die (book, "pmi.placement.24", 2025, 6, 1), ==, 332500);
  g_assert_cmpint (lookup_or_die (book, "pmi.placement.extra_month", 2025, 6, 1), ==, 13500);

  on = ymd (2025, 12, 31);
  g_assert_false (loket_rate_book_lookup (book, "bpu.discount.pp50_2025.bp", &on, NULL));
  g_assert_cmpint (lookup_or_die (book, "bpu.discount.pp50_2025.bp", 2026, 1, 1), ==, 5000);
  g_assert_cmpint (lookup_or_die (book, "bpu.discount.pp50_2025.bp", 2027, 3, 31), ==, 5000);
  g_assert_cmpint (lookup_or_die (book, "bpu.discount.pp50_2025.bp", 2027, 4, 1), ==, 0);
  g_assert_cmpint (lookup_or_die (book, "bpu.discount.pp50_2025.all_occupations", 2026, 1, 1), ==, 0);
  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "Ojek Online"));
  g_assert_true (loket_rate_book_list_contains (book, "pp50_2025.occupations", "KURIR"));
  g_assert_false (loket_rate_book_list_contains (book, "pp50_2025.occupations", "petani"));

  /* Deliberately absent: domain.md has no figure for them. */
  on = ymd (2030, 1, 1);
  g_assert_false (loket_rate_book_lookup (book, "jakon.jkk.bp", &on, NULL));
  g_assert_false (loket_rate_book_lookup (book, "pmi.jht.flat", &on, NULL));
}

static void
test_apply_bp_rounding (void)
{
  g_assert_cmpint (loket_money_apply_bp (1234567, 100), ==, 12346);   /* 12.345,67 */
  g_assert_cmpint (loket_money_apply_bp (50, 100), ==, 1);            /* 0,5 rounds up */
  g_assert_cmpint (loket_money_apply_bp (49, 100), ==, 0);            /* 0,49 down */
  g_assert_cmpint (loket_money_apply_bp (150, 100), ==, 2);           /* 1,5 up */
  g_assert_cmpint (loket_money_apply_bp (0, 370), ==, 0);
  g_assert_cmpint (loket_money_apply_bp (1000000, 0), ==, 0);
  g_assert_cmpint (loket_money_apply_bp (1000000, 100), ==, 10000);
  g_assert_cmpint (loket_money_apply_bp (6800, 5000), ==, 3400);
  g_assert_cmpint (loket_money_apply_bp (5000000, 24), ==, 12000);
  g_assert_cmpint (loket_money_apply_bp (10042300, 200), ==, 200846);
  g_assert_cmpint (loket_money_apply_bp (12345, 10000), ==, 12345);
  g_assert_cmpint (loket_money_apply_bp (12345, 25000), ==, 30863);   /* 30.862,5 */
}

/* No floats and no overflow, even at the ends of gint64. */
static void
test_apply_bp_large (void)
{
  g_assert_cmpint (loket_money_apply_bp (G_MAXINT64, 10000), ==, G_MAXINT64);
  /* 4.611.686.018.427.387.903,5 rounds up */
  g_assert_cmpint (loket_money_apply_bp (G_MAXINT64, 5000), ==,
                   G_GINT64_CONSTANT (4611686018427387904));
  g_assert_cmpint (loket_money_apply_bp (G_MAXINT64, 1), ==,
                   G_GINT64_CONSTANT (922337203685478));
  /* A product past gint64 saturates instead of wrapping to a negative. */
  g_assert_cmpint (loket_money_apply_bp (G_MAXINT64, 20000), ==, G_MAXINT64);
  g_assert_cmpint (loket_money_apply_bp (G_MAXINT64 / 2, G_MAXINT64), ==, G_MAXINT64);
  g_assert_cmpint (loket_money_apply_bp (G_GINT64_CONSTANT (1000000000000000), 370), ==,
                   G_GINT64_CONSTANT (37000000000000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rates/lookup-by-date", test_lookup_by_date);
  g_test_add_func ("/rates/same-date-replaces", test_same_date_replaces);
  g_test_add_func ("/rates/get-missing", test_get_missing_names_key_and_date);
  g_test_add_func ("/rates/lists", test_lists);
  g_test_add_func ("/rates/ref-counting", test_ref_counting);
  g_test_add_func ("/rates/csv/good", test_csv_good);
  g_test_add_func ("/rates/csv/bad-lines", test_csv_bad_lines);
  g_test_add_func ("/rates/csv/needs-header", test_csv_needs_header);
  g_test_add_func ("/rates/csv/shipped", test_shipped_rates);
  g_test_add_func ("/rates/apply-bp/rounding", test_apply_bp_rounding);
  g_test_add_func ("/rates/apply-bp/large", test_apply_bp_large);

  return g_test_run ();
}
