/* test-payment.c: payments, status and reversals in the core (issue 6). */
#include <string.h>
#include <sqlite3.h>

#include "loket-error.h"
#include "loket-payment.h"
#include "loket-store-cooperatives.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore *store;
  char       *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (&fixture->path);
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A BPU member (JKK+JKM on Rp1.000.000) registered on `registered`. */
static LoketMember *
register_member (Fixture    *fixture,
                 const char *nik,
                 const char *name,
                 const char *occupation,
                 const char *registered)
{
  /* The birth date and sex the NIK encodes (all born in the 1900s). */
  g_autofree char *birth = g_strdup_printf ("19%.2s-%.2s-%02d", nik + 10, nik + 8,
                                            (nik[6] - '0') * 10 + (nik[7] - '0') - (nik[6] >= '4' ? 40 : 0));
  g_autoptr(LoketMember) draft = loket_test_draft (nik, name, birth, nik[6] >= '4' ? 'P' : 'L');
  g_autoptr(GError) error = NULL;
  LoketMember *member;
  GDate day;

  loket_member_set_string (&draft->occupation, occupation);
  loket_test_date (&day, registered);
  member = loket_store_register_member (fixture->store, draft, &day, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  return member;
}

static LoketReceipt *
pay (Fixture      *fixture,
     LoketMember  *member,
     int           months,
     const char   *from,
     const char   *today,
     GError      **error)
{
  LoketPaymentRequest request;
  GDate day;

  loket_payment_request_init (&request);
  request.months = months;
  request.clerk = "Wayan";
  if (from != NULL)
    loket_test_date (&request.from, from);
  loket_test_date (&day, today);
  return loket_store_pay (fixture->store, member->kpj, &request, &day, error);
}

static void
status_on (Fixture            *fixture,
           LoketMember        *member,
           const char         *on,
           LoketMemberStatus  *status)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  loket_test_date (&day, on);
  g_assert_true (loket_store_get_member_status (fixture->store, member, &day, status, &error));
  g_assert_no_error (error);
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  GDate expected;

  loket_test_date (&expected, iso);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_compare (date, &expected), ==, 0);
}

static void
test_channels (void)
{
  g_autoptr(GError) error = NULL;
  LoketChannel channel;

  for (guint i = 0; i < LOKET_N_CHANNELS; i++)
    {
      g_assert_true (loket_channel_parse (loket_channel_code (i), &channel, &error));
      g_assert_cmpint (channel, ==, i);
    }
  g_assert_true (loket_channel_parse (" BRILink ", &channel, &error));
  g_assert_cmpint (channel, ==, LOKET_CHANNEL_BRILINK);
  g_assert_false (loket_channel_parse ("ovo", &channel, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Channel"));
  g_assert_nonnull (strstr (error->message, "kantor-pos"));
}

static void
test_months (void)
{
  GDate date, last;
  g_autofree char *one = NULL;
  g_autofree char *span = NULL;

  loket_test_date (&date, "2026-11-23");
  g_assert_cmpint (loket_month_index (&date), ==, 2026 * 12 + 10);
  loket_month_last_day (loket_month_index (&date), &last);
  assert_date (&last, "2026-11-30");
  loket_month_last_day (2028 * 12 + 1, &last);
  assert_date (&last, "2028-02-29");
  loket_month_first_day (2027 * 12, &last);
  one = loket_month_format (&date);
  g_assert_cmpstr (one, ==, "November 2026");
  span = loket_month_span_format (&date, &last);
  g_assert_cmpstr (span, ==, "November 2026 – Januari 2027");
}

/* Paid through October 2026: aktif to its last day, menunggak from the
 * first day after (one month, then up to three), nonaktif on the first day
 * of the fourth unpaid month. Never paid before that: belum bayar. */
static void
test_status_boundaries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LoketMember) ani = register_member (fixture, "5203015205900002", "Ani Lestari", "petani", "2026-08-03");
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LoketMemberStatus status;

  status_on (fixture, ani, "2026-08-04", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_BELUM_BAYAR);
  g_assert_false (g_date_valid (&status.paid_until));
  g_assert_cmpint (status.amount_due, ==, 0);
  assert_date (&status.pay_from, "2026-08-01");

  receipt = pay (fixture, ani, 3, NULL, "2026-08-04", &error);
  g_assert_no_error (error);
  g_assert_cmpint (receipt->total, ==, 3 * 16800);

  status_on (fixture, ani, "2026-10-31", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_AKTIF);
  assert_date (&status.paid_until, "2026-10-31");
  g_assert_cmpint (status.months_behind, ==, 0);
  g_assert_cmpint (status.amount_due, ==, 0);
  assert_date (&status.pay_from, "2026-11-01");

  status_on (fixture, ani, "2026-11-01", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_MENUNGGAK);
  assert_date (&status.paid_until, "2026-10-31");
  g_assert_cmpint (status.months_behind, ==, 1);
  g_assert_cmpint (status.amount_due, ==, 16800);

  status_on (fixture, ani, "2027-01-31", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_MENUNGGAK);
  g_assert_cmpint (status.months_behind, ==, 3);
  g_assert_cmpint (status.amount_due, ==, 3 * 16800);
  assert_date (&status.earliest_from, "2026-11-01");

  status_on (fixture, ani, "2027-02-01", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_NONAKTIF);
  g_assert_cmpint (status.months_behind, ==, 4);
  g_assert_cmpint (status.amount_due, ==, 0);
  assert_date (&status.paid_until, "2026-10-31");
  /* The membership ended: it starts again from the current month. */
  assert_date (&status.pay_from, "2027-02-01");

  /* Any date: on the day of payment the member was covered for August. */
  status_on (fixture, ani, "2026-08-04", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_AKTIF);
  assert_date (&status.paid_until, "2026-10-31");
}

