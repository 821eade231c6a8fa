/* loket-claim-form.h: taking a claim: the member, the program, the event,
 * who claims, the documents brought; the core judges it as the clerk types
 * (eligibility with every reason, the benefit line by line), and Ctrl+Enter
 * takes it. An heir not yet recorded is added here too. */
#pragma once

#include <adwaita.h>

#include "loket-claim.h"
#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_CLAIM_FORM (loket_claim_form_get_type ())

G_DECLARE_FINAL_TYPE (LoketClaimForm, loket_claim_form, LOKET, CLAIM_FORM, AdwBin)

void        loket_claim_form_set_store   (LoketClaimForm *self,
                                          LoketStore     *store);
/* Empties the form for a new claim, with `member` chosen (may be NULL). */
void        loket_claim_form_reset       (LoketClaimForm *self,
                                          LoketMember    *member);
void        loket_claim_form_focus       (LoketClaimForm *self);

/* For the tests: fill in as the clerk would, and read back the judgement. */
void        loket_claim_form_set_member_text (LoketClaimForm    *self,
                                          const char        *text);
void        loket_claim_form_set_program (LoketClaimForm    *self,
                                          LoketClaimProgram  program);
void        loket_claim_form_set_event_date_text (LoketClaimForm *self,
                                          const char        *text);
void        loket_claim_form_set_claimant (LoketClaimForm   *self,
                                          gint64             heir_id);
/* The judged claim shown (borrowed), or NULL when it cannot be judged. */
LoketClaim *loket_claim_form_get_preview (LoketClaimForm *self);
const char *loket_claim_form_get_message (LoketClaimForm *self);
/* Takes the claim; its id, or 0 when the core refused it (the message
 * says why). */
gint64      loket_claim_form_submit      (LoketClaimForm *self);

G_END_DECLS
