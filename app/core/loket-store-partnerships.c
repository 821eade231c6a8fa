/* loket-store-partnerships.c: partnership agreements (PKS) and agents
 * (Agen Perisai), declared in loket-store-cooperatives.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-store-cooperatives.h"
#include "loket-payment.h"
#include "loket-store-private.h"

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

/* ---- partnership agreements (PKS) --------------------------------------- */

#define PARTNERSHIP_COLUMNS \
  "p.id, p.cooperative_id, p.number, p.signed_on, p.valid_from, p.valid_until, p.segment," \
  " p.programs, p.base_income, p.payment_months, p.payer, p.sponsor_name, p.agent_id," \
  " p.status, m.kpj, m.name"
#define PARTNERSHIP_FROM \
  " FROM partnership p LEFT JOIN agent a ON a.id = p.agent_id" \
  " LEFT JOIN member m ON m.id = a.member_id"

static LoketPartnership *
partnership_from_row (sqlite3_stmt *stmt)
{
  LoketPartnership *partnership = loket_partnership_new ();
  const char *programs = (const char *) sqlite3_column_text (stmt, 7);

  partnership->id = sqlite3_column_int64 (stmt, 0);
  partnership->cooperative_id = sqlite3_column_int64 (stmt, 1);
  partnership->number = loket_store_dup_column_text (stmt, 2);
  loket_store_column_date (stmt, 3, &partnership->signed_on);
  loket_store_column_date (stmt, 4, &partnership->valid_from);
  loket_store_column_date (stmt, 5, &partnership->valid_until);
  loket_segment_parse ((const char *) sqlite3_column_text (stmt, 6), &partnership->segment, NULL);
  if (programs != NULL)
    loket_programs_parse (programs, &partnership->programs, NULL);
  partnership->base_income = sqlite3_column_int64 (stmt, 8);
  partnership->payment_months = sqlite3_column_int (stmt, 9);
  loket_payer_parse ((const char *) sqlite3_column_text (stmt, 10), &partnership->payer, NULL);
  partnership->sponsor_name = loket_store_dup_column_text (stmt, 11);
  partnership->agent_id = sqlite3_column_int64 (stmt, 12);
  partnership->ended = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 13), "ended") == 0;
  partnership->agent_kpj = loket_store_dup_column_text (stmt, 14);
  partnership->agent_name = loket_store_dup_column_text (stmt, 15);
  return partnership;
}

/* Steps a SELECT of PARTNERSHIP_COLUMNS to the end. */
static GPtrArray *
collect_partnerships (LoketStore    *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, partnership_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
loket_store_list_partnerships (LoketStore  *self,
                               gint64       cooperative_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " PARTNERSHIP_COLUMNS PARTNERSHIP_FROM
    " WHERE p.cooperative_id = ? ORDER BY p.valid_from DESC, p.id DESC",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  return collect_partnerships (self, stmt, error);
}

/* The cooperative's active PKS, or (with `latest`) the one that ended
 * last; NULL without an error when there is none. */
static LoketPartnership *
find_partnership (LoketStore  *self,
                  gint64       cooperative_id,
                  gboolean     latest,
                  GError     **error)
{
  static const char *const sql[] = {
    "SELECT " PARTNERSHIP_COLUMNS PARTNERSHIP_FROM
    " WHERE p.cooperative_id = ? AND p.status = 'active'",
    "SELECT " PARTNERSHIP_COLUMNS PARTNERSHIP_FROM
    " WHERE p.cooperative_id = ? ORDER BY p.valid_until DESC, p.id DESC LIMIT 1",
  };
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt = loket_store_prepare (self, sql[latest ? 1 : 0], error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  found = collect_partnerships (self, stmt, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (found, 0));
}

LoketPartnership *
loket_store_get_active_partnership (LoketStore   *self,
                                    gint64        cooperative_id,
                                    const GDate  *on_date,
                                    GError      **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(LoketPartnership) partnership = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from = NULL, *until = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), NULL);

  cooperative = loket_store_find_cooperative (self, cooperative_id, error);
  if (cooperative == NULL)
    return NULL;
  if (cooperative->inactive)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Cooperative: %s is inactive; no new enrolments through it. Make it active again first if it has resumed."),
                   cooperative->name);
      return NULL;
    }

  partnership = find_partnership (self, cooperative_id, FALSE, &local_error);
  if (partnership == NULL && local_error == NULL)
    partnership = find_partnership (self, cooperative_id, TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (partnership == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("PKS: %s has no partnership agreement. Record its PKS (pks add) before enrolling its members."),
                   cooperative->name);
      return NULL;
    }

  if (loket_partnership_in_force (partnership, on_date))
    return g_steal_pointer (&partnership);

  from = loket_format_date (&partnership->valid_from);
  until = loket_format_date (&partnership->valid_until);
  if (!partnership->ended && g_date_compare (on_date, &partnership->valid_from) < 0)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("PKS %s takes effect on %s; no enrolments through it before then."),
                 partnership->number, from);
  else if (g_date_compare (&partnership->valid_until, on_date) < 0)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("PKS %s ended on %s; no new enrolments through it. Record the cooperative’s new PKS first."),
                 partnership->number, until);
  else
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("PKS %s has ended; no new enrolments through it. Record the cooperative’s new PKS first."),
                 partnership->number);
  return NULL;
}

