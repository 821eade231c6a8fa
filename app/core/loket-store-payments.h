/* loket-store-payments.h: payments, receipts, reversals and status in the
 * store (issue 6, domain.md §2).
 *
 * (loket-store-payments.c: one member's payment, status and reversal;
 * loket-store-receipts.c: reading receipts back;
 * loket-store-collective.c: a cooperative paying for its members;
 * the reports are in loket-store-reports.h.)
 *
 * Every write checks what the member has already paid inside its own
 * transaction (BEGIN IMMEDIATE), so two clerks paying the same month at
 * once get one payment and one refusal, and the receipt number is taken in
 * that transaction too: numbers are unique and sequential per branch and
 * year, with no gap. A payment is never changed or deleted; a mistake is
 * reversed, whole receipt at a time, with a reason and who reversed it. */
#pragma once

#include "loket-payment.h"
#include "loket-receipt.h"
#include "loket-store.h"

G_BEGIN_DECLS

/* The paper receipts are printed on at this branch: "a4" (the default) or
 * "80mm", a thermal roll. */
#define LOKET_SETTING_RECEIPT_WIDTH "receipt.width"

/* The branch's receipt paper (LOKET_SETTING_RECEIPT_WIDTH), A4 when unset. */
LoketReceiptWidth loket_store_get_receipt_width (LoketStore *self);

typedef struct {
  int           months;          /* 1, 3, 6 or 12 */
  GDate         from;            /* any day of the first month to pay;
                                  * cleared: the month loket_store_get_member_status
                                  * gives as pay_from (a cooperative: the current month) */
  LoketChannel  channel;
  const char   *reference;       /* the channel's transaction number; may be NULL */
  const char   *clerk;           /* who took the money (loket_staff_current_name) */
  gint64        expected_total;  /* the amount the payer states; < 0 when not stated */
} LoketPaymentRequest;

/* Sets the fields to "not stated": no from, no expected total. */
void          loket_payment_request_init   (LoketPaymentRequest *request);

/* What the member with the KPJ would pay for the request on `today`,
 * checked as loket_store_pay checks it, without writing anything. */
LoketPayment *loket_store_quote_payment    (LoketStore                *self,
                                            const char                *kpj,
                                            const LoketPaymentRequest *request,
                                            const GDate               *today,
                                            GError                   **error);

/* Records the payment of the member with the KPJ under a new receipt.
 * Refused (nothing written): no such member (LOKET_ERROR_NOT_FOUND); not BPU,
 * a period other than 1, 3, 6 or 12 months, a start before the arrears
 * window or the registration, a start that would leave earlier months
 * unpaid, or an expected total that differs from the computed one
 * (LOKET_ERROR_INVALID, naming both amounts); a month already paid
 * (LOKET_ERROR_CONFLICT naming the month and its receipt). */
LoketReceipt *loket_store_pay              (LoketStore                *self,
                                            const char                *kpj,
                                            const LoketPaymentRequest *request,
                                            const GDate               *today,
                                            GError                   **error);

/* A cooperative pays, in one transaction and under one receipt, for the
 * members with the KPJs in `kpjs` (NULL-terminated; NULL or empty for all
 * its members), each for the same months: request->from (cleared: the
 * current month) for request->months. Its PKS must be in force on `today`
 * (see loket_store_get_active_partnership); the payer is the PKS's, and a
 * PKS paid by local government (APBD) gets no PP 50/2025 discount. A named
 * member who is not the cooperative's is a LOKET_ERROR_INVALID. Members who
 * cannot be paid for those months (already paid, in arrears before them,
 * not BPU…) are left out and listed in *skipped (LoketPaymentSkip, also on
 * failure); when nobody is left the payment is refused: LOKET_ERROR_CONFLICT
 * when every one had paid already, else LOKET_ERROR_INVALID. */
LoketReceipt *loket_store_pay_collective   (LoketStore                *self,
                                            gint64                     cooperative_id,
                                            const char *const         *kpjs,
                                            const LoketPaymentRequest *request,
                                            const GDate               *today,
                                            GPtrArray                **skipped,
                                            GError                   **error);

/* What loket_store_pay_collective would record for the same arguments, with
 * the same checks and the same members skipped, written nowhere: the
 * receipt has its payments and total but no number. */
LoketReceipt *loket_store_quote_collective (LoketStore                *self,
                                            gint64                     cooperative_id,
                                            const char *const         *kpjs,
                                            const LoketPaymentRequest *request,
                                            const GDate               *today,
                                            GPtrArray                **skipped,
                                            GError                   **error);

/* The member's standing on `on`: the status, when protection ends, the
 * months behind and what they come to, and where a payment would start. */
gboolean      loket_store_get_member_status (LoketStore               *self,
                                            LoketMember               *member,
                                            const GDate               *on,
                                            LoketMemberStatus         *out,
                                            GError                   **error);

/* The receipt with the number, its payments and lines, and its reversal if
 * any; LOKET_ERROR_NOT_FOUND when there is none. */
LoketReceipt *loket_store_find_receipt     (LoketStore                *self,
                                            const char                *number,
                                            GError                   **error);

/* Reverses the receipt with the number on `today`: its months become unpaid
 * again. `reason` is required (LOKET_ERROR_INVALID when blank), so is the
 * `clerk` who reverses it (a supervisor, once roles exist: issue 8); a
 * receipt already reversed is a LOKET_ERROR_CONFLICT. Returns the receipt as
 * reversed. */
LoketReceipt *loket_store_reverse_receipt  (LoketStore                *self,
                                            const char                *number,
                                            const char                *reason,
                                            const char                *clerk,
                                            const GDate               *today,
                                            GError                   **error);

/* Every payment of a member, the latest first, reversed ones included (see
 * LoketPayment.reversed): the member page's history. */
GPtrArray    *loket_store_list_member_payments (LoketStore            *self,
                                            gint64                     member_id,
                                            GError                   **error);

G_END_DECLS
