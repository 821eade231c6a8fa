/* loket-store-members.c: registering, finding and searching members. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-problem.h"
#include "loket-registration.h"
#include "loket-store-private.h"
#include "loket-text.h"

LoketMember *
loket_store_member_from_row (sqlite3_stmt *stmt)
{
  LoketMember *member = loket_member_new ();
  const char *sex = (const char *) sqlite3_column_text (stmt, 5);
  const char *programs = (const char *) sqlite3_column_text (stmt, 21);

  member->id = sqlite3_column_int64 (stmt, 0);
  member->kpj = loket_store_dup_column_text (stmt, 1);
  member->nik = loket_store_dup_column_text (stmt, 2);
  member->name = loket_store_dup_column_text (stmt, 3);
  loket_store_column_date (stmt, 4, &member->birth_date);
  member->sex = sex ? sex[0] : 0;
  loket_segment_parse ((const char *) sqlite3_column_text (stmt, 6), &member->segment, NULL);
  member->income = sqlite3_column_int64 (stmt, 7);
  member->risk_class = sqlite3_column_int (stmt, 8);
  member->occupation = loket_store_dup_column_text (stmt, 9);
  member->phone = loket_store_dup_column_text (stmt, 10);
  member->street = loket_store_dup_column_text (stmt, 11);
  member->rt = loket_store_dup_column_text (stmt, 12);
  member->rw = loket_store_dup_column_text (stmt, 13);
  member->village = loket_store_dup_column_text (stmt, 14);
  member->district = loket_store_dup_column_text (stmt, 15);
  member->regency = loket_store_dup_column_text (stmt, 16);
  member->province = loket_store_dup_column_text (stmt, 17);
  member->postcode = loket_store_dup_column_text (stmt, 18);
  member->region_code = loket_store_dup_column_text (stmt, 19);
  loket_store_column_date (stmt, 20, &member->registered_on);
  if (programs != NULL)
    loket_programs_parse (programs, &member->programs, NULL);
  return member;
}

GPtrArray *
loket_store_collect_members (LoketStore    *self,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, loket_store_member_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

typedef enum {
  MEMBER_BY_KPJ,
  MEMBER_BY_NIK,
  MEMBER_BY_ID,
} MemberKey;

/* One member by a unique key, or LOKET_ERROR_NOT_FOUND saying which. */
static LoketMember *
find_member (LoketStore  *self,
             MemberKey    key,
             const char  *value,
             GError     **error)
{
  static const char *const sql[] = {
    [MEMBER_BY_KPJ] = "SELECT " LOKET_STORE_MEMBER_COLUMNS " FROM member m WHERE m.kpj = ?",
    [MEMBER_BY_NIK] = "SELECT " LOKET_STORE_MEMBER_COLUMNS " FROM member m WHERE m.nik = ?",
    [MEMBER_BY_ID] = "SELECT " LOKET_STORE_MEMBER_COLUMNS " FROM member m WHERE m.id = CAST (? AS INTEGER)",
  };
  sqlite3_stmt *stmt = loket_store_prepare (self, sql[key], error);
  g_autoptr(GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  found = loket_store_collect_members (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len > 0)
    return g_object_ref (g_ptr_array_index (found, 0));

  switch (key)
    {
    case MEMBER_BY_KPJ:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("KPJ: no member has the number %s. Check the number on the card, or search by name."),
                   value);
      break;
    case MEMBER_BY_NIK:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                   _("NIK: no member is registered with %s. Check the NIK, or register the member."),
                   value);
      break;
    case MEMBER_BY_ID:
    default:
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                           _("Member: the member being edited is no longer in the database. Search for them again."));
      break;
    }
  return NULL;
}

LoketMember *
loket_store_find_member_by_kpj (LoketStore  *self,
                                const char  *kpj,
                                GError     **error)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  return find_member (self, MEMBER_BY_KPJ, kpj, error);
}

LoketMember *
loket_store_find_member_by_card (LoketStore  *self,
                                 const char  *payload,
                                 GError     **error)
{
  g_autofree char *kpj = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  if (!loket_card_payload_parse (payload, &kpj, error))
    return NULL;
  return find_member (self, MEMBER_BY_KPJ, kpj, error);
}

LoketMember *
loket_store_find_member_by_reference (LoketStore  *self,
                                      const char  *text,
                                      GError     **error)
{
  g_autofree char *digits = g_strdup (text);
  g_autofree char *kpj = NULL;
  gsize kept = 0;
  gboolean only_digits = TRUE;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (loket_card_payload_looks_like (text))
    return loket_store_find_member_by_card (self, text, error);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits[kept++] = *p;
    else if (*p != ' ' && *p != '.' && *p != '-')
      only_digits = FALSE;
  digits[kept] = '\0';
  if (only_digits && kept == 16)
    return find_member (self, MEMBER_BY_NIK, digits, error);
  if ((kpj = loket_kpj_normalize (text, error)) == NULL)
    return NULL;
  return find_member (self, MEMBER_BY_KPJ, kpj, error);
}

