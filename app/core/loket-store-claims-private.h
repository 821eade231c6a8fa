/* loket-store-claims-private.h: what the store's claim files share. */
#pragma once

#include "loket-store-claims.h"
#include "loket-store-private.h"

G_BEGIN_DECLS

/* Records a change of status (from = LOKET_N_CLAIM_STATUSES when the claim
 * is taken), inside the caller's transaction. */
gboolean loket_store_insert_claim_event (LoketStore        *self,
                                         gint64             claim_id,
                                         LoketClaimStatus   from,
                                         LoketClaimStatus   to,
                                         const char        *clerk,
                                         const char        *reason,
                                         const GDate       *today,
                                         GError           **error);

/* A staff name is required for every act on a claim. */
gboolean loket_store_check_claim_clerk  (const char        *clerk,
                                         GError           **error);

/* Ticks the documents with the codes on the claim's checklist rows,
 * inside the caller's transaction. */
gboolean loket_store_write_claim_documents (LoketStore     *self,
                                         LoketClaim        *claim,
                                         GError           **error);

/* Steps a statement whose first column of its one row (or none: 0) is a
 * number. */
gboolean loket_store_step_int64         (LoketStore        *self,
                                         sqlite3_stmt      *stmt,
                                         gint64            *out,
                                         GError           **error);

/* Fills what `facts` needs from the store for the claim (program, kind,
 * event date, heir and school level set; facts->member and today set). */
gboolean loket_store_gather_claim_facts (LoketStore        *self,
                                         LoketClaim        *claim,
                                         LoketClaimFacts   *facts,
                                         GError           **error);

G_END_DECLS
