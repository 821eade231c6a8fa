/* loket-store-claims.c: taking a claim, and reading claims. Heirs are in
 * loket-store-heirs.c, what the store knows of a member when judging a
 * claim in loket-store-claim-facts.c, the status flow in
 * loket-store-claim-flow.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-problem.h"
#include "loket-store-claims-private.h"

void
loket_claim_request_init (LoketClaimRequest *request)
{
  memset (request, 0, sizeof *request);
  g_date_clear (&request->event_date, 1);
  request->kind = LOKET_CLAIM_KIND_NONE;
  request->school_level = LOKET_SCHOOL_NONE;
}

gboolean
loket_store_check_claim_clerk (const char  *clerk,
                               GError     **error)
{
  if (clerk != NULL && *clerk != '\0')
    return TRUE;
  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Clerk: every claim and every step of it names the staff member who made it. Give the name with --user or LOKET_USER."));
  return FALSE;
}

gboolean
loket_store_step_int64 (LoketStore    *self,
                        sqlite3_stmt  *stmt,
                        gint64        *out,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out = 0;
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}


/* ---- judging a claim ----------------------------------------------------- */

/* The claim the request makes, judged. */
static LoketClaim *
judge (LoketStore               *self,
       const char               *kpj,
       const LoketClaimRequest  *request,
       const GDate              *today,
       GError                  **error)
{
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(LoketHeir) heir = NULL;
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(GArray) documents = NULL;
  LoketClaimFacts facts = { 0 };

  if (!g_date_valid (&request->event_date))
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Event date: the date of the death, accident or other event is missing. Enter it (--event-date)."));
      return NULL;
    }
  if ((member = loket_store_find_member_by_kpj (self, kpj, error)) == NULL
      || (book = loket_store_dup_rate_book (self, error)) == NULL)
    return NULL;
  if (request->claimant_heir_id != 0)
    {
      if ((heir = loket_store_find_heir (self, request->claimant_heir_id, error)) == NULL)
        return NULL;
      if (heir->member_id != member->id)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                       /* Translators: an heir's name, a member's name, a KPJ */
                       _("Claimant: %s is not recorded as an heir of %s. See their heirs with heir list %s."),
                       heir->name, member->name, member->kpj);
          return NULL;
        }
    }

  claim = loket_claim_new ();
  claim->member_id = member->id;
  claim->kpj = g_strdup (member->kpj);
  claim->member_name = g_strdup (member->name);
  claim->program = request->program;
  claim->kind = request->kind;
  claim->event_date = request->event_date;
  if (request->description != NULL && *request->description != '\0')
    claim->description = g_strstrip (g_strdup (request->description));
  claim->heir_id = heir != NULL ? heir->id : 0;
  claim->claimant_name = g_strdup (heir != NULL ? heir->name : member->name);
  claim->claimant_relation = heir != NULL ? heir->relation : LOKET_HEIR_OTHER;
  if (request->bank_account != NULL && *request->bank_account != '\0')
    claim->bank_account = g_strstrip (g_strdup (request->bank_account));
  else if (heir != NULL)
    claim->bank_account = g_strdup (heir->bank_account);
  claim->months_off = MAX (request->months_off, 0);
  if (claim->program == LOKET_CLAIM_BEASISWA)
    claim->school_level = request->school_level != LOKET_SCHOOL_NONE ? request->school_level
                          : heir != NULL ? heir->school_level : LOKET_SCHOOL_NONE;
  claim->status = LOKET_CLAIM_DIAJUKAN;
  claim->submitted_on = *today;
  claim->clerk = g_strdup (request->clerk);

  documents = loket_claim_checklist_new (book, claim->program);
  if (!loket_claim_documents_tick (documents, claim->program, request->documents, error))
    return NULL;
  g_array_append_vals (claim->documents, documents->data, documents->len);

  facts.member = member;
  facts.heir = heir;
  facts.today = *today;
  if (!loket_store_gather_claim_facts (self, claim, &facts, error)
      || !loket_claim_assess (book, claim, &facts, error))
    return NULL;
  return g_steal_pointer (&claim);
}

