/* test-cli-accounts.c: loket-cli with staff accounts (issue 8) as a script
 * sees it: init --admin, user add, the login before a verb, a petugas
 * refused what only a supervisor may do (exit 1, logged, nothing changed),
 * wrong passwords and the lock, audit verify before and after an entry is
 * tampered with. loket-cli speaks Indonesian unless told otherwise. */
#include <sqlite3.h>
#include <string.h>

#include "loket-cli-test-util.h"
#include "loket-store.h"
#include "loket-test-util.h"

#define ADMIN_PASSWORD "rahasia-made-1"
#define CLERK_PASSWORD "rahasia-wayan-1"

typedef struct {
  char *folder;
  char *db;
  char *kpj;
} Fixture;

typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

/* Runs as `user` with `password` (NULL: none in the environment). */
static void
run_as (Fixture    *fixture,
        Run        *run,
        const char *user,
        const char *password,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list ap;

  if (password != NULL)
    g_setenv ("LOKET_PASSWORD", password, TRUE);
  else
    g_unsetenv ("LOKET_PASSWORD");
  g_ptr_array_add (arguments, "--user");
  g_ptr_array_add (arguments, (gpointer) user);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (arguments, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (arguments, NULL);
  loket_cli_run_argv (fixture->db, run, (const char *const *) arguments->pdata);
}

static const char *
error_message (Run *run)
{
  return json_object_get_string_member (loket_cli_error_object (run), "message");
}

/* Ani registered before accounts existed (legacy mode), then "made" the
 * first supervisor and "wayan" a petugas, through the CLI. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) add = { 0 };

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  store = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  ani = loket_test_register (store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', "2026-10-05");
  fixture->kpj = g_strdup (ani->kpj);
  g_clear_object (&store);

  run_as (fixture, &init, "made", ADMIN_PASSWORD, "init", "--admin", "made", "--display", "Made Suarta", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (loket_cli_result_object (&init), "admin"),
                                                  "role"), ==, "supervisor");
  g_setenv ("LOKET_NEW_PASSWORD", CLERK_PASSWORD, TRUE);
  run_as (fixture, &add, "made", ADMIN_PASSWORD, "user", "add", "wayan", "--role", "petugas", NULL);
  g_unsetenv ("LOKET_NEW_PASSWORD");
  g_assert_cmpint (add.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("LOKET_PASSWORD");
  g_free (fixture->kpj);
  g_free (fixture->db);
  g_free (fixture->folder);
}

static gint64
refusals (Fixture *fixture)
{
  return loket_cli_query_int (fixture->db, "SELECT count (*) FROM audit WHERE action = 'refused' AND actor = 'wayan'");
}

static void
test_second_admin_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Run) again = { 0 };

  run_as (fixture, &again, "made", ADMIN_PASSWORD, "init", "--admin", "ketut", NULL);
  g_assert_cmpint (again.status, ==, 4);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count (*) FROM staff"), ==, 2);
}

static void
test_petugas_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) settings = { 0 };
  g_auto(Run) paid = { 0 };
  g_auto(Run) reversed = { 0 };
  g_auto(Run) allowed = { 0 };
  const char *receipt;

  run_as (fixture, &settings, "wayan", CLERK_PASSWORD, "init", "--branch-name", "KCP Selong", NULL);
  g_assert_cmpint (settings.status, ==, 1);
  g_assert_nonnull (strstr (error_message (&settings), "supervisor"));
  g_assert_cmpint (refusals (fixture), ==, 1);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count (*) FROM setting WHERE value = 'KCP Selong'"), ==, 0);

  /* A petugas pays; only a supervisor reverses. */
  run_as (fixture, &paid, "wayan", CLERK_PASSWORD, "pay", fixture->kpj, "--months", "1", "--channel", "counter", NULL);
  g_assert_cmpint (paid.status, ==, 0);
  receipt = json_object_get_string_member (loket_cli_result_object (&paid), "receipt");
  g_assert_nonnull (receipt);
  run_as (fixture, &reversed, "wayan", CLERK_PASSWORD, "reverse", receipt, "--reason", "salah bulan", NULL);
  g_assert_cmpint (reversed.status, ==, 1);
  g_assert_cmpint (refusals (fixture), ==, 2);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count (*) FROM reversal"), ==, 0);

  run_as (fixture, &allowed, "made", ADMIN_PASSWORD, "reverse", receipt, "--reason", "salah bulan", NULL);
  g_assert_cmpint (allowed.status, ==, 0);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count (*) FROM reversal"), ==, 1);
}