/* Three months from November 2025 for an ojek driver: November and
 * December at Rp16.800, January 2026 at the PP 50/2025 price of Rp8.400,
 * one line per program and price. */
static void
test_discount_boundary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LoketMember) budi = register_member (fixture, "5203011203850003", "Budi Santoso", "ojek", "2025-11-10");
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketReceipt) found = NULL;
  g_autoptr(GError) error = NULL;
  LoketPayment *payment;
  const LoketPaymentLine *line;
  GDate until;

  receipt = pay (fixture, budi, 3, NULL, "2025-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->number, ==, "KW-52-2025-000001");
  g_assert_cmpint (receipt->total, ==, 16800 + 16800 + 8400);
  g_assert_cmpint (receipt->discount, ==, 8400);
  payment = g_ptr_array_index (receipt->payments, 0);
  assert_date (&payment->month_from, "2025-11-01");
  assert_date (&payment->month_until, "2026-01-01");
  loket_payment_get_covered_until (payment, &until);
  assert_date (&until, "2026-01-31");

  found = loket_store_find_receipt (fixture->store, "kw-52-2025-000001", &error);
  g_assert_no_error (error);
  payment = g_ptr_array_index (found->payments, 0);
  g_assert_cmpuint (payment->lines->len, ==, 4);
  line = &g_array_index (payment->lines, LoketPaymentLine, 0);
  g_assert_cmpstr (line->program, ==, "jkk");
  assert_date (&line->month_from, "2025-11-01");
  g_assert_cmpint (line->months, ==, 2);
  g_assert_cmpint (line->monthly, ==, 10000);
  g_assert_cmpint (line->amount, ==, 20000);
  g_assert_cmpint (line->discount, ==, 0);
  line = &g_array_index (payment->lines, LoketPaymentLine, 1);
  g_assert_cmpstr (line->program, ==, "jkk");
  assert_date (&line->month_from, "2026-01-01");
  g_assert_cmpint (line->months, ==, 1);
  g_assert_cmpint (line->monthly, ==, 5000);
  g_assert_cmpint (line->discount, ==, 5000);
  line = &g_array_index (payment->lines, LoketPaymentLine, 2);
  g_assert_cmpstr (line->program, ==, "jkm");
  g_assert_cmpint (line->amount, ==, 13600);
  line = &g_array_index (payment->lines, LoketPaymentLine, 3);
  g_assert_cmpstr (line->program, ==, "jkm");
  g_assert_cmpint (line->monthly, ==, 3400);
  g_assert_cmpint (found->total, ==, receipt->total);
  g_assert_cmpstr (found->clerk, ==, "Wayan");
  g_assert_cmpint (found->channel, ==, LOKET_CHANNEL_COUNTER);
}

