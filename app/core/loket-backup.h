/* loket-backup.h: copies of the database that survive a dead disk, and the
 * way back from one (issue 8).
 *
 * A backup is one self-contained SQLite file (rollback journal, no -wal),
 * mode 0600, written beside its final name and renamed into place only once
 * PRAGMA integrity_check passed on the copy: a failed backup leaves no file
 * behind, and a file named like a backup is always a good one. */
#pragma once

#include "loket-store.h"

G_BEGIN_DECLS

/* Where the daily backups go and how many days of them are kept; in the
 * settings table, so they travel with the database. */
#define LOKET_SETTING_BACKUP_FOLDER    "backup.folder"
#define LOKET_SETTING_BACKUP_KEEP_DAYS "backup.keep_days"

/* Two weeks: a damage found after a long weekend and a week's leave still
 * has a good copy from before it. A choice, editable in the settings. */
#define LOKET_BACKUP_DEFAULT_KEEP_DAYS 14

/* $XDG_DATA_HOME/loket/backups */
char       *loket_backup_default_folder         (void);
/* The folder setting, else the default. */
char       *loket_store_dup_backup_folder       (LoketStore   *self);
/* The keep-days setting, else LOKET_BACKUP_DEFAULT_KEEP_DAYS. */
int         loket_store_get_backup_keep_days    (LoketStore   *self);

/* Copies the open database into `file` with the SQLite online backup API,
 * a few pages at a time inside one read snapshot (WAL: the window and
 * other counters keep writing meanwhile). The copy is checked, synced and
 * renamed over `file`; on failure (full disk, unwritable folder, failed
 * check) LOKET_ERROR_STORAGE names the file, and nothing is left there. */
gboolean    loket_store_backup                  (LoketStore   *self,
                                                 const char   *file,
                                                 GError      **error);

/* The daily backup: writes loket-YYYY-MM-DD.db (today's date) into
 * `folder` (created 0700 when missing) unless it is there already, then
 * deletes the daily backups `keep_days` or more days older than today —
 * only once today's is in place, so failing backups never eat the last good
 * ones. `folder` NULL and `keep_days` 0 take the settings (or their
 * defaults). Returns the path of today's backup. */
char       *loket_store_backup_daily            (LoketStore   *self,
                                                 const char   *folder,
                                                 int           keep_days,
                                                 const GDate  *today,
                                                 GError      **error);

/* PRAGMA quick_check on the open database: FALSE with LOKET_ERROR_STORAGE
 * naming the file when it is damaged, for the window to offer recovery
 * (loket_backup_find_latest, loket_store_restore) at start. */
gboolean    loket_store_check_integrity         (LoketStore   *self,
                                                 GError      **error);

/* The newest daily backup in `folder` that opens, passes quick_check and
 * is a Loket database this Loket can read; NULL with LOKET_ERROR_NOT_FOUND
 * when there is none. */
char       *loket_backup_find_latest            (const char   *folder,
                                                 GError      **error);

/* Checks that `file` is a Loket database this Loket can open: it exists
 * (else LOKET_ERROR_INVALID), is SQLite and passes integrity_check (else
 * LOKET_ERROR_INVALID), has Loket's tables (else LOKET_ERROR_INVALID) and a
 * schema no newer than ours (else LOKET_ERROR_NEWER_SCHEMA). Reads only.
 * *schema_version, when not NULL, gets its version. */
gboolean    loket_backup_check_file             (const char   *file,
                                                 int          *schema_version,
                                                 GError      **error);

/* Replaces the database at `db_path` by the backup `file`; nobody may have
 * it open (close the store first). The backup is copied beside the
 * database, checked as loket_backup_check_file does, migrated when older,
 * synced, and only then renamed over it: at every moment `db_path` is
 * either the old database or the restored one. The old one, its WAL
 * checkpointed first, is kept as DB.before-restore-YYYYMMDD-HHMMSS, whose
 * path goes into *kept_aside (NULL when there was no database). */
gboolean    loket_store_restore                 (const char   *db_path,
                                                 const char   *file,
                                                 char        **kept_aside,
                                                 GError      **error);

G_END_DECLS
