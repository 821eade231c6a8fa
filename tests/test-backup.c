/* test-backup.c: online backup, the daily backup, integrity checks and
 * restore (loket-backup.h), in the core and through loket-cli; every bad
 * input leaves the current database as it was and no stray file behind. */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "loket-backup.h"
#include "loket-cli-test-util.h"
#include "loket-error.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

typedef struct {
  char       *folder;
  char       *db;
  LoketStore *store;   /* Ani registered */
} Fixture;

typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  fixture->store = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  ani = loket_test_register (fixture->store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', "2026-10-05");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->db);
  g_free (fixture->folder);
}

static void
register_budi (LoketStore *store)
{
  g_autoptr(LoketMember) budi = loket_test_register (store, "5203011708850003", "Budi Santoso",
                                                     "1985-08-17", 'L', "2026-11-02");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names in a folder, sorted and joined with spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

#define assert_folder(folder, expected) \
  G_STMT_START { \
    g_autofree char *listed_ = list_folder (folder); \
    g_assert_cmpstr (listed_, ==, (expected)); \
  } G_STMT_END

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;
  gsize length = 0;
  int version = 0;

  /* Another counter in the middle of a write: the backup neither waits for
   * it nor takes its uncommitted row. */
  g_assert_cmpint (sqlite3_open (fixture->db, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; INSERT INTO setting VALUES ('uncommitted', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (loket_store_backup (fixture->store, file, &error));
  g_assert_no_error (error);
  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);

  g_assert_cmpuint (file_mode (file), ==, 0600);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* A rollback-journal file (format bytes 18 and 19 are 1), standalone. */
  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);
  g_assert_true (loket_backup_check_file (file, &version, &error));
  g_assert_cmpint (version, ==, LOKET_STORE_SCHEMA_VERSION);
  g_assert_cmpint (loket_cli_query_int (file, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpint (loket_cli_query_int (file, "SELECT count(*) FROM setting WHERE key = 'uncommitted'"), ==, 0);
  assert_folder (fixture->folder, "copy.db loket.db loket.db-shm loket.db-wal");

  /* Over an older backup of the same name. */
  register_budi (fixture->store);
  g_assert_true (loket_store_backup (fixture->store, file, &error));
  g_assert_cmpint (loket_cli_query_int (file, "SELECT count(*) FROM member"), ==, 2);

  /* Not over the database itself. */
  g_assert_false (loket_store_backup (fixture->store, fixture->db, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
}

static void
test_backup_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "no-such-folder", "copy.db", NULL);
  g_autofree char *under_file = g_build_filename (fixture->db, "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (loket_store_backup (fixture->store, missing, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (loket_store_backup (fixture->store, under_file, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, under_file));

  assert_folder (fixture->folder, "loket.db loket.db-shm loket.db-wal");
  g_assert_true (loket_store_check_integrity (fixture->store, NULL));
}

/* A full disk, made by a file size limit the copy outgrows: the child
 * process reports the failure; nothing is left in the target folder. */
static void
test_backup_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->folder, "usb", NULL);
  g_autofree char *file = g_build_filename (target, "copy.db", NULL);

  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      g_autoptr(GError) error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (loket_store_backup (fixture->store, file, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
      g_printerr ("%s\n", error->message);
      assert_folder (target, "");
      g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*/usb/copy.db*");
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 1);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
}

static void
test_daily (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "backups", "daily", NULL);
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *default_folder = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;
  GDate today;

  default_folder = loket_store_dup_backup_folder (fixture->store);
  g_assert_true (g_str_has_suffix (default_folder, "/loket/backups"));
  g_assert_cmpint (loket_store_get_backup_keep_days (fixture->store), ==, 14);

  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BACKUP_FOLDER, folder, &error));
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BACKUP_KEEP_DAYS, "7", &error));
  g_assert_false (loket_store_set_setting (fixture->store, LOKET_SETTING_BACKUP_KEEP_DAYS, "0", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (loket_store_set_setting (fixture->store, LOKET_SETTING_BACKUP_FOLDER, "relative/path", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  touch (folder, "loket-2026-11-01.db");    /* 22 days old: goes */
  touch (folder, "loket-2026-11-16.db");    /* 7 days old: goes */
  touch (folder, "loket-2026-11-17.db");    /* 6 days old: stays */
  touch (folder, "loket-2026-12-01.db");    /* the clock was wrong once: stays */
  touch (folder, "loket-2026-11-01.db.txt");
  touch (folder, "notes.txt");

  loket_test_date (&today, "2026-11-23");
  path = loket_store_backup_daily (fixture->store, NULL, 0, &today, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "/daily/loket-2026-11-23.db"));
  g_assert_cmpuint (file_mode (path), ==, 0600);
  assert_folder (folder,
                   "loket-2026-11-01.db.txt loket-2026-11-17.db loket-2026-11-23.db loket-2026-12-01.db notes.txt");
  g_assert_true (loket_backup_check_file (path, NULL, &error));

  /* Once a day: a second start keeps the morning's copy. */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  register_budi (fixture->store);
  again = loket_store_backup_daily (fixture->store, folder, 7, &today, &error);
  g_assert_cmpstr (again, ==, path);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpint (loket_cli_query_int (path, "SELECT count(*) FROM member"), ==, 1);
}

static void
test_daily_folder_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->db, "backups", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  loket_test_date (&today, "2026-11-23");
  path = loket_store_backup_daily (fixture->store, folder, 0, &today, &error);
  g_assert_null (path);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, folder));
}

