/* loket-store.c: opening, migrating, settings and rates. Members are in
 * loket-store-members.c. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "loket-backup.h"
#include "loket-core-resources.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-problem.h"
#include "loket-regions.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"

G_DEFINE_FINAL_TYPE (LoketStore, loket_store, G_TYPE_OBJECT)

#define BUSY_TIMEOUT_MS 5000

static const char *migrations[LOKET_STORE_SCHEMA_VERSION] = {
  "/io/github/loket/core/migrations/001-core.sql",
  "/io/github/loket/core/migrations/002-member-search.sql",
  "/io/github/loket/core/migrations/003-one-letter-prefix.sql",
  "/io/github/loket/core/migrations/004-cooperatives.sql",
  "/io/github/loket/core/migrations/005-agent-incentive-rates.sql",
  "/io/github/loket/core/migrations/006-card-prints.sql",
  "/io/github/loket/core/migrations/007-payments.sql",
  "/io/github/loket/core/migrations/008-claims.sql",
  "/io/github/loket/core/migrations/009-accounts-audit.sql",
  "/io/github/loket/core/migrations/010-audit-import.sql",
};

static void
loket_store_finalize (GObject *object)
{
  LoketStore *self = LOKET_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->rate_book, loket_rate_book_unref);
  g_clear_pointer (&self->session, loket_staff_free);
  g_clear_pointer (&self->acting_name, g_free);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (loket_store_parent_class)->finalize (object);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
loket_store_class_init (LoketStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_store_finalize;
}

static void
loket_store_init (LoketStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

char *
loket_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "loket", "loket.db", NULL);
}

const char *
loket_store_get_path (LoketStore *self)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  return self->path;
}

int
loket_store_get_schema_version (LoketStore *self)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), 0);
  return self->schema_version;
}

void
loket_store_set_sqlite_error (LoketStore  *self,
                              int          rc,
                              GError     **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s is in use by another program and did not become free. Close the other Loket window or command and try again."),
                   self->path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s cannot be written (read-only). Check the file’s permissions, or that the disk is not write-protected."),
                   self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: the disk holding %s is full. Free some space and try again; nothing was saved."),
                   self->path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s is damaged or is not a Loket database. Restore it from a backup."),
                   self->path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s cannot be opened. Check that the folder exists and can be written."),
                   self->path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("Database: the change conflicts with a saved record (%s). Nothing was saved."),
                   detail);
      break;
    default:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: reading or writing %s failed (%s). Nothing was saved; try again, and restore from a backup if it happens again."),
                   self->path, detail);
      break;
    }
}

sqlite3_stmt *
loket_store_prepare (LoketStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
loket_store_exec (LoketStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_store_begin (LoketStore  *self,
                   GError     **error)
{
  /* A statement left on a row holds the read snapshot it started: if
   * another connection has written since, BEGIN IMMEDIATE then fails at
   * once with SQLITE_BUSY_SNAPSHOT instead of waiting its turn. Every read
   * should reset itself; this makes sure none was forgotten. */
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (self->db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (self->db, stmt))
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);

  return loket_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
