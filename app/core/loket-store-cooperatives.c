/* loket-store-cooperatives.c: cooperatives and their officers. PKS and
 * agents are in loket-store-partnerships.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-store-cooperatives.h"
#include "loket-store-private.h"
#include "loket-text.h"

/* ---- cooperatives -------------------------------------------------------- */

#define COOPERATIVE_COLUMNS \
  "c.id, c.name, c.kind, c.ahu, c.nib, c.npwp, c.nik_koperasi, c.street, c.village," \
  " c.district, c.regency, c.province, c.postcode, c.region_code, c.potential, c.status," \
  " (SELECT count(*) FROM cooperative_member cm WHERE cm.cooperative_id = c.id)," \
  " (SELECT count(*) FROM cooperative_member cm WHERE cm.cooperative_id = c.id" \
  "   AND EXISTS (SELECT 1 FROM coverage v WHERE v.member_id = cm.member_id" \
  "     AND v.month_from <= strftime ('%Y-%m-01', 'now', 'localtime')" \
  "     AND v.month_until >= strftime ('%Y-%m-01', 'now', 'localtime')))"

static LoketCooperative *
cooperative_from_row (sqlite3_stmt *stmt)
{
  LoketCooperative *cooperative = loket_cooperative_new ();
  const char *status = (const char *) sqlite3_column_text (stmt, 15);

  cooperative->id = sqlite3_column_int64 (stmt, 0);
  cooperative->name = loket_store_dup_column_text (stmt, 1);
  loket_cooperative_kind_parse ((const char *) sqlite3_column_text (stmt, 2), &cooperative->kind, NULL);
  cooperative->ahu = loket_store_dup_column_text (stmt, 3);
  cooperative->nib = loket_store_dup_column_text (stmt, 4);
  cooperative->npwp = loket_store_dup_column_text (stmt, 5);
  cooperative->nik_koperasi = loket_store_dup_column_text (stmt, 6);
  cooperative->street = loket_store_dup_column_text (stmt, 7);
  cooperative->village = loket_store_dup_column_text (stmt, 8);
  cooperative->district = loket_store_dup_column_text (stmt, 9);
  cooperative->regency = loket_store_dup_column_text (stmt, 10);
  cooperative->province = loket_store_dup_column_text (stmt, 11);
  cooperative->postcode = loket_store_dup_column_text (stmt, 12);
  cooperative->region_code = loket_store_dup_column_text (stmt, 13);
  cooperative->potential = sqlite3_column_type (stmt, 14) == SQLITE_NULL
                           ? -1 : sqlite3_column_int64 (stmt, 14);
  cooperative->inactive = g_strcmp0 (status, "inactive") == 0;
  cooperative->registered = sqlite3_column_int64 (stmt, 16);
  /* Active: paid through the current month, as the status of each member
   * says it (loket_store_get_member_status), from the runs of paid months. */
  cooperative->active = sqlite3_column_int64 (stmt, 17);
  return cooperative;
}

static gboolean
load_officers (LoketStore        *self,
               LoketCooperative  *cooperative,
               GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT id, cooperative_id, name, nik, role, phone FROM cooperative_officer"
    " WHERE cooperative_id = ? ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cooperative->id);
  g_ptr_array_set_size (cooperative->officers, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketCooperativeOfficer *officer = loket_cooperative_officer_new ();

      officer->id = sqlite3_column_int64 (stmt, 0);
      officer->cooperative_id = sqlite3_column_int64 (stmt, 1);
      officer->name = loket_store_dup_column_text (stmt, 2);
      officer->nik = loket_store_dup_column_text (stmt, 3);
      officer->role = loket_store_dup_column_text (stmt, 4);
      officer->phone = loket_store_dup_column_text (stmt, 5);
      g_ptr_array_add (cooperative->officers, officer);
    }
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

LoketCooperative *
loket_store_find_cooperative (LoketStore  *self,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " COOPERATIVE_COLUMNS " FROM cooperative c WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    cooperative = cooperative_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (cooperative == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("Cooperative: there is no cooperative number %s. See the numbers with coop list."),
                   number);
      return NULL;
    }
  if (!load_officers (self, cooperative, error))
    return NULL;
  return g_steal_pointer (&cooperative);
}

