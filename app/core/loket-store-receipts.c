/* loket-store-receipts.c: reading receipts and a member's payments back
 * (declared in loket-store-payments.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-program.h"
#include "loket-store-payments-private.h"

/* ---- reading receipts ---------------------------------------------------- */

static gboolean
load_lines (LoketStore    *self,
            LoketPayment  *payment,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT program, month_from, months, monthly, discount, amount FROM payment_line"
    " WHERE payment_id = ? ORDER BY instr ('jkk,jkm,jht,jp,jkp', program), month_from",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketPaymentLine line = { 0, };
      LoketPrograms program = 0;

      loket_programs_parse ((const char *) sqlite3_column_text (stmt, 0), &program, NULL);
      line.program = loket_program_code (program);
      line.label = g_strdup (loket_program_label (program));
      loket_store_column_month_date (stmt, 1, &line.month_from);
      line.months = sqlite3_column_int (stmt, 2);
      line.monthly = sqlite3_column_int64 (stmt, 3);
      line.discount = sqlite3_column_int64 (stmt, 4);
      line.amount = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (payment->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

#define PAYMENT_COLUMNS \
  "p.id, p.receipt_id, p.member_id, m.kpj, m.name, p.month_from, p.month_until, p.months," \
  " p.total, p.discount, r.number, r.paid_on," \
  " EXISTS (SELECT 1 FROM reversal v WHERE v.receipt_id = p.receipt_id)"
#define PAYMENT_FROM \
  " FROM payment p JOIN member m ON m.id = p.member_id JOIN receipt r ON r.id = p.receipt_id"

static GPtrArray *
collect_payments (LoketStore    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketPayment *payment = loket_payment_new ();

      payment->id = sqlite3_column_int64 (stmt, 0);
      payment->receipt_id = sqlite3_column_int64 (stmt, 1);
      payment->member_id = sqlite3_column_int64 (stmt, 2);
      payment->kpj = loket_store_dup_column_text (stmt, 3);
      payment->name = loket_store_dup_column_text (stmt, 4);
      loket_store_column_month_date (stmt, 5, &payment->month_from);
      loket_store_column_month_date (stmt, 6, &payment->month_until);
      payment->months = sqlite3_column_int (stmt, 7);
      payment->total = sqlite3_column_int64 (stmt, 8);
      payment->discount = sqlite3_column_int64 (stmt, 9);
      payment->receipt_number = loket_store_dup_column_text (stmt, 10);
      loket_store_column_date (stmt, 11, &payment->paid_on);
      payment->reversed = sqlite3_column_int (stmt, 12) != 0;
      g_ptr_array_add (payments, payment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  /* The lines after the payments: one statement is stepped at a time. */
  for (guint i = 0; i < payments->len; i++)
    if (!load_lines (self, g_ptr_array_index (payments, i), error))
      return NULL;
  return g_steal_pointer (&payments);
}

LoketReceipt *
loket_store_find_receipt (LoketStore  *self,
                          const char  *number,
                          GError     **error)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *tidy = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  tidy = g_ascii_strup (number != NULL ? number : "", -1);
  g_strstrip (tidy);
  stmt = loket_store_prepare (self,
    "SELECT r.id, r.number, r.paid_on, r.created_at, r.channel, r.reference, r.clerk, r.payer,"
    " r.payer_name, r.cooperative_id, r.partnership_id, r.total,"
    " v.reversed_on, v.reason, v.clerk"
    " FROM receipt r LEFT JOIN reversal v ON v.receipt_id = r.id WHERE r.number = ?",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tidy, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      receipt = loket_receipt_new ();
      receipt->id = sqlite3_column_int64 (stmt, 0);
      receipt->number = loket_store_dup_column_text (stmt, 1);
      loket_store_column_date (stmt, 2, &receipt->paid_on);
      receipt->created_at = loket_store_dup_column_text (stmt, 3);
      loket_channel_parse ((const char *) sqlite3_column_text (stmt, 4), &receipt->channel, NULL);
      receipt->reference = loket_store_dup_column_text (stmt, 5);
      receipt->clerk = loket_store_dup_column_text (stmt, 6);
      receipt->payer = loket_store_dup_column_text (stmt, 7);
      receipt->payer_name = loket_store_dup_column_text (stmt, 8);
      receipt->cooperative_id = sqlite3_column_int64 (stmt, 9);
      receipt->partnership_id = sqlite3_column_int64 (stmt, 10);
      receipt->total = sqlite3_column_int64 (stmt, 11);
      receipt->reversed = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
      loket_store_column_date (stmt, 12, &receipt->reversed_on);
      receipt->reversal_reason = loket_store_dup_column_text (stmt, 13);
      receipt->reversed_by = loket_store_dup_column_text (stmt, 14);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (receipt == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("Receipt: there is no receipt numbered %s. Check the number printed on it, such as KW-52-2026-000001."),
                   tidy);
      return NULL;
    }

  stmt = loket_store_prepare (self,
    "SELECT " PAYMENT_COLUMNS PAYMENT_FROM " WHERE p.receipt_id = ? ORDER BY m.kpj", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, receipt->id);
  if ((payments = collect_payments (self, stmt, error)) == NULL)
    return NULL;
  g_clear_pointer (&receipt->payments, g_ptr_array_unref);
  receipt->payments = g_steal_pointer (&payments);
  for (guint i = 0; i < receipt->payments->len; i++)
    receipt->discount += ((LoketPayment *) g_ptr_array_index (receipt->payments, i))->discount;
  return g_steal_pointer (&receipt);
}

GPtrArray *
loket_store_list_member_payments (LoketStore  *self,
                                  gint64       member_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " PAYMENT_COLUMNS PAYMENT_FROM " WHERE p.member_id = ?"
    " ORDER BY p.month_from DESC, p.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return collect_payments (self, stmt, error);
}
