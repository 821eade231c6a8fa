/* test-reports.c: the day's closing, who is behind (by cooperative, and on
 * a past date), and what next month should bring. */
#include <string.h>

#include "loket-error.h"
#include "loket-store-cooperatives.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-store-reports.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore  *store;
  LoketMember *ani;    /* paid Nov 2026 – Jan 2027 */
  LoketMember *budi;   /* paid through Sep 2026: 2 months behind in November */
  LoketMember *citra;  /* paid Jan – Mar 2026, lapsed, restarted in Nov 2026 */
  LoketMember *dedi;   /* paid through Jun 2026: nonaktif in November */
  LoketMember *eka;    /* never paid */
  gint64       coop;   /* Ani, Budi and Eka's cooperative */
} Fixture;

static LoketMember *
register_member (Fixture    *fixture,
                 const char *nik,
                 const char *name,
                 const char *birth,
                 char        sex,
                 const char *registered)
{
  return loket_test_register (fixture->store, nik, name, birth, sex, registered);
}

static void
pay (Fixture     *fixture,
     LoketMember *member,
     int          months,
     const char  *from,
     const char  *today,
     LoketChannel channel,
     const char  *clerk)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  GDate day;

  loket_payment_request_init (&request);
  request.months = months;
  request.channel = channel;
  request.clerk = clerk;
  if (from != NULL)
    loket_test_date (&request.from, from);
  loket_test_date (&day, today);
  receipt = loket_store_pay (fixture->store, member->kpj, &request, &day, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketCooperative) draft = loket_cooperative_new ();
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  GDate day;

  fixture->store = loket_test_open_store (NULL);
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  fixture->ani = register_member (fixture, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', "2025-12-01");
  fixture->budi = register_member (fixture, "5203011203850003", "Budi Santoso", "1985-03-12", 'L', "2025-12-01");
  fixture->citra = register_member (fixture, "5203014407920004", "Citra Dewi", "1992-07-04", 'P', "2025-12-01");
  fixture->dedi = register_member (fixture, "5203010101800005", "Dedi Kurniawan", "1980-01-01", 'L', "2025-12-01");
  fixture->eka = register_member (fixture, "5203015003950006", "Eka Putri", "1995-03-10", 'P', "2025-12-01");

  pay (fixture, fixture->budi, 6, "2026-04-01", "2026-04-10", LOKET_CHANNEL_JMO, "Made");
  pay (fixture, fixture->citra, 3, "2026-01-01", "2026-01-10", LOKET_CHANNEL_INDOMARET, "Made");
  pay (fixture, fixture->dedi, 6, "2026-01-01", "2026-01-10", LOKET_CHANNEL_COUNTER, "Made");
  pay (fixture, fixture->citra, 1, NULL, "2026-11-23", LOKET_CHANNEL_COUNTER, "Wayan");
  pay (fixture, fixture->ani, 3, NULL, "2026-11-23", LOKET_CHANNEL_BRILINK, "Ketut");

  loket_test_date (&day, "2026-01-05");
  draft->name = g_strdup ("KDMP Sakra Timur");
  draft->kind = LOKET_COOPERATIVE_KDMP;
  draft->region_code = g_strdup ("52.03.01");
  cooperative = loket_store_add_cooperative (fixture->store, draft, &day, NULL, &error);
  g_assert_no_error (error);
  fixture->coop = cooperative->id;
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " SELECT %" G_GINT64_FORMAT ", id, '2026-01-05', 'linked' FROM member"
                          " WHERE name IN ('Ani Lestari', 'Budi Santoso', 'Eka Putri')", fixture->coop);
  g_assert_true (loket_store_exec (fixture->store, link, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ani);
  g_clear_object (&fixture->budi);
  g_clear_object (&fixture->citra);
  g_clear_object (&fixture->dedi);
  g_clear_object (&fixture->eka);
  g_assert_finalize_object (fixture->store);
}

static void
test_day (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(LoketDayReport) report = NULL;
  g_autoptr(LoketReceipt) reversed = NULL;
  g_autoptr(GError) error = NULL;
  const LoketReportRow *row;
  GDate day;

  loket_test_date (&day, "2026-11-23");
  reversed = loket_store_reverse_receipt (fixture->store, "KW-52-2026-000004", "salah saluran", "Made",
                                          &day, &error);
  g_assert_no_error (error);
  report = loket_store_report_day (fixture->store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->receipts, ==, 2);
  g_assert_cmpint (report->members, ==, 2);
  g_assert_cmpint (report->total, ==, 16800 + 3 * 16800);
  g_assert_cmpint (report->reversed_receipts, ==, 1);
  g_assert_cmpint (report->reversed_total, ==, 16800);
  g_assert_cmpint (report->net, ==, 3 * 16800);
  g_assert_cmpuint (report->by_channel->len, ==, 2);
  row = &g_array_index (report->by_channel, LoketReportRow, 0);
  g_assert_cmpstr (row->key, ==, "counter");
  g_assert_cmpint (row->amount, ==, 16800);
  row = &g_array_index (report->by_channel, LoketReportRow, 1);
  g_assert_cmpstr (row->key, ==, "brilink");
  g_assert_cmpuint (report->by_clerk->len, ==, 2);
  row = &g_array_index (report->by_clerk, LoketReportRow, 0);
  g_assert_cmpstr (row->key, ==, "Ketut");
  g_assert_cmpint (row->amount, ==, 3 * 16800);
}

