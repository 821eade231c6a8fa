/* loket-store-audit.c: the audit trail's triggers, refusals, list and
 * verification.
 *
 * The triggers are TEMP triggers, made on every connection Loket opens from
 * the live columns of each table in audited_tables[] (PRAGMA table_info), so
 * that a column added by a later migration is audited with nothing to
 * change here. To audit a new table: add it to audited_tables[] (with any
 * column that must never be copied, like a password hash). The triggers
 * call loket_actor() and loket_sha256(), which only Loket's connections
 * have: a write made with another tool goes unaudited, and verification
 * then finds the record whose row differs from its last audited state.
 *
 * A collective enrolment writes its new members in bulk: the triggers are
 * quiet while loket_audit_bulk() is true, and the import appends one batch
 * entry instead (loket-store-audit-batch.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-audit.h"
#include "loket-error.h"
#include "loket-store-audit-private.h"
#include "loket-store-private.h"

/* Every table that holds records. Left out, and why: coverage (each
 * member's paid months, rewritten from the payments it derives from, which
 * are audited), the counters (kpj_counter, receipt_counter,
 * claim_letter_counter: what they hand out shows in the numbered records),
 * the FTS5 name index and its shadow tables (an index of member.name), and
 * audit itself. */
static const struct {
  const char *table;
  const char *secret;   /* a column never copied into the trail */
} audited_tables[] = {
  { "setting", NULL },
  { "rate", NULL },
  { "rate_list_item", NULL },
  { "member", NULL },
  { "member_program", NULL },
  { "cooperative", NULL },
  { "cooperative_officer", NULL },
  { "agent", NULL },
  { "agent_cooperative", NULL },
  { "partnership", NULL },
  { "cooperative_member", NULL },
  { "card_print_job", NULL },
  { "card_print", NULL },
  { "receipt", NULL },
  { "payment", NULL },
  { "payment_line", NULL },
  { "reversal", NULL },
  { "heir", NULL },
  { "claim", NULL },
  { "claim_line", NULL },
  { "claim_reason", NULL },
  { "claim_document", NULL },
  { "claim_event", NULL },
  { "staff", "password_hash" },
};

char *
loket_audit_hash (const char *const *fields,
                  guint              n_fields)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] != NULL)
        g_checksum_update (checksum, (const guchar *) fields[i], strlen (fields[i]));
      else
        g_checksum_update (checksum, (const guchar *) "\x1e", 1);  /* NULL ≠ "" */
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
sql_sha256 (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  g_autofree const char **fields = g_new0 (const char *, argc);
  g_autofree char *hash = NULL;

  for (int i = 0; i < argc; i++)
    fields[i] = (const char *) sqlite3_value_text (argv[i]);
  hash = loket_audit_hash (fields, argc);
  sqlite3_result_text (context, hash, -1, SQLITE_TRANSIENT);
}

static void
sql_actor (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  LoketStore *self = sqlite3_user_data (context);

  sqlite3_result_text (context, loket_store_get_actor (self), -1, SQLITE_TRANSIENT);
}

static void
sql_bulk (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  LoketStore *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->audit_bulk ? 1 : 0);
}

/* loket_sha256_xor (text): the XOR of the SHA-256 of every value, in hex;
 * the digest of a set of rows, whatever order they come in. */
typedef struct {
  guint8  sum[32];
} XorDigest;

static void
sql_sha256_xor_step (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  XorDigest *digest = sqlite3_aggregate_context (context, sizeof (XorDigest));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const unsigned char *text = sqlite3_value_text (argv[0]);
  guint8 bytes[32];
  gsize len = sizeof bytes;

  if (digest == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (text != NULL)
    g_checksum_update (checksum, text, sqlite3_value_bytes (argv[0]));
  g_checksum_get_digest (checksum, bytes, &len);
  for (guint i = 0; i < sizeof bytes; i++)
    digest->sum[i] ^= bytes[i];
}

static void
sql_sha256_xor_final (sqlite3_context *context)
{
  XorDigest *digest = sqlite3_aggregate_context (context, 0);
  char hex[65];

  for (guint i = 0; i < 32; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest != NULL ? digest->sum[i] : 0);
  sqlite3_result_text (context, hex, 64, SQLITE_TRANSIENT);
}

void
loket_table_shape_clear (TableShape *shape)
{
  g_clear_pointer (&shape->columns, g_ptr_array_unref);
  g_clear_pointer (&shape->key, g_ptr_array_unref);
}

gboolean
loket_table_shape_read (LoketStore  *self,
            const char  *table,
            const char  *secret,
            TableShape  *shape,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, pk FROM pragma_table_info ('%s') ORDER BY pk, cid", table);
  g_autoptr(GPtrArray) key = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  shape->columns = g_ptr_array_new_with_free_func (g_free);
  shape->key = g_ptr_array_new_with_free_func (g_free);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (sqlite3_column_int (stmt, 1) > 0)
        g_ptr_array_add (shape->key, g_strdup (name));
      if (g_strcmp0 (name, secret) != 0)
        g_ptr_array_add (shape->columns, g_strdup (name));
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      loket_table_shape_clear (shape);
      return FALSE;
    }
  if (shape->key->len == 0)
    {
      loket_table_shape_clear (shape);
      /* No such table (or one without its key): not a database this Loket
       * made, or one damaged; the connection has no error to tell. */
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s has no table “%s” as Loket keeps it; it is damaged or was made by "
                     "another program. Restore it from a backup."),
                   loket_store_get_path (self), table);
      return FALSE;
    }
  return TRUE;
}

