/* loket-store-claim-flow.c: a claim's status from intake to payment, each
 * step with who and when, the letter number taken with the decision, and
 * the letter. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claim-letter.h"
#include "loket-error.h"
#include "loket-store-claims-private.h"
#include "loket-text.h"

static char *
claim_number (LoketClaim *claim)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, claim->id);
}

/* The same person, whatever the case or spacing of the name typed. */
static gboolean
same_person (const char *a,
             const char *b)
{
  g_autofree char *fa = loket_text_fold (a);
  g_autofree char *fb = loket_text_fold (b);

  return fa != NULL && fb != NULL && g_str_equal (fa, fb);
}

static gboolean
check_step (LoketClaim        *claim,
            LoketClaimStatus   to,
            GError           **error)
{
  g_autofree char *number = claim_number (claim);
  LoketClaimStatus next[2];
  guint n_next = loket_claim_next_statuses (claim->status, next);

  if (to == claim->status)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: a claim number, a status such as "Approved" */
                   _("Status: claim %s is already %s."),
                   number, loket_claim_status_label (to));
      return FALSE;
    }
  if (n_next == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Status: claim %s is %s, a final status; it does not change any more."),
                   number, loket_claim_status_label (claim->status));
      return FALSE;
    }
  for (guint i = 0; i < n_next; i++)
    if (next[i] == to)
      return TRUE;

  if (n_next == 1)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 /* Translators: a claim number, its status, the next status code, the status asked for */
                 _("Status: claim %s is %s; its next step is %s, not %s. Each step is recorded in turn (--to %s)."),
                 number, loket_claim_status_label (claim->status), loket_claim_status_code (next[0]),
                 loket_claim_status_code (to), loket_claim_status_code (next[0]));
  else
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 /* Translators: a claim number, its status, two status codes, the status asked for */
                 _("Status: claim %s is %s; its next step is %s or %s, not %s. Each step is recorded in turn."),
                 number, loket_claim_status_label (claim->status), loket_claim_status_code (next[0]),
                 loket_claim_status_code (next[1]), loket_claim_status_code (to));
  return FALSE;
}

static gboolean
check_decision (LoketClaim        *claim,
                LoketClaimStatus   to,
                const char        *reason,
                const char        *clerk,
                GError           **error)
{
  g_autofree char *number = claim_number (claim);

  if (to == LOKET_CLAIM_DITOLAK && (reason == NULL || *reason == '\0'))
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Reason: a rejection needs its reason. Write why the claim is rejected (--reason), such as “the death certificate is missing”."));
      return FALSE;
    }
  if (to != LOKET_CLAIM_DISETUJUI)
    return TRUE;

  /* Until roles exist (issue 8), "another person" is another staff name. */
  if (same_person (clerk, claim->clerk))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: a staff name, a claim number */
                   _("Approval: %s took claim %s, so another person must approve it. Ask a colleague (a supervisor, once roles exist) to approve it."),
                   claim->clerk, number);
      return FALSE;
    }
  if (!claim->eligible)
    {
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (guint i = 0; i < claim->reasons->len; i++)
        g_string_append_printf (reasons, " %s",
                                ((LoketClaimReason *) g_ptr_array_index (claim->reasons, i))->message);
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: a claim number, then the reasons it fails, each a sentence */
                   _("Approval: claim %s is not eligible, so it cannot be approved. Reject it (--to ditolak) with the reason.%s"),
                   number, reasons->str);
      return FALSE;
    }
  return TRUE;
}

/* The branch code letters are numbered with, or an error saying how to set
 * it: a letter number without it would not be the branch's. */
static char *
branch_code (LoketStore  *self,
             GError     **error)
{
  g_autofree char *code = loket_store_dup_setting (self, LOKET_SETTING_BRANCH_CODE);

  if (code != NULL)
    g_strstrip (code);
  if (code == NULL || *code == '\0')
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Branch code: claim letters are numbered with the branch code (001/KLM/CODE/…). Set it in Preferences, or with loket-cli init --branch-code CODE."));
      return NULL;
    }
  for (const char *p = code; *p != '\0'; p++)
    if (*p == '/' || g_ascii_isspace (*p))
      {
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("Branch code: “%s” cannot stand in a letter number, which is split by “/”. Use letters and digits only, in Preferences or with loket-cli init --branch-code CODE."),
                     code);
        return NULL;
      }
  return g_steal_pointer (&code);
}

/* The next letter number of the branch and year, inside the caller's
 * transaction: two counters deciding at once queue on the write lock and
 * never share or skip a number. */
