/* test-claim-store.c: heirs and claims in the store (issue 7): taking a
 * claim with what the payments say on the event date, the JHT balance from
 * the payments, and bad input refused with nothing written. */
#include <string.h>
#include <sqlite3.h>

#include "loket-error.h"
#include "loket-problem.h"
#include "loket-store-claims.h"
#include "loket-store-payments.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore  *store;
  char        *path;
  LoketMember *ani;     /* BPU JKK+JKM, registered 2026-01-05, paid January to June 2026 */
} Fixture;

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

static void
pay (Fixture     *fixture,
     LoketMember *member,
     int          months,
     const char  *today)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  GDate day;

  loket_payment_request_init (&request);
  request.months = months;
  request.clerk = "Wayan";
  loket_test_date (&day, today);
  receipt = loket_store_pay (fixture->store, member->kpj, &request, &day, &error);
  g_assert_no_error (error);
}

static LoketMember *
register_member (Fixture      *fixture,
                 const char   *nik,
                 const char   *name,
                 const char   *birth,
                 char          sex,
                 LoketPrograms programs,
                 const char   *registered)
{
  g_autoptr(LoketMember) draft = loket_test_draft (nik, name, birth, sex);
  g_autoptr(GError) error = NULL;
  LoketMember *member;
  GDate day;

  draft->programs = programs;
  loket_test_date (&day, registered);
  member = loket_store_register_member (fixture->store, draft, &day, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  return member;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (&fixture->path);
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_CODE, "SLG", &error));
  g_assert_no_error (error);
  fixture->ani = register_member (fixture, "5203015205900002", "Ani Lestari", "1990-05-12", 'P',
                                  LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, "2026-01-05");
  pay (fixture, fixture->ani, 6, "2026-01-05");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ani);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

static gint64
add_heir (Fixture           *fixture,
          LoketMember       *member,
          const char        *name,
          const char        *nik,
          LoketHeirRelation  relation,
          const char        *birth,
          LoketSchoolLevel   level)
{
  g_autoptr(LoketHeir) draft = loket_heir_new ();
  g_autoptr(LoketHeir) heir = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  draft->name = g_strdup (name);
  draft->nik = g_strdup (nik);
  draft->relation = relation;
  loket_test_date (&draft->birth_date, birth);
  draft->school_level = level;
  draft->bank_account = g_strdup ("0123 01 000123 50 1");
  loket_test_date (&today, "2026-11-23");
  heir = loket_store_add_heir (fixture->store, member->kpj, draft, "Wayan", &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heir->id, >, 0);
  return heir->id;
}

static LoketClaim *
submit (Fixture            *fixture,
        LoketMember        *member,
        LoketClaimProgram   program,
        LoketClaimKind      kind,
        const char         *event,
        gint64              heir,
        const char *const  *documents,
        const char         *today,
        GError            **error)
{
  LoketClaimRequest request;
  GDate day;

  loket_claim_request_init (&request);
  request.program = program;
  request.kind = kind;
  loket_test_date (&request.event_date, event);
  request.claimant_heir_id = heir;
  request.documents = documents;
  request.clerk = "Wayan";
  loket_test_date (&day, today);
  return loket_store_submit_claim (fixture->store, member->kpj, &request, &day, NULL, error);
}

