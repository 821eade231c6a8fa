/* test-crash.c: pulling the plug. loket-crash-child (tests/crash/) writes
 * registrations, imports and collective payments in a loop; this test
 * kills it with SIGKILL at a random moment, LOKET_CRASH_KILLS times (200 by
 * default), and after each kill opens the database and checks:
 *
 *  - PRAGMA integrity_check and foreign_key_check pass;
 *  - every registration and payment the child reported as done is there;
 *  - no import is half done: each batch of three has all its members,
 *    each linked to the cooperative, or none;
 *  - no collective payment is half done: each receipt has its payments,
 *    each payment its lines, the receipt's total is theirs, and receipt
 *    numbers run 1..N with no gap;
 *  - the audit chain verifies (the hook is ready for the audit trail).
 *
 * The delays come from LOKET_CRASH_SEED (else the time), printed so that a
 * failure can be replayed. The database lives on tmpfs (/dev/shm) when
 * there is one: a kill tests the process dying mid-transaction, which is
 * what WAL and the transactions must survive; the disk's own flush is
 * SQLite's synchronous=FULL. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "loket-audit.h"
#include "loket-store.h"

#include "loket-store.h"
#include "loket-test-util.h"

/* Up to 60 ms after the child is ready: a round of writes takes a few
 * milliseconds, so the kills land before, during and after each kind. */
#define MAX_DELAY_US 60000

typedef struct {
  GHashTable *kpjs;      /* registered or imported, confirmed */
  GHashTable *receipts;  /* confirmed */
  guint       registrations, imports, payments;
} Confirmed;

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_query_text (sqlite3    *db,
                   const char *sql,
                   const char *expected)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
  sqlite3_finalize (stmt);
}

static void
assert_all_present (sqlite3    *db,
                    GHashTable *keys,
                    const char *sql)
{
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int64 (stmt, 0) != 1)
        g_error ("%s was confirmed but is not in the database", (const char *) key);
    }
  sqlite3_finalize (stmt);
}

/* The audit chain, recomputed by the core, holds after every kill: no
 * entry half written, none without its change, no change without its entry. */
static void
verify_audit_chain (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = loket_store_open (path, &error);
  g_autoptr(LoketAuditReport) report = NULL;

  g_assert_no_error (error);
  report = loket_store_verify_audit (store, &error);
  g_assert_no_error (error);
  if (report->verdict != LOKET_AUDIT_INTACT)
    g_error ("audit chain broken after a kill: %s", report->message);
}

static void
verify (const char *path,
        Confirmed  *confirmed)
{
  sqlite3 *db = NULL;
  gint64 receipts;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  assert_query_text (db, "PRAGMA integrity_check", "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  assert_all_present (db, confirmed->kpjs, "SELECT count(*) FROM member WHERE kpj = ?");
  assert_all_present (db, confirmed->receipts, "SELECT count(*) FROM receipt WHERE number = ?");

  /* Imports: three of a batch or none, each linked to the cooperative. */
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM (SELECT substr (name, 1, length (name) - 4) AS batch FROM member"
    " WHERE name LIKE 'Impor %' GROUP BY batch HAVING count(*) <> 3)"), ==, 0);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM member m WHERE m.name LIKE 'Impor %' AND NOT EXISTS"
    " (SELECT 1 FROM cooperative_member c WHERE c.member_id = m.id AND c.cooperative_id = 1)"), ==, 0);

  /* Collective payments: whole receipts only, numbered without a gap. */
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM receipt r WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.receipt_id = r.id)"), ==, 0);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM payment p WHERE NOT EXISTS (SELECT 1 FROM payment_line l WHERE l.payment_id = p.id)"), ==, 0);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM receipt r WHERE r.total <> (SELECT sum (p.total) FROM payment p WHERE p.receipt_id = r.id)"), ==, 0);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM payment p WHERE p.total <> (SELECT sum (l.amount) FROM payment_line l WHERE l.payment_id = p.id)"), ==, 0);
  receipts = query_int (db, "SELECT count(*) FROM receipt");
  g_assert_cmpint (query_int (db, "SELECT coalesce (max (sequence), 0) FROM receipt"), ==, receipts);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM (SELECT member_id FROM payment GROUP BY member_id HAVING count(*) > 1)"), ==, 0);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
