/* test-claim-report.c: the claims of a period per program (issue 7): taken
 * by the day taken, decisions by the day decided, and the branch's count
 * and total by the day paid. */
#include <string.h>

#include "loket-claim-test-util.h"
#include "loket-error.h"
#include "loket-test-util.h"

static void
advance (LoketStore       *store,
         gint64            id,
         LoketClaimStatus  to,
         const char       *reason,
         const char       *clerk,
         const char       *today)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  claim = loket_claim_test_advance (store, id, to, reason, NULL, clerk, today, &error);
  g_assert_no_error (error);
}

static void
report (LoketStore        *store,
        const char        *from,
        const char        *to,
        LoketClaimsReport *out)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  loket_test_date (&first, from);
  loket_test_date (&last, to);
  g_assert_true (loket_store_report_claims (store, &first, &last, out, &error));
  g_assert_no_error (error);
}

static void
test_report (void)
{
  g_autoptr(LoketStore) store = loket_test_open_store (NULL);
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketMember) budi = NULL;
  g_autoptr(LoketClaim) jkm = NULL;
  g_autoptr(LoketClaim) lapsed = NULL;
  g_autoptr(LoketClaim) stmb = NULL;
  g_autoptr(GError) error = NULL;
  LoketClaimsReport half, december;
  const LoketClaimsReportRow *row;
  gint64 made, siti;
  GDate first, last;

  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_BRANCH_CODE, "SLG", &error));
  ani = loket_claim_test_member (store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P',
                                 LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, "2026-01-05");
  budi = loket_claim_test_member (store, "5203011203850003", "Budi Santoso", "1985-03-12", 'L',
                                  LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, "2026-01-05");
  loket_claim_test_pay (store, ani, 6, "2026-01-05");
  loket_claim_test_pay (store, budi, 6, "2026-01-05");
  made = loket_claim_test_heir (store, ani, "Made Wirawan", "5203011203800003", LOKET_HEIR_SPOUSE,
                                "1980-03-12", LOKET_SCHOOL_NONE);
  siti = loket_claim_test_heir (store, budi, "Siti Aminah", "5203015205920002", LOKET_HEIR_SPOUSE,
                                "1992-05-12", LOKET_SCHOOL_NONE);

  /* Ani's JKM: taken, approved and paid in November. */
  jkm = loket_claim_test_submit (store, ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10", made,
                                 NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  advance (store, jkm->id, LOKET_CLAIM_DIVERIFIKASI, NULL, "Wayan", "2026-11-23");
  advance (store, jkm->id, LOKET_CLAIM_DISETUJUI, NULL, "Ketut", "2026-11-25");
  advance (store, jkm->id, LOKET_CLAIM_DIBAYAR, NULL, "Ketut", "2026-11-30");
  /* Budi's, for a death in July when he had not paid: rejected. */
  lapsed = loket_claim_test_submit (store, budi, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-07-01", siti,
                                    NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  advance (store, lapsed->id, LOKET_CLAIM_DIVERIFIKASI, NULL, "Wayan", "2026-11-23");
  advance (store, lapsed->id, LOKET_CLAIM_DITOLAK, "tidak aktif", "Ketut", "2026-11-24");
  /* Ani's accident in March: approved in December, not paid yet. */
  {
    LoketClaimRequest request;
    GDate day;

    loket_claim_request_init (&request);
    request.program = LOKET_CLAIM_JKK;
    request.kind = LOKET_CLAIM_KIND_TEMPORARY;
    request.months_off = 2;
    loket_test_date (&request.event_date, "2026-03-02");
    request.clerk = "Wayan";
    loket_test_date (&day, "2026-11-26");
    stmb = loket_store_submit_claim (store, ani->kpj, &request, &day, NULL, &error);
    g_assert_no_error (error);
  }
  advance (store, stmb->id, LOKET_CLAIM_DIVERIFIKASI, NULL, "Wayan", "2026-11-27");
  advance (store, stmb->id, LOKET_CLAIM_DISETUJUI, NULL, "Ketut", "2026-12-02");

  report (store, "2026-07-01", "2026-12-31", &half);
  g_assert_cmpint (half.all.submitted, ==, 3);
  g_assert_cmpint (half.all.approved, ==, 2);
  g_assert_cmpint (half.all.approved_total, ==, 42000000 + 2000000);
  g_assert_cmpint (half.all.rejected, ==, 1);
  g_assert_cmpint (half.all.paid, ==, 1);
  g_assert_cmpint (half.all.paid_total, ==, 42000000);
  row = &half.programs[LOKET_CLAIM_JKM];
  g_assert_cmpint (row->submitted, ==, 2);
  g_assert_cmpint (row->approved, ==, 1);
  g_assert_cmpint (row->rejected, ==, 1);
  g_assert_cmpint (row->paid, ==, 1);
  g_assert_cmpint (row->paid_total, ==, 42000000);
  row = &half.programs[LOKET_CLAIM_JKK];
  g_assert_cmpint (row->submitted, ==, 1);
  g_assert_cmpint (row->approved, ==, 1);
  g_assert_cmpint (row->approved_total, ==, 2000000);
  g_assert_cmpint (row->paid, ==, 0);
  g_assert_cmpint (half.programs[LOKET_CLAIM_JHT].submitted, ==, 0);

  /* The dates are the days things happened, both ends included. */
  report (store, "2026-12-01", "2026-12-02", &december);
  g_assert_cmpint (december.all.submitted, ==, 0);
  g_assert_cmpint (december.all.approved, ==, 1);
  g_assert_cmpint (december.all.paid, ==, 0);
  report (store, "2026-11-30", "2026-11-30", &december);
  g_assert_cmpint (december.all.paid, ==, 1);

  /* An end before the start. */
  loket_test_date (&first, "2026-12-31");
  loket_test_date (&last, "2026-07-01");
  g_assert_false (loket_store_report_claims (store, &first, &last, &half, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "To:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/claim-report/report", test_report);
  return g_test_run ();
}
