/* test-contribution.c: what a member pays, from the shipped default rates. */
#include "loket-contribution.h"
#include "loket-error.h"

typedef struct {
  LoketRateBook *book;
} Fixture;

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

/* Every test prices from data/rates.csv as it ships, so the figures here are
 * the figures a branch sees on its first day. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "rates.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  fixture->book = loket_rate_book_new ();
  loket_rate_book_load_csv (fixture->book, text, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  loket_rate_book_unref (fixture->book);
}

static LoketContributionRequest
bpu_request (gint64      income,
             int         months,
             int         year,
             int         month,
             const char *occupation)
{
  LoketContributionRequest request = { 0, };

  request.segment = LOKET_SEGMENT_BPU;
  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  request.income = income;
  request.months = months;
  request.start = ymd (year, month, 15);
  request.occupation = occupation;
  return request;
}

static LoketContributionRequest
pu_request (gint64 wage,
            int    risk_class,
            int    year,
            int    month)
{
  LoketContributionRequest request = { 0, };

  request.segment = LOKET_SEGMENT_PU;
  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT | LOKET_PROGRAM_JP;
  request.income = wage;
  request.risk_class = risk_class;
  request.months = 1;
  request.start = ymd (year, month, 1);
  return request;
}

static LoketContributionRequest
pmi_request (int      months,
             gboolean pre_placement)
{
  LoketContributionRequest request = { 0, };

  request.segment = LOKET_SEGMENT_PMI;
  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  request.months = months;
  request.start = ymd (2025, 6, 1);
  request.pmi_pre_placement = pre_placement;
  return request;
}

static LoketContribution *
compute_ok (Fixture                        *fixture,
            const LoketContributionRequest *request)
{
  g_autoptr(GError) error = NULL;
  LoketContribution *result = loket_contribution_compute (fixture->book, request, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_refused (Fixture                        *fixture,
                const LoketContributionRequest *request,
                int                             code,
                const char                     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketContribution) result = loket_contribution_compute (fixture->book, request, &error);

  g_assert_null (result);
  g_assert_error (error, LOKET_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static const LoketContributionLine *
line_at (const LoketContribution *result,
         guint                    index,
         const char              *code)
{
  const LoketContributionLine *line;

  g_assert_cmpuint (index, <, result->lines->len);
  line = &g_array_index (result->lines, LoketContributionLine, index);
  g_assert_cmpstr (line->code, ==, code);
  g_assert_nonnull (line->label);
  return line;
}

static void
add_row (Fixture    *fixture,
         const char *key,
         int         year,
         int         month,
         int         day,
         gint64      value)
{
  GDate from = ymd (year, month, day);

  loket_rate_book_add (fixture->book, key, &from, value);
}

/* ---- BPU ---- */

static void
test_bpu_lowest (Fixture       *fixture,
                 gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2025, 6, "petani");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line;

  g_assert_cmpuint (result->lines->len, ==, 2);
  line = line_at (result, 0, "jkk");
  g_assert_cmpstr (line->label, ==, "Work accident insurance (JKK)");
  g_assert_cmpint (line->rate_bp, ==, 100);
  g_assert_cmpint (line->base, ==, 1000000);
  g_assert_cmpint (line->monthly, ==, 10000);
  g_assert_cmpint (line->worker, ==, 10000);
  g_assert_cmpint (line->employer, ==, 0);
  g_assert_cmpint (line->discount, ==, 0);
  line = line_at (result, 1, "jkm");
  g_assert_cmpint (line->rate_bp, ==, 0);
  g_assert_cmpint (line->base, ==, 0);
  g_assert_cmpint (line->monthly, ==, 6800);
  g_assert_cmpint (line->worker, ==, 6800);

  g_assert_cmpint (result->monthly_total, ==, 16800);
  g_assert_cmpint (result->monthly_discount, ==, 0);
  g_assert_cmpint (result->months, ==, 1);
  g_assert_cmpint (result->total, ==, 16800);
  g_assert_cmpint (result->discount, ==, 0);
  g_assert_cmpint (result->employer_total, ==, 0);
  g_assert_cmpint (result->worker_total, ==, 16800);
}