take_line (Confirmed  *confirmed,
           const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  if (g_str_equal (words[0], "reg"))
    {
      g_hash_table_add (confirmed->kpjs, g_strdup (words[1]));
      confirmed->registrations++;
    }
  else if (g_str_equal (words[0], "imp"))
    {
      /* imp BATCH KPJ KPJ KPJ */
      g_assert_cmpuint (g_strv_length (words), ==, 5);
      for (guint i = 2; words[i] != NULL; i++)
        g_hash_table_add (confirmed->kpjs, g_strdup (words[i]));
      confirmed->imports++;
    }
  else if (g_str_equal (words[0], "pay"))
    {
      g_hash_table_add (confirmed->receipts, g_strdup (words[1]));
      confirmed->payments++;
    }
  else
    g_error ("unexpected line from the child: %s", line);
}

/* Starts the child, lets it write for `delay_us` after it is ready, kills
 * it, and takes every line it printed before dying. */
static void
run_and_kill (const char *child,
              const char *db,
              guint       run,
              gulong      delay_us,
              Confirmed  *confirmed)
{
  g_autofree char *run_text = g_strdup_printf ("%u", run);
  const char *argv[] = { child, db, run_text, NULL };
  g_autoptr(GError) error = NULL;
  char line[512];
  FILE *out;
  GPid pid;
  int out_fd, status = 0;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  g_assert_nonnull (out);

  if (fgets (line, sizeof line, out) == NULL || !g_str_equal (line, "ready\n"))
    g_error ("run %u: the child did not start (see its message above)", run);
  g_usleep (delay_us);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);

  /* A line cut short by the kill was never confirmed: only whole ones. */
  while (fgets (line, sizeof line, out) != NULL)
    if (g_str_has_suffix (line, "\n"))
      {
        line[strlen (line) - 1] = '\0';
        take_line (confirmed, line);
      }
  fclose (out);

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("run %u: the child ended on its own (status %d) rather than by the kill", run, status);
}

static void
test_pull_the_plug (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "loket.db", NULL);
  const char *child = g_getenv ("LOKET_CRASH_CHILD");
  const char *kills_text = g_getenv ("LOKET_CRASH_KILLS");
  const char *seed_text = g_getenv ("LOKET_CRASH_SEED");
  guint64 kills = 200, seed;
  g_autoptr(GRand) rand = NULL;
  gint64 started = g_get_monotonic_time ();
  Confirmed confirmed = { 0 };

  g_assert_nonnull (child);
  if (kills_text != NULL)
    g_assert_true (g_ascii_string_to_unsigned (kills_text, 10, 1, 9999, &kills, NULL));
  if (seed_text != NULL)
    g_assert_true (g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL));
  else
    seed = (guint32) g_get_real_time ();
  g_printerr ("# pull the plug: %" G_GUINT64_FORMAT " kills, LOKET_CRASH_SEED=%" G_GUINT64_FORMAT ", in %s\n",
              kills, seed, folder);
  rand = g_rand_new_with_seed ((guint32) seed);

  confirmed.kpjs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  confirmed.receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint run = 0; run < kills; run++)
    {
      run_and_kill (child, db, run, g_rand_int_range (rand, 0, MAX_DELAY_US), &confirmed);
      verify (db, &confirmed);
      /* The whole chain is walked every 20th kill and after the last: it
       * grows with every write, and walking it 200 times would take the
       * test from seconds to minutes. */
      if (run % 20 == 19 || run + 1 == kills)
        verify_audit_chain (db);
    }

  /* The kills must have landed among writes of every kind. */
  g_assert_cmpuint (confirmed.registrations, >, 0);
  g_assert_cmpuint (confirmed.imports, >, 0);
  g_assert_cmpuint (confirmed.payments, >, 0);
  g_printerr ("# %" G_GUINT64_FORMAT " kills in %.1f s: %u registrations, %u imports, %u collective payments confirmed, all there\n",
              kills, (g_get_monotonic_time () - started) / 1e6,
              confirmed.registrations, confirmed.imports, confirmed.payments);

  g_hash_table_unref (confirmed.kpjs);
  g_hash_table_unref (confirmed.receipts);
}

int
main (int   argc,
      char *argv[])
{
  /* tmpfs keeps 200 rounds of synchronous=FULL commits fast. */
  if (g_getenv ("TMPDIR") == NULL && access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/pull-the-plug", test_pull_the_plug);
  return g_test_run ();
}
