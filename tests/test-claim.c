/* test-claim.c: the claim rules without a database (issue 7): words,
 * checklists, eligibility and benefits for each program with their
 * boundaries, and the claim rates reaching old databases. */
#include <string.h>
#include <sqlite3.h>
#include <gio/gio.h>

#include "loket-claim.h"
#include "loket-error.h"
#include "loket-problem.h"
#include "loket-regions.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

static LoketRateBook *
shipped_book (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LoketRateBook *book = loket_rate_book_new ();

  loket_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/loket/core/rates.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (loket_rate_book_load_csv (book, g_bytes_get_data (bytes, NULL), &error));
  g_assert_no_error (error);
  return book;
}

/* Ani: BPU, JKK+JKM(+JHT) on Rp1.000.000, registered `registered`. */
static LoketMember *
make_member (const char *registered)
{
  LoketMember *member = loket_test_draft ("5203015205900002", "Ani Lestari", "1990-05-12", 'P');

  member->id = 1;
  member->kpj = g_strdup ("52000000019");
  member->programs |= LOKET_PROGRAM_JHT;
  loket_test_date (&member->registered_on, registered);
  return member;
}

static LoketHeir *
make_heir (LoketHeirRelation  relation,
           const char        *birth,
           LoketSchoolLevel   level)
{
  LoketHeir *heir = loket_heir_new ();

  heir->id = 7;
  heir->member_id = 1;
  heir->name = g_strdup ("Made Wirawan");
  heir->relation = relation;
  loket_test_date (&heir->birth_date, birth);
  heir->school_level = level;
  return heir;
}

typedef struct {
  LoketRateBook   *book;
  LoketMember     *member;
  LoketHeir       *heir;
  LoketClaim      *claim;
  LoketClaimFacts  facts;
} Case;

/* A claim for Ani (registered 2020-01-06, aktif on the event date, holding
 * every program since registration) judged on 2026-11-23. */
static void
case_init (Case              *c,
           LoketClaimProgram  program,
           LoketClaimKind     kind,
           const char        *event)
{
  memset (c, 0, sizeof *c);
  c->book = shipped_book ();
  c->member = make_member ("2020-01-06");
  c->claim = loket_claim_new ();
  c->claim->member_id = 1;
  c->claim->program = program;
  c->claim->kind = kind;
  loket_test_date (&c->claim->event_date, event);
  loket_test_date (&c->claim->submitted_on, "2026-11-23");
  c->facts.member = c->member;
  loket_test_date (&c->facts.today, "2026-11-23");
  c->facts.program_since = c->member->registered_on;
  c->facts.status_on_event = LOKET_STATUS_AKTIF;
}

static void
case_clear (Case *c)
{
  g_clear_pointer (&c->book, loket_rate_book_unref);
  g_clear_object (&c->member);
  g_clear_object (&c->heir);
  g_clear_object (&c->claim);
}

static void
case_set_heir (Case             *c,
               LoketHeirRelation relation,
               const char       *birth,
               LoketSchoolLevel  level)
{
  c->heir = make_heir (relation, birth, level);
  c->facts.heir = c->heir;
  c->claim->heir_id = c->heir->id;
  c->claim->school_level = level;
}

static void
assess (Case *c)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (loket_claim_assess (c->book, c->claim, &c->facts, &error));
  g_assert_no_error (error);
}

static gboolean
has_reason (LoketClaim *claim,
            const char *code,
            gboolean    blocking)
{
  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);

      if (g_str_equal (reason->code, code))
        {
          g_assert_cmpint (reason->blocking, ==, blocking);
          g_assert_nonnull (reason->message);
          if (!blocking)
            g_assert_nonnull (reason->letter);
          return TRUE;
        }
    }
  return FALSE;
}

static const LoketClaimLine *
line_at (LoketClaim *claim,
         guint       index)
{
  g_assert_cmpuint (index, <, claim->lines->len);
  return &g_array_index (claim->lines, LoketClaimLine, index);
}

