/* loket-backup.c: online backup, the daily backup, integrity checks and
 * restore (loket-backup.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "loket-backup.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-store-private.h"

/* Pages copied per backup step: 1 MB of 4 KB pages, so a window calling
 * this keeps its snapshot short-lived in memory terms and each step is a
 * few milliseconds. */
#define PAGES_PER_STEP 256
/* A step that finds the source locked waits this long before trying
 * again, at most BUSY_RETRIES times (about 10 s, twice the store's busy
 * timeout). */
#define BUSY_SLEEP_MS 10
#define BUSY_RETRIES  1000

#define DAILY_PREFIX "loket-"
#define DAILY_SUFFIX ".db"

char *
loket_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "loket", "backups", NULL);
}

char *
loket_store_dup_backup_folder (LoketStore *self)
{
  char *folder = loket_store_dup_setting (self, LOKET_SETTING_BACKUP_FOLDER);

  return folder != NULL ? folder : loket_backup_default_folder ();
}

int
loket_store_get_backup_keep_days (LoketStore *self)
{
  g_autofree char *text = loket_store_dup_setting (self, LOKET_SETTING_BACKUP_KEEP_DAYS);
  guint64 days = 0;

  if (text == NULL
      || !g_ascii_string_to_unsigned (text, 10, 1, 3650, &days, NULL))
    return LOKET_BACKUP_DEFAULT_KEEP_DAYS;
  return (int) days;
}

/* Best effort: makes a rename durable. A folder that cannot be synced
 * (some USB file systems) still holds the file once the disk settles. */
static void
sync_folder_of (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}

static gboolean
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean synced;

  if (fd < 0)
    return FALSE;
  synced = fsync (fd) == 0;
  g_close (fd, NULL);
  return synced;
}

/* A file and what SQLite may have left beside it. */
static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* An empty file, mode 0600, in the folder of `final`, so that the rename
 * into place stays on one file system and is atomic. */
static char *
make_temp_beside (const char  *final,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (final);
  g_autofree char *base = g_path_get_basename (final);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.tmp-XXXXXX", folder, base);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: %s cannot be written (%s). Check that the folder exists and can be written, or choose another place."),
                   final, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&temp);
}

static void
set_write_error (int          rc,
                 sqlite3     *db,
                 const char  *file,
                 GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: the disk holding %s is full. Free some space or choose another disk; no backup was written."),
                   file);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: %s cannot be written (%s). Check that the folder exists and can be written, or choose another place."),
                   file, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: writing %s failed (%s). No backup was written; try again or choose another disk."),
                   file, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }
}

/* Runs a one-row PRAGMA and hands its first column to *text (owned). */
static int
pragma_text (sqlite3     *db,
             const char  *sql,
             char       **text)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The online copy into `temp`, inside one read transaction of the source:
 * in WAL mode a reader blocks no writer, and holding the snapshot keeps
 * other connections' commits from restarting the copy from page one. */
static gboolean
copy_database (LoketStore  *self,
               sqlite3     *dest,
               const char  *file,
               GError     **error)
{
  sqlite3_backup *backup;
  int retries = 0;
  int rc;

  if (!loket_store_exec (self, "BEGIN; SELECT count(*) FROM sqlite_schema;", error))
    return FALSE;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      set_write_error (sqlite3_errcode (dest), dest, file, error);
      loket_store_rollback (self);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && retries++ < BUSY_RETRIES)
        {
          sqlite3_sleep (BUSY_SLEEP_MS);
          rc = SQLITE_OK;
        }
    }
  while (rc == SQLITE_OK);
  sqlite3_backup_finish (backup);
  loket_store_rollback (self);

  if (rc != SQLITE_DONE)
    {
      set_write_error (rc, dest, file, error);
      return FALSE;
    }
  return TRUE;
}

/* The copy must stand alone on a USB stick: a rollback journal rather than
 * WAL (the backup copies the source's WAL flag), and checked in full. */
