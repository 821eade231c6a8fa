/* loket-receipt.h: receipts (kwitansi) as a PDF (issue 6).
 *
 * The number, the day, who paid, through which channel, each member with
 * their months and the amounts per program and price, the total in figures
 * and in words (terbilang), and the clerk; a reversed receipt says so, with
 * when, by whom and why. On A4, or on an 80 mm thermal roll (one long page
 * the length of the receipt), since counters print both. Like the cards, the
 * receipt is an Indonesian document whatever language the interface is in;
 * the text is real text, and the file is written atomically (loket-pdf.h). */
#pragma once

#include <glib.h>

#include "loket-payment.h"

G_BEGIN_DECLS

typedef enum {
  LOKET_RECEIPT_A4,
  LOKET_RECEIPT_ROLL_80MM,
} LoketReceiptWidth;

/* "a4" or "80mm". */
const char *loket_receipt_width_code  (LoketReceiptWidth   width);
/* "a4" or "80mm", any case; the error names `field_label` and the two. */
gboolean    loket_receipt_width_parse (const char         *text,
                                       const char         *field_label,
                                       LoketReceiptWidth  *out,
                                       GError            **error);

typedef struct {
  const char        *branch_name;  /* printed under the agency's name; may be NULL */
  LoketReceiptWidth  width;
} LoketReceiptOptions;

/* Writes `receipt` to `path`. A missing font or a failed write is a
 * LOKET_ERROR_STORAGE naming the file, and nothing is left behind.
 * `pages_out` (may be NULL) receives the page count. */
gboolean    loket_receipt_write_pdf   (LoketReceipt              *receipt,
                                       const LoketReceiptOptions *options,
                                       const char                *path,
                                       guint                     *pages_out,
                                       GError                   **error);

G_END_DECLS
