/* loket-claim-test-util.c */
#include "loket-claim-test-util.h"
#include "loket-store-payments.h"
#include "loket-test-util.h"

LoketMember *
loket_claim_test_member (LoketStore    *store,
                         const char    *nik,
                         const char    *name,
                         const char    *birth,
                         char           sex,
                         LoketPrograms  programs,
                         const char    *registered)
{
  g_autoptr(LoketMember) draft = loket_test_draft (nik, name, birth, sex);
  g_autoptr(GError) error = NULL;
  LoketMember *member;
  GDate day;

  draft->programs = programs;
  loket_test_date (&day, registered);
  member = loket_store_register_member (store, draft, &day, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  return member;
}

void
loket_claim_test_pay (LoketStore  *store,
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
  receipt = loket_store_pay (store, member->kpj, &request, &day, &error);
  g_assert_no_error (error);
}

gint64
loket_claim_test_heir (LoketStore        *store,
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
  heir = loket_store_add_heir (store, member->kpj, draft, "Wayan", &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heir->id, >, 0);
  return heir->id;
}

LoketClaim *
loket_claim_test_submit (LoketStore         *store,
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
  return loket_store_submit_claim (store, member->kpj, &request, &day, NULL, error);
}

LoketClaim *
loket_claim_test_advance (LoketStore         *store,
                          gint64              id,
                          LoketClaimStatus    to,
                          const char         *reason,
                          const char *const  *documents,
                          const char         *clerk,
                          const char         *today,
                          GError            **error)
{
  GDate day;

  loket_test_date (&day, today);
  return loket_store_advance_claim (store, id, to, reason, documents, clerk, &day, error);
}
