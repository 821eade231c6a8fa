/* loket-store-collective.c: a cooperative paying for its members, in one
 * transaction and under one receipt (declared in loket-store-payments.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-store-cooperatives.h"
#include "loket-store-payments-private.h"

static gint
compare_kpj (gconstpointer a,
             gconstpointer b)
{
  LoketMember *x = *(LoketMember *const *) a;
  LoketMember *y = *(LoketMember *const *) b;

  return g_strcmp0 (x->kpj, y->kpj);
}

static gboolean
is_member_of (LoketStore  *self,
              gint64       cooperative_id,
              gint64       member_id,
              gboolean    *found,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT 1 FROM cooperative_member WHERE cooperative_id = ? AND member_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/* The members to pay for: those named (each must be the cooperative's), or
 * all its members; by KPJ, each once. */
static GPtrArray *
members_to_pay (LoketStore         *self,
                LoketCooperative   *cooperative,
                const char *const  *kpjs,
                GError            **error)
{
  g_autoptr(GPtrArray) members = NULL;

  if (kpjs == NULL || kpjs[0] == NULL)
    {
      g_autoptr(GArray) ids = loket_store_dup_cooperative_member_ids (self, cooperative->id, "", 0, error);

      if (ids == NULL)
        return NULL;
      members = loket_store_load_members (self, (const gint64 *) ids->data, ids->len, error);
      if (members == NULL)
        return NULL;
    }
  else
    {
      members = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; kpjs[i] != NULL; i++)
        {
          g_autoptr(LoketMember) member = loket_store_find_member_by_kpj (self, kpjs[i], error);
          gboolean found = FALSE, twice = FALSE;

          if (member == NULL || !is_member_of (self, cooperative->id, member->id, &found, error))
            return NULL;
          if (!found)
            {
              g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           /* Translators: a name, a KPJ, a cooperative's name */
                           _("Members: %s (KPJ %s) is not a member of %s. Leave them out, or pay for them on their own."),
                           member->name, member->kpj, cooperative->name);
              return NULL;
            }
          for (guint j = 0; j < members->len; j++)
            twice |= ((LoketMember *) g_ptr_array_index (members, j))->id == member->id;
          if (!twice)
            g_ptr_array_add (members, g_steal_pointer (&member));
        }
    }

  if (members->len == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Members: %s has no members to pay for. Import its member list first."),
                   cooperative->name);
      return NULL;
    }
  g_ptr_array_sort (members, compare_kpj);
  return g_steal_pointer (&members);
}

static void
add_skip (GPtrArray    *skipped,
          LoketMember  *member,
          const GError *reason)
{
  LoketPaymentSkip *skip = g_new0 (LoketPaymentSkip, 1);

  skip->member_id = member->id;
  skip->kpj = g_strdup (member->kpj);
  skip->name = g_strdup (member->name);
  skip->code = g_strdup (g_error_matches (reason, LOKET_ERROR, LOKET_ERROR_CONFLICT)
                         ? "already-paid" : "not-payable");
  skip->message = g_strdup (reason->message);
  g_ptr_array_add (skipped, skip);
}

static const char *
payer_code (LoketPayer payer)
{
  switch (payer)
    {
    case LOKET_PAYER_COOP: return "coop";
    case LOKET_PAYER_SPONSOR: return "sponsor";
    case LOKET_PAYER_PEMDA: return "pemda";
    case LOKET_PAYER_MEMBERS:
    default: return "members";
    }
}