static gboolean
finish_copy (sqlite3     *dest,
             const char  *file,
             GError     **error)
{
  g_autofree char *mode = NULL;
  g_autofree char *check = NULL;
  int rc;

  rc = pragma_text (dest, "PRAGMA journal_mode = DELETE", &mode);
  if (rc != SQLITE_OK)
    {
      set_write_error (rc, dest, file, error);
      return FALSE;
    }
  rc = pragma_text (dest, "PRAGMA integrity_check", &check);
  if (rc != SQLITE_OK)
    {
      set_write_error (rc, dest, file, error);
      return FALSE;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: the copy written to %s failed its check (%s), so it was removed. Try another disk."),
                   file, check ? check : "?");
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gboolean
loket_store_backup (LoketStore  *self,
                    const char  *file,
                    GError     **error)
{
  g_autofree char *temp = NULL;
  sqlite3 *dest = NULL;
  gboolean done;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (same_file (file, self->path))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Backup: %s is the database itself. Choose another file, preferably on another disk."),
                   file);
      return FALSE;
    }

  temp = make_temp_beside (file, error);
  if (temp == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_write_error (rc, dest, file, error);
      done = FALSE;
    }
  else
    done = copy_database (self, dest, file, error) && finish_copy (dest, file, error);

  rc = sqlite3_close (dest);
  if (done && rc != SQLITE_OK)
    {
      set_write_error (rc, NULL, file, error);
      done = FALSE;
    }

  if (done && !sync_file (temp))
    {
      set_write_error (SQLITE_IOERR, NULL, file, error);
      done = FALSE;
    }
  if (done && g_rename (temp, file) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: %s cannot be written (%s). Check that the folder exists and can be written, or choose another place."),
                   file, g_strerror (saved_errno));
      done = FALSE;
    }

  if (!done)
    {
      remove_database_files (temp);
      return FALSE;
    }
  sync_folder_of (file);
  return TRUE;
}

/* The date of a daily backup's file name, loket-YYYY-MM-DD.db. */
static gboolean
parse_daily_name (const char *name,
                  GDate      *date)
{
  g_autofree char *iso = NULL;
  gsize length = strlen (name);

  if (length != strlen (DAILY_PREFIX) + 10 + strlen (DAILY_SUFFIX)
      || !g_str_has_prefix (name, DAILY_PREFIX) || !g_str_has_suffix (name, DAILY_SUFFIX))
    return FALSE;
  iso = g_strndup (name + strlen (DAILY_PREFIX), 10);
  return loket_date_parse_iso (iso, "", date, NULL);
}

/* ISO dates sort as text. */
static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The daily backups in `folder`, newest first. */
static GPtrArray *
list_daily (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return names;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      GDate date;

      if (parse_daily_name (name, &date))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, newest_first);
  return names;
}

static void
prune_daily (const char  *folder,
             int          keep_days,
             const GDate *today)
{
  g_autoptr(GPtrArray) names = list_daily (folder);
  GDate oldest_kept = *today;

  g_date_subtract_days (&oldest_kept, keep_days - 1);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GDate date;

      if (parse_daily_name (name, &date) && g_date_compare (&date, &oldest_kept) < 0)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_unlink (path);
        }
    }
}

char *
loket_store_backup_daily (LoketStore   *self,
                          const char   *folder,
                          int           keep_days,
                          const GDate  *today,
                          GError      **error)
{
  g_autofree char *where = folder != NULL ? g_strdup (folder) : loket_store_dup_backup_folder (self);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (keep_days <= 0)
    keep_days = loket_store_get_backup_keep_days (self);

  if (g_mkdir_with_parents (where, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Backup: the folder %s cannot be created (%s). Choose another backup folder in the settings (backup.folder)."),
                   where, g_strerror (saved_errno));
      return NULL;
    }

  name = g_strdup_printf (DAILY_PREFIX "%04d-%02d-%02d" DAILY_SUFFIX,
                          g_date_get_year (today), g_date_get_month (today), g_date_get_day (today));
  path = g_build_filename (where, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !loket_store_backup (self, path, error))
    return NULL;

  prune_daily (where, keep_days, today);
  return g_steal_pointer (&path);
}

/* Runs quick_check or integrity_check on `db`; the message names `file`. */
static gboolean
check_pages (sqlite3     *db,
             const char  *pragma,
             const char  *file,
             GError     **error)
{
  g_autofree char *check = NULL;
  int rc = pragma_text (db, pragma, &check);

  switch (rc & 0xff)
    {
    case SQLITE_OK:
      break;
    case SQLITE_NOTADB:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s is not a Loket database (not an SQLite file at all). Choose a backup Loket wrote, such as loket-YYYY-MM-DD.db."),
                   file);
      return FALSE;
    case SQLITE_CORRUPT:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s is damaged (%s). Choose an older backup."),
                   file, sqlite3_errmsg (db));
      return FALSE;
    default:
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("%s cannot be read (%s). Check the disk or USB stick and try again."),
                   file, sqlite3_errmsg (db));
      return FALSE;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s is damaged (%s). Choose an older backup."),
                   file, check ? check : "?");
      return FALSE;
    }
  return TRUE;
}