/* Overwrites `length` bytes at `offset` with 0xff. */
static void
scribble (const char *path,
          gsize       offset,
          gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (offset + length, <=, size);
  memset (contents + offset, 0xff, length);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
}

/* Tears the first page of the member table: the file still opens, but
 * the checks find the page. */
static void
damage (const char *path)
{
  gint64 page_size = loket_cli_query_int (path, "PRAGMA page_size");
  gint64 root = loket_cli_query_int (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'member'");

  scribble (path, (root - 1) * page_size, 12);
}

/* Closes the fixture's store with its WAL folded into the main file. */
static void
close_store (Fixture *fixture)
{
  g_clear_object (&fixture->store);
}

static void
test_integrity (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) damaged = NULL;
  g_autoptr(LoketStore) garbage = NULL;

  g_assert_true (loket_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
  close_store (fixture);

  /* A page in the middle torn: the file opens, the quick check finds it. */
  damage (fixture->db);
  damaged = loket_store_open (fixture->db, &error);
  if (damaged != NULL)
    {
      g_assert_false (loket_store_check_integrity (damaged, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
      g_assert_nonnull (strstr (error->message, fixture->db));
      g_assert_nonnull (strstr (error->message, "backup"));
    }
  else
    g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_clear_error (&error);
  g_clear_object (&damaged);

  /* The whole file replaced by garbage: a clear storage error at open. */
  g_assert_true (g_file_set_contents (fixture->db, "PK\3\4 this is a spreadsheet, not a database", -1, NULL));
  garbage = loket_store_open (fixture->db, &error);
  g_assert_null (garbage);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, fixture->db));
}

static void
test_find_latest (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "backups", NULL);
  g_autofree char *good = g_build_filename (folder, "loket-2026-11-20.db", NULL);
  g_autofree char *older = g_build_filename (folder, "loket-2026-11-19.db", NULL);
  g_autofree char *latest = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (loket_backup_find_latest (folder, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (loket_store_backup (fixture->store, older, &error));
  g_assert_true (loket_store_backup (fixture->store, good, &error));
  touch (folder, "loket-2026-11-22.db");   /* garbage: skipped */
  touch (folder, "loket-2026-11-23.db.tmp");

  latest = loket_backup_find_latest (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest, ==, good);
}

/* The database still holds exactly what it held: Ani and Budi. */
static void
assert_database_unchanged (Fixture *fixture)
{
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_check_integrity (store, &error));
  g_assert_cmpint (loket_store_count_members (store, &error), ==, 2);
}

static void
assert_restore_refused (Fixture    *fixture,
                        const char *file,
                        int         code,
                        const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = list_folder (fixture->folder);
  g_autofree char *after = NULL;

  g_assert_false (loket_store_restore (fixture->db, file, &aside, &error));
  g_assert_error (error, LOKET_ERROR, code);
  g_assert_nonnull (strstr (error->message, in_message));
  g_assert_null (aside);
  after = list_folder (fixture->folder);
  g_assert_cmpstr (after, ==, before);
  assert_database_unchanged (fixture);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->folder, "morning.db", NULL);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) restored = NULL;

  g_assert_true (loket_store_backup (fixture->store, file, &error));
  register_budi (fixture->store);
  close_store (fixture);

  g_assert_true (loket_store_restore (fixture->db, file, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aside, fixture->db));
  g_assert_nonnull (strstr (aside, ".before-restore-"));
  g_assert_cmpuint (file_mode (aside), ==, 0600);
  g_assert_cmpuint (file_mode (fixture->db), ==, 0600);
  /* The replaced database, with Budi, is whole on its own. */
  g_assert_true (loket_backup_check_file (aside, NULL, &error));
  g_assert_cmpint (loket_cli_query_int (aside, "SELECT count(*) FROM member"), ==, 2);

  restored = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loket_store_count_members (restored, &error), ==, 1);
  g_assert_true (loket_store_check_integrity (restored, &error));
}