static void
test_heirs (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LoketHeir) draft = loket_heir_new ();
  g_autoptr(LoketHeir) heir = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) heirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 made;
  GDate today;

  made = add_heir (fixture, fixture->ani, "Made Wirawan", "5203011203850003", LOKET_HEIR_SPOUSE,
                   "1985-03-12", LOKET_SCHOOL_NONE);
  heirs = loket_store_list_heirs (fixture->store, fixture->ani->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heirs->len, ==, 1);
  g_assert_cmpint (((LoketHeir *) g_ptr_array_index (heirs, 0))->id, ==, made);

  /* An invalid NIK: every problem said, nothing written. */
  loket_test_date (&today, "2026-11-23");
  draft->name = g_strdup ("Putu");
  draft->nik = g_strdup ("5203016207150099");
  draft->relation = LOKET_HEIR_CHILD;
  loket_test_date (&draft->birth_date, "2015-07-21");
  heir = loket_store_add_heir (fixture->store, fixture->ani->kpj, draft, "Wayan", &today, &problems, &error);
  g_assert_null (heir);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "NIK:"));
  g_assert_true (loket_problems_has_code (problems, "nik-birth-mismatch"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM heir"), ==, 1);

  /* The same heir twice. */
  g_free (draft->nik);
  draft->nik = g_strdup ("5203011203850003");
  draft->relation = LOKET_HEIR_SPOUSE;
  loket_test_date (&draft->birth_date, "1985-03-12");
  heir = loket_store_add_heir (fixture->store, fixture->ani->kpj, draft, "Wayan", &today, NULL, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);

  /* No such member. */
  heir = loket_store_add_heir (fixture->store, "52999999999", draft, "Wayan", &today, NULL, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM heir"), ==, 1);
}

static void
test_jkm_claim (Fixture       *fixture,
                gconstpointer  data)
{
  const char *documents[] = { "akta-kematian", "kk", NULL };
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 made = add_heir (fixture, fixture->ani, "Made Wirawan", "5203011203850003", LOKET_HEIR_SPOUSE,
                          "1985-03-12", LOKET_SCHOOL_NONE);

  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10", made,
                  documents, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim->id, >, 0);
  g_assert_true (claim->eligible);
  g_assert_cmpint (claim->status, ==, LOKET_CLAIM_DIAJUKAN);
  g_assert_cmpint (claim->total, ==, 42000000);
  g_assert_cmpuint (claim->lines->len, ==, 3);
  g_assert_cmpstr (claim->claimant_name, ==, "Made Wirawan");
  g_assert_cmpint (claim->claimant_relation, ==, LOKET_HEIR_SPOUSE);
  g_assert_cmpstr (claim->bank_account, ==, "0123 01 000123 50 1");
  g_assert_cmpstr (claim->clerk, ==, "Wayan");
  g_assert_cmpuint (claim->documents->len, ==, 8);
  g_assert_true (g_array_index (claim->documents, LoketClaimDocument, 3).received);
  g_assert_false (g_array_index (claim->documents, LoketClaimDocument, 0).received);
  g_assert_cmpuint (claim->history->len, ==, 1);
  g_assert_cmpint (((LoketClaimEvent *) g_ptr_array_index (claim->history, 0))->from, ==, LOKET_N_CLAIM_STATUSES);
  g_assert_cmpstr (((LoketClaimEvent *) g_ptr_array_index (claim->history, 0))->clerk, ==, "Wayan");

  found = loket_store_find_claim (fixture->store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->total, ==, 42000000);
  g_assert_cmpstr (g_array_index (found->lines, LoketClaimLine, 0).code, ==, "lump-sum");

  /* The same death twice: a conflict naming the first claim. */
  g_clear_object (&claim);
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10", made,
                  NULL, "2026-11-23", &error);
  g_assert_null (claim);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim_event"), ==, 1);
}

/* Paid January to June 2026: a death on 1 July is not covered. The claim is
 * taken, with its reason, to be rejected with a letter. */