LoketClaim *
loket_store_preview_claim (LoketStore               *self,
                           const char               *kpj,
                           const LoketClaimRequest  *request,
                           const GDate              *today,
                           GError                  **error)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL && request->program < LOKET_N_CLAIM_PROGRAMS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return judge (self, kpj, request, today, error);
}

/* The refusal of a claim with blocking reasons: every reason, the
 * non-blocking ones too, so the clerk sees all that is wrong at once. */
static void
refuse (LoketClaim  *claim,
        GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean only_duplicate = TRUE;

  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", reason->message);
      if (reason->blocking && !g_str_equal (reason->code, "duplicate"))
        only_duplicate = FALSE;
    }
  g_set_error_literal (error, LOKET_ERROR, only_duplicate ? LOKET_ERROR_CONFLICT : LOKET_ERROR_INVALID,
                       text->str);
}

gboolean
loket_store_insert_claim_event (LoketStore        *self,
                                gint64             claim_id,
                                LoketClaimStatus   from,
                                LoketClaimStatus   to,
                                const char        *clerk,
                                const char        *reason,
                                const GDate       *today,
                                GError           **error)
{
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "INSERT INTO claim_event (claim_id, from_status, to_status, clerk, happened_on, created_at, reason)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  loket_store_bind_text_or_null (stmt, 2, from < LOKET_N_CLAIM_STATUSES ? loket_claim_status_code (from) : NULL);
  sqlite3_bind_text (stmt, 3, loket_claim_status_code (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clerk, -1, SQLITE_TRANSIENT);
  loket_store_bind_date (stmt, 5, today);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  loket_store_bind_text_or_null (stmt, 7, reason);
  return loket_store_step_done (self, stmt, error);
}

gboolean
loket_store_write_claim_documents (LoketStore  *self,
                                   LoketClaim  *claim,
                                   GError     **error)
{
  for (guint i = 0; i < claim->documents->len; i++)
    {
      const LoketClaimDocument *document = &g_array_index (claim->documents, LoketClaimDocument, i);
      sqlite3_stmt *stmt = loket_store_prepare (self,
        "INSERT INTO claim_document (claim_id, position, code, received) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (claim_id, position) DO UPDATE SET received = excluded.received",
        error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, claim->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, document->code, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, document->received);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_claim (LoketStore   *self,
             LoketClaim   *claim,
             GError      **error)
{
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "INSERT INTO claim (member_id, program, kind, event_date, description, heir_id, bank_account,"
    " months_off, school_level, status, eligible, total, submitted_on, clerk, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->member_id);
  sqlite3_bind_text (stmt, 2, loket_claim_program_code (claim->program), -1, SQLITE_STATIC);
  loket_store_bind_text_or_null (stmt, 3, loket_claim_kind_code (claim->kind));
  loket_store_bind_date (stmt, 4, &claim->event_date);
  loket_store_bind_text_or_null (stmt, 5, claim->description);
  if (claim->heir_id != 0)
    sqlite3_bind_int64 (stmt, 6, claim->heir_id);
  loket_store_bind_text_or_null (stmt, 7, claim->bank_account);
  if (claim->months_off > 0)
    sqlite3_bind_int (stmt, 8, claim->months_off);
  loket_store_bind_text_or_null (stmt, 9, loket_school_level_code (claim->school_level));
  sqlite3_bind_text (stmt, 10, loket_claim_status_code (claim->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, claim->eligible);
  sqlite3_bind_int64 (stmt, 12, claim->total);
  loket_store_bind_date (stmt, 13, &claim->submitted_on);
  sqlite3_bind_text (stmt, 14, claim->clerk, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_TRANSIENT);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  claim->id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < claim->lines->len; i++)
    {
      const LoketClaimLine *line = &g_array_index (claim->lines, LoketClaimLine, i);

      stmt = loket_store_prepare (self,
        "INSERT INTO claim_line (claim_id, position, code, quantity, base, bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, claim->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, line->code, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, line->quantity);
      sqlite3_bind_int64 (stmt, 5, line->base);
      sqlite3_bind_int64 (stmt, 6, line->bp);
      sqlite3_bind_int64 (stmt, 7, line->amount);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);

      stmt = loket_store_prepare (self,
        "INSERT INTO claim_reason (claim_id, position, field, code, message, letter) VALUES (?, ?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, claim->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, reason->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, reason->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, reason->message, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, reason->letter != NULL ? reason->letter : reason->message, -1, SQLITE_STATIC);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }

  return loket_store_write_claim_documents (self, claim, error)
         && loket_store_insert_claim_event (self, claim->id, LOKET_N_CLAIM_STATUSES, LOKET_CLAIM_DIAJUKAN,
                                            claim->clerk, NULL, &claim->submitted_on, error);
}

LoketClaim *
loket_store_submit_claim (LoketStore               *self,
                          const char               *kpj,
                          const LoketClaimRequest  *request,
                          const GDate              *today,
                          LoketClaim              **judged,
                          GError                  **error)
{
  g_autoptr(LoketClaim) claim = NULL;
  LoketClaimRequest session_request;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL && request->program < LOKET_N_CLAIM_PROGRAMS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_TAKE_CLAIM, error))
    return NULL;
  session_request = *request;
  session_request.clerk = loket_store_clerk (self, request->clerk);
  request = &session_request;
  if (!loket_store_check_claim_clerk (request->clerk, error) || !loket_store_begin (self, error))
    return NULL;
  /* Judged inside the transaction: a claim another counter took a moment
   * ago counts. */
  claim = judge (self, kpj, request, today, error);
  if (claim != NULL && loket_claim_is_blocked (claim))
    {
      refuse (claim, error);
      if (judged != NULL)
        *judged = g_steal_pointer (&claim);
      loket_store_rollback (self);
      return NULL;
    }
  if (claim == NULL || !write_claim (self, claim, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return loket_store_find_claim (self, claim->id, error);
}

/* ---- reading claims ------------------------------------------------------ */

#define CLAIM_COLUMNS \
  "c.id, c.member_id, m.kpj, m.name, c.program, c.kind, c.event_date, c.description, c.heir_id," \
  " h.name, h.relation, c.bank_account, c.months_off, c.school_level, c.status, c.eligible, c.total," \
  " c.submitted_on, c.clerk, c.decided_on, c.paid_on, c.letter_number"
#define CLAIM_FROM \
  " FROM claim c JOIN member m ON m.id = c.member_id LEFT JOIN heir h ON h.id = c.heir_id"

static LoketClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  LoketClaim *claim = loket_claim_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 5);
  const char *school = (const char *) sqlite3_column_text (stmt, 13);

  claim->id = sqlite3_column_int64 (stmt, 0);
  claim->member_id = sqlite3_column_int64 (stmt, 1);
  claim->kpj = loket_store_dup_column_text (stmt, 2);
  claim->member_name = loket_store_dup_column_text (stmt, 3);
  loket_claim_program_parse ((const char *) sqlite3_column_text (stmt, 4), &claim->program, NULL);
  loket_claim_kind_parse (claim->program, kind, &claim->kind, NULL);
  loket_store_column_date (stmt, 6, &claim->event_date);
  claim->description = loket_store_dup_column_text (stmt, 7);
  claim->heir_id = sqlite3_column_int64 (stmt, 8);
  claim->claimant_name = loket_store_dup_column_text (stmt, claim->heir_id != 0 ? 9 : 3);
  claim->claimant_relation = LOKET_HEIR_OTHER;
  if (claim->heir_id != 0)
    loket_heir_relation_parse ((const char *) sqlite3_column_text (stmt, 10), &claim->claimant_relation, NULL);
  claim->bank_account = loket_store_dup_column_text (stmt, 11);
  claim->months_off = sqlite3_column_int (stmt, 12);
  if (school != NULL)
    loket_school_level_parse (school, &claim->school_level, NULL);
  loket_claim_status_parse ((const char *) sqlite3_column_text (stmt, 14), &claim->status, NULL);
  claim->eligible = sqlite3_column_int (stmt, 15) != 0;
  claim->total = sqlite3_column_int64 (stmt, 16);
  loket_store_column_date (stmt, 17, &claim->submitted_on);
  claim->clerk = loket_store_dup_column_text (stmt, 18);
  loket_store_column_date (stmt, 19, &claim->decided_on);
  loket_store_column_date (stmt, 20, &claim->paid_on);
  claim->letter_number = loket_store_dup_column_text (stmt, 21);
  return claim;
}

static GPtrArray *
collect_claims (LoketStore    *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claims, claim_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&claims);
}

static gboolean
load_details (LoketStore  *self,
              LoketClaim  *claim,
              GError     **error)
{
  gint64 total = claim->total;
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT code, quantity, base, bp, amount FROM claim_line WHERE claim_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    loket_claim_add_line (claim, (const char *) sqlite3_column_text (stmt, 0),
                          sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                          sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  claim->total = total;

  stmt = loket_store_prepare (self,
    "SELECT field, code, message, letter FROM claim_reason WHERE claim_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketClaimReason *reason = g_new0 (LoketClaimReason, 1);

      reason->field = loket_store_dup_column_text (stmt, 0);
      reason->code = loket_store_dup_column_text (stmt, 1);
      reason->message = loket_store_dup_column_text (stmt, 2);
      reason->letter = loket_store_dup_column_text (stmt, 3);
      g_ptr_array_add (claim->reasons, reason);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = loket_store_prepare (self,
    "SELECT code, received FROM claim_document WHERE claim_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketClaimDocument document = {
        g_intern_string ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int (stmt, 1) != 0
      };

      g_array_append_val (claim->documents, document);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = loket_store_prepare (self,
    "SELECT from_status, to_status, clerk, happened_on, created_at, reason FROM claim_event"
    " WHERE claim_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketClaimEvent *event = g_new0 (LoketClaimEvent, 1);
      const char *from = (const char *) sqlite3_column_text (stmt, 0);

      event->from = LOKET_N_CLAIM_STATUSES;
      if (from != NULL)
        loket_claim_status_parse (from, &event->from, NULL);
      loket_claim_status_parse ((const char *) sqlite3_column_text (stmt, 1), &event->to, NULL);
      event->clerk = loket_store_dup_column_text (stmt, 2);
      loket_store_column_date (stmt, 3, &event->on);
      event->created_at = loket_store_dup_column_text (stmt, 4);
      event->reason = loket_store_dup_column_text (stmt, 5);
      g_ptr_array_add (claim->history, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  return TRUE;

failed:
  loket_store_set_sqlite_error (self, rc, error);
  return FALSE;
}

LoketClaim *
loket_store_find_claim (LoketStore  *self,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  LoketClaim *claim;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self, "SELECT " CLAIM_COLUMNS CLAIM_FROM " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((found = collect_claims (self, stmt, error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("Claim: there is no claim number %s. Check the number, or list the claims."),
                   number);
      return NULL;
    }
  claim = g_object_ref (g_ptr_array_index (found, 0));
  if (!load_details (self, claim, error))
    {
      g_object_unref (claim);
      return NULL;
    }
  return claim;
}

GPtrArray *
loket_store_list_claims (LoketStore        *self,
                         LoketClaimStatus   status,
                         guint              limit,
                         GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (status <= LOKET_N_CLAIM_STATUSES, NULL);

  stmt = loket_store_prepare (self,
    "SELECT " CLAIM_COLUMNS CLAIM_FROM " WHERE (?1 IS NULL OR c.status = ?1) ORDER BY c.id DESC LIMIT ?2",
    error);
  if (stmt == NULL)
    return NULL;
  if (status < LOKET_N_CLAIM_STATUSES)
    sqlite3_bind_text (stmt, 1, loket_claim_status_code (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_claims (self, stmt, error);
}

GPtrArray *
loket_store_list_member_claims (LoketStore  *self,
                                gint64       member_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " CLAIM_COLUMNS CLAIM_FROM " WHERE c.member_id = ? ORDER BY c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return collect_claims (self, stmt, error);
}