loket_store_commit (LoketStore  *self,
                    GError     **error)
{
  if (!loket_store_exec (self, "COMMIT", error))
    {
      loket_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
loket_store_rollback (LoketStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
loket_store_step_done (LoketStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_store_report_problems (GPtrArray   *found,
                             GPtrArray  **problems,
                             GError     **error)
{
  if (problems != NULL)
    {
      g_clear_pointer (problems, g_ptr_array_unref);
      *problems = g_ptr_array_ref (found);
    }
  return loket_problems_to_error (found, error);
}

void
loket_store_bind_text_or_null (sqlite3_stmt *stmt,
                               int           index,
                               const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
loket_store_bind_date (sqlite3_stmt *stmt,
                       int           index,
                       const GDate  *date)
{
  g_autofree char *iso = loket_date_to_iso (date);

  loket_store_bind_text_or_null (stmt, index, iso);
}

gboolean
loket_store_column_date (sqlite3_stmt *stmt,
                         int           column,
                         GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  return text != NULL && loket_date_parse_iso (text, "", out, NULL);
}

char *
loket_store_dup_column_text (sqlite3_stmt *stmt,
                             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

char *
loket_store_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* SQLite creates a missing file with the process umask, typically 0644; the
 * NIKs and incomes in it are nobody else's business, so we create it first
 * with 0600. SQLite gives its -wal and -shm files the same mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: the folder %s cannot be created (%s). Choose another place with --db, or check the permissions."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s cannot be created (%s). Choose another place with --db, or check the permissions."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    g_close (fd, NULL);
  return TRUE;
}

static gboolean
read_user_version (LoketStore  *self,
                   int         *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
insert_default_rate (const LoketRateRow  *row,
                     gpointer             user_data,
                     GError             **error)
{
  LoketStore *self = user_data;
  sqlite3_stmt *stmt;
  int rc;

  if (row->item != NULL)
    {
      stmt = loket_store_prepare (self,
        "INSERT OR IGNORE INTO rate_list_item (list, item, source, note) VALUES (?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, row->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row->item, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = loket_store_prepare (self,
        "INSERT OR IGNORE INTO rate (key, effective_from, value, source, note) VALUES (?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, row->key, -1, SQLITE_TRANSIENT);
      loket_store_bind_date (stmt, 2, row->effective_from);
      sqlite3_bind_int64 (stmt, 3, row->value);
    }
  loket_store_bind_text_or_null (stmt, row->item ? 3 : 4, row->source);
  loket_store_bind_text_or_null (stmt, row->item ? 4 : 5, row->note);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The defaults of data/rates.csv, written into the rate tables on first run;
 * from then on the database holds the rates and a supervisor edits them. */
static gboolean
load_default_rates (LoketStore  *self,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/loket/core/rates.csv", 0, error);

  return bytes != NULL
         && loket_rates_parse_csv (g_bytes_get_data (bytes, NULL), insert_default_rate, self, error);
}

static gboolean
run_migration (LoketStore  *self,
               int          version,
               GError     **error)
{
  g_autoptr(GBytes) sql = NULL;
  g_autofree char *set_version = NULL;

  sql = g_resources_lookup_data (migrations[version - 1], 0, error);
  if (sql == NULL)
    return FALSE;

  if (!loket_store_begin (self, error))
    return FALSE;

  if (!loket_store_exec (self, g_bytes_get_data (sql, NULL), error)
      || (version == 1 && !load_default_rates (self, error)))
    {
      loket_store_rollback (self);
      return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  if (!loket_store_exec (self, set_version, error))
    {
      loket_store_rollback (self);
      return FALSE;
    }

  if (!loket_store_commit (self, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

LoketStore *
loket_store_open_at_version (const char  *path,
                             int          max_version,
                             GError     **error)
{
  g_autoptr(LoketStore) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_version <= LOKET_STORE_SCHEMA_VERSION, NULL);

  loket_core_ensure_resources ();

  self = g_object_new (LOKET_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!create_private_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Look before touching: switching to WAL rewrites the header, and a newer
   * Loket's database must stay exactly as it was. */
  if (!read_user_version (self, &version, error))
    return NULL;
  if (version > LOKET_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NEWER_SCHEMA,
                   _("Database: %s was made by a newer version of Loket (schema %d; this one knows up to %d). Update Loket on this computer; the database was not changed."),
                   path, version, LOKET_STORE_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = version;

  if (!loket_store_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;",
                         error))
    return NULL;

  for (int next = version + 1; next <= max_version; next++)
    if (!run_migration (self, next, error))
      return NULL;

  /* After the migrations, so that they are not audited entry by entry (the
   * default rates of a new database are where the trail starts from). */
  if (!loket_store_audit_attach (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

LoketStore *
loket_store_open (const char  *path,
                  GError     **error)
{
  return loket_store_open_at_version (path, LOKET_STORE_SCHEMA_VERSION, error);
}

char *
loket_store_dup_setting (LoketStore *self,
                         const char *key)
{
  sqlite3_stmt *stmt = loket_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = loket_store_dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
loket_store_set_setting (LoketStore  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  LoketReceiptWidth width;

  /* The KPJ prefix numbers every member from now on: a bad one must not get
   * in, whoever sets it. */
  if (!loket_store_require (self, LOKET_RIGHT_SETTINGS, error))
    return FALSE;
  if (g_str_equal (key, LOKET_SETTING_KPJ_PREFIX) && !loket_kpj_check_prefix (value, error))
    return FALSE;
  if (g_str_equal (key, LOKET_SETTING_RECEIPT_WIDTH)
      && !loket_receipt_width_parse (value, _("Receipt paper"), &width, error))
    return FALSE;
  if (g_str_equal (key, LOKET_SETTING_BACKUP_KEEP_DAYS)
      && !g_ascii_string_to_unsigned (value, 10, 1, 3650, NULL, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Days of backups to keep: “%s” is not a number of days from 1 to 3650."),
                   value);
      return FALSE;
    }
  if (g_str_equal (key, LOKET_SETTING_BACKUP_FOLDER) && !g_path_is_absolute (value))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Backup folder: “%s” is not a full path. Give one that starts with /, such as /media/usb/loket."),
                   value);
      return FALSE;
    }
  return loket_store_write_setting (self, key, value, error);
}

gboolean
loket_store_write_setting (LoketStore  *self,
                           const char  *key,
                           const char  *value,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

LoketRateBook *
loket_store_dup_rate_book (LoketStore  *self,
                           GError     **error)
{
  g_autoptr(LoketRateBook) book = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (self->rate_book != NULL)
    return loket_rate_book_ref (self->rate_book);

  book = loket_rate_book_new ();

  stmt = loket_store_prepare (self, "SELECT key, effective_from, value FROM rate", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate from;

      if (!loket_store_column_date (stmt, 1, &from))
        continue;
      loket_rate_book_add (book, (const char *) sqlite3_column_text (stmt, 0),
                           &from, sqlite3_column_int64 (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  stmt = loket_store_prepare (self, "SELECT list, item FROM rate_list_item", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    loket_rate_book_add_to_list (book,
                                 (const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  self->rate_book = loket_rate_book_ref (book);
  return g_steal_pointer (&book);
}