static void
test_bpu_with_jht (Fixture       *fixture,
                   gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 12, 2025, 1, "petani");
  g_autoptr(LoketContribution) result = NULL;
  const LoketContributionLine *line;

  request.programs |= LOKET_PROGRAM_JHT;
  result = compute_ok (fixture, &request);
  g_assert_cmpuint (result->lines->len, ==, 3);
  line = line_at (result, 2, "jht");
  g_assert_cmpint (line->rate_bp, ==, 200);
  g_assert_cmpint (line->monthly, ==, 20000);
  g_assert_cmpint (result->monthly_total, ==, 36800);
  g_assert_cmpint (result->total, ==, 12 * 36800);
}

static void
test_bpu_highest (Fixture       *fixture,
                  gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (20700000, 1, 2025, 6, NULL);
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

  g_assert_cmpint (line_at (result, 0, "jkk")->monthly, ==, 207000);
  g_assert_cmpint (result->monthly_total, ==, 213800);
}

static void
test_bpu_discount_2026 (Fixture       *fixture,
                        gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2026, 3, "Ojek");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line;

  line = line_at (result, 0, "jkk");
  g_assert_cmpint (line->discount, ==, 5000);
  g_assert_cmpint (line->monthly, ==, 5000);
  g_assert_cmpint (line->worker, ==, 5000);
  line = line_at (result, 1, "jkm");
  g_assert_cmpint (line->discount, ==, 3400);
  g_assert_cmpint (line->monthly, ==, 3400);
  g_assert_cmpint (result->monthly_total, ==, 8400);
  g_assert_cmpint (result->monthly_discount, ==, 8400);
  g_assert_cmpint (result->total, ==, 8400);
  g_assert_cmpint (result->discount, ==, 8400);
  g_assert_cmpint (result->worker_total, ==, 8400);
}

/* The list is compared folded: what the clerk types need not match case. */
static void
test_bpu_discount_occupation_folded (Fixture       *fixture,
                                     gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2026, 1, "  OJEK   Online ");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

  g_assert_cmpint (result->monthly_total, ==, 8400);
}

static void
test_bpu_no_discount_for_farmer (Fixture       *fixture,
                                 gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2026, 3, "petani");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

  g_assert_cmpint (result->monthly_total, ==, 16800);
  g_assert_cmpint (result->discount, ==, 0);

  request.occupation = NULL;
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpint (result->monthly_total, ==, 16800);
}

static void
test_bpu_no_discount_when_state_funded (Fixture       *fixture,
                                        gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2026, 3, "ojek");
  g_autoptr(LoketContribution) result = NULL;

  request.state_funded = TRUE;
  result = compute_ok (fixture, &request);
  g_assert_cmpint (result->monthly_total, ==, 16800);
  g_assert_cmpint (result->discount, ==, 0);
}

/* A supervisor settles the scope as "every BPU member" by adding a row. */
static void
test_bpu_discount_for_all (Fixture       *fixture,
                           gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 3, 2026, 1, "petani");
  g_autoptr(LoketContribution) result = NULL;

  add_row (fixture, "bpu.discount.pp50_2025.all_occupations", 2026, 2, 1, 1);
  result = compute_ok (fixture, &request);
  /* January is still under the old scope, February and March under the new. */
  g_assert_cmpint (result->monthly_total, ==, 16800);
  g_assert_cmpint (result->total, ==, 16800 + 8400 + 8400);
  g_assert_cmpint (result->discount, ==, 2 * 8400);

  /* State-funded members stay excluded whatever the scope. */
  request.state_funded = TRUE;
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpint (result->total, ==, 3 * 16800);
}

