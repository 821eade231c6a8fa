/* test-claim-store.c: heirs and claims in the store (issue 7): taking a
 * claim with what the payments say on the event date, the JHT balance from
 * the payments, bad input refused with nothing written, the status flow
 * with its refusals, letter numbers, and the scholarship cap over the
 * years. */
#include <string.h>
#include <sqlite3.h>

#include "loket-claim-test-util.h"
#include "loket-cli-test-util.h"
#include "loket-error.h"
#include "loket-problem.h"
#include "loket-store-claims.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore  *store;
  char        *path;
  LoketMember *ani;     /* BPU JKK+JKM, registered 2026-01-05, paid January to June 2026 */
} Fixture;

/* The shared helpers (loket-claim-test-util.h), on the fixture's store. */
#define count(fixture, sql) loket_cli_query_int ((fixture)->path, (sql))
#define pay(fixture, ...) loket_claim_test_pay ((fixture)->store, __VA_ARGS__)
#define register_member(fixture, ...) loket_claim_test_member ((fixture)->store, __VA_ARGS__)
#define add_heir(fixture, ...) loket_claim_test_heir ((fixture)->store, __VA_ARGS__)
#define submit(fixture, ...) loket_claim_test_submit ((fixture)->store, __VA_ARGS__)
#define advance(fixture, claim, ...) loket_claim_test_advance ((fixture)->store, claim_id (claim), __VA_ARGS__)

static gint64
claim_id (LoketClaim *claim)
{
  if (claim == NULL)
    g_error ("there is no claim to advance");
  return claim->id;
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

/* What must not move when a step is refused. */
static char *
snapshot (Fixture *fixture)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                          count (fixture, "SELECT count(*) FROM claim_event"),
                          count (fixture, "SELECT coalesce (sum (next_sequence), 0) FROM claim_letter_counter"),
                          count (fixture, "SELECT count(*) FROM claim WHERE letter_number IS NOT NULL"),
                          count (fixture, "SELECT coalesce (sum (received), 0) FROM claim_document"));
}

static void
assert_refused (Fixture      *fixture,
                LoketClaim   *claim,
                const char   *before,
                const char   *prefix,
                GError      **error)
{
  g_autofree char *after = snapshot (fixture);
  g_autoptr(LoketClaim) found = NULL;
  g_autoptr(GError) local = NULL;

  g_assert_error (*error, LOKET_ERROR, LOKET_ERROR_INVALID);
  if (!g_str_has_prefix ((*error)->message, prefix))
    g_error ("“%s” does not start with “%s”", (*error)->message, prefix);
  g_clear_error (error);
  g_assert_cmpstr (after, ==, before);
  found = loket_store_find_claim (fixture->store, claim->id, &local);
  g_assert_no_error (local);
  g_assert_cmpint (found->status, ==, claim->status);
}

