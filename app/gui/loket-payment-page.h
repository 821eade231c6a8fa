/* loket-payment-page.h: the Pembayaran section. Find a member (typed or a
 * scanned card), see their status and what is due, choose the months, see
 * the amount, record it under a receipt. Every rule and every write is the
 * core's (loket-store-payments.h); this page shows and asks. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_PAYMENT_PAGE (loket_payment_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketPaymentPage, loket_payment_page, LOKET, PAYMENT_PAGE, AdwBin)

void         loket_payment_page_set_store    (LoketPaymentPage *self,
                                              LoketStore       *store);
/* Shows the member, their status and the payment they would make next. */
void         loket_payment_page_set_member   (LoketPaymentPage *self,
                                              LoketMember      *member);
/* Back to an empty search with the focus in it. */
void         loket_payment_page_reset        (LoketPaymentPage *self);
void         loket_payment_page_focus_search (LoketPaymentPage *self);

/* For the tests: */
GtkEditable *loket_payment_page_get_search_entry (LoketPaymentPage *self);
LoketMember *loket_payment_page_get_member   (LoketPaymentPage *self);
/* The total shown, in rupiah; -1 when the payment cannot be made. */
gint64       loket_payment_page_get_total    (LoketPaymentPage *self);
/* The message under the form, or NULL. */
const char  *loket_payment_page_get_message  (LoketPaymentPage *self);
/* Chooses 1, 3, 6 or 12 months. */
void         loket_payment_page_set_months   (LoketPaymentPage *self,
                                              int               months);
/* The number of the receipt last recorded here, or NULL. */
const char  *loket_payment_page_get_last_receipt (LoketPaymentPage *self);

G_END_DECLS