static void
test_bpu_discount_starts (Fixture       *fixture,
                          gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 3, 2025, 11, "ojek");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

  /* November and December full, January discounted; lines show November. */
  g_assert_cmpint (result->monthly_total, ==, 16800);
  g_assert_cmpint (result->monthly_discount, ==, 0);
  g_assert_cmpint (line_at (result, 0, "jkk")->discount, ==, 0);
  g_assert_cmpint (result->months, ==, 3);
  g_assert_cmpint (result->total, ==, 16800 + 16800 + 8400);
  g_assert_cmpint (result->discount, ==, 8400);
  g_assert_cmpint (result->worker_total, ==, 42000);
}

static void
test_bpu_discount_ends (Fixture       *fixture,
                        gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 3, 2027, 2, "kurir");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

  /* February and March discounted, April (after the end) full. */
  g_assert_cmpint (result->monthly_total, ==, 8400);
  g_assert_cmpint (result->monthly_discount, ==, 8400);
  g_assert_cmpint (result->total, ==, 8400 + 8400 + 16800);
  g_assert_cmpint (result->discount, ==, 2 * 8400);
}

static void
test_bpu_year_spanning_discount (Fixture       *fixture,
                                 gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 12, 2025, 10, "sopir");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

  g_assert_cmpint (result->total, ==, 3 * 16800 + 9 * 8400);
  g_assert_cmpint (result->discount, ==, 9 * 8400);

  request.start = ymd (2027, 1, 1);
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpint (result->total, ==, 3 * 8400 + 9 * 16800);
}

static void
test_bpu_jht_not_discounted (Fixture       *fixture,
                             gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2026, 6, "ojol");
  g_autoptr(LoketContribution) result = NULL;
  const LoketContributionLine *line;

  request.programs |= LOKET_PROGRAM_JHT;
  result = compute_ok (fixture, &request);
  line = line_at (result, 2, "jht");
  g_assert_cmpint (line->monthly, ==, 20000);
  g_assert_cmpint (line->discount, ==, 0);
  g_assert_cmpint (result->monthly_total, ==, 5000 + 3400 + 20000);
  g_assert_cmpint (result->monthly_discount, ==, 8400);
}

/* The discount is a percentage of each rounded line, itself rounded. */
static void
test_bpu_discount_rounding (Fixture       *fixture,
                            gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1234567, 1, 2026, 6, "pengemudi");
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line = line_at (result, 0, "jkk");

  /* JKK 12.345,67 → 12.346; half of it 6.173 */
  g_assert_cmpint (line->discount, ==, 6173);
  g_assert_cmpint (line->monthly, ==, 6173);
  g_assert_cmpint (result->monthly_total, ==, 6173 + 3400);
}

static void
test_bpu_income_limits (Fixture       *fixture,
                        gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (900000, 1, 2025, 6, NULL);

  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Declared income: Rp900.000 is below the minimum of Rp1.000.000. "
                  "Enter at least Rp1.000.000.");

  request.income = 20700001;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Declared income: Rp20.700.001 is above the maximum of Rp20.700.000. "
                  "Enter at most Rp20.700.000.");
}

static void
test_bpu_income_step (Fixture       *fixture,
                      gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1050000, 1, 2025, 6, NULL);
  g_autoptr(LoketContribution) result = NULL;

  add_row (fixture, "bpu.income.step", 2025, 1, 1, 100000);
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Declared income: Rp1.050.000 is not a multiple of Rp100.000. "
                  "Enter Rp1.000.000 or Rp1.100.000.");

  request.income = 1100000;
  result = compute_ok (fixture, &request);
  g_assert_cmpint (result->monthly_total, ==, 11000 + 6800);

  /* Before the step row, the shipped step of Rp1 applies. */
  request.income = 1050000;
  request.start = ymd (2024, 12, 1);
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpint (result->monthly_total, ==, 10500 + 6800);
}