/* The agent's id for a KPJ, or an error saying who it is not. */
static gint64
find_agent_id (LoketStore  *self,
               const char  *kpj,
               gboolean    *inactive,
               char       **name,
               GError     **error)
{
  g_autoptr(LoketMember) member = loket_store_find_member_by_kpj (self, kpj, error);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (member == NULL)
    return 0;
  stmt = loket_store_prepare (self, "SELECT id, status FROM agent WHERE member_id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, member->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *inactive = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "inactive") == 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return 0;
    }
  if (id == 0)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                 _("Agent: %s (KPJ %s) is not an Agen Perisai. Appoint them first (agent add)."),
                 member->name, kpj);
  if (name != NULL)
    *name = g_strdup (member->name);
  return id;
}

static gboolean
link_agent (LoketStore  *self,
            gint64       agent_id,
            gint64       cooperative_id,
            GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "INSERT OR IGNORE INTO agent_cooperative (agent_id, cooperative_id) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agent_id);
  sqlite3_bind_int64 (stmt, 2, cooperative_id);
  return loket_store_step_done (self, stmt, error);
}

static gboolean
check_number_free (LoketStore        *self,
                   LoketPartnership  *partnership,
                   GError           **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "SELECT c.name FROM partnership p JOIN cooperative c ON c.id = p.cooperative_id WHERE p.number = ?",
    error);
  g_autofree char *holder = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, partnership->number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    holder = loket_store_dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("PKS number: %s is already recorded, for %s. Check the number on the agreement."),
                   partnership->number, holder ? holder : "?");
      return FALSE;
    }
  return TRUE;
}

/* Ends the cooperative's active PKS, when it has one, and hands it back. */
static gboolean
end_active_partnership (LoketStore         *self,
                        gint64              cooperative_id,
                        LoketPartnership  **replaced,
                        GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LoketPartnership) active = find_partnership (self, cooperative_id, FALSE, &local_error);
  sqlite3_stmt *stmt;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (active == NULL)
    return TRUE;

  stmt = loket_store_prepare (self, "UPDATE partnership SET status = 'ended' WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, active->id);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  active->ended = TRUE;
  *replaced = g_steal_pointer (&active);
  return TRUE;
}