LoketMember *
loket_store_find_member_by_nik (LoketStore  *self,
                                const char  *nik,
                                GError     **error)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  return find_member (self, MEMBER_BY_NIK, nik, error);
}

GPtrArray *
loket_store_find_similar_members (LoketStore   *self,
                                  const char   *name,
                                  const GDate  *birth_date,
                                  const char   *nik,
                                  GError      **error)
{
  g_autofree char *name_key = loket_text_fold (name);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT " LOKET_STORE_MEMBER_COLUMNS " FROM member m"
    " WHERE m.name_key = ? AND m.birth_date = ? AND m.nik IS NOT ? LIMIT 20",
    error);
  if (stmt == NULL)
    return NULL;
  loket_store_bind_text_or_null (stmt, 1, name_key);
  loket_store_bind_date (stmt, 2, birth_date);
  loket_store_bind_text_or_null (stmt, 3, nik);
  return loket_store_collect_members (self, stmt, error);
}

gboolean
loket_store_take_kpj_sequences (LoketStore  *self,
                                guint        count,
                                char       **prefix_out,
                                gint64      *first,
                                GError     **error)
{
  g_autofree char *prefix = loket_store_dup_setting (self, LOKET_SETTING_KPJ_PREFIX);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (count > 0, FALSE);

  if (prefix == NULL)
    prefix = g_strdup ("01");

  /* One statement for a whole batch: an import of N members adds N. */
  stmt = loket_store_prepare (self,
    "INSERT INTO kpj_counter (prefix, next_sequence) VALUES (?1, ?2 + 1)"
    " ON CONFLICT (prefix) DO UPDATE SET next_sequence = next_sequence + ?2"
    " RETURNING next_sequence - ?2",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, count);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *first = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  *prefix_out = g_steal_pointer (&prefix);
  return TRUE;
}

/* Takes the next number for the branch prefix, inside the caller's
 * transaction. */
static char *
take_kpj (LoketStore  *self,
          GError     **error)
{
  g_autofree char *prefix = NULL;
  gint64 sequence;

  if (!loket_store_take_kpj_sequences (self, 1, &prefix, &sequence, error))
    return NULL;
  return loket_kpj_make (prefix, sequence, error);
}