static void
test_bpu_months (Fixture       *fixture,
                 gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 2, 2025, 6, NULL);
  const int allowed[] = { 1, 3, 6, 12 };

  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Months: self-employed members cannot pay for 2 months at once. "
                  "Pay for 1, 3, 6 or 12 months.");
  request.months = 0;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Months: self-employed members cannot pay for 0 months at once. "
                  "Pay for 1, 3, 6 or 12 months.");

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(LoketContribution) result = NULL;

      request.months = allowed[i];
      result = compute_ok (fixture, &request);
      g_assert_cmpint (result->total, ==, allowed[i] * 16800);
    }
}

static void
test_bpu_programs (Fixture       *fixture,
                   gconstpointer  data)
{
  LoketContributionRequest request = bpu_request (1000000, 1, 2025, 6, NULL);

  request.programs |= LOKET_PROGRAM_JP;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Programs: jp cannot be held by Self-employed workers (BPU). "
                  "Choose among jkk,jkm,jht.");

  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JHT;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Programs: Self-employed workers (BPU) must hold jkk,jkm. Add jkm.");
}

/* ---- PU ---- */

static void
test_pu_figures (Fixture       *fixture,
                 gconstpointer  data)
{
  LoketContributionRequest request = pu_request (5000000, 1, 2025, 6);
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line;

  g_assert_cmpuint (result->lines->len, ==, 4);
  line = line_at (result, 0, "jkk");
  g_assert_cmpint (line->rate_bp, ==, 24);
  g_assert_cmpint (line->employer, ==, 12000);
  g_assert_cmpint (line->worker, ==, 0);
  g_assert_cmpint (line->monthly, ==, 12000);
  line = line_at (result, 1, "jkm");
  g_assert_cmpint (line->rate_bp, ==, 30);
  g_assert_cmpint (line->employer, ==, 15000);
  g_assert_cmpint (line->monthly, ==, 15000);
  line = line_at (result, 2, "jht");
  g_assert_cmpint (line->rate_bp, ==, 570);
  g_assert_cmpint (line->employer, ==, 185000);
  g_assert_cmpint (line->worker, ==, 100000);
  g_assert_cmpint (line->monthly, ==, 285000);
  line = line_at (result, 3, "jp");
  g_assert_cmpint (line->rate_bp, ==, 300);
  g_assert_cmpint (line->base, ==, 5000000);
  g_assert_cmpint (line->employer, ==, 100000);
  g_assert_cmpint (line->worker, ==, 50000);
  g_assert_cmpint (line->monthly, ==, 150000);

  g_assert_cmpint (result->monthly_total, ==, 462000);
  g_assert_cmpint (result->total, ==, 462000);
  g_assert_cmpint (result->employer_total, ==, 312000);
  g_assert_cmpint (result->worker_total, ==, 150000);
  g_assert_cmpint (result->discount, ==, 0);
}

static void
test_pu_risk_classes (Fixture       *fixture,
                      gconstpointer  data)
{
  const gint64 expected[] = { 12000, 27000, 44500, 63500, 87000 };

  for (int risk_class = 1; risk_class <= 5; risk_class++)
    {
      LoketContributionRequest request = pu_request (5000000, risk_class, 2025, 6);
      g_autoptr(LoketContribution) result = compute_ok (fixture, &request);

      g_assert_cmpint (line_at (result, 0, "jkk")->employer, ==, expected[risk_class - 1]);
    }
}

static void
test_pu_jp_cap (Fixture       *fixture,
                gconstpointer  data)
{
  LoketContributionRequest request = pu_request (15000000, 1, 2024, 6);
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line = line_at (result, 3, "jp");

  g_assert_cmpint (line->base, ==, 10042300);
  g_assert_cmpint (line->employer, ==, 200846);
  g_assert_cmpint (line->worker, ==, 100423);
  /* JHT is not capped. */
  g_assert_cmpint (line_at (result, 2, "jht")->employer, ==, 555000);

  request.start = ymd (2025, 6, 1);
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  line = line_at (result, 3, "jp");
  g_assert_cmpint (line->base, ==, 10547400);
  g_assert_cmpint (line->employer, ==, 210948);
  g_assert_cmpint (line->worker, ==, 105474);

  /* No cap row is in force before 2023-03-01: refuse rather than guess. */
  request.start = ymd (2023, 1, 1);
  assert_refused (fixture, &request, LOKET_ERROR_RATE_MISSING,
                  "Rates: no “pu.jp.wage_cap” row is in force on 2023-01-01. "
                  "A supervisor must add one, effective on or before that date.");

  /* Without JP the cap is not needed. */
  request.programs &= ~LOKET_PROGRAM_JP;
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpuint (result->lines->len, ==, 3);
}

