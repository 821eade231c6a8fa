/* loket-store-search.c: finding members, as lists of ids first and rows
 * only for the ids someone looks at, so that a list of a million members
 * costs eight bytes a member until it is scrolled. */
#include "config.h"

#include "loket-store-private.h"
#include "loket-text.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Digits with the separators people type between groups taken out. */
static char *
strip_number_separators (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '.')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A prefix range [digits, upper) that the unique indexes on nik and kpj
 * answer without a scan: "1299" → "13", as in counting. */
static char *
prefix_upper_bound (const char *digits)
{
  char *upper = g_strdup (digits);
  gsize len = strlen (upper);

  while (len > 0 && upper[len - 1] == '9')
    upper[--len] = '\0';
  if (len == 0)
    {
      g_free (upper);
      return g_strdup (":");  /* ':' sorts right after '9' */
    }
  upper[len - 1]++;
  return upper;
}

/* Each run of letters and digits becomes a quoted FTS5 prefix term, so
 * nothing the clerk types is read as query syntax, and punctuation splits
 * words as the index's tokenizer does: `Ma'ruf dé` → `"ma"* "ruf"* "de"*`. */
static char *
fts_query_for (const char *text)
{
  g_autofree char *folded = loket_text_fold (text);
  GString *query = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded ? folded : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            g_string_append (query, query->len ? " \"" : "\"");
          g_string_append_unichar (query, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (query, "\"*");
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append (query, "\"*");

  return g_string_free (query, FALSE);
}

GArray *
loket_store_collect_ids (LoketStore    *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* The members of one cooperative, as a subquery that the primary key of
 * cooperative_member (cooperative_id, member_id) answers. */
#define IN_COOPERATIVE "id IN (SELECT member_id FROM cooperative_member WHERE cooperative_id = ?4)"

GArray *
loket_store_dup_cooperative_member_ids (LoketStore  *self,
                                        gint64       cooperative_id,
                                        const char  *text,
                                        guint        limit,
                                        GError     **error)
{
  g_autofree char *digits = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  gboolean scoped = cooperative_id != 0;
  /* SQLite reads a negative LIMIT as "no limit". */
  gint64 sql_limit = limit > 0 ? (gint64) limit : -1;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  if (is_blank (text))
    {
      /* Everyone, the latest registered first: who the counter just served. */
      stmt = loket_store_prepare (self,
                                  scoped
                                  ? "SELECT member_id FROM cooperative_member WHERE cooperative_id = ?2"
                                    " ORDER BY member_id DESC LIMIT ?1"
                                  : "SELECT id FROM member ORDER BY id DESC LIMIT ?1",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, sql_limit);
      if (scoped)
        sqlite3_bind_int64 (stmt, 2, cooperative_id);
      return loket_store_collect_ids (self, stmt, error);
    }

  digits = strip_number_separators (text);
  if (is_all_digits (digits))
    {
      upper = prefix_upper_bound (digits);
      stmt = loket_store_prepare (self,
                                  scoped
                                  ? "SELECT id FROM (SELECT id FROM member WHERE kpj >= ?1 AND kpj < ?2"
                                    " AND " IN_COOPERATIVE " ORDER BY kpj LIMIT ?3)"
                                    " UNION"
                                    " SELECT id FROM (SELECT id FROM member WHERE nik >= ?1 AND nik < ?2"
                                    " AND " IN_COOPERATIVE " ORDER BY nik LIMIT ?3)"
                                    " ORDER BY 1 LIMIT ?3"
                                  : "SELECT id FROM (SELECT id FROM member WHERE kpj >= ?1 AND kpj < ?2 ORDER BY kpj LIMIT ?3)"
                                    " UNION"
                                    " SELECT id FROM (SELECT id FROM member WHERE nik >= ?1 AND nik < ?2 ORDER BY nik LIMIT ?3)"
                                    " ORDER BY 1 LIMIT ?3",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, digits, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, sql_limit);
      if (scoped)
        sqlite3_bind_int64 (stmt, 4, cooperative_id);
      return loket_store_collect_ids (self, stmt, error);
    }

  query = fts_query_for (text);
  if (*query == '\0')
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  /* No ORDER BY rank: ranking every match of a two-letter prefix at a
   * million members costs ~100 ms; rowid order is registration order. */
  stmt = loket_store_prepare (self,
                              scoped
                              ? "SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ?1"
                                " AND rowid IN (SELECT member_id FROM cooperative_member WHERE cooperative_id = ?4)"
                                " LIMIT ?3"
                              : "SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ?1 LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, sql_limit);
  if (scoped)
    sqlite3_bind_int64 (stmt, 4, cooperative_id);
  return loket_store_collect_ids (self, stmt, error);
}

GArray *
loket_store_dup_member_ids (LoketStore  *self,
                            const char  *text,
                            guint        limit,
                            GError     **error)
{
  return loket_store_dup_cooperative_member_ids (self, 0, text, limit, error);
}

GPtrArray *
loket_store_load_members (LoketStore    *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *ordered;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  /* The ids go in as one JSON array: one prepared statement whatever
   * their number, and no SQL built from data. */
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  stmt = loket_store_prepare (self,
    "SELECT " LOKET_STORE_MEMBER_COLUMNS " FROM member m"
    " WHERE m.id IN (SELECT value FROM json_each (?))",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_TRANSIENT);
  found = loket_store_collect_members (self, stmt, error);
  if (found == NULL)
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < found->len; i++)
    {
      LoketMember *member = g_ptr_array_index (found, i);
      g_hash_table_insert (by_id, &member->id, member);
    }

  ordered = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      LoketMember *member = g_hash_table_lookup (by_id, &ids[i]);
      if (member != NULL)
        g_ptr_array_add (ordered, g_object_ref (member));
    }
  return ordered;
}

GPtrArray *
loket_store_search_members (LoketStore  *self,
                            const char  *text,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  if (is_blank (text) || limit == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  ids = loket_store_dup_member_ids (self, text, limit, error);
  if (ids == NULL)
    return NULL;
  if (ids->len == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return loket_store_load_members (self, (const gint64 *) ids->data, ids->len, error);
}

gboolean
loket_store_get_member_id_span (LoketStore  *self,
                                gint64      *count,
                                gint64      *lowest,
                                gint64      *highest,
                                GError     **error)
{
  /* Three statements, because SQLite answers min() and max() from the end
   * of the rowid tree only when each stands alone. */
  const char *queries[] = {
    "SELECT count(*) FROM member",
    "SELECT coalesce (min (id), 0) FROM member",
    "SELECT coalesce (max (id), 0) FROM member",
  };
  gint64 *outs[] = { count, lowest, highest };

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = loket_store_prepare (self, queries[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          loket_store_set_sqlite_error (self, rc, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      *outs[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}