GPtrArray *
loket_store_list_cooperatives (LoketStore  *self,
                               GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " COOPERATIVE_COLUMNS " FROM cooperative c ORDER BY c.name_key, c.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, cooperative_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Inside the write transaction, so two counters cannot both take it. */
static gboolean
check_ahu_free (LoketStore        *self,
                LoketCooperative  *cooperative,
                GError           **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *holder = NULL;
  gint64 holder_id = 0;
  int rc;

  if (cooperative->ahu == NULL)
    return TRUE;
  stmt = loket_store_prepare (self,
    "SELECT id, name FROM cooperative WHERE ahu = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cooperative->ahu, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cooperative->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      holder_id = sqlite3_column_int64 (stmt, 0);
      holder = loket_store_dup_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (holder_id != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, holder_id);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("AHU: %s is already the legal entity number of %s (cooperative %s). Open that cooperative instead of adding it again."),
                   cooperative->ahu, holder, number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_officer (LoketStore               *self,
                gint64                    cooperative_id,
                LoketCooperativeOfficer  *officer,
                GError                  **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "INSERT INTO cooperative_officer (cooperative_id, name, nik, role, phone) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  sqlite3_bind_text (stmt, 2, officer->name, -1, SQLITE_STATIC);
  loket_store_bind_text_or_null (stmt, 3, officer->nik);
  sqlite3_bind_text (stmt, 4, officer->role, -1, SQLITE_STATIC);
  loket_store_bind_text_or_null (stmt, 5, officer->phone);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  officer->id = sqlite3_last_insert_rowid (self->db);
  officer->cooperative_id = cooperative_id;
  return TRUE;
}

static gboolean
write_officers (LoketStore        *self,
                LoketCooperative  *cooperative,
                GError           **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "DELETE FROM cooperative_officer WHERE cooperative_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cooperative->id);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < cooperative->officers->len; i++)
    if (!insert_officer (self, cooperative->id, g_ptr_array_index (cooperative->officers, i), error))
      return FALSE;
  return TRUE;
}

/* The columns both statements below bind, from ?2 on. */
static void
bind_cooperative (sqlite3_stmt     *stmt,
                  LoketCooperative *cooperative,
                  const char       *name_key,
                  const char       *now)
{
  sqlite3_bind_text (stmt, 2, cooperative->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, loket_cooperative_kind_code (cooperative->kind), -1, SQLITE_STATIC);
  loket_store_bind_text_or_null (stmt, 5, cooperative->ahu);
  loket_store_bind_text_or_null (stmt, 6, cooperative->nib);
  loket_store_bind_text_or_null (stmt, 7, cooperative->npwp);
  loket_store_bind_text_or_null (stmt, 8, cooperative->nik_koperasi);
  loket_store_bind_text_or_null (stmt, 9, cooperative->street);
  loket_store_bind_text_or_null (stmt, 10, cooperative->village);
  loket_store_bind_text_or_null (stmt, 11, cooperative->district);
  loket_store_bind_text_or_null (stmt, 12, cooperative->regency);
  loket_store_bind_text_or_null (stmt, 13, cooperative->province);
  loket_store_bind_text_or_null (stmt, 14, cooperative->postcode);
  loket_store_bind_text_or_null (stmt, 15, cooperative->region_code);
  if (cooperative->potential >= 0)
    sqlite3_bind_int64 (stmt, 16, cooperative->potential);
  sqlite3_bind_text (stmt, 17, cooperative->inactive ? "inactive" : "active", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_STATIC);
}

static gboolean
insert_cooperative (LoketStore        *self,
                    LoketCooperative  *cooperative,
                    GError           **error)
{
  g_autofree char *name_key = loket_text_fold (cooperative->name);
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "INSERT INTO cooperative (name, name_key, kind, ahu, nib, npwp, nik_koperasi, street,"
    " village, district, regency, province, postcode, region_code, potential, status,"
    " created_at, updated_at)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_cooperative (stmt, cooperative, name_key, now);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  cooperative->id = sqlite3_last_insert_rowid (self->db);
  return write_officers (self, cooperative, error);
}

static gboolean
update_cooperative_row (LoketStore        *self,
                        LoketCooperative  *cooperative,
                        GError           **error)
{
  g_autofree char *name_key = loket_text_fold (cooperative->name);
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "UPDATE cooperative SET name = ?2, name_key = ?3, kind = ?4, ahu = ?5, nib = ?6, npwp = ?7,"
    " nik_koperasi = ?8, street = ?9, village = ?10, district = ?11, regency = ?12,"
    " province = ?13, postcode = ?14, region_code = ?15, potential = ?16, status = ?17,"
    " updated_at = ?18 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cooperative->id);
  bind_cooperative (stmt, cooperative, name_key, now);
  return loket_store_step_done (self, stmt, error) && write_officers (self, cooperative, error);
}

static LoketCooperative *
save_cooperative (LoketStore        *self,
                  LoketCooperative  *given,
                  gboolean           is_new,
                  const GDate       *today,
                  GPtrArray        **problems,
                  GError           **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(LoketCooperative) existing = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_COOPERATIVE (given), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_COOPERATIVES, error))
    return NULL;
  /* Check a copy, so the caller's draft keeps exactly what was typed. */
  cooperative = loket_cooperative_copy (given);
  if (is_new)
    cooperative->id = 0;
  found = loket_cooperative_check (cooperative, today);
  if (!loket_store_report_problems (found, problems, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;
  if ((!is_new && (existing = loket_store_find_cooperative (self, cooperative->id, error)) == NULL)
      || !check_ahu_free (self, cooperative, error)
      || !(is_new ? insert_cooperative (self, cooperative, error)
                  : update_cooperative_row (self, cooperative, error)))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;

  return loket_store_find_cooperative (self, cooperative->id, error);
}

LoketCooperative *
loket_store_add_cooperative (LoketStore        *self,
                             LoketCooperative  *draft,
                             const GDate       *today,
                             GPtrArray        **problems,
                             GError           **error)
{
  return save_cooperative (self, draft, TRUE, today, problems, error);
}

LoketCooperative *
loket_store_update_cooperative (LoketStore        *self,
                                LoketCooperative  *changed,
                                const GDate       *today,
                                GPtrArray        **problems,
                                GError           **error)
{
  return save_cooperative (self, changed, FALSE, today, problems, error);
}

LoketCooperativeOfficer *
loket_store_add_officer (LoketStore               *self,
                         gint64                    cooperative_id,
                         LoketCooperativeOfficer  *draft,
                         const GDate              *today,
                         GPtrArray               **problems,
                         GError                  **error)
{
  g_autoptr(LoketCooperativeOfficer) officer = NULL;
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(GPtrArray) found = loket_problems_new ();

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_COOPERATIVE_OFFICER (draft), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_COOPERATIVES, error))
    return NULL;
  officer = loket_cooperative_officer_copy (draft);
  loket_cooperative_officer_check (officer, NULL, today, found);
  if (!loket_store_report_problems (found, problems, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;
  if ((cooperative = loket_store_find_cooperative (self, cooperative_id, error)) == NULL
      || !insert_officer (self, cooperative_id, officer, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&officer);
}
