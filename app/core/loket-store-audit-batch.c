/* loket-store-audit-batch.c: the audit trail's batch entries.
 *
 * An entry per row costs an import of 100 000 members three hundred
 * thousand entries (the member, their programs, their link to the
 * cooperative), each with its JSON and its SHA-256: more than the import
 * itself. So the triggers are quiet during an import's commit and the
 * import appends one entry for the batch, in the same transaction: the
 * file, the cooperative, the new members' ids (contiguous) and KPJs, and,
 * for each table it wrote, the columns and a digest of the rows (the XOR
 * of each row's SHA-256, so that no order is needed).
 *
 * Verification recomputes each digest: from the row as it is now while the
 * row has no entry of its own after the batch, else from the first such
 * entry's old_json (what the row was before its first audited change).
 * So a member an import wrote and nobody changed since is still compared
 * with what was imported: a change made outside Loket is found, and the
 * entry named. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-store-audit-private.h"

/* The tables an import writes in bulk, and how their rows are told apart:
 * the member in the batch's id range, and for the link, the cooperative. */
static const struct {
  const char *table;
  const char *member_column;
  gboolean    by_cooperative;
} batch_tables[] = {
  { "member", "id", FALSE },
  { "member_program", "member_id", FALSE },
  { "cooperative_member", "member_id", TRUE },
};

void
loket_store_audit_set_bulk (LoketStore *self,
                            gboolean    bulk)
{
  self->audit_bulk = bulk;
}