char *
loket_table_shape_key (const TableShape *shape,
                const char       *row)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < shape->key->len; i++)
    g_string_append_printf (out, "%sCAST (%s\"%s\" AS TEXT)", i > 0 ? " || '/' || " : "",
                            row, (const char *) shape->key->pdata[i]);
  return g_string_free (out, FALSE);
}

char *
loket_table_shape_json (const TableShape *shape,
                 const char       *row)
{
  GString *out = g_string_new ("json_object (");

  for (guint i = 0; i < shape->columns->len; i++)
    g_string_append_printf (out, "%s'%s', %s\"%s\"", i > 0 ? ", " : "",
                            (const char *) shape->columns->pdata[i], row,
                            (const char *) shape->columns->pdata[i]);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

static void
append_trigger (GString    *sql,
                const char *table,
                const char *action,
                const char *key,
                const char *old_json,
                const char *new_json,
                const char *when)
{
  g_string_append_printf (sql,
    "CREATE TEMP TRIGGER IF NOT EXISTS \"audit_%s_%s\" AFTER %s ON main.\"%s\" %s BEGIN"
    " INSERT INTO audit (at, actor, action, table_name, row_key, old_json, new_json, prev_hash, hash)"
    " SELECT at, actor, '%s', '%s', k, o, n, prev, loket_sha256 (prev, at, actor, '%s', '%s', k, o, n)"
    " FROM (SELECT strftime ('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') AS at, loket_actor () AS actor,"
    " %s AS k, %s AS o, %s AS n,"
    " coalesce ((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '" GENESIS_HASH "') AS prev);"
    " END;\n",
    table, action, action, table, when,
    action, table, action, table,
    key, old_json, new_json);
}

static gboolean
install_triggers (LoketStore  *self,
                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (audited_tables); t++)
    {
      const char *table = audited_tables[t].table;
      TableShape shape = { 0 };
      g_autofree char *new_key = NULL;
      g_autofree char *old_key = NULL;
      g_autofree char *new_json = NULL;
      g_autofree char *old_json = NULL;
      g_autoptr(GString) changed = g_string_new ("WHEN NOT loket_audit_bulk () AND (");

      if (!loket_table_shape_read (self, table, audited_tables[t].secret, &shape, error))
        return FALSE;
      new_key = loket_table_shape_key (&shape, "NEW.");
      old_key = loket_table_shape_key (&shape, "OLD.");
      new_json = loket_table_shape_json (&shape, "NEW.");
      old_json = loket_table_shape_json (&shape, "OLD.");
      /* An update that changes nothing audited (a same-value upsert, a new
       * password hash) is no entry. */
      for (guint i = 0; i < shape.columns->len; i++)
        g_string_append_printf (changed, "%sOLD.\"%s\" IS NOT NEW.\"%s\"", i > 0 ? " OR " : "",
                                (const char *) shape.columns->pdata[i],
                                (const char *) shape.columns->pdata[i]);

      g_string_append_c (changed, ')');
      append_trigger (sql, table, "insert", new_key, "NULL", new_json, "WHEN NOT loket_audit_bulk ()");
      append_trigger (sql, table, "update", new_key, old_json, new_json, changed->str);
      append_trigger (sql, table, "delete", old_key, old_json, "NULL", "WHEN NOT loket_audit_bulk ()");
      loket_table_shape_clear (&shape);
    }
  return loket_store_exec (self, sql->str, error);
}