static void
test_not_paid_on_event (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  gint64 made = add_heir (fixture, fixture->ani, "Made Wirawan", "5203011203850003", LOKET_HEIR_SPOUSE,
                          "1985-03-12", LOKET_SCHOOL_NONE);
  const LoketClaimReason *reason;

  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-30", made,
                  NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_true (claim->eligible);
  g_clear_object (&claim);

  /* Another member, the same rule, a day later. */
  {
    g_autoptr(LoketMember) budi = register_member (fixture, "5203011203850003", "Budi Santoso", "1985-03-12", 'L',
                                                   LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, "2026-01-05");
    gint64 wife = add_heir (fixture, budi, "Siti Aminah", "5203015205900002", LOKET_HEIR_SPOUSE,
                            "1990-05-12", LOKET_SCHOOL_NONE);

    pay (fixture, budi, 6, "2026-01-05");
    claim = submit (fixture, budi, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-07-01", wife,
                    NULL, "2026-11-23", &error);
  }
  g_assert_no_error (error);
  g_assert_false (claim->eligible);
  g_assert_cmpuint (claim->reasons->len, ==, 1);
  reason = g_ptr_array_index (claim->reasons, 0);
  g_assert_cmpstr (reason->code, ==, "not-aktif");
  g_assert_true (g_str_has_prefix (reason->message, "Status:"));
  g_assert_nonnull (strstr (reason->letter, "1 Juli 2026"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim_reason"), ==, 1);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) judged = NULL;
  g_autoptr(GError) error = NULL;
  gint64 made = add_heir (fixture, fixture->ani, "Made Wirawan", "5203011203850003", LOKET_HEIR_SPOUSE,
                          "1985-03-12", LOKET_SCHOOL_NONE);
  const char *unknown[] = { "ijazah", NULL };
  LoketClaimRequest request;
  GDate today;

  /* In the future. */
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-11-24", made,
                  NULL, "2026-11-23", &error);
  g_assert_null (claim);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Event date:"));
  g_assert_nonnull (strstr (error->message, "24 November 2026"));
  g_clear_error (&error);

  /* Before the membership. */
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2025-12-31", made,
                  NULL, "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "5 Januari 2026"));
  g_clear_error (&error);

  /* A program Ani does not hold: JHT. */
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JHT, LOKET_CLAIM_KIND_AGE, "2026-06-10", 0,
                  NULL, "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Program:"));
  g_assert_nonnull (strstr (error->message, "JHT"));
  g_clear_error (&error);

  /* A death claimed by the member herself, and every reason given, the
   * judged claim handed back. */
  loket_claim_request_init (&request);
  request.program = LOKET_CLAIM_JKK;
  request.kind = LOKET_CLAIM_KIND_DEATH;
  loket_test_date (&request.event_date, "2026-12-01");
  request.clerk = "Wayan";
  loket_test_date (&today, "2026-11-23");
  claim = loket_store_submit_claim (fixture->store, fixture->ani->kpj, &request, &today, &judged, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Event date:"));
  g_assert_nonnull (strstr (error->message, "Claimant:"));
  g_assert_nonnull (judged);
  g_assert_true (loket_claim_is_blocked (judged));
  g_clear_error (&error);

  /* A document not on the checklist; a claimant who is not an heir; no clerk. */
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10", made,
                  unknown, "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10", 999,
                  NULL, "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  request.program = LOKET_CLAIM_JKM;
  request.kind = LOKET_CLAIM_KIND_NONE;
  request.claimant_heir_id = made;
  loket_test_date (&request.event_date, "2026-06-10");
  request.clerk = "";
  claim = loket_store_submit_claim (fixture->store, fixture->ani->kpj, &request, &today, NULL, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Clerk:"));
  g_clear_error (&error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim_event"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim_document"), ==, 0);

  /* The preview judges without writing. */
  request.clerk = NULL;
  claim = loket_store_preview_claim (fixture->store, fixture->ani->kpj, &request, &today, &error);
  g_assert_no_error (error);
  g_assert_true (claim->eligible);
  g_assert_cmpint (claim->id, ==, 0);
  g_assert_cmpint (claim->total, ==, 42000000);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM claim"), ==, 0);
}

/* The JHT balance is the JHT lines of the payments that stand. */
static void
test_jht_balance (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LoketMember) wayan = register_member (fixture, "5203011203700003", "Wayan Sudarma", "1970-03-12", 'L',
                                                  LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT,
                                                  "2025-01-06");
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketReceipt) reversed = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  pay (fixture, wayan, 12, "2025-01-06");
  pay (fixture, wayan, 3, "2026-01-06");

  /* Through March 2026, the event's month: 15 months of Rp20.000. */
  claim = submit (fixture, wayan, LOKET_CLAIM_JHT, LOKET_CLAIM_KIND_AGE, "2026-03-12", 0, NULL,
                  "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_true (claim->eligible);
  g_assert_cmpint (g_array_index (claim->lines, LoketClaimLine, 0).amount, ==, 15 * 20000);
  g_assert_cmpint (claim->total, ==, 15 * 20000);
  g_clear_object (&claim);

  /* A second full JHT claim is the same claim. */
  claim = submit (fixture, wayan, LOKET_CLAIM_JHT, LOKET_CLAIM_KIND_STOPPED_WORK, "2026-03-12", 0, NULL,
                  "2026-11-23", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A reversed receipt's contributions are not in the balance. */
  loket_test_date (&today, "2026-11-23");
  {
    g_autoptr(GPtrArray) payments = loket_store_list_member_payments (fixture->store, wayan->id, &error);
    LoketPayment *latest = g_ptr_array_index (payments, 0);

    reversed = loket_store_reverse_receipt (fixture->store, latest->receipt_number, "salah bulan", "Made",
                                            &today, &error);
    g_assert_no_error (error);
  }
  {
    LoketClaimRequest request;

    loket_claim_request_init (&request);
    request.program = LOKET_CLAIM_JHT;
    request.kind = LOKET_CLAIM_KIND_PARTIAL_10;
    loket_test_date (&request.event_date, "2026-03-12");
    claim = loket_store_preview_claim (fixture->store, wayan->kpj, &request, &today, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (claim->lines, LoketClaimLine, 0).base, ==, 12 * 20000);
    g_assert_true (loket_claim_is_blocked (claim) == FALSE);
    g_assert_false (claim->eligible);   /* not 10 years a member */
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/claim-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("heirs", test_heirs);
  ADD ("jkm-claim", test_jkm_claim);
  ADD ("not-paid-on-event", test_not_paid_on_event);
  ADD ("bad-input", test_bad_input);
  ADD ("jht-balance", test_jht_balance);
#undef ADD
  return g_test_run ();
}