/* Loket's tables since schema 1, and a version this Loket knows. */
static gboolean
check_loket_schema (sqlite3     *db,
                    const char  *file,
                    int         *schema_version,
                    GError     **error)
{
  g_autofree char *tables = NULL;
  g_autofree char *version_text = NULL;
  int version;

  if (pragma_text (db,
                   "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                   "('setting', 'rate', 'kpj_counter', 'member', 'member_program')",
                   &tables) != SQLITE_OK
      || pragma_text (db, "PRAGMA user_version", &version_text) != SQLITE_OK)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("%s cannot be read (%s). Check the disk or USB stick and try again."),
                   file, sqlite3_errmsg (db));
      return FALSE;
    }
  version = atoi (version_text);
  if (g_strcmp0 (tables, "5") != 0 || version < 1)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s is an SQLite file but not a Loket database (it has no members or settings tables). Choose a backup Loket wrote, such as loket-YYYY-MM-DD.db."),
                   file);
      return FALSE;
    }
  if (version > LOKET_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_NEWER_SCHEMA,
                   _("%s was made by a newer version of Loket (schema %d; this one knows up to %d). Update Loket on this computer first; nothing was changed."),
                   file, version, LOKET_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (schema_version != NULL)
    *schema_version = version;
  return TRUE;
}

/* Opens `path` read-only (or read-write, for our own temporary copy) and
 * checks it; `file` is the name the messages give. */
static gboolean
check_database (const char  *path,
                const char  *file,
                gboolean     writable,
                const char  *pragma,
                int         *schema_version,
                GError     **error)
{
  sqlite3 *db = NULL;
  gboolean good;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("The backup file %s does not exist. Check the name, or that the USB stick is plugged in."),
                   file);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db,
                        (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("%s cannot be read (%s). Check the disk or USB stick and try again."),
                   file, sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, TRUE);
  good = check_pages (db, pragma, file, error)
         && check_loket_schema (db, file, schema_version, error);
  sqlite3_close (db);
  return good;
}

gboolean
loket_backup_check_file (const char  *file,
                         int         *schema_version,
                         GError     **error)
{
  g_return_val_if_fail (file != NULL, FALSE);
  return check_database (file, file, FALSE, "PRAGMA integrity_check", schema_version, error);
}

gboolean
loket_store_check_integrity (LoketStore  *self,
                             GError     **error)
{
  g_autofree char *check = NULL;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  rc = pragma_text (self->db, "PRAGMA quick_check", &check);
  if (rc != SQLITE_OK)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: %s is damaged (%s). Restore it from the latest backup."),
                   self->path, check ? check : "?");
      return FALSE;
    }
  return TRUE;
}

char *
loket_backup_find_latest (const char  *folder,
                          GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (folder != NULL, NULL);

  names = list_daily (folder);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (check_database (path, path, FALSE, "PRAGMA quick_check", NULL, NULL))
        return g_steal_pointer (&path);
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
               _("There is no good backup in %s. Look for one on another disk or USB stick."),
               folder);
  return NULL;
}

/* Copies `source` byte for byte into the empty file `dest`, synced: a
 * backup on a USB stick is read once, and never opened there by SQLite
 * (which would want to write a -shm beside it). */
static gboolean
copy_file (const char  *source,
           const char  *dest,
           const char  *db_path,
           GError     **error)
{
  g_autofree char *buffer = g_malloc (1 << 16);
  int in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  int out = -1;
  gboolean done = FALSE;

  if (in < 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, saved_errno == ENOENT ? LOKET_ERROR_INVALID : LOKET_ERROR_STORAGE,
                   _("The backup file %s cannot be read (%s). Check the name, or that the USB stick is plugged in."),
                   source, g_strerror (saved_errno));
      return FALSE;
    }
  out = g_open (dest, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0)
    goto write_failed;

  for (;;)
    {
      gssize got = read (in, buffer, 1 << 16);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved_errno = errno;
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                       _("The backup file %s cannot be read (%s). Check the name, or that the USB stick is plugged in."),
                       source, g_strerror (saved_errno));
          goto out;
        }
      if (got == 0)
        break;
      for (gssize written = 0; written < got;)
        {
          gssize put = write (out, buffer + written, got - written);

          if (put < 0 && errno == EINTR)
            continue;
          if (put < 0)
            goto write_failed;
          written += put;
        }
    }
  if (fsync (out) != 0)
    goto write_failed;
  done = TRUE;
  goto out;

