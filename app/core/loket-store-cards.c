/* loket-store-cards.c: the log of membership cards printed. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-store-cards.h"
#include "loket-store-private.h"

static const char *const reason_codes[LOKET_REPRINT_REASON_COUNT] = {
  NULL, "lost", "damaged", "data-changed",
};

const char *
loket_reprint_reason_code (LoketReprintReason reason)
{
  g_return_val_if_fail (reason < LOKET_REPRINT_REASON_COUNT, NULL);
  return reason_codes[reason];
}

const char *
loket_reprint_reason_label (LoketReprintReason reason)
{
  switch (reason)
    {
    case LOKET_REPRINT_LOST:
      return _("Lost");
    case LOKET_REPRINT_DAMAGED:
      return _("Damaged");
    case LOKET_REPRINT_DATA_CHANGED:
      return _("Data changed");
    case LOKET_REPRINT_NONE:
    default:
      return _("First card");
    }
}

gboolean
loket_reprint_reason_parse (const char         *code,
                            LoketReprintReason *out)
{
  for (guint i = LOKET_REPRINT_LOST; i < LOKET_REPRINT_REASON_COUNT; i++)
    if (code != NULL && g_ascii_strcasecmp (code, reason_codes[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

void
loket_card_print_free (LoketCardPrint *print)
{
  if (print == NULL)
    return;
  g_clear_pointer (&print->printed_at, g_date_time_unref);
  g_free (print->clerk);
  g_free (print->target);
  g_free (print);
}

/* The ids as one JSON array: one prepared statement whatever their number. */
static char *
ids_as_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

GArray *
loket_store_dup_members_with_card (LoketStore    *self,
                                   const gint64  *member_ids,
                                   guint          n_member_ids,
                                   GError       **error)
{
  g_autofree char *json = ids_as_json (member_ids, n_member_ids);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT DISTINCT j.value FROM json_each (?) j"
    " WHERE EXISTS (SELECT 1 FROM card_print p WHERE p.member_id = j.value)"
    " ORDER BY j.key",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return loket_store_collect_ids (self, stmt, error);
}

GPtrArray *
loket_store_load_cooperative_card_members (LoketStore  *self,
                                           gint64       cooperative_id,
                                           gboolean     only_without_card,
                                           GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT c.member_id FROM cooperative_member c WHERE c.cooperative_id = ?1"
    " AND (NOT ?2 OR NOT EXISTS (SELECT 1 FROM card_print p WHERE p.member_id = c.member_id))"
    " ORDER BY c.member_id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  sqlite3_bind_int (stmt, 2, only_without_card ? 1 : 0);
  if ((ids = loket_store_collect_ids (self, stmt, error)) == NULL)
    return NULL;
  return loket_store_load_members (self, (const gint64 *) ids->data, ids->len, error);
}

/* Before anything is written: every member exists, and each who had a card
 * before has a reason. The first one that fails is named. */
static gboolean
check_job_members (LoketStore              *self,
                   const LoketCardPrintJob *job,
                   const gint64            *member_ids,
                   guint                    n_member_ids,
                   GError                 **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "SELECT kpj, name, EXISTS (SELECT 1 FROM card_print p WHERE p.member_id = m.id)"
    " FROM member m WHERE m.id = ?",
    error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_member_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, member_ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                               _("A member on the print job is no longer in the database; "
                                 "the card log was not written."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          loket_store_set_sqlite_error (self, rc, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (sqlite3_column_int (stmt, 2) && job->reason == LOKET_REPRINT_NONE)
        {
          g_autofree char *kpj = loket_kpj_format ((const char *) sqlite3_column_text (stmt, 0));

          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("%s (KPJ %s) already has a card. Choose why it is printed again: "
                         "lost, damaged or data changed."),
                       (const char *) sqlite3_column_text (stmt, 1), kpj);
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
insert_job (LoketStore              *self,
            const LoketCardPrintJob *job,
            GError                 **error)
{
  g_autofree char *now = loket_store_now_utc ();
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "INSERT INTO card_print_job (printed_at, clerk, destination, target, layout, back)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->clerk, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, job->destination == LOKET_CARD_DESTINATION_PRINTER ? "printer" : "file",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, job->target, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, job->sheet ? "a4" : "single", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, job->back ? 1 : 0);
  if (!loket_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
insert_job_members (LoketStore              *self,
                    const LoketCardPrintJob *job,
                    gint64                   job_id,
                    const gint64            *member_ids,
                    guint                    n_member_ids,
                    GError                 **error)
{
  g_autofree char *json = ids_as_json (member_ids, n_member_ids);
  /* One statement for the whole job: a member's first card has no reason,
   * the others the job's. A member named twice is logged once. */
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "INSERT OR IGNORE INTO card_print (job_id, member_id, reprint_reason)"
    " SELECT ?1, j.value,"
    "  CASE WHEN EXISTS (SELECT 1 FROM card_print p WHERE p.member_id = j.value AND p.job_id <> ?1)"
    "  THEN ?2 END"
    " FROM json_each (?3) j",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  loket_store_bind_text_or_null (stmt, 2, loket_reprint_reason_code (job->reason));
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  return loket_store_step_done (self, stmt, error);
}

gint64
loket_store_log_card_print (LoketStore              *self,
                            const LoketCardPrintJob *job,
                            const gint64            *member_ids,
                            guint                    n_member_ids,
                            GError                 **error)
{
  LoketCardPrintJob session_job;
  gint64 job_id;

  g_return_val_if_fail (LOKET_IS_STORE (self), 0);
  g_return_val_if_fail (job != NULL && job->clerk != NULL && job->target != NULL, 0);
  g_return_val_if_fail (job->reason < LOKET_REPRINT_REASON_COUNT, 0);

  if (n_member_ids == 0)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("No member was on the print job; nothing was logged."));
      return 0;
    }
  if (!loket_store_require (self, LOKET_RIGHT_PRINT_CARD, error))
    return 0;
  session_job = *job;
  session_job.clerk = loket_store_clerk (self, job->clerk);
  job = &session_job;
  if (!loket_store_begin (self, error))
    return 0;
  if (!check_job_members (self, job, member_ids, n_member_ids, error)
      || (job_id = insert_job (self, job, error)) == 0
      || !insert_job_members (self, job, job_id, member_ids, n_member_ids, error)
      || !loket_store_commit (self, error))
    {
      loket_store_rollback (self);
      return 0;
    }
  return job_id;
}

static LoketCardPrint *
card_print_from_row (sqlite3_stmt *stmt)
{
  LoketCardPrint *print = g_new0 (LoketCardPrint, 1);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 1), NULL);
  const char *reason = (const char *) sqlite3_column_text (stmt, 6);

  print->job_id = sqlite3_column_int64 (stmt, 0);
  print->printed_at = utc != NULL ? g_date_time_to_local (utc) : g_date_time_new_now_local ();
  print->clerk = loket_store_dup_column_text (stmt, 2);
  print->destination = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "printer") == 0
                       ? LOKET_CARD_DESTINATION_PRINTER : LOKET_CARD_DESTINATION_FILE;
  print->target = loket_store_dup_column_text (stmt, 4);
  print->sheet = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "a4") == 0;
  if (reason == NULL || !loket_reprint_reason_parse (reason, &print->reason))
    print->reason = LOKET_REPRINT_NONE;
  return print;
}