/* Each month is priced on its own: the cap rises on 1 March 2025. */
static void
test_pu_months_span_cap_change (Fixture       *fixture,
                                gconstpointer  data)
{
  LoketContributionRequest request = pu_request (15000000, 1, 2025, 1);
  g_autoptr(LoketContribution) result = NULL;
  gint64 other = 36000 + 45000 + 855000;   /* JKK, JKM, JHT on Rp15.000.000 */

  request.months = 3;
  result = compute_ok (fixture, &request);
  g_assert_cmpint (line_at (result, 3, "jp")->base, ==, 10042300);
  g_assert_cmpint (result->monthly_total, ==, other + 301269);
  g_assert_cmpint (result->total, ==, 3 * other + 2 * 301269 + 316422);
  g_assert_cmpint (result->worker_total, ==, 3 * 300000 + 2 * 100423 + 105474);
  g_assert_cmpint (result->employer_total, ==,
                   3 * (36000 + 45000 + 555000) + 2 * 200846 + 210948);
}

static void
test_pu_jkp (Fixture       *fixture,
             gconstpointer  data)
{
  LoketContributionRequest request = pu_request (5000000, 1, 2025, 6);
  g_autoptr(LoketContribution) result = NULL;
  const LoketContributionLine *line;

  request.programs |= LOKET_PROGRAM_JKP;
  result = compute_ok (fixture, &request);
  g_assert_cmpuint (result->lines->len, ==, 5);
  line = line_at (result, 4, "jkp");
  g_assert_cmpstr (line->label, ==, "Job loss insurance (JKP)");
  g_assert_cmpint (line->rate_bp, ==, 36);
  g_assert_cmpint (line->base, ==, 5000000);
  g_assert_cmpint (line->monthly, ==, 0);
  g_assert_cmpint (line->employer, ==, 0);
  g_assert_cmpint (line->worker, ==, 0);
  g_assert_cmpint (result->monthly_total, ==, 462000);

  /* Before PP 6/2025's row the line shows no rate, and the bill is the same. */
  request.start = ymd (2025, 1, 1);
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpint (line_at (result, 4, "jkp")->rate_bp, ==, 0);
  g_assert_cmpint (result->monthly_total, ==, 12000 + 15000 + 285000 + 150000);
}

static void
test_pu_refusals (Fixture       *fixture,
                  gconstpointer  data)
{
  LoketContributionRequest request = pu_request (5000000, 0, 2025, 6);

  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Risk class: 0 is not a risk class. Choose from 1 (very low) to 5 (very high).");
  request.risk_class = 6;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Risk class: 6 is not a risk class. Choose from 1 (very low) to 5 (very high).");

  request.risk_class = 1;
  request.income = 0;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Wage: Rp0 is not a monthly wage. Enter the wage in rupiah, more than Rp0.");

  request.income = 5000000;
  request.months = 13;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Months: 13 is not between 1 and 12. Enter from 1 to 12 months.");
  request.months = 0;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Months: 0 is not between 1 and 12. Enter from 1 to 12 months.");

  request.months = 1;
  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Programs: Wage earners (PU) must hold jkk,jkm,jht. Add jht.");
}

/* ---- PMI ---- */