static void
test_flow (Fixture       *fixture,
           gconstpointer  data)
{
  const char *documents[] = { "kartu", "ktp-peserta", NULL };
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 made = add_heir (fixture, fixture->ani, "Made Wirawan", "5203011203850003", LOKET_HEIR_SPOUSE,
                          "1985-03-12", LOKET_SCHOOL_NONE);
  const LoketClaimEvent *event;

  claim = submit (fixture, fixture->ani, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10", made,
                  NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  before = snapshot (fixture);

  /* Skipping a status. */
  next = advance (fixture, claim, LOKET_CLAIM_DISETUJUI, NULL, NULL, "Made", "2026-11-23", &error);
  g_assert_null (next);
  g_assert_nonnull (strstr (error->message, "diverifikasi"));
  assert_refused (fixture, claim, before, "Status:", &error);
  next = advance (fixture, claim, LOKET_CLAIM_DIBAYAR, NULL, NULL, "Made", "2026-11-23", &error);
  assert_refused (fixture, claim, before, "Status:", &error);
  next = advance (fixture, claim, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL, "", "2026-11-23", &error);
  assert_refused (fixture, claim, before, "Clerk:", &error);

  /* Verified, with the documents seen ticked. */
  next = advance (fixture, claim, LOKET_CLAIM_DIVERIFIKASI, NULL, documents, "Wayan", "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_cmpint (next->status, ==, LOKET_CLAIM_DIVERIFIKASI);
  g_assert_true (g_array_index (next->documents, LoketClaimDocument, 0).received);
  g_assert_true (g_array_index (next->documents, LoketClaimDocument, 1).received);
  g_assert_false (g_array_index (next->documents, LoketClaimDocument, 2).received);
  g_assert_null (next->letter_number);
  g_set_object (&claim, next);
  g_clear_object (&next);
  g_free (before);
  before = snapshot (fixture);

  /* Approval by the one who took it, however the name is typed. */
  next = advance (fixture, claim, LOKET_CLAIM_DISETUJUI, NULL, NULL, " WAYAN ", "2026-11-25", &error);
  g_assert_nonnull (strstr (error->message, "Wayan"));
  assert_refused (fixture, claim, before, "Approval:", &error);
  next = advance (fixture, claim, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL, "Made", "2026-11-25", &error);
  assert_refused (fixture, claim, before, "Status:", &error);

  next = advance (fixture, claim, LOKET_CLAIM_DISETUJUI, NULL, NULL, "Made", "2026-11-25", &error);
  g_assert_no_error (error);
  g_assert_cmpint (next->status, ==, LOKET_CLAIM_DISETUJUI);
  g_assert_cmpstr (next->letter_number, ==, "001/KLM/SLG/XI/2026");
  g_assert_cmpint (g_date_get_day (&next->decided_on), ==, 25);
  g_set_object (&claim, next);
  g_clear_object (&next);
  g_free (before);
  before = snapshot (fixture);

  /* Documents go with the decision, not after it. */
  next = advance (fixture, claim, LOKET_CLAIM_DIBAYAR, NULL, documents, "Made", "2026-11-30", &error);
  assert_refused (fixture, claim, before, "Documents:", &error);

  next = advance (fixture, claim, LOKET_CLAIM_DIBAYAR, NULL, NULL, "Ketut", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (next->status, ==, LOKET_CLAIM_DIBAYAR);
  g_assert_cmpint (g_date_get_day (&next->paid_on), ==, 30);
  g_assert_cmpstr (next->letter_number, ==, "001/KLM/SLG/XI/2026");
  g_set_object (&claim, next);
  g_clear_object (&next);
  g_free (before);
  before = snapshot (fixture);

  /* Every step with who and when. */
  g_assert_cmpuint (claim->history->len, ==, 4);
  event = g_ptr_array_index (claim->history, 2);
  g_assert_cmpint (event->from, ==, LOKET_CLAIM_DIVERIFIKASI);
  g_assert_cmpint (event->to, ==, LOKET_CLAIM_DISETUJUI);
  g_assert_cmpstr (event->clerk, ==, "Made");
  g_assert_cmpint (g_date_get_day (&event->on), ==, 25);
  g_assert_nonnull (event->created_at);
  g_assert_true (loket_claim_find_event (claim, LOKET_CLAIM_DIBAYAR) == g_ptr_array_index (claim->history, 3));

  /* Paid is final. */
  next = advance (fixture, claim, LOKET_CLAIM_DITOLAK, "salah", NULL, "Made", "2026-12-01", &error);
  assert_refused (fixture, claim, before, "Status:", &error);

  /* The history is never rewritten. */
  g_assert_false (loket_store_exec (fixture->store, "DELETE FROM claim_event", &error));
  g_clear_error (&error);
  g_assert_false (loket_store_exec (fixture->store, "DELETE FROM claim", &error));
  g_clear_error (&error);
}

static void
test_rejection_and_numbers (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LoketMember) budi = register_member (fixture, "5203011203850003", "Budi Santoso", "1985-03-12", 'L',
                                                 LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, "2026-01-05");
  gint64 wife = add_heir (fixture, budi, "Siti Aminah", "5203015205900002", LOKET_HEIR_SPOUSE,
                          "1990-05-12", LOKET_SCHOOL_NONE);
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) next = NULL;
  g_autoptr(LoketClaim) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  pay (fixture, budi, 6, "2026-01-05");
  /* Not paid on 1 July: taken, not eligible. */
  claim = submit (fixture, budi, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-07-01", wife,
                  NULL, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_false (claim->eligible);
  next = advance (fixture, claim, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL, "Wayan", "2026-11-23", &error);
  g_assert_no_error (error);
  g_set_object (&claim, next);
  g_clear_object (&next);
  before = snapshot (fixture);

  next = advance (fixture, claim, LOKET_CLAIM_DISETUJUI, NULL, NULL, "Made", "2026-11-24", &error);
  g_assert_nonnull (strstr (error->message, "not active"));
  assert_refused (fixture, claim, before, "Approval:", &error);
  next = advance (fixture, claim, LOKET_CLAIM_DITOLAK, "   ", NULL, "Made", "2026-11-24", &error);
  assert_refused (fixture, claim, before, "Reason:", &error);

  /* No branch code, no letter number, no decision. */
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_CODE, "", &error));
  next = advance (fixture, claim, LOKET_CLAIM_DITOLAK, "tidak aktif", NULL, "Made", "2026-11-24", &error);
  assert_refused (fixture, claim, before, "Branch code:", &error);
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_CODE, "SLG", &error));

  next = advance (fixture, claim, LOKET_CLAIM_DITOLAK, "Peserta tidak aktif pada tanggal kejadian",
                  NULL, "Wayan", "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_cmpint (next->status, ==, LOKET_CLAIM_DITOLAK);
  g_assert_cmpstr (next->letter_number, ==, "001/KLM/SLG/XI/2026");
  g_assert_cmpstr (loket_claim_find_event (next, LOKET_CLAIM_DITOLAK)->reason, ==,
                   "Peserta tidak aktif pada tanggal kejadian");
  g_set_object (&claim, next);
  g_clear_object (&next);
  g_free (before);
  before = snapshot (fixture);
  next = advance (fixture, claim, LOKET_CLAIM_DIBAYAR, NULL, NULL, "Made", "2026-11-24", &error);
  assert_refused (fixture, claim, before, "Status:", &error);

  /* A rejected claim does not block a new one; the numbers run on within
   * the year and start again with the next. */
  other = submit (fixture, budi, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-30", wife,
                  NULL, "2026-11-25", &error);
  g_assert_no_error (error);
  g_assert_true (other->eligible);
  next = advance (fixture, other, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL, "Wayan", "2026-12-30", &error);
  g_clear_object (&next);
  next = advance (fixture, other, LOKET_CLAIM_DISETUJUI, NULL, NULL, "Made", "2027-01-04", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next->letter_number, ==, "001/KLM/SLG/I/2027");
  g_clear_object (&next);

  g_clear_object (&other);
  other = submit (fixture, fixture->ani, LOKET_CLAIM_JKK, LOKET_CLAIM_KIND_TEMPORARY, "2026-03-02", 0,
                  NULL, "2026-11-25", &error);
  g_assert_null (other);   /* no months off */
  g_clear_error (&error);
  {
    LoketClaimRequest request;
    GDate day;

    loket_claim_request_init (&request);
    request.program = LOKET_CLAIM_JKK;
    request.kind = LOKET_CLAIM_KIND_TEMPORARY;
    request.months_off = 2;
    loket_test_date (&request.event_date, "2026-03-02");
    request.clerk = "Wayan";
    loket_test_date (&day, "2026-11-25");
    other = loket_store_submit_claim (fixture->store, fixture->ani->kpj, &request, &day, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (other->total, ==, 2000000);
  }
  next = advance (fixture, other, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL, "Wayan", "2026-12-01", &error);
  g_clear_object (&next);
  next = advance (fixture, other, LOKET_CLAIM_DISETUJUI, NULL, NULL, "Made", "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next->letter_number, ==, "002/KLM/SLG/XII/2026");
}

/* Closes and opens the store again, so a rate row written behind its back
 * is read. */
static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->store);
  fixture->store = loket_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* Submits, verifies (Wayan), approves and pays (Made) a scholarship. */
static gint64
scholarship_paid (Fixture     *fixture,
                  gint64       child,
                  const char  *today,
                  gint64       expected_total)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) next = NULL;
  g_autoptr(GError) error = NULL;

  claim = submit (fixture, fixture->ani, LOKET_CLAIM_BEASISWA, LOKET_CLAIM_KIND_JKK_DEATH, "2026-06-10",
                  child, NULL, today, &error);
  g_assert_no_error (error);
  g_assert_true (claim->eligible);
  g_assert_cmpint (claim->total, ==, expected_total);
  next = advance (fixture, claim, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL, "Wayan", today, &error);
  g_clear_object (&next);
  next = advance (fixture, claim, LOKET_CLAIM_DISETUJUI, NULL, NULL, "Made", today, &error);
  g_clear_object (&next);
  next = advance (fixture, claim, LOKET_CLAIM_DIBAYAR, NULL, NULL, "Made", today, &error);
  g_assert_no_error (error);
  return claim->id;
}

