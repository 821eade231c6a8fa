/* loket-claim-test-util.h: members, payments, heirs and claims set up in a
 * store for the claim tests; each fails the test when the store refuses. */
#pragma once

#include "loket-store-claims.h"

G_BEGIN_DECLS

/* A BPU member on Rp1.000.000 with `programs`, registered on `registered`;
 * a probable duplicate is confirmed. */
LoketMember *loket_claim_test_member  (LoketStore        *store,
                                       const char        *nik,
                                       const char        *name,
                                       const char        *birth,
                                       char               sex,
                                       LoketPrograms      programs,
                                       const char        *registered);
/* Pays `months` months from the month due on `today`, as Wayan. */
void         loket_claim_test_pay     (LoketStore        *store,
                                       LoketMember       *member,
                                       int                months,
                                       const char        *today);
/* Records an heir as Wayan on 2026-11-23, with a bank account; their id. */
gint64       loket_claim_test_heir    (LoketStore        *store,
                                       LoketMember       *member,
                                       const char        *name,
                                       const char        *nik,
                                       LoketHeirRelation  relation,
                                       const char        *birth,
                                       LoketSchoolLevel   level);
/* Submits a claim as Wayan on `today`. */
LoketClaim  *loket_claim_test_submit  (LoketStore        *store,
                                       LoketMember       *member,
                                       LoketClaimProgram  program,
                                       LoketClaimKind     kind,
                                       const char        *event,
                                       gint64             heir,
                                       const char *const *documents,
                                       const char        *today,
                                       GError           **error);
/* Advances the claim `id` as `clerk` on `today`. */
LoketClaim  *loket_claim_test_advance (LoketStore        *store,
                                       gint64             id,
                                       LoketClaimStatus   to,
                                       const char        *reason,
                                       const char *const *documents,
                                       const char        *clerk,
                                       const char        *today,
                                       GError           **error);

G_END_DECLS