static void
assert_pmi_placement (Fixture *fixture,
                      int      months,
                      gint64   expected)
{
  LoketContributionRequest request = pmi_request (months, FALSE);
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line;

  g_assert_cmpuint (result->lines->len, ==, 1);
  line = line_at (result, 0, "pmi-placement");
  g_assert_cmpstr (line->label, ==, "Placement package (PMI)");
  g_assert_cmpint (line->monthly, ==, expected);
  g_assert_cmpint (line->worker, ==, expected);
  g_assert_cmpint (line->rate_bp, ==, 0);
  /* Paid once for the whole placement, not once a month. */
  g_assert_cmpint (result->months, ==, months);
  g_assert_cmpint (result->total, ==, expected);
  g_assert_cmpint (result->monthly_total, ==, expected);
  g_assert_cmpint (result->worker_total, ==, expected);
}

static void
test_pmi_packages (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_pmi_placement (fixture, 6, 108000);
  assert_pmi_placement (fixture, 12, 189000);
  assert_pmi_placement (fixture, 24, 332500);
  assert_pmi_placement (fixture, 30, 332500 + 6 * 13500);
  assert_pmi_placement (fixture, 7, 108000 + 13500);
  assert_pmi_placement (fixture, 18, 189000 + 6 * 13500);
}

static void
test_pmi_pre_placement (Fixture       *fixture,
                        gconstpointer  data)
{
  LoketContributionRequest request = pmi_request (0, TRUE);
  g_autoptr(LoketContribution) result = compute_ok (fixture, &request);
  const LoketContributionLine *line;

  g_assert_cmpuint (result->lines->len, ==, 1);
  line = line_at (result, 0, "pmi-pre-placement");
  g_assert_cmpstr (line->label, ==, "Pre-placement package (PMI)");
  g_assert_cmpint (line->monthly, ==, 37500);
  g_assert_cmpint (result->total, ==, 37500);

  request.months = 12;
  g_clear_pointer (&result, loket_contribution_free);
  result = compute_ok (fixture, &request);
  g_assert_cmpuint (result->lines->len, ==, 2);
  g_assert_cmpint (line_at (result, 0, "pmi-pre-placement")->monthly, ==, 37500);
  g_assert_cmpint (line_at (result, 1, "pmi-placement")->monthly, ==, 189000);
  g_assert_cmpint (result->total, ==, 37500 + 189000);
}

static void
test_pmi_refusals (Fixture       *fixture,
                   gconstpointer  data)
{
  LoketContributionRequest request = pmi_request (5, TRUE);

  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Months: there is no placement package for 5 months. Enter 6 months "
                  "or more, or 0 for the pre-placement package alone.");
  request.months = 0;
  request.pmi_pre_placement = FALSE;
  assert_refused (fixture, &request, LOKET_ERROR_INVALID,
                  "Months: nothing to pay. Enter the months of placement, 6 or more, "
                  "or include the pre-placement package.");

  /* No PMI JHT amount ships: the supervisor is told which row to add. */
  request.months = 6;
  request.programs |= LOKET_PROGRAM_JHT;
  assert_refused (fixture, &request, LOKET_ERROR_RATE_MISSING,
                  "Rates: no “pmi.jht.flat” row is in force on 2025-06-01. "
                  "A supervisor must add one, effective on or before that date.");

  /* Nor any package before Permenaker 4/2023's rows. */
  request.programs &= ~LOKET_PROGRAM_JHT;
  request.start = ymd (2023, 1, 10);
  assert_refused (fixture, &request, LOKET_ERROR_RATE_MISSING,
                  "Rates: no “pmi.placement.6” row is in force on 2023-01-01. "
                  "A supervisor must add one, effective on or before that date.");
}

/* ---- Jakon ---- */

static void
test_jakon_rate_missing (Fixture       *fixture,
                         gconstpointer  data)
{
  LoketContributionRequest request = { 0, };

  request.segment = LOKET_SEGMENT_JAKON;
  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  request.income = 5000000;
  request.months = 1;
  request.start = ymd (2025, 6, 20);
  assert_refused (fixture, &request, LOKET_ERROR_RATE_MISSING,
                  "Rates: no “jakon.jkk.bp” row is in force on 2025-06-01. "
                  "A supervisor must add one, effective on or before that date.");

  add_row (fixture, "jakon.jkk.bp", 2025, 1, 1, 24);
  assert_refused (fixture, &request, LOKET_ERROR_RATE_MISSING,
                  "Rates: no “jakon.jkm.bp” row is in force on 2025-06-01. "
                  "A supervisor must add one, effective on or before that date.");
}