GPtrArray *
loket_store_list_card_prints (LoketStore  *self,
                              gint64       member_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) loket_card_print_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  stmt = loket_store_prepare (self,
    "SELECT j.id, j.printed_at, j.clerk, j.destination, j.target, j.layout, p.reprint_reason"
    " FROM card_print p JOIN card_print_job j ON j.id = p.job_id"
    " WHERE p.member_id = ? ORDER BY j.id DESC",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (prints, card_print_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&prints);
}

static char *
printer_offset_key (const char *printer)
{
  return g_strconcat ("card.offset.", printer, NULL);
}

gboolean
loket_store_get_card_printer_offset (LoketStore *self,
                                     const char *printer,
                                     double     *x_mm,
                                     double     *y_mm)
{
  g_autofree char *key = printer_offset_key (printer);
  g_autofree char *value = loket_store_dup_setting (self, key);
  g_auto(GStrv) parts = value != NULL ? g_strsplit (value, " ", 2) : NULL;

  *x_mm = *y_mm = 0.0;
  if (parts == NULL || g_strv_length (parts) != 2)
    return FALSE;
  /* A value edited by hand outside Loket is kept in bounds. */
  *x_mm = CLAMP (g_ascii_strtod (parts[0], NULL), -LOKET_CARD_OFFSET_MAX_MM, LOKET_CARD_OFFSET_MAX_MM);
  *y_mm = CLAMP (g_ascii_strtod (parts[1], NULL), -LOKET_CARD_OFFSET_MAX_MM, LOKET_CARD_OFFSET_MAX_MM);
  return TRUE;
}

gboolean
loket_store_set_card_printer_offset (LoketStore  *self,
                                     const char  *printer,
                                     double       x_mm,
                                     double       y_mm,
                                     GError     **error)
{
  g_autofree char *key = NULL;
  char x_text[G_ASCII_DTOSTR_BUF_SIZE], y_text[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *value = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  if (printer == NULL || *printer == '\0')
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Printer: choose the printer the correction is for."));
      return FALSE;
    }
  if (!(x_mm >= -LOKET_CARD_OFFSET_MAX_MM && x_mm <= LOKET_CARD_OFFSET_MAX_MM
        && y_mm >= -LOKET_CARD_OFFSET_MAX_MM && y_mm <= LOKET_CARD_OFFSET_MAX_MM))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Printer %s: a correction is between -20 and 20 mm. Measure how far the cards "
                     "are off on a printed sheet and enter that."), printer);
      return FALSE;
    }
  /* Aligning the card printer is part of printing cards, not a setting of
   * the branch: the petugas at that printer may do it. */
  if (!loket_store_require (self, LOKET_RIGHT_PRINT_CARD, error))
    return FALSE;
  key = printer_offset_key (printer);
  value = g_strdup_printf ("%s %s", g_ascii_dtostr (x_text, sizeof x_text, x_mm),
                           g_ascii_dtostr (y_text, sizeof y_text, y_mm));
  return loket_store_write_setting (self, key, value, error);
}
