/* loket-store-payments.c: one member's payment, status and reversal, and
 * the receipt writing the collective payment shares. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-program.h"
#include "loket-store-payments-private.h"

void
loket_payment_request_init (LoketPaymentRequest *request)
{
  memset (request, 0, sizeof *request);
  g_date_clear (&request->from, 1);
  request->channel = LOKET_CHANNEL_COUNTER;
  request->expected_total = -1;
}

LoketReceiptWidth
loket_store_get_receipt_width (LoketStore *self)
{
  g_autofree char *value = loket_store_dup_setting (self, LOKET_SETTING_RECEIPT_WIDTH);
  LoketReceiptWidth width = LOKET_RECEIPT_A4;

  if (value != NULL)
    loket_receipt_width_parse (value, "", &width, NULL);
  return width;
}

gboolean
loket_store_arrears_window (LoketRateBook  *book,
                            const GDate    *on,
                            int            *window,
                            GError        **error)
{
  gint64 value;

  if (!loket_rate_book_get (book, LOKET_RATE_ARREARS_MONTHS, on, &value, error))
    return FALSE;
  /* A window of 0 would make every member nonaktif on the 1st: a typo. */
  *window = (int) CLAMP (value, 1, 120);
  return TRUE;
}

/* ---- months in the database ---------------------------------------------- */

void
loket_store_bind_month (sqlite3_stmt *stmt,
            int           index,
            int           month)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04d-%02d-01", month / 12, month % 12 + 1);
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

/* 'YYYY-MM-01' as a month index; reports read a great many of them. */
int
loket_store_column_month (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || strlen (text) < 7)
    return 0;
  return ((text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0')) * 12
         + (text[5] - '0') * 10 + (text[6] - '0') - 1;
}

void
loket_store_column_month_date (sqlite3_stmt *stmt,
                               int           column,
                               GDate        *out)
{
  loket_month_first_day (loket_store_column_month (stmt, column), out);
}

/* ---- paid runs ----------------------------------------------------------- */

GArray *
loket_store_load_runs (LoketStore  *self,
                       gint64       member_id,
                       GError     **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (LoketPaidRun));
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT month_from, month_until FROM coverage WHERE member_id = ? ORDER BY month_from",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketPaidRun run = { loket_store_column_month (stmt, 0), loket_store_column_month (stmt, 1) };

      g_array_append_val (runs, run);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&runs);
}

/* Rewrites the member's runs from their payments whose receipt stands,
 * inside the caller's transaction: the one place status data is written. */
