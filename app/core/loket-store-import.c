/* loket-store-import.c: the store's side of a collective enrolment.
 *
 * The commit is one transaction whatever the size of the list: a member list
 * half imported would leave the cooperative and the branch disagreeing about
 * who is covered. Its bulk path follows DESIGN.md: statements prepared once
 * and reused for every row, the KPJ counter moved once for the batch, and
 * the name index filled with one statement after the rows, not a row at a
 * time. The audit trail gets one entry for the new members, not one per row
 * (loket-store-audit-batch.c). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cooperative.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-store-cooperatives.h"
#include "loket-store-audit-private.h"
#include "loket-store-import.h"
#include "loket-store-private.h"

/* Progress and cancellation are looked at every so many rows. */
#define TICK_ROWS 512

static gboolean
step_row (LoketStore    *self,
          sqlite3_stmt  *stmt,
          gboolean      *found,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *found = rc == SQLITE_ROW;
      return TRUE;
    }
  loket_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
loket_store_import_check_terms (LoketStore             *self,
                                const LoketImportTerms *terms,
                                const GDate            *today,
                                GError                **error)
{
  g_autoptr(LoketPartnership) in_force = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *status = NULL;
  gboolean found;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  /* The cooperative active, its PKS in force today: the records' own rule,
   * read inside the caller's transaction when there is one. */
  in_force = loket_store_get_active_partnership (self, terms->cooperative_id, today, error);
  if (in_force == NULL)
    return FALSE;
  if (in_force->id != terms->partnership_id)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("PKS: the cooperative’s members are now enrolled through %s, not the agreement the file was checked under. Check the file again."),
                   in_force->number);
      return FALSE;
    }

  if (terms->agent_id > 0)
    {
      stmt = loket_store_prepare (self, "SELECT status FROM agent WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, terms->agent_id);
      if (!step_row (self, stmt, &found, error))
        return FALSE;
      status = found ? loket_store_dup_column_text (stmt, 0) : NULL;
      sqlite3_reset (stmt);
      if (!found || g_strcmp0 (status, "active") != 0)
        {
          g_set_error_literal (error, LOKET_ERROR, found ? LOKET_ERROR_INVALID : LOKET_ERROR_NOT_FOUND,
                               _("Agent: the agent of the PKS is not an active Agen Perisai. Assign an active agent to the PKS, or none."));
          return FALSE;
        }
    }
  return TRUE;
}

void
loket_store_nik_holder_clear (LoketStoreNikHolder *holder)
{
  g_clear_pointer (&holder->kpj, g_free);
  g_clear_pointer (&holder->name, g_free);
  holder->id = 0;
  holder->in_cooperative = FALSE;
  g_date_clear (&holder->birth_date, 1);
}