static void
test_words (void)
{
  g_autoptr(GError) error = NULL;
  LoketClaimProgram program;
  LoketClaimKind kind;
  LoketClaimStatus status;
  LoketHeirRelation relation;
  LoketSchoolLevel level;

  for (guint i = 0; i < LOKET_N_CLAIM_PROGRAMS; i++)
    {
      g_assert_true (loket_claim_program_parse (loket_claim_program_code (i), &program, &error));
      g_assert_cmpint (program, ==, i);
    }
  g_assert_true (loket_claim_program_parse (" Beasiswa ", &program, &error));
  g_assert_cmpint (program, ==, LOKET_CLAIM_BEASISWA);
  g_assert_false (loket_claim_program_parse ("jp", &program, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Program:"));
  g_clear_error (&error);

  g_assert_true (loket_claim_kind_parse (LOKET_CLAIM_JKK, "temporary", &kind, &error));
  g_assert_cmpint (kind, ==, LOKET_CLAIM_KIND_TEMPORARY);
  g_assert_true (loket_claim_kind_parse (LOKET_CLAIM_JKM, NULL, &kind, &error));
  g_assert_cmpint (kind, ==, LOKET_CLAIM_KIND_NONE);
  g_assert_true (loket_claim_kind_parse (LOKET_CLAIM_BEASISWA, "jkm-death", &kind, &error));
  g_assert_false (loket_claim_kind_parse (LOKET_CLAIM_JKK, "age", &kind, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "death, disability, temporary"));
  g_clear_error (&error);
  g_assert_false (loket_claim_kind_parse (LOKET_CLAIM_JKM, "death", &kind, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < LOKET_N_CLAIM_STATUSES; i++)
    {
      g_assert_true (loket_claim_status_parse (loket_claim_status_code (i), &status, &error));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_true (loket_heir_relation_parse ("CHILD", &relation, &error));
  g_assert_cmpint (relation, ==, LOKET_HEIR_CHILD);
  g_assert_false (loket_heir_relation_parse ("cousin", &relation, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (loket_school_level_parse ("smp", &level, &error));
  g_assert_cmpint (level, ==, LOKET_SCHOOL_SMP);
  g_assert_false (loket_school_level_parse ("s2", &level, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_checklists (void)
{
  g_autoptr(LoketRateBook) book = shipped_book ();
  g_autoptr(GArray) jkm = loket_claim_checklist_new (book, LOKET_CLAIM_JKM);
  g_autoptr(GArray) jkk = loket_claim_checklist_new (book, LOKET_CLAIM_JKK);
  g_autoptr(GArray) jht = loket_claim_checklist_new (book, LOKET_CLAIM_JHT);
  g_autoptr(GArray) beasiswa = loket_claim_checklist_new (book, LOKET_CLAIM_BEASISWA);
  g_autoptr(GError) error = NULL;
  const char *received[] = { "akta-kematian", " KK ", "", NULL };
  const char *unknown[] = { "kartu", "ijazah", NULL };

  g_assert_cmpuint (jkm->len, ==, 8);
  g_assert_cmpstr (g_array_index (jkm, LoketClaimDocument, 3).code, ==, "akta-kematian");
  g_assert_cmpuint (jkk->len, ==, 8);
  g_assert_cmpstr (g_array_index (jkk, LoketClaimDocument, 0).code, ==, "form-kk1");
  g_assert_cmpuint (jht->len, ==, 5);
  g_assert_cmpstr (g_array_index (jht, LoketClaimDocument, 4).code, ==, "bukti-berhenti");
  /* The scholarship's checklist is the supervisor's list. */
  g_assert_cmpuint (beasiswa->len, ==, 5);
  g_assert_cmpstr (g_array_index (beasiswa, LoketClaimDocument, 3).code, ==, "surat-sekolah");

  for (guint i = 0; i < jkm->len; i++)
    {
      const char *code = g_array_index (jkm, LoketClaimDocument, i).code;

      g_assert_nonnull (loket_claim_document_label (code));
      g_assert_nonnull (loket_claim_document_letter_label (code));
    }
  g_assert_cmpstr (loket_claim_document_letter_label ("akta-kematian"), ==, "Akta kematian");

  g_assert_true (loket_claim_documents_tick (jkm, LOKET_CLAIM_JKM, received, &error));
  g_assert_no_error (error);
  g_assert_true (g_array_index (jkm, LoketClaimDocument, 3).received);
  g_assert_true (g_array_index (jkm, LoketClaimDocument, 4).received);
  g_assert_false (g_array_index (jkm, LoketClaimDocument, 0).received);

  /* An unknown code names the checklist, and nothing is ticked. */
  g_assert_false (loket_claim_documents_tick (jht, LOKET_CLAIM_JHT, unknown, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Documents:"));
  g_assert_nonnull (strstr (error->message, "ijazah"));
  g_assert_nonnull (strstr (error->message, "bukti-berhenti"));
  g_assert_false (g_array_index (jht, LoketClaimDocument, 0).received);
}

static void
test_jkm (void)
{
  Case c;

  case_init (&c, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10");
  case_set_heir (&c, LOKET_HEIR_SPOUSE, "1988-02-01", LOKET_SCHOOL_NONE);
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpuint (c.claim->reasons->len, ==, 0);
  g_assert_cmpuint (c.claim->lines->len, ==, 3);
  g_assert_cmpint (line_at (c.claim, 0)->amount, ==, 20000000);
  g_assert_cmpstr (line_at (c.claim, 0)->code, ==, "lump-sum");
  g_assert_cmpint (line_at (c.claim, 1)->amount, ==, 12000000);
  g_assert_cmpint (line_at (c.claim, 2)->amount, ==, 10000000);
  g_assert_cmpint (c.claim->total, ==, 42000000);

  /* Not paid on the date of death: taken, not eligible, the benefit shown. */
  c.facts.status_on_event = LOKET_STATUS_NONAKTIF;
  assess (&c);
  g_assert_false (c.claim->eligible);
  g_assert_true (has_reason (c.claim, "not-aktif", FALSE));
  g_assert_false (loket_claim_is_blocked (c.claim));
  g_assert_cmpint (c.claim->total, ==, 42000000);

  /* Every reason at once: the future, no heir, not held. */
  loket_test_date (&c.claim->event_date, "2026-11-24");
  c.facts.heir = NULL;
  g_date_clear (&c.facts.program_since, 1);
  assess (&c);
  g_assert_true (loket_claim_is_blocked (c.claim));
  g_assert_true (has_reason (c.claim, "event-in-future", TRUE));
  g_assert_true (has_reason (c.claim, "claimant-heir-needed", TRUE));
  g_assert_true (has_reason (c.claim, "program-not-held", TRUE));
  g_assert_true (has_reason (c.claim, "not-aktif", FALSE));
  case_clear (&c);

  /* Before the membership: one reason, not also "not held" or "not aktif". */
  case_init (&c, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2019-12-31");
  case_set_heir (&c, LOKET_HEIR_SPOUSE, "1988-02-01", LOKET_SCHOOL_NONE);
  c.facts.status_on_event = LOKET_STATUS_BELUM_BAYAR;
  assess (&c);
  g_assert_cmpuint (c.claim->reasons->len, ==, 1);
  g_assert_true (has_reason (c.claim, "event-before-membership", TRUE));
  g_assert_nonnull (strstr (((LoketClaimReason *) g_ptr_array_index (c.claim->reasons, 0))->message,
                            "6 Januari 2020"));
  case_clear (&c);
}

static void
test_jkk (void)
{
  Case c;

  case_init (&c, LOKET_CLAIM_JKK, LOKET_CLAIM_KIND_DEATH, "2026-03-02");
  case_set_heir (&c, LOKET_HEIR_SPOUSE, "1988-02-01", LOKET_SCHOOL_NONE);
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpuint (c.claim->lines->len, ==, 3);
  g_assert_cmpstr (line_at (c.claim, 0)->code, ==, "income-multiple");
  g_assert_cmpint (line_at (c.claim, 0)->quantity, ==, 48);
  g_assert_cmpint (line_at (c.claim, 0)->amount, ==, 48000000);
  g_assert_cmpint (c.claim->total, ==, 48000000 + 12000000 + 10000000);
  case_clear (&c);

  case_init (&c, LOKET_CLAIM_JKK, LOKET_CLAIM_KIND_DISABILITY, "2026-03-02");
  c.member->income = 2500000;
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpint (c.claim->total, ==, 56 * 2500000);

  /* Temporary incapacity: 100% for 12 months, then 50%. */
  c.claim->kind = LOKET_CLAIM_KIND_TEMPORARY;
  c.claim->months_off = 12;
  assess (&c);
  g_assert_cmpuint (c.claim->lines->len, ==, 1);
  g_assert_cmpint (c.claim->total, ==, 12 * 2500000);
  c.claim->months_off = 15;
  assess (&c);
  g_assert_cmpuint (c.claim->lines->len, ==, 2);
  g_assert_cmpint (line_at (c.claim, 1)->quantity, ==, 3);
  g_assert_cmpint (line_at (c.claim, 1)->bp, ==, 5000);
  g_assert_cmpint (c.claim->total, ==, 12 * 2500000 + 3 * 1250000);
  g_assert_true (c.claim->eligible);

  /* No months, no kind: blocking, named. */
  c.claim->months_off = 0;
  assess (&c);
  g_assert_true (has_reason (c.claim, "months-off-missing", TRUE));
  g_assert_cmpuint (c.claim->lines->len, ==, 0);
  c.claim->kind = LOKET_CLAIM_KIND_NONE;
  assess (&c);
  g_assert_true (has_reason (c.claim, "kind-missing", TRUE));
  case_clear (&c);

  /* A rate row missing for an otherwise good claim is an error naming it. */
  case_init (&c, LOKET_CLAIM_JKK, LOKET_CLAIM_KIND_DISABILITY, "2019-06-01");
  loket_test_date (&c.member->registered_on, "2019-01-02");
  c.facts.program_since = c.member->registered_on;
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (loket_claim_assess (c.book, c.claim, &c.facts, &error));
    g_assert_error (error, LOKET_ERROR, LOKET_ERROR_RATE_MISSING);
    g_assert_nonnull (strstr (error->message, "jkk.disability.income_multiple"));
  }
  case_clear (&c);
}

/* A scholarship after a JKM death needs 3 years of membership on the date
 * of death: exactly 3 years passes, a day less does not. */
static void
test_scholarship_membership (void)
{
  Case c;

  case_init (&c, LOKET_CLAIM_BEASISWA, LOKET_CLAIM_KIND_JKM_DEATH, "2026-06-15");
  loket_test_date (&c.member->registered_on, "2023-06-15");
  c.facts.program_since = c.member->registered_on;
  case_set_heir (&c, LOKET_HEIR_CHILD, "2016-07-01", LOKET_SCHOOL_SD);
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpuint (c.claim->lines->len, ==, 1);
  g_assert_cmpint (c.claim->total, ==, 1500000);

  loket_test_date (&c.claim->event_date, "2026-06-14");
  assess (&c);
  g_assert_false (c.claim->eligible);
  g_assert_true (has_reason (c.claim, "membership-too-short", FALSE));

  /* After a death from a work accident, no minimum. */
  c.claim->kind = LOKET_CLAIM_KIND_JKK_DEATH;
  assess (&c);
  g_assert_true (c.claim->eligible);

  /* University: Rp12.000.000 a year. */
  c.claim->school_level = LOKET_SCHOOL_PT;
  assess (&c);
  g_assert_cmpint (c.claim->total, ==, 12000000);
  case_clear (&c);
}

static void
test_scholarship_limits (void)
{
  Case c;

  case_init (&c, LOKET_CLAIM_BEASISWA, LOKET_CLAIM_KIND_JKK_DEATH, "2024-03-01");
  case_set_heir (&c, LOKET_HEIR_CHILD, "2010-07-01", LOKET_SCHOOL_SMA);
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpint (c.claim->total, ==, 3000000);

  /* At most 2 children. */
  c.facts.scholarship_children = 2;
  assess (&c);
  g_assert_true (has_reason (c.claim, "scholarship-children", FALSE));
  c.facts.scholarship_children = 1;

  /* SMA for 3 years at most. */
  c.facts.scholarship_years = 3;
  assess (&c);
  g_assert_true (has_reason (c.claim, "scholarship-years", FALSE));
  c.facts.scholarship_years = 2;
  assess (&c);
  g_assert_true (c.claim->eligible);

  /* The cap over what was paid: Rp172.500.000 paid leaves Rp1.500.000. */
  c.facts.scholarship_paid = 172500000;
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpuint (c.claim->lines->len, ==, 2);
  g_assert_cmpstr (line_at (c.claim, 1)->code, ==, "scholarship-cap");
  g_assert_cmpint (line_at (c.claim, 1)->amount, ==, -1500000);
  g_assert_cmpint (c.claim->total, ==, 1500000);
  c.facts.scholarship_paid = 174000000;
  assess (&c);
  g_assert_false (c.claim->eligible);
  g_assert_true (has_reason (c.claim, "scholarship-cap", FALSE));
  g_assert_cmpint (c.claim->total, ==, 0);
  c.facts.scholarship_paid = 0;

  /* The scholarship ends at 23. */
  loket_test_date (&c.heir->birth_date, "2003-11-23");
  assess (&c);
  g_assert_true (has_reason (c.claim, "scholarship-age", FALSE));

  /* For a child, with a school level. */
  c.heir->relation = LOKET_HEIR_SPOUSE;
  assess (&c);
  g_assert_true (has_reason (c.claim, "scholarship-not-child", TRUE));
  c.heir->relation = LOKET_HEIR_CHILD;
  c.claim->school_level = LOKET_SCHOOL_NONE;
  assess (&c);
  g_assert_true (has_reason (c.claim, "school-level-missing", TRUE));
  case_clear (&c);
}

static void
test_jht (void)
{
  Case c;

  /* Born 1970-03-12: 56 on 2026-03-12, not the day before. */
  case_init (&c, LOKET_CLAIM_JHT, LOKET_CLAIM_KIND_AGE, "2026-03-12");
  loket_test_date (&c.member->birth_date, "1970-03-12");
  c.facts.jht_contributions = 240000;
  /* JHT is savings: paid out whatever the status. */
  c.facts.status_on_event = LOKET_STATUS_NONAKTIF;
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpuint (c.claim->lines->len, ==, 2);
  g_assert_cmpstr (line_at (c.claim, 0)->code, ==, "jht-contributions");
  g_assert_cmpint (c.claim->total, ==, 240000);
  loket_test_date (&c.claim->event_date, "2026-03-11");
  assess (&c);
  g_assert_true (has_reason (c.claim, "jht-age", FALSE));

  /* The return rate a supervisor enters, and a partial withdrawal paid. */
  loket_test_date (&c.claim->event_date, "2026-03-12");
  loket_rate_book_add (c.book, "jht.return.bp", &c.facts.today, 550);
  c.facts.jht_partial_paid = 24000;
  assess (&c);
  g_assert_cmpuint (c.claim->lines->len, ==, 3);
  g_assert_cmpint (line_at (c.claim, 1)->amount, ==, 13200);
  g_assert_cmpint (line_at (c.claim, 2)->amount, ==, -24000);
  g_assert_cmpint (c.claim->total, ==, 240000 + 13200 - 24000);

  /* Nothing recorded, nothing to pay. */
  c.facts.jht_contributions = 0;
  c.facts.jht_partial_paid = 0;
  assess (&c);
  g_assert_true (has_reason (c.claim, "jht-no-balance", FALSE));
  case_clear (&c);

  /* Partial: 10 years of membership, exactly; once. */
  case_init (&c, LOKET_CLAIM_JHT, LOKET_CLAIM_KIND_PARTIAL_30, "2026-01-06");
  loket_test_date (&c.member->registered_on, "2016-01-06");
  c.facts.jht_contributions = 2400000;
  assess (&c);
  g_assert_true (c.claim->eligible);
  g_assert_cmpuint (c.claim->lines->len, ==, 1);
  g_assert_cmpint (c.claim->total, ==, 720000);
  loket_test_date (&c.claim->event_date, "2026-01-05");
  c.facts.jht_partial_claim_id = 3;
  assess (&c);
  g_assert_true (has_reason (c.claim, "jht-partial-too-early", FALSE));
  g_assert_true (has_reason (c.claim, "jht-partial-taken", FALSE));
  case_clear (&c);

  /* Stopping work: a wage earner waits a month; a BPU member does not. */
  case_init (&c, LOKET_CLAIM_JHT, LOKET_CLAIM_KIND_STOPPED_WORK, "2026-11-01");
  c.facts.jht_contributions = 100000;
  assess (&c);
  g_assert_true (c.claim->eligible);
  c.member->segment = LOKET_SEGMENT_PU;
  assess (&c);
  g_assert_true (has_reason (c.claim, "jht-wait", FALSE));
  loket_test_date (&c.claim->event_date, "2026-10-23");
  assess (&c);
  g_assert_true (c.claim->eligible);

  /* The member's own JHT after death is claimed by an heir. */
  c.claim->kind = LOKET_CLAIM_KIND_DEATH;
  assess (&c);
  g_assert_true (has_reason (c.claim, "claimant-heir-needed", TRUE));
  case_clear (&c);
}

static void
test_duplicate (void)
{
  Case c;

  case_init (&c, LOKET_CLAIM_JKM, LOKET_CLAIM_KIND_NONE, "2026-06-10");
  case_set_heir (&c, LOKET_HEIR_PARENT, "1950-02-01", LOKET_SCHOOL_NONE);
  c.facts.duplicate_claim_id = 12;
  c.facts.duplicate_status = LOKET_CLAIM_DIVERIFIKASI;
  assess (&c);
  g_assert_true (has_reason (c.claim, "duplicate", TRUE));
  g_assert_nonnull (strstr (((LoketClaimReason *) g_ptr_array_index (c.claim->reasons, 0))->message, "12"));
  case_clear (&c);
}

static void
test_letter_number (void)
{
  static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" };
  g_autofree char *number = NULL;
  g_autofree char *big = NULL;
  GDate on;

  for (int month = 1; month <= 12; month++)
    g_assert_cmpstr (loket_format_roman_month (month), ==, roman[month - 1]);
  g_assert_null (loket_format_roman_month (0));
  g_assert_null (loket_format_roman_month (13));
  loket_test_date (&on, "2026-02-03");
  number = loket_claim_letter_number (7, "SLG", &on);
  g_assert_cmpstr (number, ==, "007/KLM/SLG/II/2026");
  big = loket_claim_letter_number (1234, "5203", &on);
  g_assert_cmpstr (big, ==, "1234/KLM/5203/II/2026");
}

static void
test_next_statuses (void)
{
  LoketClaimStatus next[2];

  g_assert_cmpuint (loket_claim_next_statuses (LOKET_CLAIM_DIAJUKAN, next), ==, 1);
  g_assert_cmpint (next[0], ==, LOKET_CLAIM_DIVERIFIKASI);
  g_assert_cmpuint (loket_claim_next_statuses (LOKET_CLAIM_DIVERIFIKASI, next), ==, 2);
  g_assert_cmpint (next[0], ==, LOKET_CLAIM_DISETUJUI);
  g_assert_cmpint (next[1], ==, LOKET_CLAIM_DITOLAK);
  g_assert_cmpuint (loket_claim_next_statuses (LOKET_CLAIM_DISETUJUI, next), ==, 1);
  g_assert_cmpint (next[0], ==, LOKET_CLAIM_DIBAYAR);
  g_assert_cmpuint (loket_claim_next_statuses (LOKET_CLAIM_DITOLAK, next), ==, 0);
  g_assert_cmpuint (loket_claim_next_statuses (LOKET_CLAIM_DIBAYAR, next), ==, 0);
}

static void
test_heir_check (void)
{
  g_autoptr(LoketMember) member = make_member ("2020-01-06");
  g_autoptr(LoketHeir) heir = loket_heir_new ();
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  GDate today;

  loket_test_date (&today, "2026-11-23");
  heir->name = g_strdup ("  Made   Wirawan ");
  heir->nik = g_strdup ("5203011203850003");
  heir->relation = LOKET_HEIR_SPOUSE;
  loket_test_date (&heir->birth_date, "1985-03-12");
  heir->bank_account = g_strdup ("0123-01-000123-50-1");
  loket_heir_check (heir, member, &today, problems);
  g_assert_cmpuint (loket_problems_count (problems, LOKET_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (heir->name, ==, "Made Wirawan");

  /* A bad NIK, the member's own, a school level for a spouse, letters in
   * the account: each said. */
  g_free (heir->nik);
  heir->nik = g_strdup ("5203011203850");
  heir->school_level = LOKET_SCHOOL_SD;
  g_free (heir->bank_account);
  heir->bank_account = g_strdup ("BRI Selong");
  loket_heir_check (heir, member, &today, problems);
  g_assert_true (loket_problems_has_code (problems, "nik-length"));
  g_assert_true (loket_problems_has_code (problems, "school-not-child"));
  g_assert_true (loket_problems_has_code (problems, "account-invalid"));

  g_ptr_array_set_size (problems, 0);
  g_free (heir->nik);
  heir->nik = g_strdup (member->nik);
  loket_heir_check (heir, member, &today, problems);
  g_assert_true (loket_problems_has_code (problems, "heir-is-member"));
}

/* ---- the rows reach old databases ---------------------------------------- */

static gboolean
is_claim_key (const char *key)
{
  return g_str_has_prefix (key, "jkm.") || g_str_has_prefix (key, "jkk.")
         || g_str_has_prefix (key, "jht.") || g_str_has_prefix (key, "beasiswa.")
         || g_str_has_prefix (key, "claim.");
}

static gboolean
collect_claim_row (const LoketRateRow  *row,
                   gpointer             user_data,
                   GError             **error)
{
  if (!is_claim_key (row->key))
    return TRUE;
  if (row->item != NULL)
    g_ptr_array_add (user_data, g_strdup_printf ("%s|%s|%s|%s", row->key, row->item, row->source, row->note));
  else
    {
      g_autofree char *from = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (row->effective_from),
                                               g_date_get_month (row->effective_from),
                                               g_date_get_day (row->effective_from));
      g_ptr_array_add (user_data, g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT "|%s|%s", row->key, from,
                                                   row->value, row->source, row->note));
    }
  return TRUE;
}

static GPtrArray *
claim_rows_in_database (const char *path)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT key || '|' || effective_from || '|' || value || '|' || source || '|' || note FROM rate"
    " WHERE key GLOB 'jkm.*' OR key GLOB 'jkk.*' OR key GLOB 'jht.*' OR key GLOB 'beasiswa.*'"
    " UNION ALL SELECT list || '|' || item || '|' || source || '|' || note FROM rate_list_item"
    " WHERE list GLOB 'claim.*'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Migration 8 gives a database made before rates.csv had the claim rows
 * the same rows a new database loads, and keeps a supervisor's own. */
static void
test_rates_reach_old_databases (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) shipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) upgraded = NULL;
  LoketStore *store;

  loket_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/loket/core/rates.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (loket_rates_parse_csv (g_bytes_get_data (bytes, NULL), collect_claim_row, shipped, &error));
  g_assert_cmpuint (shipped->len, ==, 33);
  g_ptr_array_sort (shipped, compare_strings);

  store = loket_test_open_store (&path);
  g_assert_finalize_object (store);
  fresh = claim_rows_in_database (path);
  g_ptr_array_sort (fresh, compare_strings);

  /* A database of schema 7, made before rates.csv had the rows, where a
   * supervisor had already entered a JHT return rate. */
  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_exec (store,
    "DELETE FROM rate WHERE key GLOB 'jkm.*' OR key GLOB 'jkk.*' OR key GLOB 'jht.*' OR key GLOB 'beasiswa.*';"
    " DELETE FROM rate_list_item WHERE list GLOB 'claim.*';"
    " INSERT INTO rate (key, effective_from, value, source, note)"
    "   VALUES ('jht.return.bp', '2015-07-01', 550, 'supervisor', 'declared');"
    " PRAGMA user_version = 7;", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loket_store_get_schema_version (store), ==, LOKET_STORE_SCHEMA_VERSION);
  g_assert_finalize_object (store);
  upgraded = claim_rows_in_database (path);
  g_ptr_array_sort (upgraded, compare_strings);

  g_assert_cmpuint (fresh->len, ==, shipped->len);
  g_assert_cmpuint (upgraded->len, ==, shipped->len);
  for (guint i = 0; i < shipped->len; i++)
    {
      const char *row = g_ptr_array_index (shipped, i);

      g_assert_cmpstr (g_ptr_array_index (fresh, i), ==, row);
      if (g_str_has_prefix (row, "jht.return.bp|"))
        g_assert_true (g_str_has_prefix (g_ptr_array_index (upgraded, i), "jht.return.bp|2015-07-01|550|supervisor"));
      else
        g_assert_cmpstr (g_ptr_array_index (upgraded, i), ==, row);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/claim/words", test_words);
  g_test_add_func ("/claim/checklists", test_checklists);
  g_test_add_func ("/claim/jkm", test_jkm);
  g_test_add_func ("/claim/jkk", test_jkk);
  g_test_add_func ("/claim/scholarship-membership", test_scholarship_membership);
  g_test_add_func ("/claim/scholarship-limits", test_scholarship_limits);
  g_test_add_func ("/claim/jht", test_jht);
  g_test_add_func ("/claim/duplicate", test_duplicate);
  g_test_add_func ("/claim/letter-number", test_letter_number);
  g_test_add_func ("/claim/next-statuses", test_next_statuses);
  g_test_add_func ("/claim/heir-check", test_heir_check);
  g_test_add_func ("/claim/rates-reach-old-databases", test_rates_reach_old_databases);
  return g_test_run ();
}
