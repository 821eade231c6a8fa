/* loket-claims-page.h: the Klaim section: the claims by status, the newest
 * first; a new claim (LoketClaimForm); one claim with its next steps
 * (LoketClaimView). */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_CLAIMS_PAGE (loket_claims_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketClaimsPage, loket_claims_page, LOKET, CLAIMS_PAGE, AdwBin)

void        loket_claims_page_set_store  (LoketClaimsPage *self,
                                          LoketStore      *store);
/* The list, read again. */
void        loket_claims_page_show_list  (LoketClaimsPage *self);
/* A new claim, for `member` when not NULL. */
void        loket_claims_page_show_new   (LoketClaimsPage *self,
                                          LoketMember     *member);
void        loket_claims_page_show_claim (LoketClaimsPage *self,
                                          gint64           id);
/* "list", "new" or "claim". */
const char *loket_claims_page_get_mode   (LoketClaimsPage *self);
/* How many claims the list shows. */
guint       loket_claims_page_get_count  (LoketClaimsPage *self);

G_END_DECLS
