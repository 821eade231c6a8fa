/* test-privacy.c: the NIKs and incomes in the database are nobody else's
 * business (issue 8): the database, its -wal and -shm, and the backups are
 * readable by their owner only, whatever the umask; and what the core logs
 * (g_message, g_warning, g_debug…) never carries a NIK, even when a
 * registration is refused or a file cannot be read. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "loket-backup.h"
#include "loket-error.h"
#include "loket-store.h"
#include "loket-test-util.h"

#define NIK "5203015205900002"

static GString *logged;

static GLogWriterOutput
keep_log (GLogLevelFlags   level,
          const GLogField *fields,
          gsize            n_fields,
          gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (logged, "%s\n", (const char *) fields[i].value);
  return G_LOG_WRITER_HANDLED;
}

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

static void
test_file_modes (void)
{
  g_autofree char *top = loket_test_make_folder ();
  g_autofree char *folder = g_build_filename (top, "loket", NULL);
  g_autofree char *db = g_build_filename (folder, "loket.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *backups = g_build_filename (top, "backups", NULL);
  g_autofree char *daily = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(GError) error = NULL;
  mode_t before = umask (022);
  GDate today;

  store = loket_store_open (db, &error);
  g_assert_no_error (error);
  ani = loket_test_register (store, NIK, "Ani Lestari", "1990-05-12", 'P', "2026-10-05");
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (db), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  loket_test_date (&today, "2026-11-23");
  daily = loket_store_backup_daily (store, backups, 0, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (backups), ==, 0700);
  g_assert_cmpuint (file_mode (daily), ==, 0600);
  umask (before);
}

static void
test_no_nik_in_logs (void)
{
  g_autoptr(LoketStore) store = loket_test_open_store (NULL);
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketMember) again = NULL;
  g_autoptr(LoketMember) draft = NULL;
  g_autoptr(LoketMember) missing = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  ani = loket_test_register (store, NIK, "Ani Lestari", "1990-05-12", 'P', "2026-10-05");
  loket_test_date (&today, "2026-11-23");

  /* Refusals name the member to the clerk, never to the log. */
  draft = loket_test_draft (NIK, "Ani Lestari", "1990-05-12", 'P');
  again = loket_store_register_member (store, draft, &today, TRUE, NULL, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);
  missing = loket_store_find_member_by_nik (store, "5203015205900010", &error);
  g_assert_null (missing);
  g_clear_error (&error);

  g_assert_null (strstr (logged->str, NIK));
  g_assert_null (strstr (logged->str, "5203015205900010"));
}

int
main (int   argc,
      char *argv[])
{
  logged = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (keep_log, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/file-modes", test_file_modes);
  g_test_add_func ("/privacy/no-nik-in-logs", test_no_nik_in_logs);
  return g_test_run ();
}
