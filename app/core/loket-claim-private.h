/* loket-claim-private.h: what the claim files of the core share. */
#pragma once

#include "loket-claim.h"

G_BEGIN_DECLS

/* "death, disability, temporary": the kind codes of a program, for
 * messages. */
char *loket_claim_kinds_text (LoketClaimProgram program);

G_END_DECLS
