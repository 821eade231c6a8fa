/* loket-store-payments-private.h: what the store's payment files share. */
#pragma once

#include "loket-store-payments.h"
#include "loket-store-private.h"

G_BEGIN_DECLS

/* Months in the database: 'YYYY-MM-01' and month indices. */
int           loket_store_column_month     (sqlite3_stmt   *stmt,
                                            int             column);
void          loket_store_bind_month       (sqlite3_stmt   *stmt,
                                            int             index,
                                            int             month);
void          loket_store_column_month_date (sqlite3_stmt  *stmt,
                                            int             column,
                                            GDate          *out);

/* The arrears window in force on `on` (LOKET_RATE_ARREARS_MONTHS). */
gboolean      loket_store_arrears_window   (LoketRateBook  *book,
                                            const GDate    *on,
                                            int            *window,
                                            GError        **error);

/* The member's paid runs (LoketPaidRun), sorted; NULL on a storage error. */
GArray       *loket_store_load_runs        (LoketStore     *self,
                                            gint64          member_id,
                                            GError        **error);

/* Checks request against what `member` has paid (inside the caller's
 * transaction when it is to be written) and prices it. `from` overrides
 * request->from when valid. */
LoketPayment *loket_store_plan_payment     (LoketStore                *self,
                                            LoketRateBook             *book,
                                            LoketMember               *member,
                                            const LoketPaymentRequest *request,
                                            const GDate               *from,
                                            const GDate               *today,
                                            gboolean                   state_funded,
                                            GError                   **error);

/* Inside the caller's transaction: takes the next number, writes the
 * receipt and its payments with their lines, and rewrites the paid runs of
 * every member on it. Sets the ids, number and created_at. */
gboolean      loket_store_write_receipt    (LoketStore     *self,
                                            LoketReceipt   *receipt,
                                            const GDate    *today,
                                            GError        **error);

/* The refusal of a total that is not what the payer stated, or TRUE. */
gboolean      loket_store_check_expected_total (gint64       expected,
                                            gint64          total,
                                            const char     *what,
                                            GError        **error);

G_END_DECLS