static gboolean
rebuild_runs (LoketStore  *self,
              gint64       member_id,
              GError     **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (LoketPaidRun));
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT p.month_from, p.month_until FROM payment p WHERE p.member_id = ?"
    " AND NOT EXISTS (SELECT 1 FROM reversal v WHERE v.receipt_id = p.receipt_id)"
    " ORDER BY p.month_from",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketPaidRun run = { loket_store_column_month (stmt, 0), loket_store_column_month (stmt, 1) };
      LoketPaidRun *last = runs->len > 0 ? &g_array_index (runs, LoketPaidRun, runs->len - 1) : NULL;

      /* Runs that touch are one: protection does not stop between them. */
      if (last != NULL && run.from <= last->until + 1)
        last->until = MAX (last->until, run.until);
      else
        g_array_append_val (runs, run);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  stmt = loket_store_prepare (self, "DELETE FROM coverage WHERE member_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < runs->len; i++)
    {
      const LoketPaidRun *run = &g_array_index (runs, LoketPaidRun, i);

      stmt = loket_store_prepare (self,
        "INSERT INTO coverage (member_id, month_from, month_until) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      loket_store_bind_month (stmt, 2, run->from);
      loket_store_bind_month (stmt, 3, run->until);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- checking a period --------------------------------------------------- */

/* The receipt that paid the member's `month`, or NULL. */
static char *
receipt_of_month (LoketStore *self,
                  gint64      member_id,
                  int         month)
{
  sqlite3_stmt *stmt;
  char *number = NULL;

  stmt = loket_store_prepare (self,
    "SELECT r.number FROM payment p JOIN receipt r ON r.id = p.receipt_id"
    " WHERE p.member_id = ?1 AND p.month_from <= ?2 AND p.month_until >= ?2"
    " AND NOT EXISTS (SELECT 1 FROM reversal v WHERE v.receipt_id = p.receipt_id)"
    " ORDER BY p.id DESC LIMIT 1",
    NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  loket_store_bind_month (stmt, 2, month);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = loket_store_dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return number;
}

static char *
month_text (int month)
{
  GDate date;

  loket_month_first_day (month, &date);
  return loket_month_format (&date);
}

static char *
span_text (int from,
           int until)
{
  GDate first, last;

  loket_month_first_day (from, &first);
  loket_month_first_day (until, &last);
  return loket_month_span_format (&first, &last);
}

/* Where the period may start: not before the arrears window or the
 * registration, not on a month already paid, and not after the month due
 * (which would leave the months between unpaid). */
static gboolean
check_start (LoketStore               *self,
             LoketMember              *member,
             const LoketMemberStatus  *status,
             const GArray             *runs,
             int                       start,
             int                       months,
             int                       registered,
             GError                  **error)
{
  int earliest = loket_month_index (&status->earliest_from);
  int due = loket_month_index (&status->pay_from);
  int last = start + months - 1;
  g_autofree char *start_text = month_text (start);

  if (start < earliest)
    {
      g_autofree char *earliest_text = month_text (earliest);

      if (earliest == registered)
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     /* Translators: months such as "Oktober 2026", a name, a month */
                     _("From: %s is before %s registered (%s). Pay from %s or later."),
                     start_text, member->name, earliest_text, earliest_text);
      else
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     /* Translators: a month, the window in months, a month */
                     _("From: %s is outside the arrears window: unpaid months can be paid up to %d months back, the current month included. Pay from %s or later."),
                     start_text, status->window, earliest_text);
      return FALSE;
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const LoketPaidRun *run = &g_array_index (runs, LoketPaidRun, i);

      if (run->from <= last && run->until >= start)
        {
          int paid = MAX (run->from, start);
          g_autofree char *paid_text = month_text (paid);
          g_autofree char *due_text = month_text (due);
          g_autofree char *receipt = receipt_of_month (self, member->id, paid);

          g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                       /* Translators: a month, a receipt number, a name, a month */
                       _("Months: %s is already paid (receipt %s); %s pays each month once. The next month to pay is %s."),
                       paid_text, receipt != NULL ? receipt : "–", member->name, due_text);
          return FALSE;
        }
    }

  if (start > due)
    {
      g_autofree char *due_text = month_text (due);

      if (status->status == LOKET_STATUS_AKTIF || status->status == LOKET_STATUS_MENUNGGAK)
        {
          g_autofree char *gap = span_text (due, start - 1);

          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       /* Translators: a month, a span of months, a month */
                       _("From: starting in %s would leave %s unpaid. Pay from %s first."),
                       start_text, gap, due_text);
        }
      else
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("From: %s is after the current month. A member who is not paying now starts again from %s at the latest."),
                     start_text, due_text);
      return FALSE;
    }
  return TRUE;
}

LoketPayment *
loket_store_plan_payment (LoketStore                *self,
                          LoketRateBook             *book,
                          LoketMember               *member,
                          const LoketPaymentRequest *request,
                          const GDate               *from,
                          const GDate               *today,
                          gboolean                   state_funded,
                          GError                   **error)
{
  g_autoptr(GArray) runs = NULL;
  LoketMemberStatus status;
  int window, month, registered, start;
  GDate first;

  if (!loket_payment_check_period (member, request->months, error)
      || !loket_store_arrears_window (book, today, &window, error))
    return NULL;
  if ((runs = loket_store_load_runs (self, member->id, error)) == NULL)
    return NULL;

  month = loket_month_index (today);
  registered = g_date_valid (&member->registered_on) ? loket_month_index (&member->registered_on) : 0;
  loket_payment_classify ((const LoketPaidRun *) runs->data, runs->len, month, registered, window, &status);

  if (from != NULL && g_date_valid (from))
    start = loket_month_index (from);
  else if (g_date_valid (&request->from))
    start = loket_month_index (&request->from);
  else
    start = loket_month_index (&status.pay_from);

  if (!check_start (self, member, &status, runs, start, request->months, registered, error))
    return NULL;
  loket_month_first_day (start, &first);
  return loket_payment_price (book, member, &first, request->months, state_funded, error);
}