static void
test_double_payment_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoketMember) ani = register_member (fixture, "5203015205900002", "Ani Lestari", NULL, "2026-10-01");
  g_autoptr(LoketReceipt) first = NULL;
  g_autoptr(LoketReceipt) second = NULL;
  g_autoptr(LoketReceipt) next = NULL;
  g_autoptr(GError) error = NULL;

  first = pay (fixture, ani, 3, NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->number, ==, "KW-52-2026-000001");

  /* December again, in a period that starts before it. */
  second = pay (fixture, ani, 3, "2026-12-01", "2026-11-23", &error);
  g_assert_null (second);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Desember 2026"));
  g_assert_nonnull (strstr (error->message, "KW-52-2026-000001"));
  g_assert_nonnull (strstr (error->message, "Februari 2027"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM receipt"), ==, 1);

  /* The next number follows with no gap after the refusal. */
  next = pay (fixture, ani, 1, NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next->number, ==, "KW-52-2026-000002");
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketMember) ani = register_member (fixture, "5203015205900002", "Ani Lestari", NULL, "2026-01-05");
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  const int bad_months[] = { 0, -1, 2, 24 };
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (bad_months); i++)
    {
      receipt = pay (fixture, ani, bad_months[i], NULL, "2026-11-23", &error);
      g_assert_null (receipt);
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Months:"));
      g_assert_nonnull (strstr (error->message, "1, 3, 6 or 12"));
      g_clear_error (&error);
    }

  /* Beyond the window: November's window reaches back to September. */
  receipt = pay (fixture, ani, 1, "2026-08-01", "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "From:"));
  g_assert_nonnull (strstr (error->message, "September 2026"));
  g_clear_error (&error);

  /* Before the registration. */
  receipt = pay (fixture, ani, 1, "2025-12-01", "2026-01-20", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Januari 2026"));
  g_clear_error (&error);

  /* The amount the payer states must be the amount due. */
  loket_payment_request_init (&request);
  request.months = 1;
  request.clerk = "Wayan";
  request.expected_total = 16000;
  loket_test_date (&today, "2026-11-23");
  receipt = loket_store_pay (fixture->store, ani->kpj, &request, &today, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Amount:"));
  g_assert_nonnull (strstr (error->message, "Rp16.000"));
  g_assert_nonnull (strstr (error->message, "Rp16.800"));
  g_clear_error (&error);

  /* No clerk, no payment. */
  request.expected_total = -1;
  request.clerk = "";
  receipt = loket_store_pay (fixture->store, ani->kpj, &request, &today, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM receipt_counter"), ==, 0);

  request.clerk = "Wayan";
  request.expected_total = 16800;
  receipt = loket_store_pay (fixture->store, ani->kpj, &request, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment"), ==, 1);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment WHERE total = 16800"), ==, 1);
}

static void
test_arrears_and_gaps (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LoketMember) ani = register_member (fixture, "5203015205900002", "Ani Lestari", NULL, "2026-06-02");
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketPayment) quote = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  LoketMemberStatus status;
  GDate today;

  receipt = pay (fixture, ani, 3, NULL, "2026-06-02", &error);
  g_assert_no_error (error);
  g_clear_object (&receipt);

  /* Paid through August; in November, September to November are due. */
  status_on (fixture, ani, "2026-11-23", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_MENUNGGAK);
  g_assert_cmpint (status.months_behind, ==, 3);
  assert_date (&status.pay_from, "2026-09-01");

  /* Skipping September would leave it unpaid. */
  receipt = pay (fixture, ani, 1, "2026-10-01", "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "September 2026"));
  g_clear_error (&error);

  loket_payment_request_init (&request);
  request.months = 3;
  loket_test_date (&today, "2026-11-23");
  quote = loket_store_quote_payment (fixture->store, ani->kpj, &request, &today, &error);
  g_assert_no_error (error);
  assert_date (&quote->month_from, "2026-09-01");
  g_assert_cmpint (quote->total, ==, status.amount_due);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment"), ==, 1);

  receipt = pay (fixture, ani, 3, NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  status_on (fixture, ani, "2026-11-23", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_AKTIF);
  assert_date (&status.paid_until, "2026-11-30");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM coverage"), ==, 1);
}

static void
test_reversal (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LoketMember) ani = register_member (fixture, "5203015205900002", "Ani Lestari", NULL, "2026-11-02");
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketReceipt) reversed = NULL;
  g_autoptr(LoketReceipt) again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  LoketMemberStatus status;
  GDate today;

  loket_test_date (&today, "2026-11-23");
  receipt = pay (fixture, ani, 3, NULL, "2026-11-23", &error);
  g_assert_no_error (error);

  /* No reason, no reversal. */
  reversed = loket_store_reverse_receipt (fixture->store, receipt->number, "  ", "Made", &today, &error);
  g_assert_null (reversed);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason:"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM reversal"), ==, 0);

  reversed = loket_store_reverse_receipt (fixture->store, "KW-52-2026-999999", "salah", "Made", &today, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  reversed = loket_store_reverse_receipt (fixture->store, receipt->number, "wrong member", "Made", &today, &error);
  g_assert_no_error (error);
  g_assert_true (reversed->reversed);
  g_assert_cmpstr (reversed->reversal_reason, ==, "wrong member");
  g_assert_cmpstr (reversed->reversed_by, ==, "Made");
  assert_date (&reversed->reversed_on, "2026-11-23");

  status_on (fixture, ani, "2026-11-23", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_BELUM_BAYAR);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM coverage"), ==, 0);
  /* Kept, never deleted. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment"), ==, 1);

  g_clear_object (&reversed);
  reversed = loket_store_reverse_receipt (fixture->store, receipt->number, "again", "Made", &today, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The months can be paid again. */
  again = pay (fixture, ani, 3, NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->number, ==, "KW-52-2026-000002");
  history = loket_store_list_member_payments (fixture->store, ani->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_false (((LoketPayment *) g_ptr_array_index (history, 0))->reversed);
  g_assert_true (((LoketPayment *) g_ptr_array_index (history, 1))->reversed);

  /* The database refuses to change or delete what was paid. */
  g_assert_false (loket_store_exec (fixture->store, "UPDATE payment SET total = 0", &error));
  g_clear_error (&error);
  g_assert_false (loket_store_exec (fixture->store, "DELETE FROM receipt", &error));
  g_clear_error (&error);
  g_assert_false (loket_store_exec (fixture->store, "DELETE FROM reversal", &error));
  g_clear_error (&error);
}

/* Only self-employed members pay here. */
static void
test_not_bpu (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011203850003", "Budi Santoso", "1985-03-12", 'L');
  g_autoptr(LoketMember) budi = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  draft->segment = LOKET_SEGMENT_PU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT;
  draft->income = 5000000;
  draft->risk_class = 2;
  loket_test_date (&day, "2026-11-02");
  budi = loket_store_register_member (fixture->store, draft, &day, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  receipt = pay (fixture, budi, 1, NULL, "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "BPU"));
}

static char *
arrears_row (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *row = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT key || '|' || effective_from || '|' || value || '|' || source || '|' || note"
    " FROM rate WHERE key = 'bpu.arrears.months'", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return row;
}

/* Migration 7 gives a database made before rates.csv had the arrears
 * window the same row a new database loads. */
static void
test_arrears_rate_reaches_old_databases (void)
{
  g_autofree char *path = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *upgraded = NULL;
  g_autoptr(GError) error = NULL;
  LoketStore *store = loket_test_open_store (&path);

  fresh = arrears_row (path);
  g_assert_nonnull (fresh);
  g_assert_true (g_str_has_prefix (fresh, "bpu.arrears.months|2015-07-01|3|"));

  /* A database of schema 6, made before rates.csv had the row. */
  g_assert_true (loket_store_exec (store, "DELETE FROM rate WHERE key = 'bpu.arrears.months';"
                                          " PRAGMA user_version = 6;", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_null (arrears_row (path));

  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  upgraded = arrears_row (path);
  g_assert_cmpstr (upgraded, ==, fresh);
}

/* A cooperative with a PKS in force through 2027-01-04, paid by `payer`,
 * and the members given linked to it. */
static gint64
add_cooperative (Fixture     *fixture,
                 const char  *name,
                 const char  *number,
                 LoketPayer   payer,
                 LoketMember **members,
                 guint        n_members)
{
  g_autoptr(LoketCooperative) draft = loket_cooperative_new ();
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(LoketPartnership) pks = loket_partnership_new ();
  g_autoptr(LoketPartnership) saved = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  loket_test_date (&today, "2026-01-05");
  draft->name = g_strdup (name);
  draft->kind = LOKET_COOPERATIVE_KDMP;
  draft->region_code = g_strdup ("52.03.01");
  cooperative = loket_store_add_cooperative (fixture->store, draft, &today, NULL, &error);
  g_assert_no_error (error);

  pks->cooperative_id = cooperative->id;
  pks->number = g_strdup (number);
  loket_test_date (&pks->signed_on, "2026-01-05");
  loket_test_date (&pks->valid_from, "2026-01-05");
  loket_test_date (&pks->valid_until, "2027-01-04");
  pks->segment = LOKET_SEGMENT_BPU;
  pks->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  pks->base_income = 1000000;
  pks->payment_months = 3;
  pks->payer = payer;
  if (payer == LOKET_PAYER_PEMDA)
    pks->sponsor_name = g_strdup ("Pemkab Lombok Timur");
  saved = loket_store_add_partnership (fixture->store, pks, &today, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO cooperative_member (cooperative_id, member_id, partnership_id, joined_on, via)"
        " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-10-01', 'linked')",
        cooperative->id, members[i]->id, saved->id);

      g_assert_true (loket_store_exec (fixture->store, sql, &error));
      g_assert_no_error (error);
    }
  return cooperative->id;
}

static LoketReceipt *
pay_collective (Fixture            *fixture,
                gint64              cooperative_id,
                const char *const  *kpjs,
                int                 months,
                GPtrArray         **skipped,
                GError            **error)
{
  LoketPaymentRequest request;
  GDate today;

  loket_payment_request_init (&request);
  request.months = months;
  request.channel = LOKET_CHANNEL_COOPERATIVE;
  request.clerk = "Wayan";
  loket_test_date (&today, "2026-11-23");
  return loket_store_pay_collective (fixture->store, cooperative_id, kpjs, &request, &today, skipped, error);
}

/* One receipt for the members not yet paid; the one who paid on her own
 * is listed and left out, not charged twice. */
static void
test_collective (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LoketMember) ani = register_member (fixture, "5203015205900002", "Ani Lestari", NULL, "2026-10-01");
  g_autoptr(LoketMember) budi = register_member (fixture, "5203011203850003", "Budi Santoso", NULL, "2026-10-01");
  g_autoptr(LoketMember) citra = register_member (fixture, "5203014407920004", "Citra Dewi", NULL, "2026-10-01");
  g_autoptr(LoketMember) dedi = register_member (fixture, "5203010101800005", "Dedi Kurniawan", NULL, "2026-10-01");
  g_autoptr(LoketReceipt) own = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketReceipt) again = NULL;
  g_autoptr(LoketReceipt) outsider = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  LoketMember *members[] = { ani, budi, citra };
  const char *const stranger[] = { ani->kpj, dedi->kpj, NULL };
  const LoketPaymentSkip *skip;
  gint64 coop = add_cooperative (fixture, "KDMP Sakra Timur", "PKS/001/2026", LOKET_PAYER_COOP, members, 3);
  LoketMemberStatus status;

  own = pay (fixture, citra, 1, NULL, "2026-11-20", &error);
  g_assert_no_error (error);

  /* The quote is the payment to come, with the same member left out, and
   * writes nothing: no receipt, no number taken. */
  {
    g_autoptr(LoketReceipt) quote = NULL;
    g_autoptr(GPtrArray) quote_skipped = NULL;
    LoketPaymentRequest request;
    GDate today;

    loket_payment_request_init (&request);
    request.months = 3;
    request.channel = LOKET_CHANNEL_COOPERATIVE;
    request.clerk = "Wayan";
    loket_test_date (&today, "2026-11-23");
    quote = loket_store_quote_collective (fixture->store, coop, NULL, &request, &today, &quote_skipped, &error);
    g_assert_no_error (error);
    g_assert_cmpint (quote->total, ==, 2 * 3 * 16800);
    g_assert_cmpuint (quote->payments->len, ==, 2);
    g_assert_null (quote->number);
    g_assert_cmpuint (quote_skipped->len, ==, 1);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM receipt"), ==, 1);
  }

  receipt = pay_collective (fixture, coop, NULL, 3, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->payments->len, ==, 2);
  g_assert_cmpint (receipt->total, ==, 2 * 3 * 16800);
  g_assert_cmpstr (receipt->payer, ==, "coop");
  g_assert_cmpstr (receipt->payer_name, ==, "KDMP Sakra Timur");
  g_assert_cmpint (receipt->cooperative_id, ==, coop);
  g_assert_cmpint (receipt->channel, ==, LOKET_CHANNEL_COOPERATIVE);
  g_assert_cmpuint (skipped->len, ==, 1);
  skip = g_ptr_array_index (skipped, 0);
  g_assert_cmpstr (skip->kpj, ==, citra->kpj);
  g_assert_cmpstr (skip->code, ==, "already-paid");
  g_assert_nonnull (strstr (skip->message, "November 2026"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM receipt"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment WHERE receipt_id = 2"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM payment WHERE member_id = 3"), ==, 1);

  status_on (fixture, budi, "2027-01-31", &status);
  g_assert_cmpint (status.status, ==, LOKET_STATUS_AKTIF);

  /* Everyone paid for November now: nothing to pay, nothing written. */
  g_clear_pointer (&skipped, g_ptr_array_unref);
  again = pay_collective (fixture, coop, NULL, 1, &skipped, &error);
  g_assert_null (again);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_assert_cmpuint (skipped->len, ==, 3);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM receipt"), ==, 2);

  /* A member who is not the cooperative's refuses the whole payment. */
  g_clear_pointer (&skipped, g_ptr_array_unref);
  outsider = pay_collective (fixture, coop, stranger, 1, &skipped, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Dedi Kurniawan"));
  g_clear_error (&error);

  /* Bad months are refused once, not member by member. */
  g_clear_pointer (&skipped, g_ptr_array_unref);
  outsider = pay_collective (fixture, coop, NULL, 2, &skipped, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Months:"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM receipt"), ==, 2);
}

/* Paid by local government (APBD): no PP 50/2025 discount, even for an
 * ojek driver who would get it paying on his own. */
static void
test_collective_state_funded (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LoketMember) budi = register_member (fixture, "5203011203850003", "Budi Santoso", "ojek", "2026-10-01");
  g_autoptr(LoketPayment) alone = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  LoketMember *members[] = { budi };
  gint64 coop = add_cooperative (fixture, "KDMP Pringgabaya", "PKS/002/2026", LOKET_PAYER_PEMDA, members, 1);
  LoketPaymentRequest request;
  GDate today;

  loket_payment_request_init (&request);
  request.months = 1;
  loket_test_date (&today, "2026-11-23");
  alone = loket_store_quote_payment (fixture->store, budi->kpj, &request, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alone->total, ==, 8400);

  receipt = pay_collective (fixture, coop, NULL, 1, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (receipt->total, ==, 16800);
  g_assert_cmpstr (receipt->payer, ==, "pemda");
  g_assert_cmpstr (receipt->payer_name, ==, "Pemkab Lombok Timur");
  g_assert_cmpuint (skipped->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/payment/channels", test_channels);
  g_test_add_func ("/payment/months", test_months);
  g_test_add_func ("/payment/arrears-rate-reaches-old-databases", test_arrears_rate_reaches_old_databases);
#define ADD(path, func) \
  g_test_add ("/payment/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("status-boundaries", test_status_boundaries);
  ADD ("discount-boundary", test_discount_boundary);
  ADD ("double-payment-refused", test_double_payment_refused);
  ADD ("bad-input", test_bad_input);
  ADD ("arrears-and-gaps", test_arrears_and_gaps);
  ADD ("reversal", test_reversal);
  ADD ("not-bpu", test_not_bpu);
  ADD ("collective", test_collective);
  ADD ("collective-state-funded", test_collective_state_funded);
#undef ADD
  return g_test_run ();
}