write_failed:
  {
    int saved_errno = errno;
    g_autofree char *folder = g_path_get_dirname (db_path);
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                 _("Restore: the backup cannot be copied into %s (%s). Free some space on that disk and try again; the database was not changed."),
                 folder, g_strerror (saved_errno));
  }
out:
  g_close (in, NULL);
  if (out >= 0)
    g_close (out, NULL);
  return done;
}

/* Checkpoints the database's WAL and closes it, so that the main file holds
 * everything and no stale -wal could be replayed onto the restored one.
 * The -wal is only deleted by the last connection to close: if it is still
 * there, another program has the database open. A database replaced by
 * garbage has nothing to checkpoint; its -wal, if any, goes aside with it
 * (*garbage_wal). */
static gboolean
checkpoint_current (const char  *db_path,
                    gboolean    *garbage_wal,
                    GError     **error)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *result = NULL;
  sqlite3 *db = NULL;
  gboolean garbage = FALSE;
  int rc;

  *garbage_wal = FALSE;
  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 2000);
      rc = pragma_text (db, "PRAGMA wal_checkpoint(TRUNCATE)", &result);
      garbage = (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT;
    }
  sqlite3_close (db);

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      if (garbage)
        *garbage_wal = TRUE;
      else
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                       _("Restore: %s is open in another program (a Loket window or command). Close it and try again; the database was not changed."),
                       db_path);
          return FALSE;
        }
    }
  return TRUE;
}

/* Keeps the database as it was, under a name with the time: a hard link
 * (no copy, no moment without a database at db_path), else a copy. */
static char *
set_aside (const char  *db_path,
           gboolean     with_wal,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);

  for (int n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.before-restore-%s-%d", db_path, stamp, n);
    }

  if (link (db_path, aside) != 0)
    {
      int fd = g_open (aside, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        g_close (fd, NULL);
      if (fd < 0 || !copy_file (db_path, aside, db_path, error))
        {
          g_unlink (aside);
          g_clear_error (error);
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                       _("Restore: the current database cannot be kept aside as %s. Free some space on that disk and try again; the database was not changed."),
                       aside);
          return NULL;
        }
    }
  g_chmod (aside, 0600);

  if (with_wal)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);

      g_rename (wal, wal_aside);
    }
  return g_steal_pointer (&aside);
}

gboolean
loket_store_restore (const char  *db_path,
                     const char  *file,
                     char       **kept_aside,
                     GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *aside = NULL;
  gboolean garbage_wal = FALSE;
  gboolean done = FALSE;

  g_return_val_if_fail (db_path != NULL && file != NULL, FALSE);

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("The backup file %s does not exist. Check the name, or that the USB stick is plugged in."),
                   file);
      return FALSE;
    }
  if (same_file (file, db_path))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Restore: %s is the database itself. Choose a backup file."),
                   file);
      return FALSE;
    }

  folder = g_path_get_dirname (db_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Database: the folder %s cannot be created (%s). Choose another place with --db, or check the permissions."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }
  temp = make_temp_beside (db_path, error);
  if (temp == NULL)
    return FALSE;

  /* Everything that can fail happens on the copy, before the database is
   * touched: the check, the migration, the sync. */
  if (copy_file (file, temp, db_path, error)
      && check_database (temp, file, TRUE, "PRAGMA integrity_check", NULL, error))
    {
      g_autoptr(LoketStore) migrated = loket_store_open (temp, error);

      done = migrated != NULL;
    }
  if (done && !sync_file (temp))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Restore: the backup cannot be copied into %s (%s). Free some space on that disk and try again; the database was not changed."),
                   folder, g_strerror (EIO));
      done = FALSE;
    }

  if (done && g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      done = checkpoint_current (db_path, &garbage_wal, error)
             && (aside = set_aside (db_path, garbage_wal, error)) != NULL;
    }

  if (done && g_rename (temp, db_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Restore: %s cannot be replaced (%s). The database was not changed."),
                   db_path, g_strerror (saved_errno));
      done = FALSE;
    }

  if (!done)
    {
      remove_database_files (temp);
      if (aside != NULL)
        g_unlink (aside);
      return FALSE;
    }
  sync_folder_of (db_path);

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}