static gboolean
take_letter_number (LoketStore   *self,
                    const char   *branch,
                    const GDate  *on,
                    gint64       *sequence,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "INSERT INTO claim_letter_counter (branch, year, next_sequence) VALUES (?1, ?2, 2)"
    " ON CONFLICT (branch, year) DO UPDATE SET next_sequence = next_sequence + 1"
    " RETURNING next_sequence - 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, branch, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, g_date_get_year (on));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *sequence = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_step (LoketStore         *self,
            gint64              id,
            LoketClaimStatus    to,
            const char         *reason,
            const char *const  *documents,
            const char         *clerk,
            const GDate        *today,
            GError            **error)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *number = NULL;
  gint64 sequence = 0;
  gboolean decision = to == LOKET_CLAIM_DISETUJUI || to == LOKET_CLAIM_DITOLAK;
  sqlite3_stmt *stmt;

  /* Read inside the transaction: a step another counter recorded a moment
   * ago counts. */
  if ((claim = loket_store_find_claim (self, id, error)) == NULL
      || !check_step (claim, to, error)
      || !check_decision (claim, to, reason, clerk, error))
    return FALSE;

  if (documents != NULL && documents[0] != NULL)
    {
      if (claim->status != LOKET_CLAIM_DIAJUKAN && claim->status != LOKET_CLAIM_DIVERIFIKASI)
        {
          g_autofree char *text = claim_number (claim);

          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Documents: claim %s is already decided; the documents received are those of the decision."),
                       text);
          return FALSE;
        }
      if (!loket_claim_documents_tick (claim->documents, claim->program, documents, error)
          || !loket_store_write_claim_documents (self, claim, error))
        return FALSE;
    }

  if (decision)
    {
      if ((branch = branch_code (self, error)) == NULL
          || !take_letter_number (self, branch, today, &sequence, error))
        return FALSE;
      number = loket_claim_letter_number (sequence, branch, today);
    }

  stmt = loket_store_prepare (self,
    "UPDATE claim SET status = ?2,"
    " decided_on = coalesce (?3, decided_on), paid_on = coalesce (?4, paid_on),"
    " letter_number = coalesce (?5, letter_number), letter_branch = coalesce (?6, letter_branch),"
    " letter_year = coalesce (?7, letter_year), letter_sequence = coalesce (?8, letter_sequence)"
    " WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, loket_claim_status_code (to), -1, SQLITE_STATIC);
  if (decision)
    {
      loket_store_bind_date (stmt, 3, today);
      sqlite3_bind_text (stmt, 5, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, branch, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, g_date_get_year (today));
      sqlite3_bind_int64 (stmt, 8, sequence);
    }
  if (to == LOKET_CLAIM_DIBAYAR)
    loket_store_bind_date (stmt, 4, today);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;

  return loket_store_insert_claim_event (self, id, claim->status, to, clerk, reason, today, error);
}

LoketClaim *
loket_store_advance_claim (LoketStore         *self,
                           gint64              id,
                           LoketClaimStatus    to,
                           const char         *reason,
                           const char *const  *documents,
                           const char         *clerk,
                           const GDate        *today,
                           GError            **error)
{
  g_autofree char *tidy_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (to < LOKET_N_CLAIM_STATUSES, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, to == LOKET_CLAIM_DISETUJUI || to == LOKET_CLAIM_DITOLAK
                                   ? LOKET_RIGHT_DECIDE_CLAIM
                                   : to == LOKET_CLAIM_DIBAYAR ? LOKET_RIGHT_PAY_CLAIM : LOKET_RIGHT_TAKE_CLAIM,
                            error))
    return NULL;
  clerk = loket_store_clerk (self, clerk);
  if (!loket_store_check_claim_clerk (clerk, error) || !loket_store_begin (self, error))
    return NULL;
  if (!write_step (self, id, to, *tidy_reason != '\0' ? tidy_reason : NULL, documents, clerk, today, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return loket_store_find_claim (self, id, error);
}

gboolean
loket_store_write_claim_letter (LoketStore   *self,
                                gint64        id,
                                const char   *path,
                                guint        *pages_out,
                                GError      **error)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autofree char *branch_name = NULL;
  g_auto(GStrv) parts = NULL;
  LoketClaimLetterOptions options = { 0, };

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((claim = loket_store_find_claim (self, id, error)) == NULL)
    return FALSE;
  branch_name = loket_store_dup_setting (self, LOKET_SETTING_BRANCH_NAME);
  options.branch_name = branch_name;
  /* The code the letter was numbered with (NNN/KLM/<code>/…), even if the
   * branch's setting changed since. */
  if (claim->letter_number != NULL)
    {
      parts = g_strsplit (claim->letter_number, "/", -1);
      if (g_strv_length (parts) == 5)
        options.branch_code = parts[2];
    }
  return loket_claim_letter_write_pdf (claim, &options, path, pages_out, error);
}