gboolean
loket_store_insert_member (LoketStore                   *self,
                           LoketMember                  *member,
                           const LoketStoreMemberOrigin *origin,
                           gboolean                      index_name,
                           const GDate                  *today,
                           GError                      **error)
{
  g_autofree char *name_key = loket_text_fold (member->name);
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;
  char sex[2] = { member->sex, '\0' };

  stmt = loket_store_prepare (self,
    "INSERT INTO member (kpj, nik, name, name_key, birth_date, sex, segment, income,"
    " risk_class, occupation, phone, street, rt, rw, village, district, regency,"
    " province, postcode, region_code, registered_on, created_at, updated_at,"
    " partnership_id, agent_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
    " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24)",
    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, member->kpj, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member->nik, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, member->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name_key, -1, SQLITE_STATIC);
  loket_store_bind_date (stmt, 5, &member->birth_date);
  sqlite3_bind_text (stmt, 6, sex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, loket_segment_code (member->segment), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, member->income);
  if (member->risk_class > 0)
    sqlite3_bind_int (stmt, 9, member->risk_class);
  loket_store_bind_text_or_null (stmt, 10, member->occupation);
  loket_store_bind_text_or_null (stmt, 11, member->phone);
  loket_store_bind_text_or_null (stmt, 12, member->street);
  loket_store_bind_text_or_null (stmt, 13, member->rt);
  loket_store_bind_text_or_null (stmt, 14, member->rw);
  loket_store_bind_text_or_null (stmt, 15, member->village);
  loket_store_bind_text_or_null (stmt, 16, member->district);
  loket_store_bind_text_or_null (stmt, 17, member->regency);
  loket_store_bind_text_or_null (stmt, 18, member->province);
  loket_store_bind_text_or_null (stmt, 19, member->postcode);
  loket_store_bind_text_or_null (stmt, 20, member->region_code);
  loket_store_bind_date (stmt, 21, today);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_STATIC);
  if (origin != NULL && origin->partnership_id > 0)
    sqlite3_bind_int64 (stmt, 23, origin->partnership_id);
  if (origin != NULL && origin->agent_id > 0)
    sqlite3_bind_int64 (stmt, 24, origin->agent_id);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;

  member->id = sqlite3_last_insert_rowid (self->db);
  member->registered_on = *today;

  if (index_name)
    {
      stmt = loket_store_prepare (self,
        "INSERT INTO member_name_fts (rowid, name) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, member->name, -1, SQLITE_STATIC);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = loket_store_prepare (self,
    "INSERT INTO member_program (member_id, program, since) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    {
      LoketProgram program = loket_programs_in_order[i];

      if (!(member->programs & program))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, loket_program_code (program), -1, SQLITE_STATIC);
      loket_store_bind_date (stmt, 3, today);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The checks that need the database, inside the write transaction so that
 * two counters registering the same NIK at once cannot both succeed. */
static gboolean
check_duplicates (LoketStore   *self,
                  LoketMember  *draft,
                  gboolean      confirm_duplicate,
                  GPtrArray   **similar,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LoketMember) existing = NULL;
  g_autoptr(GPtrArray) lookalikes = NULL;

  existing = loket_store_find_member_by_nik (self, draft->nik, &local_error);
  if (existing != NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("NIK: %s is already registered, as %s with KPJ %s. Open that member instead of registering again."),
                   draft->nik, existing->name, existing->kpj);
      if (similar != NULL)
        {
          *similar = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (*similar, g_steal_pointer (&existing));
        }
      return FALSE;
    }
  if (!g_error_matches (local_error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  lookalikes = loket_store_find_similar_members (self, draft->name, &draft->birth_date,
                                                 draft->nik, error);
  if (lookalikes == NULL)
    return FALSE;
  if (lookalikes->len > 0 && !confirm_duplicate)
    {
      LoketMember *first = g_ptr_array_index (lookalikes, 0);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_PROBABLE_DUPLICATE,
                   _("Probable duplicate: %s, born on the same day, is already registered with KPJ %s and another NIK. Open that member, or confirm that this is a different person."),
                   first->name, first->kpj);
      if (similar != NULL)
        *similar = g_steal_pointer (&lookalikes);
      return FALSE;
    }

  return TRUE;
}

