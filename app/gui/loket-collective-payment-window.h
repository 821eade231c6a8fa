/* loket-collective-payment-window.h: "Bayar kolektif": a cooperative pays
 * for all its members at once, under its PKS, in one transaction and one
 * receipt. The window shows the core's quote (who is paid, for how much,
 * who is left out and why) before anything is recorded. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_COLLECTIVE_PAYMENT_WINDOW (loket_collective_payment_window_get_type ())

G_DECLARE_FINAL_TYPE (LoketCollectivePaymentWindow, loket_collective_payment_window,
                      LOKET, COLLECTIVE_PAYMENT_WINDOW, AdwWindow)

LoketCollectivePaymentWindow *loket_collective_payment_window_new (GtkWindow  *parent,
                                                                   LoketStore *store,
                                                                   gint64      cooperative_id,
                                                                   const char *cooperative_name);

/* For the tests: the quoted total (-1 when nothing can be paid), how many
 * members it pays and skips, the message shown, and choosing the months. */
gint64      loket_collective_payment_window_get_total   (LoketCollectivePaymentWindow *self);
guint       loket_collective_payment_window_get_paid    (LoketCollectivePaymentWindow *self);
guint       loket_collective_payment_window_get_skipped (LoketCollectivePaymentWindow *self);
const char *loket_collective_payment_window_get_message (LoketCollectivePaymentWindow *self);
void        loket_collective_payment_window_set_months  (LoketCollectivePaymentWindow *self,
                                                         int                           months);

G_END_DECLS