gboolean
loket_store_check_expected_total (gint64       expected,
                                  gint64       total,
                                  const char  *what,
                                  GError     **error)
{
  g_autofree char *stated = NULL;
  g_autofree char *computed = NULL;

  if (expected < 0 || expected == total)
    return TRUE;
  stated = loket_format_rupiah (expected);
  computed = loket_format_rupiah (total);
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               /* Translators: an amount, months such as "November 2026 – Januari 2027", an amount */
               _("Amount: %s was stated, but %s comes to %s. Check the money received or the months; nothing was recorded."),
               stated, what, computed);
  return FALSE;
}

/* ---- writing a receipt --------------------------------------------------- */

static gboolean
take_receipt_sequence (LoketStore  *self,
                       int          year,
                       char       **prefix_out,
                       gint64      *sequence,
                       GError     **error)
{
  g_autofree char *prefix = loket_store_dup_setting (self, LOKET_SETTING_KPJ_PREFIX);
  sqlite3_stmt *stmt;
  int rc;

  /* The same default as the KPJ's: a branch that has not set its prefix. */
  if (prefix == NULL)
    prefix = g_strdup ("01");
  stmt = loket_store_prepare (self,
    "INSERT INTO receipt_counter (prefix, year, next_sequence) VALUES (?1, ?2, 2)"
    " ON CONFLICT (prefix, year) DO UPDATE SET next_sequence = next_sequence + 1"
    " RETURNING next_sequence - 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *sequence = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  *prefix_out = g_steal_pointer (&prefix);
  return TRUE;
}

static gboolean
insert_payment (LoketStore    *self,
                gint64         receipt_id,
                LoketPayment  *payment,
                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "INSERT INTO payment (receipt_id, member_id, month_from, month_until, months, total, discount)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  sqlite3_bind_int64 (stmt, 2, payment->member_id);
  loket_store_bind_date (stmt, 3, &payment->month_from);
  loket_store_bind_date (stmt, 4, &payment->month_until);
  sqlite3_bind_int (stmt, 5, payment->months);
  sqlite3_bind_int64 (stmt, 6, payment->total);
  sqlite3_bind_int64 (stmt, 7, payment->discount);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  payment->id = sqlite3_last_insert_rowid (self->db);
  payment->receipt_id = receipt_id;

  for (guint i = 0; i < payment->lines->len; i++)
    {
      const LoketPaymentLine *line = &g_array_index (payment->lines, LoketPaymentLine, i);

      stmt = loket_store_prepare (self,
        "INSERT INTO payment_line (payment_id, program, month_from, months, monthly, discount, amount)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, payment->id);
      sqlite3_bind_text (stmt, 2, line->program, -1, SQLITE_STATIC);
      loket_store_bind_date (stmt, 3, &line->month_from);
      sqlite3_bind_int (stmt, 4, line->months);
      sqlite3_bind_int64 (stmt, 5, line->monthly);
      sqlite3_bind_int64 (stmt, 6, line->discount);
      sqlite3_bind_int64 (stmt, 7, line->amount);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }
  return rebuild_runs (self, payment->member_id, error);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
loket_store_write_receipt (LoketStore    *self,
                           LoketReceipt  *receipt,
                           const GDate   *today,
                           GError       **error)
{
  g_autofree char *prefix = NULL;
  sqlite3_stmt *stmt;
  gint64 sequence;
  int year = g_date_get_year (today);

  if (!take_receipt_sequence (self, year, &prefix, &sequence, error))
    return FALSE;
  g_free (receipt->number);
  receipt->number = g_strdup_printf ("KW-%s-%04d-%06" G_GINT64_FORMAT, prefix, year, sequence);
  g_free (receipt->created_at);
  receipt->created_at = loket_store_now_utc ();
  receipt->paid_on = *today;

  stmt = loket_store_prepare (self,
    "INSERT INTO receipt (number, prefix, year, sequence, paid_on, channel, reference, clerk,"
    " payer, payer_name, cooperative_id, partnership_id, total, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receipt->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_int64 (stmt, 4, sequence);
  loket_store_bind_date (stmt, 5, today);
  sqlite3_bind_text (stmt, 6, loket_channel_code (receipt->channel), -1, SQLITE_STATIC);
  loket_store_bind_text_or_null (stmt, 7, receipt->reference);
  sqlite3_bind_text (stmt, 8, receipt->clerk, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, receipt->payer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, receipt->payer_name, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 11, receipt->cooperative_id);
  bind_id_or_null (stmt, 12, receipt->partnership_id);
  sqlite3_bind_int64 (stmt, 13, receipt->total);
  sqlite3_bind_text (stmt, 14, receipt->created_at, -1, SQLITE_STATIC);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  receipt->id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < receipt->payments->len; i++)
    {
      LoketPayment *payment = g_ptr_array_index (receipt->payments, i);

      if (!insert_payment (self, receipt->id, payment, error))
        return FALSE;
      g_free (payment->receipt_number);
      payment->receipt_number = g_strdup (receipt->number);
      payment->paid_on = *today;
    }
  return TRUE;
}

/* ---- one member ---------------------------------------------------------- */

static gboolean
check_clerk (const char  *clerk,
             GError     **error)
{
  if (clerk != NULL && *clerk != '\0')
    return TRUE;
  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Clerk: every payment and reversal names the staff member who made it. Give the name with --user or LOKET_USER."));
  return FALSE;
}

LoketPayment *
loket_store_quote_payment (LoketStore                 *self,
                           const char                 *kpj,
                           const LoketPaymentRequest  *request,
                           const GDate                *today,
                           GError                    **error)
{
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(LoketRateBook) book = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if ((member = loket_store_find_member_by_kpj (self, kpj, error)) == NULL
      || (book = loket_store_dup_rate_book (self, error)) == NULL)
    return NULL;
  return loket_store_plan_payment (self, book, member, request, NULL, today, FALSE, error);
}

static LoketReceipt *
write_single (LoketStore                 *self,
              LoketRateBook              *book,
              const char                 *kpj,
              const LoketPaymentRequest  *request,
              const GDate                *today,
              GError                    **error)
{
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(LoketPayment) payment = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autofree char *span = NULL;

  /* Read again inside the transaction: what another counter paid a moment
   * ago counts. */
  if ((member = loket_store_find_member_by_kpj (self, kpj, error)) == NULL)
    return NULL;
  payment = loket_store_plan_payment (self, book, member, request, NULL, today, FALSE, error);
  if (payment == NULL)
    return NULL;
  span = loket_month_span_format (&payment->month_from, &payment->month_until);
  if (!loket_store_check_expected_total (request->expected_total, payment->total, span, error))
    return NULL;

  receipt = loket_receipt_new ();
  receipt->channel = request->channel;
  receipt->reference = request->reference != NULL && *request->reference != '\0'
                       ? g_strstrip (g_strdup (request->reference)) : NULL;
  receipt->clerk = g_strdup (request->clerk);
  receipt->payer = g_strdup ("member");
  receipt->payer_name = g_strdup (member->name);
  receipt->total = payment->total;
  receipt->discount = payment->discount;
  g_ptr_array_add (receipt->payments, g_steal_pointer (&payment));
  if (!loket_store_write_receipt (self, receipt, today, error))
    return NULL;
  return g_steal_pointer (&receipt);
}

LoketReceipt *
loket_store_pay (LoketStore                 *self,
                 const char                 *kpj,
                 const LoketPaymentRequest  *request,
                 const GDate                *today,
                 GError                    **error)
{
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  LoketPaymentRequest session_request;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->channel < LOKET_N_CHANNELS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_PAY, error))
    return NULL;
  session_request = *request;
  session_request.clerk = loket_store_clerk (self, request->clerk);
  request = &session_request;
  if (!check_clerk (request->clerk, error)
      || (book = loket_store_dup_rate_book (self, error)) == NULL
      || !loket_store_begin (self, error))
    return NULL;
  receipt = write_single (self, book, kpj, request, today, error);
  if (receipt == NULL)
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&receipt);
}