LoketMember *
loket_store_register_member (LoketStore   *self,
                             LoketMember  *draft,
                             const GDate  *today,
                             gboolean      confirm_duplicate,
                             GPtrArray   **problems,
                             GPtrArray   **similar,
                             GError      **error)
{
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(LoketMember) member = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_MEMBER (draft), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_REGISTER, error))
    return NULL;
  book = loket_store_dup_rate_book (self, error);
  if (book == NULL)
    return NULL;

  /* Check a copy, so the caller's draft keeps exactly what was typed. */
  member = loket_member_copy (draft);
  g_date_clear (&member->registered_on, 1);
  found = loket_registration_check (member, book, today);
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  if (!loket_problems_to_error (found, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;

  g_clear_pointer (&member->kpj, g_free);
  if (!check_duplicates (self, member, confirm_duplicate, similar, error)
      || (member->kpj = take_kpj (self, error)) == NULL
      || !loket_store_insert_member (self, member, NULL, TRUE, today, error))
    {
      loket_store_rollback (self);
      return NULL;
    }

  if (!loket_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&member);
}

static gboolean
update_programs (LoketStore   *self,
                 LoketMember  *member,
                 const GDate  *today,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  /* Programs kept keep their "since"; only the change is written. */
  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    {
      LoketProgram program = loket_programs_in_order[i];

      if (member->programs & program)
        {
          stmt = loket_store_prepare (self,
            "INSERT OR IGNORE INTO member_program (member_id, program, since) VALUES (?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          loket_store_bind_date (stmt, 3, today);
        }
      else
        {
          stmt = loket_store_prepare (self,
            "DELETE FROM member_program WHERE member_id = ? AND program = ?", error);
          if (stmt == NULL)
            return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, loket_program_code (program), -1, SQLITE_STATIC);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_update (LoketStore   *self,
              LoketMember  *member,
              const char   *old_name,
              const GDate  *today,
              GError      **error)
{
  g_autofree char *name_key = loket_text_fold (member->name);
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "UPDATE member SET name = ?2, name_key = ?3, segment = ?4, income = ?5, risk_class = ?6,"
    " occupation = ?7, phone = ?8, street = ?9, rt = ?10, rw = ?11, village = ?12,"
    " district = ?13, regency = ?14, province = ?15, postcode = ?16, region_code = ?17,"
    " updated_at = ?18 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  sqlite3_bind_text (stmt, 2, member->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, loket_segment_code (member->segment), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, member->income);
  if (member->risk_class > 0)
    sqlite3_bind_int (stmt, 6, member->risk_class);
  loket_store_bind_text_or_null (stmt, 7, member->occupation);
  loket_store_bind_text_or_null (stmt, 8, member->phone);
  loket_store_bind_text_or_null (stmt, 9, member->street);
  loket_store_bind_text_or_null (stmt, 10, member->rt);
  loket_store_bind_text_or_null (stmt, 11, member->rw);
  loket_store_bind_text_or_null (stmt, 12, member->village);
  loket_store_bind_text_or_null (stmt, 13, member->district);
  loket_store_bind_text_or_null (stmt, 14, member->regency);
  loket_store_bind_text_or_null (stmt, 15, member->province);
  loket_store_bind_text_or_null (stmt, 16, member->postcode);
  loket_store_bind_text_or_null (stmt, 17, member->region_code);
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_STATIC);
  if (!loket_store_step_done (self, stmt, error))
    return FALSE;

  /* An external-content index forgets a row only when told its old text. */
  if (g_strcmp0 (old_name, member->name) != 0)
    {
      stmt = loket_store_prepare (self,
        "INSERT INTO member_name_fts (member_name_fts, rowid, name) VALUES ('delete', ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, old_name, -1, SQLITE_STATIC);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;

      stmt = loket_store_prepare (self,
        "INSERT INTO member_name_fts (rowid, name) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member->id);
      sqlite3_bind_text (stmt, 2, member->name, -1, SQLITE_STATIC);
      if (!loket_store_step_done (self, stmt, error))
        return FALSE;
    }

  return update_programs (self, member, today, error);
}

/* 1 when `changed` has another NIK than its saved row, 0 when not, -1 on
 * error. */
static int
nik_would_change (LoketStore         *self,
                  const LoketMember  *changed,
                  GError            **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, changed->id);
  g_autoptr(LoketMember) saved = find_member (self, MEMBER_BY_ID, id_text, error);

  if (saved == NULL)
    return -1;
  return g_strcmp0 (changed->nik, saved->nik) != 0 ? 1 : 0;
}

/* Without accounts nobody is a supervisor: *nik_changes becomes 0 and the
 * NIK is refused below as before. With accounts, a supervisor's right. */
static gboolean
nik_change_allowed (LoketStore  *self,
                    int         *nik_changes,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!loket_store_has_accounts (self, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *nik_changes = 0;
      return TRUE;
    }
  return loket_store_require (self, LOKET_RIGHT_CHANGE_NIK, error);
}

LoketMember *
loket_store_update_member (LoketStore   *self,
                           LoketMember  *changed,
                           const GDate  *today,
                           GPtrArray   **problems,
                           GError      **error)
{
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(LoketMember) saved = NULL;
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *id_text = NULL;
  int nik_changes;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (LOKET_IS_MEMBER (changed), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_EDIT_MEMBER, error))
    return NULL;
  /* Whether the NIK may change is known before the transaction, so that a
   * refusal is written to the trail on its own. */
  if ((nik_changes = nik_would_change (self, changed, error)) < 0)
    return NULL;
  if (nik_changes && !nik_change_allowed (self, &nik_changes, error))
    return NULL;

  if (!loket_store_begin (self, error))
    return NULL;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, changed->id);
  saved = find_member (self, MEMBER_BY_ID, id_text, error);
  if (saved == NULL)
    {
      loket_store_rollback (self);
      return NULL;
    }

  /* What a NIK holds (the person) is fixed at registration: changing it is
   * a supervisor's correction, in a database with accounts (the registration
   * check below then holds the new NIK against the birth date and sex, and
   * the unique index against the other members). */
  if (g_strcmp0 (changed->nik, saved->nik) != 0 && !nik_changes)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("NIK: the NIK of a registered member can only be changed by a supervisor. Put back %s, or ask the supervisor."),
                   saved->nik);
      loket_store_rollback (self);
      return NULL;
    }

  book = loket_store_dup_rate_book (self, error);
  if (book == NULL)
    {
      loket_store_rollback (self);
      return NULL;
    }

  member = loket_member_copy (changed);
  member->registered_on = saved->registered_on;
  g_free (member->kpj);
  member->kpj = g_strdup (saved->kpj);
  found = loket_registration_check (member, book, today);
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  if (!loket_problems_to_error (found, error)
      || !write_update (self, member, saved->name, today, error))
    {
      loket_store_rollback (self);
      return NULL;
    }

  if (!loket_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&member);
}

gint64
loket_store_count_members (LoketStore  *self,
                           GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self, "SELECT count(*) FROM member", error);
  gint64 count;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}