static gboolean
insert_partnership (LoketStore        *self,
                    LoketPartnership  *partnership,
                    GError           **error)
{
  g_autofree char *programs = loket_programs_to_string (partnership->programs);
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "INSERT INTO partnership (cooperative_id, number, signed_on, valid_from, valid_until, segment,"
    " programs, base_income, payment_months, payer, sponsor_name, agent_id, status, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partnership->cooperative_id);
  sqlite3_bind_text (stmt, 2, partnership->number, -1, SQLITE_STATIC);
  loket_store_bind_date (stmt, 3, &partnership->signed_on);
  loket_store_bind_date (stmt, 4, &partnership->valid_from);
  loket_store_bind_date (stmt, 5, &partnership->valid_until);
  sqlite3_bind_text (stmt, 6, loket_segment_code (partnership->segment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, programs, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, partnership->base_income);
  sqlite3_bind_int (stmt, 9, partnership->payment_months);
  sqlite3_bind_text (stmt, 10, loket_payer_code (partnership->payer), -1, SQLITE_STATIC);
  loket_store_bind_text_or_null (stmt, 11, partnership->sponsor_name);
  bind_id_or_null (stmt, 12, partnership->agent_id);
  sqlite3_bind_text (stmt, 13, partnership->ended ? "ended" : "active", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  partnership->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* The checks and writes of loket_store_add_partnership, inside its
 * transaction. */
static gboolean
write_partnership (LoketStore         *self,
                   LoketPartnership   *partnership,
                   LoketPartnership  **replaced,
                   GError            **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;

  cooperative = loket_store_find_cooperative (self, partnership->cooperative_id, error);
  if (cooperative == NULL)
    return FALSE;
  if (cooperative->inactive && !partnership->ended)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Cooperative: %s is inactive, so it cannot take an active PKS. Make it active again first."),
                   cooperative->name);
      return FALSE;
    }
  if (!check_number_free (self, partnership, error))
    return FALSE;

  if (partnership->agent_kpj != NULL)
    {
      g_autofree char *name = NULL;
      gboolean inactive = FALSE;

      partnership->agent_id = find_agent_id (self, partnership->agent_kpj, &inactive, &name, error);
      if (partnership->agent_id == 0)
        return FALSE;
      if (inactive && !partnership->ended)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Agent: %s (KPJ %s) is no longer an active agent. Assign another agent."),
                       name, partnership->agent_kpj);
          return FALSE;
        }
      g_free (partnership->agent_name);
      partnership->agent_name = g_steal_pointer (&name);
      /* The agent of a cooperative's PKS serves that cooperative. */
      if (!link_agent (self, partnership->agent_id, partnership->cooperative_id, error))
        return FALSE;
    }

  return (partnership->ended || end_active_partnership (self, partnership->cooperative_id, replaced, error))
         && insert_partnership (self, partnership, error);
}