/* Ani died in a work accident in June 2026. A supervisor set the cap at
 * Rp30.000.000 (to reach it in a few years): her children's scholarships,
 * claimed year by year, stop at the cap over what was paid. */
static void
test_scholarship_cap (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 putu = add_heir (fixture, fixture->ani, "Putu Ayu", "5203016107060099", LOKET_HEIR_CHILD,
                          "2006-07-21", LOKET_SCHOOL_PT);
  gint64 kadek = add_heir (fixture, fixture->ani, "Kadek Arya", "5203011203100004", LOKET_HEIR_CHILD,
                           "2010-03-12", LOKET_SCHOOL_SMA);
  gint64 komang = add_heir (fixture, fixture->ani, "Komang Sari", "5203015509140005", LOKET_HEIR_CHILD,
                            "2014-09-15", LOKET_SCHOOL_SD);
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (loket_store_exec (fixture->store,
    "INSERT INTO rate (key, effective_from, value, source, note)"
    " VALUES ('beasiswa.cap', '2026-01-01', 30000000, 'test', 'a lower cap')", &error));
  reopen (fixture);

  scholarship_paid (fixture, putu, "2026-11-23", 12000000);
  scholarship_paid (fixture, kadek, "2026-11-23", 3000000);

  /* Once a year per child. */
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_BEASISWA, LOKET_CLAIM_KIND_JKK_DEATH, "2026-06-10",
                  putu, NULL, "2026-12-20", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);

  scholarship_paid (fixture, putu, "2027-08-02", 12000000);
  /* Rp27.000.000 paid: Rp3.000.000 left of the Rp12.000.000. */
  scholarship_paid (fixture, putu, "2028-08-01", 3000000);
  g_assert_cmpint (count (fixture, "SELECT sum (total) FROM claim WHERE status = 'dibayar'"), ==, 30000000);

  /* Nothing left for Kadek, and a third child is one too many. */
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_BEASISWA, LOKET_CLAIM_KIND_JKK_DEATH, "2026-06-10",
                  kadek, NULL, "2028-08-01", &error);
  g_assert_no_error (error);
  g_assert_false (claim->eligible);
  g_assert_cmpint (claim->total, ==, 0);
  g_assert_cmpuint (claim->reasons->len, ==, 1);
  g_assert_cmpstr (((LoketClaimReason *) g_ptr_array_index (claim->reasons, 0))->code, ==, "scholarship-cap");
  g_clear_object (&claim);
  claim = submit (fixture, fixture->ani, LOKET_CLAIM_BEASISWA, LOKET_CLAIM_KIND_JKK_DEATH, "2026-06-10",
                  komang, NULL, "2028-08-01", &error);
  g_assert_no_error (error);
  g_assert_false (claim->eligible);
  g_assert_cmpstr (((LoketClaimReason *) g_ptr_array_index (claim->reasons, 0))->code, ==, "scholarship-children");
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
  ADD ("flow", test_flow);
  ADD ("rejection-and-numbers", test_rejection_and_numbers);
  ADD ("scholarship-cap", test_scholarship_cap);
#undef ADD
  return g_test_run ();
}