static void
test_behind (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoketBehindReport) report = NULL;
  g_autoptr(LoketBehindReport) coop = NULL;
  g_autoptr(GError) error = NULL;
  const LoketBehindMember *member;
  const LoketBehindCooperative *row;
  GDate on;

  loket_test_date (&on, "2026-11-23");
  report = loket_store_report_behind (fixture->store, &on, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->members, ==, 5);
  g_assert_cmpint (report->counts[LOKET_STATUS_AKTIF], ==, 2);
  g_assert_cmpint (report->counts[LOKET_STATUS_MENUNGGAK], ==, 1);
  g_assert_cmpint (report->counts[LOKET_STATUS_NONAKTIF], ==, 1);
  g_assert_cmpint (report->counts[LOKET_STATUS_BELUM_BAYAR], ==, 1);
  g_assert_cmpuint (report->behind->len, ==, 1);
  member = &g_array_index (report->behind, LoketBehindMember, 0);
  g_assert_cmpstr (member->name, ==, "Budi Santoso");
  g_assert_cmpint (member->months_behind, ==, 2);
  g_assert_cmpint (member->amount_due, ==, 2 * 16800);
  g_assert_cmpint (report->amount_due, ==, 2 * 16800);
  g_assert_cmpuint (report->cooperatives->len, ==, 1);
  row = &g_array_index (report->cooperatives, LoketBehindCooperative, 0);
  g_assert_cmpint (row->members, ==, 3);
  g_assert_cmpint (row->counts[LOKET_STATUS_AKTIF], ==, 1);
  g_assert_cmpint (row->counts[LOKET_STATUS_MENUNGGAK], ==, 1);
  g_assert_cmpint (row->counts[LOKET_STATUS_BELUM_BAYAR], ==, 1);
  g_assert_cmpint (row->amount_due, ==, 2 * 16800);

  /* One cooperative: Dedi and Citra are not its members. */
  coop = loket_store_report_behind (fixture->store, &on, fixture->coop, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coop->members, ==, 3);
  g_assert_cmpint (coop->counts[LOKET_STATUS_NONAKTIF], ==, 0);
  g_assert_cmpuint (coop->behind->len, ==, 1);

  g_clear_pointer (&coop, loket_behind_report_free);
  coop = loket_store_report_behind (fixture->store, &on, 999, &error);
  g_assert_null (coop);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
}

/* On a past date the report sees the payments as they stood then: Citra,
 * who restarted in November, was two months behind in May. */
static void
test_behind_past_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LoketBehindReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LoketMemberStatus status;
  GDate on;

  loket_test_date (&on, "2026-05-10");
  report = loket_store_report_behind (fixture->store, &on, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->counts[LOKET_STATUS_AKTIF], ==, 2);        /* Budi, Dedi */
  g_assert_cmpint (report->counts[LOKET_STATUS_MENUNGGAK], ==, 1);    /* Citra */
  g_assert_cmpint (report->counts[LOKET_STATUS_BELUM_BAYAR], ==, 2);  /* Ani, Eka */
  g_assert_cmpuint (report->behind->len, ==, 1);
  g_assert_cmpstr (g_array_index (report->behind, LoketBehindMember, 0).name, ==, "Citra Dewi");
  g_assert_cmpint (g_array_index (report->behind, LoketBehindMember, 0).months_behind, ==, 2);

  /* The same as one member's status on that day. */
  g_assert_true (loket_store_get_member_status (fixture->store, fixture->citra, &on, &status, &error));
  g_assert_cmpint (status.status, ==, LOKET_STATUS_MENUNGGAK);
  g_assert_cmpint (status.months_behind, ==, 2);
  g_assert_cmpint (status.amount_due, ==, g_array_index (report->behind, LoketBehindMember, 0).amount_due);
}

static void
test_expected (Fixture       *fixture,
               gconstpointer  data)
{
  LoketExpectedReport report;
  g_autoptr(GError) error = NULL;
  GDate month;

  /* December 2026: Ani has paid it; Citra (paid November) and Budi (in
   * arrears since October, within the window) are expected; Dedi has
   * lapsed and Eka never paid. */
  loket_test_date (&month, "2026-12-15");
  g_assert_true (loket_store_report_expected (fixture->store, &month, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_day (&report.month), ==, 1);
  g_assert_cmpint (report.members_paid, ==, 1);
  g_assert_cmpint (report.members_due, ==, 2);
  g_assert_cmpint (report.amount_due, ==, 2 * 16800);
  g_assert_cmpint (report.members_not_paying, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/reports/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("day", test_day);
  ADD ("behind", test_behind);
  ADD ("behind-past-date", test_behind_past_date);
  ADD ("expected", test_expected);
#undef ADD
  return g_test_run ();
}
