/* loket-receipt-print.h: a receipt (kwitansi), previewed and printed, on the
 * branch's paper (A4 or an 80 mm roll) unless the clerk picks the other. */
#pragma once

#include "loket-document-window.h"
#include "loket-store.h"

G_BEGIN_DECLS

LoketDocumentWindow *loket_receipt_print_window_new (GtkWindow  *parent,
                                                     LoketStore *store,
                                                     const char *number);

G_END_DECLS