/* Once a supervisor adds the rows, they are percentages the contractor pays. */
static void
test_jakon_with_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  LoketContributionRequest request = { 0, };
  g_autoptr(LoketContribution) result = NULL;

  add_row (fixture, "jakon.jkk.bp", 2025, 1, 1, 24);
  add_row (fixture, "jakon.jkm.bp", 2025, 1, 1, 30);
  request.segment = LOKET_SEGMENT_JAKON;
  request.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  request.income = 5000000;
  request.months = 2;
  request.start = ymd (2025, 6, 1);
  result = compute_ok (fixture, &request);
  g_assert_cmpint (line_at (result, 0, "jkk")->employer, ==, 12000);
  g_assert_cmpint (line_at (result, 1, "jkm")->employer, ==, 15000);
  g_assert_cmpint (result->total, ==, 2 * 27000);
  g_assert_cmpint (result->employer_total, ==, 2 * 27000);
  g_assert_cmpint (result->worker_total, ==, 0);
}

/* A rate book built by hand without BPU limits cannot price BPU. */
static void
test_empty_book (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  g_autoptr(GError) error = NULL;
  LoketContributionRequest request = bpu_request (1000000, 1, 2025, 6, NULL);
  g_autoptr(LoketContribution) result = loket_contribution_compute (book, &request, &error);

  g_assert_null (result);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_RATE_MISSING);
  g_assert_nonnull (strstr (error->message, "bpu.income.min"));
}

#define ADD(path, func) \
  g_test_add ("/contribution/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("bpu/lowest", test_bpu_lowest);
  ADD ("bpu/with-jht", test_bpu_with_jht);
  ADD ("bpu/highest", test_bpu_highest);
  ADD ("bpu/discount-2026", test_bpu_discount_2026);
  ADD ("bpu/discount-occupation-folded", test_bpu_discount_occupation_folded);
  ADD ("bpu/no-discount-for-farmer", test_bpu_no_discount_for_farmer);
  ADD ("bpu/no-discount-when-state-funded", test_bpu_no_discount_when_state_funded);
  ADD ("bpu/discount-for-all", test_bpu_discount_for_all);
  ADD ("bpu/discount-starts", test_bpu_discount_starts);
  ADD ("bpu/discount-ends", test_bpu_discount_ends);
  ADD ("bpu/year-spanning-discount", test_bpu_year_spanning_discount);
  ADD ("bpu/jht-not-discounted", test_bpu_jht_not_discounted);
  ADD ("bpu/discount-rounding", test_bpu_discount_rounding);
  ADD ("bpu/income-limits", test_bpu_income_limits);
  ADD ("bpu/income-step", test_bpu_income_step);
  ADD ("bpu/months", test_bpu_months);
  ADD ("bpu/programs", test_bpu_programs);
  ADD ("pu/figures", test_pu_figures);
  ADD ("pu/risk-classes", test_pu_risk_classes);
  ADD ("pu/jp-cap", test_pu_jp_cap);
  ADD ("pu/months-span-cap-change", test_pu_months_span_cap_change);
  ADD ("pu/jkp", test_pu_jkp);
  ADD ("pu/refusals", test_pu_refusals);
  ADD ("pmi/packages", test_pmi_packages);
  ADD ("pmi/pre-placement", test_pmi_pre_placement);
  ADD ("pmi/refusals", test_pmi_refusals);
  ADD ("jakon/rate-missing", test_jakon_rate_missing);
  ADD ("jakon/with-rows", test_jakon_with_rows);
  g_test_add_func ("/contribution/empty-book", test_empty_book);

  return g_test_run ();
}