gboolean
loket_store_audit_attach (LoketStore  *self,
                          GError     **error)
{
  int rc = sqlite3_create_function_v2 (self->db, "loket_actor", 0, SQLITE_UTF8, self,
                                       sql_actor, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "loket_audit_bulk", 0, SQLITE_UTF8, self,
                                     sql_bulk, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "loket_sha256_xor", 1, SQLITE_UTF8, NULL,
                                     NULL, sql_sha256_xor_step, sql_sha256_xor_final, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "loket_sha256", -1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                     sql_sha256, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return self->schema_version < 9 || install_triggers (self, error);
}

void
loket_store_audit_refusal (LoketStore *self,
                           LoketRight  right,
                           const char *message)
{
  gboolean own_transaction = sqlite3_get_autocommit (self->db) != 0;
  sqlite3_stmt *stmt;

  if (own_transaction && !loket_store_begin (self, NULL))
    return;
  stmt = loket_store_prepare (self,
    "INSERT INTO audit (at, actor, action, table_name, row_key, old_json, new_json, prev_hash, hash)"
    " SELECT at, actor, 'refused', NULL, NULL, NULL, n, prev,"
    "        loket_sha256 (prev, at, actor, 'refused', NULL, NULL, NULL, n)"
    " FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, loket_actor () AS actor,"
    "       json_object ('right', ?1, 'message', ?2) AS n,"
    "       coalesce ((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '" GENESIS_HASH "') AS prev)",
    NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, loket_right_to_string (right), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, message, -1, SQLITE_TRANSIENT);
      loket_store_step_done (self, stmt, NULL);
    }
  if (own_transaction && !loket_store_commit (self, NULL))
    loket_store_rollback (self);
}

void
loket_audit_entry_free (LoketAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->row_key);
  g_free (entry->old_json);
  g_free (entry->new_json);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

void
loket_audit_report_free (LoketAuditReport *report)
{
  if (report == NULL)
    return;
  g_free (report->table_name);
  g_free (report->row_key);
  g_free (report->message);
  g_free (report);
}

#define ENTRY_COLUMNS "id, at, actor, action, table_name, row_key, old_json, new_json, prev_hash, hash"

static LoketAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  LoketAuditEntry *entry = g_new0 (LoketAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  entry->table_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->row_key = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  entry->old_json = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  entry->new_json = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  entry->prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  entry->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  return entry;
}