static void
test_wrong_password_and_lock (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) locked = { 0 };

  run_as (fixture, &none, "wayan", NULL, "status", fixture->kpj, NULL);
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (error_message (&none), "LOKET_PASSWORD"));

  for (int i = 0; i < 5; i++)
    {
      g_auto(Run) wrong = { 0 };

      run_as (fixture, &wrong, "wayan", "bukan-sandinya", "status", fixture->kpj, NULL);
      g_assert_cmpint (wrong.status, ==, 1);
      if (i == 4)
        g_assert_nonnull (strstr (error_message (&wrong), "terkunci"));
    }
  run_as (fixture, &locked, "wayan", CLERK_PASSWORD, "status", fixture->kpj, NULL);
  g_assert_cmpint (locked.status, ==, 1);
  g_assert_nonnull (strstr (error_message (&locked), "terkunci"));
}

static void
test_audit_verify (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) intact = { 0 };
  g_auto(Run) broken = { 0 };
  g_auto(Run) listed = { 0 };
  sqlite3 *db = NULL;
  JsonObject *object;

  run_as (fixture, &intact, "made", ADMIN_PASSWORD, "audit", "verify", NULL);
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_true (json_object_get_boolean_member (loket_cli_result_object (&intact), "intact"));

  run_as (fixture, &listed, "made", ADMIN_PASSWORD, "audit", "list", "--table", "staff", "--limit", "5", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (loket_cli_result_object (&listed), "entries")), >=, 2);

  /* Tampering as another tool would: the triggers that keep entries
   * unchanged are dropped first. */
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_is_kept;"
                                     "UPDATE audit SET actor = 'ketut' WHERE id = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  run_as (fixture, &broken, "made", ADMIN_PASSWORD, "audit", "verify", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  object = loket_cli_result_object (&broken);
  g_assert_false (json_object_get_boolean_member (object, "intact"));
  g_assert_cmpint (json_object_get_int_member (object, "broken_entry"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "message"), "entri 2"));
}

/* Restoring a backup replaces everyone's data: a petugas is refused and
 * the database is left as it was; the supervisor may. */
static void
test_restore_supervisor_only (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->folder, "cadangan.db", NULL);
  g_auto(Run) backup = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) restored = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;

  run_as (fixture, &backup, "made", ADMIN_PASSWORD, "backup", copy, NULL);
  g_assert_cmpint (backup.status, ==, 0);

  g_assert_true (g_file_get_contents (fixture->db, &before, &before_length, NULL));
  run_as (fixture, &refused, "wayan", CLERK_PASSWORD, "restore", copy, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (g_file_get_contents (fixture->db, &after, &after_length, NULL));
  g_assert_cmpuint (before_length, ==, after_length);

  run_as (fixture, &restored, "made", ADMIN_PASSWORD, "restore", copy, NULL);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (json_object_get_string_member (loket_cli_result_object (&restored), "kept_aside"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-accounts/second-admin", test_second_admin_refused);
  ADD ("/cli-accounts/petugas-refused", test_petugas_refused);
  ADD ("/cli-accounts/wrong-password", test_wrong_password_and_lock);
  ADD ("/cli-accounts/audit-verify", test_audit_verify);
  ADD ("/cli-accounts/restore-supervisor-only", test_restore_supervisor_only);
  return g_test_run ();
}