static gboolean
column_name_ok (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* json_object ('id', json_extract (o, '$."id"'), …): a row from an entry's
 * JSON, as loket_table_shape_json builds it from the row. */
static char *
json_from_entry (GPtrArray *columns)
{
  GString *out = g_string_new ("json_object (");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (out, "%s'%s', json_extract (o, '$.\"%s\"')", i > 0 ? ", " : "",
                            (const char *) columns->pdata[i], (const char *) columns->pdata[i]);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* The digest and count of the rows of batch_tables[t] the batch wrote, as
 * the trail says they should be after entry `after_id`: the live row while
 * it has no entry of its own after `after_id`, else its first one's
 * old_json (none: inserted after the batch, not one of its rows). */
static gboolean
batch_digest (LoketStore  *self,
              guint        t,
              GPtrArray   *columns,
              gint64       after_id,
              gint64       first_id,
              gint64       last_id,
              gint64       cooperative_id,
              char       **digest,
              gint64      *count,
              GError     **error)
{
  const char *table = batch_tables[t].table;
  const char *member_column = batch_tables[t].member_column;
  TableShape shape = { 0 };
  g_autofree char *key = NULL;
  g_autofree char *row_json = NULL;
  g_autofree char *entry_json = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *coop_row = NULL;
  g_autofree char *coop_entry = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!loket_table_shape_read (self, table, NULL, &shape, error))
    return FALSE;
  key = loket_table_shape_key (&shape, "t.");  /* not audit's own id */
  /* The columns the entry names, not the live ones: a column added by a
   * later migration is no change made outside Loket. */
  g_ptr_array_unref (shape.columns);
  shape.columns = g_ptr_array_ref (columns);
  row_json = loket_table_shape_json (&shape, "t.");
  entry_json = json_from_entry (columns);
  loket_table_shape_clear (&shape);
  coop_row = g_strdup (batch_tables[t].by_cooperative ? " AND t.\"cooperative_id\" = ?4" : "");
  coop_entry = g_strdup (batch_tables[t].by_cooperative ? " AND json_extract (o, '$.cooperative_id') = ?4" : "");

  sql = g_strdup_printf (
    "SELECT loket_sha256_xor (j), count (*) FROM ("
    " SELECT %s AS j FROM main.\"%s\" t"
    "  WHERE t.\"%s\" BETWEEN ?2 AND ?3%s"
    "    AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.table_name = ?1 AND a.row_key = %s AND a.id > ?5)"
    " UNION ALL"
    " SELECT %s FROM ("
    "  SELECT (SELECT b.old_json FROM audit b WHERE b.table_name = ?1 AND b.row_key = r.row_key"
    "          AND b.id > ?5 AND b.action <> 'import' ORDER BY b.id LIMIT 1) AS o"
    "  FROM (SELECT DISTINCT row_key FROM audit WHERE table_name = ?1 AND id > ?5"
    "        AND action IN ('insert', 'update', 'delete')) r)"
    "  WHERE o IS NOT NULL AND json_extract (o, '$.\"%s\"') BETWEEN ?2 AND ?3%s)",
    row_json, table, member_column, coop_row, key,
    entry_json, member_column, coop_entry);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, first_id);
      sqlite3_bind_int64 (stmt, 3, last_id);
      sqlite3_bind_int64 (stmt, 4, cooperative_id);
      sqlite3_bind_int64 (stmt, 5, after_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *digest = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *count = sqlite3_column_int64 (stmt, 1);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
last_entry_id (LoketStore  *self,
               GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self, "SELECT coalesce (max (id), 0) FROM audit", error);
  gint64 id = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    loket_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  sqlite3_reset (stmt);
  return id;
}

gboolean
loket_store_audit_import (LoketStore  *self,
                          const char  *source_name,
                          gint64       cooperative_id,
                          gint64       partnership_id,
                          gint64       agent_id,
                          gint64       first_member_id,
                          gint64       last_member_id,
                          GError     **error)
{
  g_autoptr(GString) tables = g_string_new ("{");
  g_autofree char *row_key = NULL;
  sqlite3_stmt *stmt;
  gint64 after_id;

  if ((after_id = last_entry_id (self, error)) < 0)
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (batch_tables); t++)
    {
      TableShape shape = { 0 };
      g_autofree char *digest = NULL;
      gint64 count = 0;
      gboolean ok;

      if (!loket_table_shape_read (self, batch_tables[t].table, NULL, &shape, error))
        return FALSE;
      ok = batch_digest (self, t, shape.columns, after_id, first_member_id, last_member_id,
                         cooperative_id, &digest, &count, error);
      if (ok)
        {
          g_string_append_printf (tables, "%s\"%s\": {\"count\": %" G_GINT64_FORMAT ", \"digest\": \"%s\", \"columns\": [",
                                  t > 0 ? ", " : "", batch_tables[t].table, count, digest);
          for (guint i = 0; i < shape.columns->len; i++)
            g_string_append_printf (tables, "%s\"%s\"", i > 0 ? ", " : "",
                                    (const char *) shape.columns->pdata[i]);
          g_string_append (tables, "]}");
        }
      loket_table_shape_clear (&shape);
      if (!ok)
        return FALSE;
    }
  g_string_append_c (tables, '}');

  row_key = g_strdup_printf ("%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, first_member_id, last_member_id);
  stmt = loket_store_prepare (self,
    "INSERT INTO audit (at, actor, action, table_name, row_key, old_json, new_json, prev_hash, hash)"
    " SELECT at, actor, 'import', 'member', k, NULL, n, prev,"
    "        loket_sha256 (prev, at, actor, 'import', 'member', k, NULL, n)"
    " FROM (SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, loket_actor () AS actor, ?1 AS k,"
    "       json_object ('file', ?2, 'cooperative_id', ?3, 'partnership_id', ?4, 'agent_id', ?5,"
    "                    'count', ?7 - ?6 + 1, 'first_member_id', ?6, 'last_member_id', ?7,"
    "                    'first_kpj', (SELECT kpj FROM member WHERE id = ?6),"
    "                    'last_kpj', (SELECT kpj FROM member WHERE id = ?7),"
    "                    'tables', json (?8)) AS n,"
    "       coalesce ((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '" GENESIS_HASH "') AS prev)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_key, -1, SQLITE_TRANSIENT);
  loket_store_bind_text_or_null (stmt, 2, source_name);
  sqlite3_bind_int64 (stmt, 3, cooperative_id);
  sqlite3_bind_int64 (stmt, 4, partnership_id);
  if (agent_id > 0)
    sqlite3_bind_int64 (stmt, 5, agent_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, first_member_id);
  sqlite3_bind_int64 (stmt, 7, last_member_id);
  sqlite3_bind_text (stmt, 8, tables->str, -1, SQLITE_TRANSIENT);
  return loket_store_step_done (self, stmt, error);
}

/* One table of one batch entry: FALSE with `*intact` unchanged on a
 * storage error. */
static gboolean
verify_batch_table (LoketStore  *self,
                    gint64       entry_id,
                    const char  *new_json,
                    guint        t,
                    gboolean    *intact,
                    GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *path = g_strdup_printf ("$.tables.%s", batch_tables[t].table);
  gint64 expected_count = -1, first_id = 0, last_id = 0, cooperative_id = 0, count = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
    "SELECT json_extract (?1, ?2 || '.digest'), json_extract (?1, ?2 || '.count'),"
    "       json_extract (?1, '$.first_member_id'), json_extract (?1, '$.last_member_id'),"
    "       json_extract (?1, '$.cooperative_id'), e.value"
    " FROM (SELECT 1) LEFT JOIN json_each (?1, ?2 || '.columns') e",
    -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, new_json, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rc = SQLITE_OK;
      if (expected == NULL)
        {
          expected = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          expected_count = sqlite3_column_int64 (stmt, 1);
          first_id = sqlite3_column_int64 (stmt, 2);
          last_id = sqlite3_column_int64 (stmt, 3);
          cooperative_id = sqlite3_column_int64 (stmt, 4);
        }
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 5)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      /* Unreadable JSON in a chained entry: the entry is what is wrong. */
      *intact = FALSE;
      return TRUE;
    }
  for (guint i = 0; i < columns->len; i++)
    if (!column_name_ok (columns->pdata[i]))
      {
        *intact = FALSE;
        return TRUE;
      }
  if (expected == NULL || columns->len == 0)
    {
      *intact = FALSE;
      return TRUE;
    }
  if (!batch_digest (self, t, columns, entry_id, first_id, last_id, cooperative_id,
                     &digest, &count, error))
    return FALSE;
  *intact = count == expected_count && g_strcmp0 (digest, expected) == 0;
  return TRUE;
}

gboolean
loket_store_audit_verify_batches (LoketStore        *self,
                                  LoketAuditReport  *report,
                                  GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "SELECT id, new_json FROM audit WHERE action = 'import' ORDER BY id",
                               -1, &stmt, NULL);
  gboolean ok = TRUE;

  while (ok && rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 entry_id = sqlite3_column_int64 (stmt, 0);
      const char *new_json = (const char *) sqlite3_column_text (stmt, 1);

      for (guint t = 0; ok && t < G_N_ELEMENTS (batch_tables); t++)
        {
          gboolean intact = TRUE;

          ok = verify_batch_table (self, entry_id, new_json, t, &intact, error);
          if (ok && !intact)
            {
              report->verdict = LOKET_AUDIT_BATCH_MISMATCH;
              report->broken_id = entry_id;
              report->table_name = g_strdup (batch_tables[t].table);
              report->message = g_strdup_printf (_("Audit trail: the %s records written by the import of entry %lld no longer match that entry: one was changed, added or removed outside Loket."),
                                                 batch_tables[t].table, (long long) entry_id);
              break;
            }
        }
      if (report->verdict != LOKET_AUDIT_INTACT)
        break;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);
  sqlite3_finalize (stmt);
  if (ok && rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return ok;
}