GPtrArray *
loket_store_list_audit (LoketStore              *self,
                        const LoketAuditFilter  *filter,
                        GError                 **error)
{
  LoketAuditFilter none = { 0 };
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) loket_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &none;
  if (!loket_store_require (self, LOKET_RIGHT_AUDIT, error))
    return NULL;

  stmt = loket_store_prepare (self,
    "SELECT " ENTRY_COLUMNS " FROM audit"
    " WHERE (?1 IS NULL OR table_name = ?1) AND (?2 IS NULL OR actor = ?2)"
    "   AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR substr (at, 1, 10) <= ?4)"
    "   AND (?5 = 0 OR id < ?5)"
    " ORDER BY id DESC LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;
  loket_store_bind_text_or_null (stmt, 1, filter->table_name);
  loket_store_bind_text_or_null (stmt, 2, filter->actor);
  loket_store_bind_text_or_null (stmt, 3, filter->from);
  loket_store_bind_text_or_null (stmt, 4, filter->to);
  sqlite3_bind_int64 (stmt, 5, filter->before_id);
  sqlite3_bind_int64 (stmt, 6, filter->limit > 0 ? filter->limit : 100);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

char *
loket_audit_entry_dup_changes (const LoketAuditEntry *entry)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* json_each does the parsing; an in-memory database costs nothing. */
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db,
           "SELECT coalesce (n.key, o.key), o.value, n.value, o.type, n.type"
           " FROM json_each (coalesce (?2, '{}')) n"
           " FULL JOIN json_each (coalesce (?1, '{}')) o ON o.key = n.key"
           " WHERE o.value IS NOT n.value OR o.type IS NOT n.type OR ?1 IS NULL OR ?2 IS NULL",
           -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, entry->old_json, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, entry->new_json, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *old_value = (const char *) sqlite3_column_text (stmt, 1);
          const char *new_value = (const char *) sqlite3_column_text (stmt, 2);

          if (out->len > 0)
            g_string_append (out, "; ");
          g_string_append_printf (out, "%s: ", (const char *) sqlite3_column_text (stmt, 0));
          if (entry->old_json != NULL && entry->new_json != NULL)
            g_string_append_printf (out, "%s → %s", old_value ? old_value : "—", new_value ? new_value : "—");
          else
            g_string_append (out, new_value ? new_value : old_value ? old_value : "—");
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
verify_chain (LoketStore        *self,
              LoketAuditReport  *report,
              GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *previous_hash = g_strdup (GENESIS_HASH);
  gint64 expected_id = 1;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT " ENTRY_COLUMNS " FROM audit ORDER BY id", -1, &stmt, NULL);

  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(LoketAuditEntry) entry = entry_from_row (stmt);
      const char *fields[] = { entry->prev_hash, entry->at, entry->actor, entry->action,
                               entry->table_name, entry->row_key, entry->old_json, entry->new_json };
      g_autofree char *hash = loket_audit_hash (fields, G_N_ELEMENTS (fields));

      report->entries++;
      if (entry->id != expected_id || g_strcmp0 (entry->prev_hash, previous_hash) != 0)
        {
          report->verdict = LOKET_AUDIT_GAP;
          report->broken_id = expected_id;
          report->message = entry->id != expected_id
            ? g_strdup_printf (_("Audit trail: entry %lld is missing (the entries jump from %lld to %lld): it was deleted outside Loket."),
                               (long long) expected_id, (long long) (expected_id - 1), (long long) entry->id)
            : g_strdup_printf (_("Audit trail: entry %lld does not follow the entry before it (its previous hash differs): an entry before it was removed or replaced outside Loket."),
                               (long long) entry->id);
          break;
        }
      if (g_strcmp0 (hash, entry->hash) != 0)
        {
          report->verdict = LOKET_AUDIT_HASH_MISMATCH;
          report->broken_id = entry->id;
          report->message = g_strdup_printf (_("Audit trail: entry %lld (%s, %s %s) was changed outside Loket: its hash no longer matches its contents."),
                                             (long long) entry->id, entry->at, entry->action,
                                             entry->table_name != NULL ? entry->table_name : "");
          break;
        }
      g_free (previous_hash);
      previous_hash = g_strdup (entry->hash);
      expected_id++;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The records of `table` whose row differs from its last audited state (or
 * that exist though their last entry deleted them, or are gone though it
 * did not): the first one's key, and how many. */
static gboolean
verify_state (LoketStore        *self,
              const char        *table,
              const char        *secret,
              LoketAuditReport  *report,
              GError           **error)
{
  TableShape shape = { 0 };
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!loket_table_shape_read (self, table, secret, &shape, error))
    return FALSE;
  key = loket_table_shape_key (&shape, "");
  json = loket_table_shape_json (&shape, "");
  loket_table_shape_clear (&shape);

  /* Only the columns the entry holds are compared: a column added by a
   * later migration is not a change made outside Loket. */
  sql = g_strdup_printf (
    "WITH last AS (SELECT row_key, action, new_json FROM audit a"
    "              WHERE table_name = ?1 AND action <> 'import'"
    "                AND id = (SELECT max (id) FROM audit b"
    "                          WHERE b.table_name = ?1 AND b.row_key = a.row_key AND b.action <> 'import')),"
    "     cur AS (SELECT %s AS k, %s AS j FROM main.\"%s\")"
    " SELECT l.row_key FROM last l LEFT JOIN cur c ON c.k = l.row_key"
    " WHERE CASE WHEN l.action = 'delete' THEN c.k IS NOT NULL"
    "            ELSE c.k IS NULL OR EXISTS (SELECT 1 FROM json_each (l.new_json) e"
    "                                        WHERE json_extract (c.j, '$.\"' || e.key || '\"') IS NOT e.value) END"
    " ORDER BY l.row_key",
    key, json, table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (report->mismatches++ == 0 && report->verdict == LOKET_AUDIT_INTACT)
        {
          report->verdict = LOKET_AUDIT_STATE_MISMATCH;
          report->table_name = g_strdup (table);
          report->row_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

LoketAuditReport *
loket_store_verify_audit (LoketStore  *self,
                          GError     **error)
{
  g_autoptr(LoketAuditReport) report = g_new0 (LoketAuditReport, 1);

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  /* One snapshot for the chain and the rows. */
  if (!loket_store_exec (self, "BEGIN", error))
    return NULL;
  if (!verify_chain (self, report, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  for (guint t = 0; report->verdict == LOKET_AUDIT_INTACT || report->verdict == LOKET_AUDIT_STATE_MISMATCH; t++)
    {
      if (t >= G_N_ELEMENTS (audited_tables))
        break;
      if (!verify_state (self, audited_tables[t].table, audited_tables[t].secret, report, error))
        {
          loket_store_rollback (self);
          return NULL;
        }
    }
  if (report->verdict == LOKET_AUDIT_INTACT
      && !loket_store_audit_verify_batches (self, report, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  loket_store_rollback (self);

  if (report->verdict == LOKET_AUDIT_STATE_MISMATCH)
    report->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Audit trail: the record %s %s differs from its last audited state: it was changed outside Loket (%lld record in all).",
                                         "Audit trail: the record %s %s differs from its last audited state: it was changed outside Loket (%lld records in all).",
                                         report->mismatches),
                                       report->table_name, report->row_key, (long long) report->mismatches);
  else if (report->verdict == LOKET_AUDIT_INTACT)
    report->message = g_strdup_printf (_("Audit trail: %lld entries, the chain is intact and every audited record matches its row."),
                                       (long long) report->entries);
  return g_steal_pointer (&report);
}