gboolean
loket_store_import_find_nik (LoketStore           *self,
                             const char           *nik,
                             gint64                cooperative_id,
                             LoketStoreNikHolder  *holder,
                             GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  loket_store_nik_holder_clear (holder);
  stmt = loket_store_prepare (self,
    "SELECT m.id, m.kpj, m.name, m.birth_date,"
    " EXISTS (SELECT 1 FROM cooperative_member c WHERE c.cooperative_id = ?2 AND c.member_id = m.id)"
    " FROM member m WHERE m.nik = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nik, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cooperative_id);
  if (!step_row (self, stmt, &found, error))
    return FALSE;
  if (found)
    {
      holder->id = sqlite3_column_int64 (stmt, 0);
      holder->kpj = loket_store_dup_column_text (stmt, 1);
      holder->name = loket_store_dup_column_text (stmt, 2);
      loket_store_column_date (stmt, 3, &holder->birth_date);
      holder->in_cooperative = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
loket_store_import_item_clear (LoketStoreImportItem *item)
{
  g_clear_pointer (&item->kpj, g_free);
  item->member_id = 0;
  item->registered = FALSE;
  item->linked = FALSE;
}

typedef struct {
  LoketImportProgress  func;
  gpointer             user_data;
  GCancellable        *cancellable;
} Progress;

static gboolean
tick (Progress  *progress,
      double     fraction,
      GError   **error)
{
  if (g_cancellable_set_error_if_cancelled (progress->cancellable, error))
    return FALSE;
  if (progress->func != NULL)
    progress->func (fraction, progress->user_data);
  return TRUE;
}

/* Who holds each NIK now, inside the transaction: what the dry run saw may
 * have changed since, at this counter or another. Returns how many nobody
 * holds. */
static gboolean
find_holders (LoketStore            *self,
              LoketStoreImportItem  *items,
              guint                  n_items,
              Progress              *progress,
              guint                 *n_new,
              GError               **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self, "SELECT id, kpj FROM member WHERE nik = ?", error);

  if (stmt == NULL)
    return FALSE;
  *n_new = 0;
  for (guint i = 0; i < n_items; i++)
    {
      gboolean found;

      if (i % TICK_ROWS == 0 && !tick (progress, 0.1 * i / n_items, error))
        return FALSE;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, items[i].member->nik, -1, SQLITE_STATIC);
      if (!step_row (self, stmt, &found, error))
        return FALSE;
      if (found)
        {
          items[i].member_id = sqlite3_column_int64 (stmt, 0);
          items[i].kpj = loket_store_dup_column_text (stmt, 1);
        }
      else
        (*n_new)++;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gint64
max_member_id (LoketStore  *self,
               GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self, "SELECT coalesce (max (id), 0) FROM member", error);
  gint64 id;
  gboolean found;

  if (stmt == NULL || !step_row (self, stmt, &found, error))
    return -1;
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
register_new (LoketStore             *self,
              const LoketImportTerms *terms,
              LoketStoreImportItem   *items,
              guint                   n_items,
              guint                   n_new,
              const GDate            *today,
              Progress               *progress,
              GError                **error)
{
  LoketStoreMemberOrigin origin = { terms->partnership_id, terms->agent_id };
  g_autofree char *prefix = NULL;
  gint64 sequence;
  guint done = 0;

  if (!loket_store_take_kpj_sequences (self, n_new, &prefix, &sequence, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      LoketMember *member = items[i].member;

      if (items[i].member_id != 0)
        continue;
      if (done % TICK_ROWS == 0 && !tick (progress, 0.1 + 0.8 * done / n_new, error))
        return FALSE;

      g_free (member->kpj);
      member->kpj = loket_kpj_make (prefix, sequence++, error);
      /* The flag first: a failure below must still undo what was set. */
      items[i].registered = TRUE;
      if (member->kpj == NULL
          || !loket_store_insert_member (self, member, &origin, FALSE, today, error))
        return FALSE;
      items[i].member_id = member->id;
      items[i].kpj = g_strdup (member->kpj);
      items[i].linked = TRUE;
      done++;
    }
  return TRUE;
}

/* The new members are the rows past `last_id`: the name index and their
 * cooperative link are written for all of them in one statement each. */
static gboolean
index_and_link_new (LoketStore             *self,
                    const LoketImportTerms *terms,
                    gint64                  last_id,
                    const GDate            *today,
                    GError                **error)
{
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "INSERT INTO member_name_fts (rowid, name) SELECT id, name FROM member WHERE id > ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_id);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;

  stmt = loket_store_prepare (self,
    "INSERT INTO cooperative_member (cooperative_id, member_id, partnership_id, joined_on, via)"
    " SELECT ?1, id, ?2, ?3, 'import' FROM member WHERE id > ?4",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, terms->cooperative_id);
  sqlite3_bind_int64 (stmt, 2, terms->partnership_id);
  loket_store_bind_date (stmt, 3, today);
  sqlite3_bind_int64 (stmt, 4, last_id);
  return loket_store_step_done (self, stmt, error);
}

/* The new members, their programs and their links, written with the audit
 * triggers quiet, then their batch entry; a database before schema 10 (only
 * a test opens one) audits them row by row. */
static gboolean
register_batch (LoketStore             *self,
                const LoketImportTerms *terms,
                const char             *source_name,
                LoketStoreImportItem   *items,
                guint                   n_items,
                guint                   n_new,
                gint64                  last_id,
                const GDate            *today,
                Progress               *progress,
                GError                **error)
{
  gboolean bulk = self->schema_version >= 10;
  gboolean ok;

  loket_store_audit_set_bulk (self, bulk);
  ok = register_new (self, terms, items, n_items, n_new, today, progress, error)
       && tick (progress, 0.9, error)
       && index_and_link_new (self, terms, last_id, today, error);
  loket_store_audit_set_bulk (self, FALSE);
  return ok
         && (!bulk
             || loket_store_audit_import (self, source_name, terms->cooperative_id,
                                          terms->partnership_id, terms->agent_id,
                                          last_id + 1, last_id + n_new, error));
}

static gboolean
link_existing (LoketStore             *self,
               const LoketImportTerms *terms,
               LoketStoreImportItem   *items,
               guint                   n_items,
               const GDate            *today,
               GError                **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "INSERT OR IGNORE INTO cooperative_member (cooperative_id, member_id, partnership_id, joined_on, via)"
    " VALUES (?1, ?2, ?3, ?4, 'linked')",
    error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      if (items[i].registered)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, terms->cooperative_id);
      sqlite3_bind_int64 (stmt, 2, items[i].member_id);
      sqlite3_bind_int64 (stmt, 3, terms->partnership_id);
      loket_store_bind_date (stmt, 4, today);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
      items[i].linked = sqlite3_changes (self->db) > 0;
    }
  return TRUE;
}

static void
undo_items (LoketStoreImportItem *items,
            guint                 n_items)
{
  for (guint i = 0; i < n_items; i++)
    {
      if (items[i].registered)
        {
          LoketMember *member = items[i].member;

          member->id = 0;
          g_clear_pointer (&member->kpj, g_free);
          g_date_clear (&member->registered_on, 1);
        }
      loket_store_import_item_clear (&items[i]);
    }
}

gboolean
loket_store_import_members (LoketStore             *self,
                            const LoketImportTerms *terms,
                            const char             *source_name,
                            LoketStoreImportItem   *items,
                            guint                   n_items,
                            const GDate            *today,
                            GCancellable           *cancellable,
                            LoketImportProgress     progress_func,
                            gpointer                user_data,
                            GError                **error)
{
  Progress progress = { progress_func, user_data, cancellable };
  gint64 last_id;
  guint n_new = 0;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      g_return_val_if_fail (LOKET_IS_MEMBER (items[i].member), FALSE);
      loket_store_import_item_clear (&items[i]);
    }
  if (!loket_store_require (self, LOKET_RIGHT_REGISTER, error))
    return FALSE;

  if (!loket_store_begin (self, error))
    return FALSE;

  if (!loket_store_import_check_terms (self, terms, today, error)
      || !find_holders (self, items, n_items, &progress, &n_new, error)
      || (last_id = max_member_id (self, error)) < 0
      || (n_new > 0
          && !register_batch (self, terms, source_name, items, n_items, n_new, last_id, today,
                              &progress, error))
      || !link_existing (self, terms, items, n_items, today, error)
      || !tick (&progress, 0.99, error))
    {
      loket_store_rollback (self);
      undo_items (items, n_items);
      return FALSE;
    }

  if (!loket_store_commit (self, error))
    {
      undo_items (items, n_items);
      return FALSE;
    }
  if (progress.func != NULL)
    progress.func (1.0, user_data);
  return TRUE;
}