static LoketReceipt *
write_collective (LoketStore                 *self,
                  LoketRateBook              *book,
                  gint64                      cooperative_id,
                  const char *const          *kpjs,
                  const LoketPaymentRequest  *request,
                  const GDate                *today,
                  GPtrArray                  *skipped,
                  GError                    **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(LoketPartnership) partnership = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autofree char *span = NULL;
  gboolean state_funded, all_paid = TRUE;
  GDate from, until;

  if ((partnership = loket_store_get_active_partnership (self, cooperative_id, today, error)) == NULL
      || (cooperative = loket_store_find_cooperative (self, cooperative_id, error)) == NULL
      || (members = members_to_pay (self, cooperative, kpjs, error)) == NULL)
    return NULL;

  /* Everyone pays for the same months, by default from the current one. */
  from = g_date_valid (&request->from) ? request->from : *today;
  g_date_set_day (&from, 1);
  /* Contributions paid from APBN/APBD get no PP 50/2025 discount. */
  state_funded = partnership->payer == LOKET_PAYER_PEMDA;

  receipt = loket_receipt_new ();
  for (guint i = 0; i < members->len; i++)
    {
      LoketMember *member = g_ptr_array_index (members, i);
      g_autoptr(GError) local = NULL;
      LoketPayment *payment;

      payment = loket_store_plan_payment (self, book, member, request, &from, today, state_funded, &local);
      if (payment == NULL)
        {
          if (!g_error_matches (local, LOKET_ERROR, LOKET_ERROR_INVALID)
              && !g_error_matches (local, LOKET_ERROR, LOKET_ERROR_CONFLICT)
              && !g_error_matches (local, LOKET_ERROR, LOKET_ERROR_RATE_MISSING))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          all_paid &= g_error_matches (local, LOKET_ERROR, LOKET_ERROR_CONFLICT);
          add_skip (skipped, member, local);
          continue;
        }
      receipt->total += payment->total;
      receipt->discount += payment->discount;
      g_ptr_array_add (receipt->payments, payment);
    }

  loket_date_add_months_first (&from, request->months - 1, &until);
  span = loket_month_span_format (&from, &until);
  if (receipt->payments->len == 0)
    {
      g_set_error (error, LOKET_ERROR, all_paid ? LOKET_ERROR_CONFLICT : LOKET_ERROR_INVALID,
                   /* Translators: a cooperative's name, months such as "November 2026 – Januari 2027" */
                   _("Collective payment: none of the members of %s can be paid for %s; see why for each member. Nothing was recorded."),
                   cooperative->name, span);
      return NULL;
    }
  if (!loket_store_check_expected_total (request->expected_total, receipt->total, span, error))
    return NULL;

  receipt->channel = request->channel;
  receipt->reference = request->reference != NULL && *request->reference != '\0'
                       ? g_strstrip (g_strdup (request->reference)) : NULL;
  receipt->clerk = g_strdup (request->clerk);
  receipt->payer = g_strdup (payer_code (partnership->payer));
  receipt->payer_name = g_strdup (partnership->sponsor_name != NULL
                                  && (partnership->payer == LOKET_PAYER_SPONSOR
                                      || partnership->payer == LOKET_PAYER_PEMDA)
                                  ? partnership->sponsor_name : cooperative->name);
  receipt->cooperative_id = cooperative->id;
  receipt->partnership_id = partnership->id;
  if (!loket_store_write_receipt (self, receipt, today, error))
    return NULL;
  return g_steal_pointer (&receipt);
}

/* Pays, or (dry_run) works out the same receipt inside the transaction and
 * rolls it back: the quote passes every check the payment does, against
 * the database as it is, and leaves nothing behind. */
static LoketReceipt *
collective (LoketStore                 *self,
            gint64                      cooperative_id,
            const char *const          *kpjs,
            const LoketPaymentRequest  *request,
            const GDate                *today,
            gboolean                    dry_run,
            GPtrArray                 **skipped,
            GError                    **error)
{
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) loket_payment_skip_free);
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  LoketPaymentRequest session_request;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->channel < LOKET_N_CHANNELS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (skipped != NULL)
    *skipped = NULL;
  if (!dry_run)
    {
      if (!loket_store_require (self, LOKET_RIGHT_PAY, error))
        return NULL;
      session_request = *request;
      session_request.clerk = loket_store_clerk (self, request->clerk);
      request = &session_request;
    }
  if (request->clerk == NULL || *request->clerk == '\0')
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Clerk: every payment and reversal names the staff member who made it. Give the name with --user or LOKET_USER."));
      return NULL;
    }
  if (!loket_payment_check_months (request->months, error)
      || (book = loket_store_dup_rate_book (self, error)) == NULL
      || !loket_store_begin (self, error))
    return NULL;

  receipt = write_collective (self, book, cooperative_id, kpjs, request, today, left_out, error);
  if (receipt == NULL || dry_run)
    loket_store_rollback (self);
  else if (!loket_store_commit (self, error))
    g_clear_object (&receipt);
  /* A quote has no number: the one it took was rolled back. */
  if (receipt != NULL && dry_run)
    g_clear_pointer (&receipt->number, g_free);

  if (skipped != NULL)
    *skipped = g_steal_pointer (&left_out);
  return g_steal_pointer (&receipt);
}

LoketReceipt *
loket_store_pay_collective (LoketStore                 *self,
                            gint64                      cooperative_id,
                            const char *const          *kpjs,
                            const LoketPaymentRequest  *request,
                            const GDate                *today,
                            GPtrArray                 **skipped,
                            GError                    **error)
{
  return collective (self, cooperative_id, kpjs, request, today, FALSE, skipped, error);
}

LoketReceipt *
loket_store_quote_collective (LoketStore                 *self,
                              gint64                      cooperative_id,
                              const char *const          *kpjs,
                              const LoketPaymentRequest  *request,
                              const GDate                *today,
                              GPtrArray                 **skipped,
                              GError                    **error)
{
  return collective (self, cooperative_id, kpjs, request, today, TRUE, skipped, error);
}
