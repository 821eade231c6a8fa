/* loket-store-heirs.c: a member's heirs (ahli waris) in the store. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-problem.h"
#include "loket-store-claims-private.h"

#define HEIR_COLUMNS \
  "h.id, h.member_id, h.name, h.nik, h.relation, h.birth_date, h.bank_account, h.school_level"

static LoketHeir *
heir_from_row (sqlite3_stmt *stmt)
{
  LoketHeir *heir = loket_heir_new ();
  const char *school = (const char *) sqlite3_column_text (stmt, 7);

  heir->id = sqlite3_column_int64 (stmt, 0);
  heir->member_id = sqlite3_column_int64 (stmt, 1);
  heir->name = loket_store_dup_column_text (stmt, 2);
  heir->nik = loket_store_dup_column_text (stmt, 3);
  loket_heir_relation_parse ((const char *) sqlite3_column_text (stmt, 4), &heir->relation, NULL);
  loket_store_column_date (stmt, 5, &heir->birth_date);
  heir->bank_account = loket_store_dup_column_text (stmt, 6);
  if (school != NULL)
    loket_school_level_parse (school, &heir->school_level, NULL);
  return heir;
}

static GPtrArray *
collect_heirs (LoketStore    *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) heirs = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (heirs, heir_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&heirs);
}

LoketHeir *
loket_store_find_heir (LoketStore  *self,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self, "SELECT " HEIR_COLUMNS " FROM heir h WHERE h.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((found = collect_heirs (self, stmt, error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("Heir: there is no heir number %s. See a member’s heirs with heir list KPJ."),
                   number);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

GPtrArray *
loket_store_list_heirs (LoketStore  *self,
                        gint64       member_id,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " HEIR_COLUMNS " FROM heir h WHERE h.member_id = ? ORDER BY h.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return collect_heirs (self, stmt, error);
}

static gboolean
write_heir (LoketStore   *self,
            LoketMember  *member,
            LoketHeir    *heir,
            const char   *clerk,
            GError      **error)
{
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 existing;

  stmt = loket_store_prepare (self, "SELECT id FROM heir WHERE member_id = ? AND nik = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  sqlite3_bind_text (stmt, 2, heir->nik, -1, SQLITE_TRANSIENT);
  if (!loket_store_step_int64 (self, stmt, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   /* Translators: a name, an heir's number */
                   _("NIK: this NIK is already recorded as an heir of %s (heir %s). An heir is recorded once."),
                   member->name, number);
      return FALSE;
    }

  stmt = loket_store_prepare (self,
    "INSERT INTO heir (member_id, name, nik, relation, birth_date, bank_account, school_level, clerk, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  sqlite3_bind_text (stmt, 2, heir->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, heir->nik, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, loket_heir_relation_code (heir->relation), -1, SQLITE_STATIC);
  loket_store_bind_date (stmt, 5, &heir->birth_date);
  loket_store_bind_text_or_null (stmt, 6, heir->bank_account);
  loket_store_bind_text_or_null (stmt, 7, loket_school_level_code (heir->school_level));
  sqlite3_bind_text (stmt, 8, clerk, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  heir->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

LoketHeir *
loket_store_add_heir (LoketStore   *self,
                      const char   *kpj,
                      LoketHeir    *draft,
                      const char   *clerk,
                      const GDate  *today,
                      GPtrArray   **problems,
                      GError      **error)
{
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) found = loket_problems_new ();

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_HEIR (draft), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_TAKE_CLAIM, error))
    return NULL;
  clerk = loket_store_clerk (self, clerk);
  if (!loket_store_check_claim_clerk (clerk, error)
      || (member = loket_store_find_member_by_kpj (self, kpj, error)) == NULL)
    return NULL;
  loket_heir_check (draft, member, today, found);
  if (!loket_store_report_problems (found, problems, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;
  if (!write_heir (self, member, draft, clerk, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return loket_store_find_heir (self, draft->id, error);
}