LoketPartnership *
loket_store_add_partnership (LoketStore         *self,
                             LoketPartnership   *draft,
                             const GDate        *today,
                             LoketPartnership  **replaced,
                             GPtrArray         **problems,
                             GError            **error)
{
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(LoketPartnership) partnership = NULL;
  g_autoptr(LoketPartnership) ended = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_PARTNERSHIP (draft), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (replaced != NULL)
    *replaced = NULL;
  if (!loket_store_require (self, LOKET_RIGHT_PARTNERSHIPS, error))
    return NULL;
  book = loket_store_dup_rate_book (self, error);
  if (book == NULL)
    return NULL;

  partnership = loket_partnership_copy (draft);
  partnership->id = 0;
  partnership->agent_id = 0;
  found = loket_partnership_check (partnership, book, today);
  if (!loket_store_report_problems (found, problems, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;
  if (!write_partnership (self, partnership, &ended, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;

  if (replaced != NULL)
    *replaced = g_steal_pointer (&ended);
  return g_steal_pointer (&partnership);
}

/* ---- agents (Agen Perisai) ---------------------------------------------- */

#define AGENT_COLUMNS \
  "a.id, a.member_id, m.kpj, m.name, a.kantor_perisai, a.appointed_on, a.status," \
  " (SELECT group_concat (ac.cooperative_id) FROM agent_cooperative ac WHERE ac.agent_id = a.id)"

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static LoketAgent *
agent_from_row (sqlite3_stmt *stmt)
{
  LoketAgent *agent = loket_agent_new ();
  const char *cooperatives = (const char *) sqlite3_column_text (stmt, 7);

  agent->id = sqlite3_column_int64 (stmt, 0);
  agent->member_id = sqlite3_column_int64 (stmt, 1);
  agent->kpj = loket_store_dup_column_text (stmt, 2);
  agent->name = loket_store_dup_column_text (stmt, 3);
  agent->kantor_perisai = loket_store_dup_column_text (stmt, 4);
  loket_store_column_date (stmt, 5, &agent->appointed_on);
  agent->inactive = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "inactive") == 0;
  if (cooperatives != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (cooperatives, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
          g_array_append_val (agent->cooperative_ids, id);
        }
      g_array_sort (agent->cooperative_ids, compare_ids);
    }
  return agent;
}

static GPtrArray *
collect_agents (LoketStore    *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, agent_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
loket_store_list_agents (LoketStore  *self,
                         gint64       cooperative_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " AGENT_COLUMNS " FROM agent a JOIN member m ON m.id = a.member_id"
    " WHERE ?1 = 0 OR EXISTS (SELECT 1 FROM agent_cooperative ac"
    "                         WHERE ac.agent_id = a.id AND ac.cooperative_id = ?1)"
    " ORDER BY a.appointed_on, a.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  return collect_agents (self, stmt, error);
}

LoketAgent *
loket_store_find_agent_by_kpj (LoketStore  *self,
                               const char  *kpj,
                               GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gboolean inactive = FALSE;
  gint64 id;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  /* Says whether the KPJ is nobody's or a member's who is not an agent. */
  id = find_agent_id (self, kpj, &inactive, &name, error);
  if (id == 0)
    return NULL;

  stmt = loket_store_prepare (self,
    "SELECT " AGENT_COLUMNS " FROM agent a JOIN member m ON m.id = a.member_id WHERE a.id = ?",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found = collect_agents (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("Agent: %s (KPJ %s) is not an Agen Perisai. Appoint them first (agent add)."),
                   name, kpj);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* The checks and writes of loket_store_add_agent, inside its transaction. */
static gboolean
write_agent (LoketStore   *self,
             LoketAgent   *agent,
             GError      **error)
{
  g_autoptr(LoketMember) member = NULL;
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  int rc;

  member = loket_store_find_member_by_kpj (self, agent->kpj, error);
  if (member == NULL)
    return FALSE;
  if (member->segment != LOKET_SEGMENT_BPU)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: a name, a KPJ, a segment label */
                   _("Agent: %s (KPJ %s) is a member as %s; an Agen Perisai must be a self-employed (BPU) member."),
                   member->name, member->kpj, loket_segment_label (member->segment));
      return FALSE;
    }
  if (g_date_valid (&member->registered_on)
      && g_date_compare (&agent->appointed_on, &member->registered_on) < 0)
    {
      g_autofree char *registered = loket_format_date (&member->registered_on);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Appointed on: it is before %s registered as a member (%s). Check the date of the appointment."),
                   member->name, registered);
      return FALSE;
    }

  stmt = loket_store_prepare (self, "SELECT id FROM agent WHERE member_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (existing != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("Agent: %s (KPJ %s) is already an Agen Perisai (agent %s)."),
                   member->name, member->kpj, number);
      return FALSE;
    }

  for (guint i = 0; i < agent->cooperative_ids->len; i++)
    {
      g_autoptr(LoketCooperative) cooperative =
        loket_store_find_cooperative (self, g_array_index (agent->cooperative_ids, gint64, i), error);

      if (cooperative == NULL)
        return FALSE;
    }

  stmt = loket_store_prepare (self,
    "INSERT INTO agent (member_id, kantor_perisai, appointed_on, status) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  loket_store_bind_text_or_null (stmt, 2, agent->kantor_perisai);
  loket_store_bind_date (stmt, 3, &agent->appointed_on);
  sqlite3_bind_text (stmt, 4, agent->inactive ? "inactive" : "active", -1, SQLITE_STATIC);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;
  agent->id = sqlite3_last_insert_rowid (self->db);
  agent->member_id = member->id;
  g_free (agent->name);
  agent->name = g_strdup (member->name);

  for (guint i = 0; i < agent->cooperative_ids->len; i++)
    if (!link_agent (self, agent->id, g_array_index (agent->cooperative_ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

LoketAgent *
loket_store_add_agent (LoketStore   *self,
                       LoketAgent   *draft,
                       const GDate  *today,
                       GPtrArray   **problems,
                       GError      **error)
{
  g_autoptr(LoketAgent) agent = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_AGENT (draft), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  agent = loket_agent_new ();
  agent->kpj = g_strdup (draft->kpj);
  agent->kantor_perisai = g_strdup (draft->kantor_perisai);
  agent->appointed_on = draft->appointed_on;
  agent->inactive = draft->inactive;
  for (guint i = 0; i < draft->cooperative_ids->len; i++)
    {
      gint64 id = g_array_index (draft->cooperative_ids, gint64, i);

      /* The same cooperative twice is one link. */
      if (!g_array_binary_search (agent->cooperative_ids, &id, compare_ids, NULL))
        {
          g_array_append_val (agent->cooperative_ids, id);
          g_array_sort (agent->cooperative_ids, compare_ids);
        }
    }

  found = loket_agent_check (agent, today);
  if (!loket_store_report_problems (found, problems, error))
    return NULL;
  if (!loket_store_require (self, LOKET_RIGHT_PARTNERSHIPS, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;
  if (!write_agent (self, agent, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  if (!loket_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&agent);
}

/* The contributions collected in [first, next) from the members the agent
 * brought, on receipts not reversed, split by the member's month of
 * membership each paid month is: months 1 to first_months, and on to
 * later_months (Perdir 13/2022). Each month is taken at the price it was
 * paid at. */
static gboolean
collect_agent_contributions (LoketStore           *self,
                             LoketRateBook        *book,
                             gint64                agent_id,
                             const GDate          *first,
                             const GDate          *next,
                             LoketAgentIncentive  *out,
                             GError              **error)
{
  gint64 first_months, later_months;
  sqlite3_stmt *stmt;
  int rc;

  if (!loket_rate_book_get (book, LOKET_RATE_AGENT_FIRST_MONTHS, first, &first_months, error)
      || !loket_rate_book_get (book, LOKET_RATE_AGENT_LATER_MONTHS, first, &later_months, error))
    return FALSE;

  stmt = loket_store_prepare (self,
    "SELECT l.month_from, l.months, l.monthly, m.registered_on"
    " FROM member m JOIN payment p ON p.member_id = m.id"
    " JOIN receipt r ON r.id = p.receipt_id JOIN payment_line l ON l.payment_id = p.id"
    " WHERE m.agent_id = ?1 AND r.paid_on >= ?2 AND r.paid_on < ?3"
    " AND NOT EXISTS (SELECT 1 FROM reversal v WHERE v.receipt_id = r.id)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agent_id);
  loket_store_bind_date (stmt, 2, first);
  loket_store_bind_date (stmt, 3, next);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate line_from, registered;
      int from, joined, months = sqlite3_column_int (stmt, 1);
      gint64 monthly = sqlite3_column_int64 (stmt, 2);

      if (!loket_store_column_date (stmt, 0, &line_from) || !loket_store_column_date (stmt, 3, &registered))
        continue;
      from = loket_month_index (&line_from);
      joined = loket_month_index (&registered);
      for (int month = from; month < from + months; month++)
        {
          /* The month of membership: the month registered is the first. */
          gint64 of_membership = month - joined + 1;

          if (of_membership <= first_months)
            out->collected_first += monthly;
          else if (of_membership <= later_months)
            out->collected_later += monthly;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_store_compute_agent_incentive (LoketStore           *self,
                                     const char           *kpj,
                                     const GDate          *month,
                                     LoketAgentIncentive  *out,
                                     GError              **error)
{
  g_autoptr(LoketAgent) agent = NULL;
  g_autoptr(LoketRateBook) book = NULL;
  sqlite3_stmt *stmt;
  GDate first, next;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL && g_date_valid (month), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  agent = loket_store_find_agent_by_kpj (self, kpj, error);
  if (agent == NULL || (book = loket_store_dup_rate_book (self, error)) == NULL)
    return FALSE;

  first = *month;
  loket_date_first_of_month (&first);
  loket_date_add_months_first (&first, 1, &next);

  /* Every segment holds JKK and JKM, so today this counts every new member
   * the agent brought; the condition keeps to the rule's wording should a
   * package without them ever appear. */
  stmt = loket_store_prepare (self,
    "SELECT count(*) FROM member m WHERE m.agent_id = ?1"
    " AND m.registered_on >= ?2 AND m.registered_on < ?3"
    " AND EXISTS (SELECT 1 FROM member_program p WHERE p.member_id = m.id AND p.program = 'jkk')"
    " AND EXISTS (SELECT 1 FROM member_program p WHERE p.member_id = m.id AND p.program = 'jkm')",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agent->id);
  loket_store_bind_date (stmt, 2, &first);
  loket_store_bind_date (stmt, 3, &next);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  out->new_members = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  out->month = first;
  if (!collect_agent_contributions (self, book, agent->id, &first, &next, out, error))
    return FALSE;
  out->contributions_recorded = TRUE;
  return loket_agent_incentive_compute (book, out, error);
}
