/* test-cli-writers.c: two loket-cli processes writing into one database at
 * once, registrations and payments back to back, for 10 seconds (CI) or
 * LOKET_WRITERS_SECONDS (the minute: LOKET_WRITERS_SECONDS=60).
 *
 * What must hold: every command exits (no crash, no signal) with one of the
 * contract's codes and, when it fails, a JSON error with a message; no
 * write is refused for the lock (the store's busy timeout queues them); and
 * every write that exited 0 is in the database afterwards. */
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "loket-cli-test-util.h"
#include "loket-store.h"
#include "loket-test-util.h"

typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

typedef struct {
  const char *db;
  guint       first_serial;   /* NIK serials of this writer start here */
  gint64      deadline;       /* monotonic µs */
  GPtrArray  *kpjs;           /* char *, registered with exit 0 */
  GPtrArray  *receipts;       /* char *, paid with exit 0 */
  GPtrArray  *failures;       /* char *, "command: exit N: message" */
  guint       commands;
} Writer;

/* Records a command that did not exit 0: it must still be a clean refusal
 * with a message, never a crash. */
static void
note_failure (Writer     *writer,
              const char *command,
              Run        *run)
{
  JsonObject *error = loket_cli_error_object (run);

  g_assert_cmpint (run->status, >=, 1);
  g_assert_cmpint (run->status, <=, 5);
  g_assert_true (json_object_has_member (error, "message"));
  g_ptr_array_add (writer->failures,
                   g_strdup_printf ("%s: exit %d: %s", command, run->status,
                                    json_object_get_string_member (error, "message")));
}

/* Names may not hold digits: the serial in letters, "Penulis Bac". */
static char *
letters_name (guint serial)
{
  GString *name = g_string_new ("Penulis ");

  g_string_append_c (name, 'A' + serial % 26);
  for (serial /= 26; serial > 0; serial /= 26)
    g_string_append_c (name, 'a' + serial % 26);
  return g_string_free (name, FALSE);
}

static gpointer
write_until_deadline (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; g_get_monotonic_time () < writer->deadline; i++)
    {
      guint serial = writer->first_serial + i;
      /* Women born 1..28 January 1990: day + 40 in the NIK. */
      g_autofree char *nik = g_strdup_printf ("520301%02u0190%04u", 41 + serial % 28, serial);
      g_autofree char *birth = g_strdup_printf ("1990-01-%02u", 1 + serial % 28);
      g_autofree char *name = letters_name (serial);
      g_auto(Run) added = { 0 };
      g_auto(Run) paid = { 0 };
      const char *kpj;

      loket_cli_run (writer->db, &added, "member", "add", "--nik", nik, "--name", name,
                     "--birth", birth, "--sex", "P", "--segment", "bpu", "--programs", "jkk,jkm",
                     "--income", "1000000", "--confirm-duplicate", NULL);
      writer->commands++;
      if (added.status != 0)
        {
          note_failure (writer, "member add", &added);
          continue;
        }
      kpj = json_object_get_string_member (loket_cli_result_object (&added), "kpj");
      g_ptr_array_add (writer->kpjs, g_strdup (kpj));

      loket_cli_run (writer->db, &paid, "pay", kpj, "--months", "1", "--channel", "counter", NULL);
      writer->commands++;
      if (paid.status != 0)
        {
          note_failure (writer, "pay", &paid);
          continue;
        }
      g_ptr_array_add (writer->receipts,
                       g_strdup (json_object_get_string_member (loket_cli_result_object (&paid), "receipt")));
    }
  return NULL;
}

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->kpjs, g_ptr_array_unref);
  g_clear_pointer (&writer->receipts, g_ptr_array_unref);
  g_clear_pointer (&writer->failures, g_ptr_array_unref);
}

static gint64
count_where (const char *db,
             const char *table,
             const char *column,
             const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = '%s'", table, column, value);

  return loket_cli_query_int (db, sql);
}

static void
test_two_writers (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "loket.db", NULL);
  const char *seconds_text = g_getenv ("LOKET_WRITERS_SECONDS");
  guint64 seconds = 10;
  Writer writers[2] = { { 0 } };
  GThread *threads[2];
  guint kpjs = 0, receipts = 0, commands = 0;

  if (seconds_text != NULL)
    g_assert_true (g_ascii_string_to_unsigned (seconds_text, 10, 1, 3600, &seconds, NULL));

  {
    g_auto(Run) init = { 0 };

    loket_cli_run (db, &init, "init", "--kpj-prefix", "52", NULL);
    g_assert_cmpint (init.status, ==, 0);
  }

  for (guint w = 0; w < 2; w++)
    {
      writers[w].db = db;
      writers[w].first_serial = 1 + w * 5000;
      writers[w].deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
      writers[w].kpjs = g_ptr_array_new_with_free_func (g_free);
      writers[w].receipts = g_ptr_array_new_with_free_func (g_free);
      writers[w].failures = g_ptr_array_new_with_free_func (g_free);
      threads[w] = g_thread_new ("writer", write_until_deadline, &writers[w]);
    }
  for (guint w = 0; w < 2; w++)
    g_thread_join (threads[w]);

  for (guint w = 0; w < 2; w++)
    {
      for (guint i = 0; i < writers[w].failures->len; i++)
        g_test_message ("refused: %s", (const char *) g_ptr_array_index (writers[w].failures, i));
      /* A lock the busy timeout did not outwait would be a lost write. */
      g_assert_cmpuint (writers[w].failures->len, ==, 0);

      for (guint i = 0; i < writers[w].kpjs->len; i++)
        g_assert_cmpint (count_where (db, "member", "kpj", g_ptr_array_index (writers[w].kpjs, i)), ==, 1);
      for (guint i = 0; i < writers[w].receipts->len; i++)
        g_assert_cmpint (count_where (db, "receipt", "number", g_ptr_array_index (writers[w].receipts, i)), ==, 1);
      kpjs += writers[w].kpjs->len;
      receipts += writers[w].receipts->len;
      commands += writers[w].commands;
      g_assert_cmpuint (writers[w].kpjs->len, >, 0);
    }

  g_assert_cmpint (loket_cli_query_int (db, "SELECT count(*) FROM member"), ==, kpjs);
  g_assert_cmpint (loket_cli_query_int (db, "SELECT count(*) FROM receipt"), ==, receipts);
  /* Receipt numbers run 1..N with no gap. */
  g_assert_cmpint (loket_cli_query_int (db, "SELECT max(sequence) FROM receipt"), ==, receipts);
  g_assert_cmpint (loket_cli_query_int (db, "SELECT count(DISTINCT sequence) FROM receipt"), ==, receipts);
  g_test_message ("%" G_GUINT64_FORMAT " s: %u commands, %u registrations, %u payments, 0 refused",
                  seconds, commands, kpjs, receipts);
  g_printerr ("# two writers, %" G_GUINT64_FORMAT " s: %u commands, %u registrations, %u payments\n",
              seconds, commands, kpjs, receipts);

  for (guint w = 0; w < 2; w++)
    writer_clear (&writers[w]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-writers/two-writers", test_two_writers);
  return g_test_run ();
}