static void
test_restore_older_schema (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *old_db = g_build_filename (fixture->folder, "old.db", NULL);
  g_autoptr(LoketStore) old = NULL;
  g_autoptr(LoketStore) restored = NULL;
  g_autoptr(GError) error = NULL;

  old = loket_store_open_at_version (old_db, 4, &error);
  g_assert_no_error (error);
  g_clear_object (&old);
  close_store (fixture);

  g_assert_true (loket_store_restore (fixture->db, old_db, NULL, &error));
  g_assert_no_error (error);
  restored = loket_store_open (fixture->db, &error);
  g_assert_cmpint (loket_store_get_schema_version (restored), ==, LOKET_STORE_SCHEMA_VERSION);
  /* The backup itself is left as it was. */
  g_assert_cmpint (loket_cli_query_int (old_db, "PRAGMA user_version"), ==, 4);
}

static void
make_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *bad = loket_test_make_folder ();
  g_autofree char *missing = g_build_filename (bad, "missing.db", NULL);
  g_autofree char *garbage = g_build_filename (bad, "garbage.db", NULL);
  g_autofree char *empty = g_build_filename (bad, "empty.db", NULL);
  g_autofree char *foreign = g_build_filename (bad, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (bad, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (bad, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;

  register_budi (fixture->store);
  g_assert_true (loket_store_backup (fixture->store, newer, &error));
  g_assert_true (loket_store_backup (fixture->store, damaged, &error));
  close_store (fixture);

  g_assert_true (g_file_set_contents (garbage, "NIK,Nama\n5203015205900002,Ani\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", -1, NULL));
  make_sqlite (foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 3;");
  make_sqlite (newer, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  damage (damaged);

  assert_restore_refused (fixture, missing, LOKET_ERROR_INVALID, missing);
  assert_restore_refused (fixture, garbage, LOKET_ERROR_INVALID, garbage);
  assert_restore_refused (fixture, empty, LOKET_ERROR_INVALID, empty);
  assert_restore_refused (fixture, foreign, LOKET_ERROR_INVALID, foreign);
  assert_restore_refused (fixture, newer, LOKET_ERROR_NEWER_SCHEMA, newer);
  assert_restore_refused (fixture, damaged, LOKET_ERROR_INVALID, damaged);
  assert_restore_refused (fixture, fixture->db, LOKET_ERROR_INVALID, fixture->db);
}

/* The window still has the database open: restoring under it would lose
 * its writes, so it is refused until it closes. */
static void
test_restore_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->folder, "morning.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (loket_store_backup (fixture->store, file, &error));
  register_budi (fixture->store);
  g_assert_false (loket_store_restore (fixture->db, file, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, fixture->db));
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 2);
  close_store (fixture);
  assert_folder (fixture->folder, "loket.db morning.db");
  assert_database_unchanged (fixture);
}

/* The way back from a database replaced by garbage: the latest good backup
 * goes in, the garbage is kept aside. */
static void
test_restore_over_garbage (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "backups", NULL);
  g_autofree char *latest = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  loket_test_date (&today, "2026-11-23");
  g_free (loket_store_backup_daily (fixture->store, folder, 0, &today, &error));
  g_assert_no_error (error);
  close_store (fixture);
  g_assert_true (g_file_set_contents (fixture->db, "garbage garbage garbage", -1, NULL));

  latest = loket_backup_find_latest (folder, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_restore (fixture->db, latest, &aside, &error));
  g_assert_no_error (error);
  store = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loket_store_count_members (store, NULL), ==, 1);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->folder, "usb.db", NULL);
  g_autofree char *daily = g_build_filename (fixture->folder, "daily", NULL);
  g_autofree char *garbage = g_build_filename (fixture->folder, "garbage.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->folder, "newer.db", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->folder, "nowhere", "usb.db", NULL);
  g_auto(Run) backup = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) day = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) future = { 0 };
  g_auto(Run) missing = { 0 };
  JsonObject *object;

  close_store (fixture);
  loket_cli_run (fixture->db, &backup, "backup", file, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  object = loket_cli_result_object (&backup);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, file);
  g_assert_cmpint (json_object_get_int_member (object, "bytes"), >, 0);
  g_assert_cmpuint (file_mode (file), ==, 0600);

  loket_cli_run (fixture->db, &unwritable, "backup", nowhere, NULL);
  g_assert_cmpint (unwritable.status, ==, 5);
  g_assert_nonnull (strstr (json_object_get_string_member (loket_cli_error_object (&unwritable), "message"), nowhere));
  loket_cli_run (fixture->db, &usage, "backup", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  loket_cli_run (fixture->db, &init, "init", "--backup-folder", daily, "--backup-keep-days", "30", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&init), "backup_keep_days"), ==, 30);
  loket_cli_run (fixture->db, &day, "backup", "--daily", NULL);
  g_assert_cmpint (day.status, ==, 0);
  object = loket_cli_result_object (&day);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "path"), "daily/loket-2026-11-23.db"));
  g_assert_true (json_object_get_boolean_member (object, "written"));

  g_assert_true (g_file_set_contents (garbage, "not a database", -1, NULL));
  loket_cli_run (fixture->db, &bad, "restore", garbage, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (loket_cli_error_object (&bad), "message"), garbage));
  make_sqlite (newer, "CREATE TABLE setting (key, value); CREATE TABLE rate (x); CREATE TABLE kpj_counter (x);"
                      "CREATE TABLE member (x); CREATE TABLE member_program (x); PRAGMA user_version = 99;");
  loket_cli_run (fixture->db, &future, "restore", newer, NULL);
  g_assert_cmpint (future.status, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (loket_cli_error_object (&future), "code"), ==, "newer-schema");
  loket_cli_run (fixture->db, &missing, "restore", "/no/such/backup.db", NULL);
  g_assert_cmpint (missing.status, ==, 1);

  loket_cli_run (fixture->db, &restore, "restore", file, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  object = loket_cli_result_object (&restore);
  g_assert_cmpstr (json_object_get_string_member (object, "restored_from"), ==, file);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "kept_aside"), ".before-restore-"));
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==, LOKET_STORE_SCHEMA_VERSION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("backup", test_backup);
  ADD ("backup-unwritable", test_backup_unwritable);
  ADD ("backup-disk-full", test_backup_disk_full);
  ADD ("daily", test_daily);
  ADD ("daily-folder-fails", test_daily_folder_fails);
  ADD ("integrity", test_integrity);
  ADD ("find-latest", test_find_latest);
  ADD ("restore", test_restore);
  ADD ("restore-older-schema", test_restore_older_schema);
  ADD ("restore-refused", test_restore_refused);
  ADD ("restore-while-open", test_restore_while_open);
  ADD ("restore-over-garbage", test_restore_over_garbage);
  ADD ("cli", test_cli);
#undef ADD
  return g_test_run ();
}
