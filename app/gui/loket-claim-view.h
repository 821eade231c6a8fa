/* loket-claim-view.h: one claim: who claims what for which event, whether it
 * is eligible and why not, the benefit line by line, the documents, every
 * step taken with who and when, and the buttons for the next step. The
 * decision's letter is previewed and printed from the PDF the core writes. */
#pragma once

#include <adwaita.h>

#include "loket-claim.h"
#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_CLAIM_VIEW (loket_claim_view_get_type ())

G_DECLARE_FINAL_TYPE (LoketClaimView, loket_claim_view, LOKET, CLAIM_VIEW, AdwBin)

void        loket_claim_view_set_store   (LoketClaimView *self,
                                          LoketStore     *store);
/* Shows the claim as the store has it now. */
gboolean    loket_claim_view_show_claim  (LoketClaimView *self,
                                          gint64          id,
                                          GError        **error);
LoketClaim *loket_claim_view_get_claim   (LoketClaimView *self);
/* Moves the claim on, as the step buttons do (reason: a rejection's). The
 * core's refusal is shown under the buttons; FALSE then. */
gboolean    loket_claim_view_advance     (LoketClaimView   *self,
                                          LoketClaimStatus  to,
                                          const char       *reason);
/* The message shown, or NULL. */
const char *loket_claim_view_get_message (LoketClaimView *self);

G_END_DECLS
