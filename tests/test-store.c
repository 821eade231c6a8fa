/* test-store.c: opening, migrating and refusing databases. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "loket-error.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
test_new_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LoketStore) store = loket_test_open_store (&path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *mode = NULL, *foreign_keys = NULL, *version = NULL;
  g_autofree char *kpj_rate = NULL;
  struct stat info;
  sqlite3 *db = ((struct _LoketStore *) store)->db;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (loket_store_get_schema_version (store), ==, LOKET_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  mode = query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = query_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, LOKET_STORE_SCHEMA_VERSION);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  /* The shipped rates are in the database, not only in the program. */
  kpj_rate = query_text (path, "SELECT value FROM rate WHERE key = 'bpu.jkm.flat'");
  g_assert_cmpstr (kpj_rate, ==, "6800");
}

static void
test_folder_created_private (void)
{
  g_autofree char *root = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (root, "a", "b", "loket.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = loket_store_open (path, &error);
  struct stat info;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
}

static void
test_rate_book_from_database (void)
{
  g_autoptr(LoketStore) store = loket_test_open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (store, &error);
  GDate on;
  gint64 value = 0;

  g_assert_no_error (error);
  loket_test_date (&on, "2025-06-01");
  g_assert_true (loket_rate_book_lookup (book, "pu.jp.wage_cap", &on, &value));
  g_assert_cmpint (value, ==, 10547400);
}

static void
test_settings (void)
{
  g_autoptr(LoketStore) store = loket_test_open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = loket_store_dup_setting (store, "no.such.key");
  g_autofree char *prefix = NULL;

  g_assert_null (missing);
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "53", &error));
  g_assert_no_error (error);
  prefix = loket_store_dup_setting (store, LOKET_SETTING_KPJ_PREFIX);
  g_assert_cmpstr (prefix, ==, "53");
}

/* A database from a newer Loket is refused, and its bytes stay as they were:
 * not even the journal mode is switched. */
static void
test_newer_schema_refused_untouched (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "newer.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = loket_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "99"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* A database missing one of Loket's tables (here dropped behind its back)
 * is refused with a message that names the table, not "not an error". */
static void
test_missing_table_named (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) reopened = NULL;
  LoketStore *store = loket_test_open_store (&path);
  sqlite3 *db = NULL;

  g_assert_finalize_object (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; DROP TABLE card_print;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reopened = loket_store_open (path, &error);
  g_assert_null (reopened);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "card_print"));
}

/* A version-1 database with members gains the name index on upgrade, and
 * the members already there are found by it. */
static void
test_migration_from_version_1 (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) old = NULL;
  g_autoptr(LoketStore) upgraded = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LoketMember *member;

  old = loket_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loket_store_get_schema_version (old), ==, 1);
  g_assert_true (loket_store_exec (old,
    "INSERT INTO member (kpj, nik, name, name_key, birth_date, sex, segment, income,"
    " registered_on, created_at, updated_at) VALUES ('52000000019', '5203011205900001',"
    " 'Baiq Nurul', 'baiq nurul', '1990-05-12', 'L', 'bpu', 1000000, '2024-01-02',"
    " '2024-01-02T00:00:00Z', '2024-01-02T00:00:00Z');"
    "INSERT INTO member_program VALUES (1, 'jkk', '2024-01-02'), (1, 'jkm', '2024-01-02');",
    &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  upgraded = loket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loket_store_get_schema_version (upgraded), ==, LOKET_STORE_SCHEMA_VERSION);

  found = loket_store_search_members (upgraded, "baiq", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  member = g_ptr_array_index (found, 0);
  g_assert_cmpstr (member->kpj, ==, "52000000019");
  g_assert_cmpuint (member->programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);
}

/* A migration that fails leaves the database at the version before it. */
static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "blocked.db", NULL);
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) old = NULL;
  g_autoptr(LoketStore) upgraded = NULL;

  old = loket_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  /* A table in the way of migration 2 makes it fail part-way. */
  g_assert_true (loket_store_exec (old, "CREATE TABLE member_name_fts (x)", &error));
  g_clear_object (&old);

  upgraded = loket_store_open (path, &error);
  g_assert_null (upgraded);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);

  version = query_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");
}

static void
test_garbage_file_refused (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "garbage.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = loket_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = loket_store_open ("/proc/loket/loket.db", &error);

  g_assert_null (store);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
}

/* Another program holding the write lock past the busy timeout is a storage
 * error with a clear message, and the write is not half done. */
static void
test_locked_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LoketStore) store = loket_test_open_store (&path);
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'L');
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  GDate today;

  loket_test_date (&today, "2026-11-23");
  sqlite3_busy_timeout (((struct _LoketStore *) store)->db, 50);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  member = loket_store_register_member (store, draft, &today, FALSE, NULL, NULL, &error);
  g_assert_null (member);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (loket_store_count_members (store, NULL), ==, 0);
}

/* Two counters on one database take turns: after the other one writes,
 * this one still registers (a statement left on its row must not pin an old
 * snapshot that makes BEGIN IMMEDIATE fail with SQLITE_BUSY_SNAPSHOT). */
static void
test_two_stores_take_turns (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LoketStore) first = loket_test_open_store (&path);
  g_autoptr(LoketStore) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *niks[] = { "5203011205900001", "5203011205900002", "5203011205900003", "5203011205900004" };
  GDate today;

  loket_test_date (&today, "2026-11-23");
  g_assert_true (loket_store_set_setting (first, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  second = loket_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (niks); i++)
    {
      LoketStore *store = i % 2 == 0 ? first : second;
      g_autoptr(LoketMember) draft = loket_test_draft (niks[i], "Ani", "1990-05-12", 'L');
      g_autoptr(LoketMember) member = loket_store_register_member (store, draft, &today, TRUE,
                                                                   NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (member);
      /* Reads between the writes, as the window does. */
      g_assert_cmpint (loket_store_count_members (store, NULL), ==, i + 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/new-database", test_new_database);
  g_test_add_func ("/store/folder-created-private", test_folder_created_private);
  g_test_add_func ("/store/rate-book-from-database", test_rate_book_from_database);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/newer-schema-refused-untouched", test_newer_schema_refused_untouched);
  g_test_add_func ("/store/missing-table-named", test_missing_table_named);
  g_test_add_func ("/store/migration-from-version-1", test_migration_from_version_1);
  g_test_add_func ("/store/failed-migration-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/store/garbage-file-refused", test_garbage_file_refused);
  g_test_add_func ("/store/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/store/locked-database", test_locked_database);
  g_test_add_func ("/store/two-stores-take-turns", test_two_stores_take_turns);
  return g_test_run ();
}