gboolean
loket_store_get_member_status (LoketStore         *self,
                               LoketMember        *member,
                               const GDate        *on,
                               LoketMemberStatus  *out,
                               GError            **error)
{
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(GArray) runs = NULL;
  int window, month, registered;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (LOKET_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (on != NULL && g_date_valid (on), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if ((book = loket_store_dup_rate_book (self, error)) == NULL
      || !loket_store_arrears_window (book, on, &window, error)
      || (runs = loket_store_load_runs (self, member->id, error)) == NULL)
    return FALSE;

  month = loket_month_index (on);
  registered = g_date_valid (&member->registered_on) ? loket_month_index (&member->registered_on) : 0;
  loket_payment_classify ((const LoketPaidRun *) runs->data, runs->len, month, registered, window, out);
  out->on = *on;

  if (out->status == LOKET_STATUS_MENUNGGAK)
    for (int m = loket_month_index (&out->pay_from); m <= month; m++)
      {
        GDate first;
        gint64 total;

        loket_month_first_day (m, &first);
        if (!loket_payment_month_total (book, member->segment, member->programs, member->income,
                                        member->occupation, &first, &total, error))
          return FALSE;
        out->amount_due += total;
      }
  return TRUE;
}

/* ---- reversal ------------------------------------------------------------ */

static gboolean
write_reversal (LoketStore    *self,
                const char    *number,
                const char    *reason,
                const char    *clerk,
                const GDate   *today,
                GError       **error)
{
  g_autoptr(LoketReceipt) receipt = loket_store_find_receipt (self, number, error);
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  if (receipt == NULL)
    return FALSE;
  if (receipt->reversed)
    {
      g_autofree char *on = loket_format_date (&receipt->reversed_on);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   /* Translators: a receipt number, a date, a name, the reason given */
                   _("Receipt %s was already reversed on %s by %s (“%s”). A receipt is reversed once."),
                   receipt->number, on, receipt->reversed_by, receipt->reversal_reason);
      return FALSE;
    }

  now = loket_store_now_utc ();
  stmt = loket_store_prepare (self,
    "INSERT INTO reversal (receipt_id, reversed_on, reason, clerk, created_at) VALUES (?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt->id);
  loket_store_bind_date (stmt, 2, today);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clerk, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < receipt->payments->len; i++)
    if (!rebuild_runs (self, ((LoketPayment *) g_ptr_array_index (receipt->payments, i))->member_id, error))
      return FALSE;
  return TRUE;
}

LoketReceipt *
loket_store_reverse_receipt (LoketStore   *self,
                             const char   *number,
                             const char   *reason,
                             const char   *clerk,
                             const GDate  *today,
                             GError      **error)
{
  g_autofree char *tidy_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (*tidy_reason == '\0')
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Reason: a reversal needs its reason. Write why the payment is reversed (--reason), such as “wrong member”."));
      return NULL;
    }
  if (!loket_store_require (self, LOKET_RIGHT_REVERSE, error))
    return NULL;
  clerk = loket_store_clerk (self, clerk);
  if (!check_clerk (clerk, error) || !loket_store_begin (self, error))
    return NULL;
  if (!write_reversal (self, number, tidy_reason, clerk, today, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return loket_store_find_receipt (self, number, error);
}
