/* loket-claim-letter.h: the letter of a claim's decision, as a PDF
 * (issue 7).
 *
 * A4: the branch letterhead, the letter number and date, the subject, the
 * member and the claimant, the program and the event, the decision; an
 * approval with the benefit lines and the total in figures and in words
 * (terbilang), a rejection with each reason; the documents received and
 * those not; the signing officer (who decided). Two copies: the claimant's,
 * and the branch's internal copy, which adds the claim's history. Like the
 * cards and receipts, an Indonesian document whatever language the
 * interface is in; the text is real text and the file is written
 * atomically (loket-pdf.h). */
#pragma once

#include <glib.h>

#include "loket-claim.h"

G_BEGIN_DECLS

typedef struct {
  const char *branch_name;   /* the letterhead's second line; may be NULL */
  const char *branch_code;   /* may be NULL */
} LoketClaimLetterOptions;

/* Writes the letter of `claim` (with its lines, reasons, documents and
 * history loaded) to `path`. A claim not yet decided (diajukan,
 * diverifikasi) has no letter: LOKET_ERROR_INVALID. A missing font or a
 * failed write is a LOKET_ERROR_STORAGE naming the file, and nothing is left
 * behind. `pages_out` (may be NULL) receives the page count. */
gboolean loket_claim_letter_write_pdf (LoketClaim                     *claim,
                                       const LoketClaimLetterOptions  *options,
                                       const char                     *path,
                                       guint                          *pages_out,
                                       GError                        **error);

G_END_DECLS
