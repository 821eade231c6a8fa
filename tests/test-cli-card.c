/* test-cli-card.c: loket-cli card and card verify, as a script sees them:
 * exit codes and JSON. Runs the real binary (LOKET_CLI). */
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "loket-card-payload.h"
#include "loket-cli-test-util.h"
#include "loket-kpj.h"
#include "loket-test-util.h"

typedef struct {
  char *folder;
  char *db;
  char *kpj;   /* Ani's */
} Fixture;

typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

#define run_cli(fixture, run, ...) loket_cli_run ((fixture)->db, (run), __VA_ARGS__)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) init = { 0 };
  g_auto(Run) added = { 0 };

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  run_cli (fixture, &init, "init", "--kpj-prefix", "52", "--branch-name", "KCP Selong", NULL);
  g_assert_cmpint (init.status, ==, 0);
  run_cli (fixture, &added, "member", "add", "--nik", "5203015205900002", "--name", "Ani Lestari",
           "--birth", "1990-05-12", "--sex", "P", "--segment", "bpu", "--programs", "jkk,jkm",
           "--income", "1.000.000", "--phone", "081234567890", "--occupation", "petani", NULL);
  g_assert_cmpint (added.status, ==, 0);
  fixture->kpj = g_strdup (json_object_get_string_member (loket_cli_result_object (&added), "kpj"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->kpj);
  g_free (fixture->db);
  g_free (fixture->folder);
}

static void
test_card_write (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "ani.pdf", NULL);
  g_autofree char *sheet = g_build_filename (fixture->folder, "sheet.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->folder, "missing", "ani.pdf", NULL);
  g_auto(Run) single = { 0 };
  g_auto(Run) with_back = { 0 };
  g_auto(Run) sheets = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) malformed = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) no_coop = { 0 };
  g_auto(Run) bad_sheet = { 0 };
  g_autofree char *stranger = loket_kpj_make ("52", 999, NULL);
  JsonObject *object;

  run_cli (fixture, &single, "card", fixture->kpj, "-o", path, NULL);
  g_assert_cmpint (single.status, ==, 0);
  object = loket_cli_result_object (&single);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, path);
  g_assert_cmpint (json_object_get_int_member (object, "cards"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "pages"), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run_cli (fixture, &with_back, "card", fixture->kpj, "--back", "--show-nik", "--reason", "damaged",
           "--output", path, NULL);
  g_assert_cmpint (with_back.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&with_back), "pages"), ==, 2);

  run_cli (fixture, &sheets, "card", fixture->kpj, fixture->kpj, "--back", "--sheet", "a4",
           "--reason", "lost", "-o", sheet, NULL);
  g_assert_cmpint (sheets.status, ==, 0);
  object = loket_cli_result_object (&sheets);
  g_assert_cmpint (json_object_get_int_member (object, "cards"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "pages"), ==, 2);

  run_cli (fixture, &no_output, "card", fixture->kpj, NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  run_cli (fixture, &unknown, "card", stranger, "-o", path, NULL);
  g_assert_cmpint (unknown.status, ==, 3);

  run_cli (fixture, &malformed, "card", "12345", "-o", path, NULL);
  g_assert_cmpint (malformed.status, ==, 1);

  run_cli (fixture, &unwritable, "card", fixture->kpj, "--reason", "lost", "-o", nowhere, NULL);
  g_assert_cmpint (unwritable.status, ==, 5);
  g_assert_nonnull (strstr (json_object_get_string_member (loket_cli_error_object (&unwritable), "message"),
                            nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  run_cli (fixture, &no_coop, "card", "--coop", "999", "--sheet", "a4", "-o", sheet, NULL);
  g_assert_cmpint (no_coop.status, ==, 3);

  run_cli (fixture, &bad_sheet, "card", fixture->kpj, "--sheet", "letter", "-o", sheet, NULL);
  g_assert_cmpint (bad_sheet.status, ==, 2);
}

static JsonArray *
logged_cards (Run *run)
{
  return json_object_get_array_member (loket_cli_result_object (run), "cards");
}

/* Every card written is logged with who and why; a reprint without a
 * reason, or a file that could not be written, logs nothing. */
static void
test_card_log (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->folder, "first.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->folder, "again.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->folder, "missing", "ani.pdf", NULL);
  g_auto(Run) printed = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) bad_reason = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) reprinted = { 0 };
  g_auto(Run) log = { 0 };
  g_auto(Run) empty_log = { 0 };
  JsonObject *latest, *earliest;

  run_cli (fixture, &empty_log, "card", "log", fixture->kpj, NULL);
  g_assert_cmpint (empty_log.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (logged_cards (&empty_log)), ==, 0);

  run_cli (fixture, &printed, "--user", "Sri Wahyuni", "card", fixture->kpj, "-o", first, NULL);
  g_assert_cmpint (printed.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&printed), "first_cards"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&printed), "reprints"), ==, 0);

  run_cli (fixture, &no_reason, "card", fixture->kpj, "-o", again, NULL);
  g_assert_cmpint (no_reason.status, ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (loket_cli_error_object (&no_reason), "message"),
                            "--reason"));
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));

  run_cli (fixture, &bad_reason, "card", fixture->kpj, "--reason", "stolen", "-o", again, NULL);
  g_assert_cmpint (bad_reason.status, ==, 2);

  run_cli (fixture, &unwritable, "card", fixture->kpj, "--reason", "lost", "-o", nowhere, NULL);
  g_assert_cmpint (unwritable.status, ==, 5);

  run_cli (fixture, &reprinted, "--user", "Budi", "card", fixture->kpj, "--reason", "data-changed",
           "-o", again, NULL);
  g_assert_cmpint (reprinted.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&reprinted), "reprints"), ==, 1);

  run_cli (fixture, &log, "card", "log", fixture->kpj, NULL);
  g_assert_cmpint (log.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (logged_cards (&log)), ==, 2);
  latest = json_array_get_object_element (logged_cards (&log), 0);
  earliest = json_array_get_object_element (logged_cards (&log), 1);
  g_assert_cmpstr (json_object_get_string_member (latest, "clerk"), ==, "Budi");
  g_assert_cmpstr (json_object_get_string_member (latest, "reprint_reason"), ==, "data-changed");
  g_assert_cmpstr (json_object_get_string_member (latest, "target"), ==, again);
  g_assert_cmpstr (json_object_get_string_member (earliest, "clerk"), ==, "Sri Wahyuni");
  g_assert_true (json_object_get_null_member (earliest, "reprint_reason"));
  g_assert_cmpstr (json_object_get_string_member (earliest, "destination"), ==, "file");
}

static void
test_card_verify (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *payload = loket_card_payload_make (fixture->kpj);
  g_autofree char *scanned = g_strconcat (payload, "\n", NULL);
  g_autofree char *stranger = loket_kpj_make ("52", 999, NULL);
  g_autofree char *stranger_payload = loket_card_payload_make (stranger);
  g_autofree char *tampered = g_strdup (payload);
  g_auto(Run) valid = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) nobody = { 0 };
  g_auto(Run) no_payload = { 0 };
  JsonObject *object;
  char *last = tampered + strlen (tampered) - 1;

  *last = *last == '0' ? '1' : '0';

  run_cli (fixture, &valid, "card", "verify", scanned, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  object = loket_cli_result_object (&valid);
  g_assert_cmpstr (json_object_get_string_member (object, "kpj"), ==, fixture->kpj);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Ani Lestari");

  run_cli (fixture, &bad, "card", "verify", tampered, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (loket_cli_error_object (&bad), "message"),
                            "Kode QR kartu tidak sah"));

  run_cli (fixture, &nobody, "card", "verify", stranger_payload, NULL);
  g_assert_cmpint (nobody.status, ==, 3);

  run_cli (fixture, &no_payload, "card", "verify", NULL);
  g_assert_cmpint (no_payload.status, ==, 2);
}

/* card --coop: every member linked to the cooperative, on A4 sheets. */
static void
test_card_coop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (fixture->folder, "koperasi.pdf", NULL);
  g_autofree char *coop = NULL;
  g_autofree char *link = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tool = NULL;
  g_auto(Run) added = { 0 };
  g_auto(Run) cards = { 0 };
  const char *pdftotext[] = { "pdftotext", "-q", sheet, "-", NULL };
  JsonObject *object;
  sqlite3 *db = NULL;

  run_cli (fixture, &added, "coop", "add", "--name", "KDMP Sukamaju", "--type", "kdmp", NULL);
  g_assert_cmpint (added.status, ==, 0);
  coop = g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (loket_cli_result_object (&added), "id"));
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " SELECT %s, id, '2026-11-23', 'linked' FROM member", coop);
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, link, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (fixture, &cards, "card", "--coop", coop, "--sheet", "a4", "--back", "-o", sheet, NULL);
  g_assert_cmpint (cards.status, ==, 0);
  object = loket_cli_result_object (&cards);
  g_assert_cmpint (json_object_get_int_member (object, "cards"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "pages"), ==, 2);

  if ((tool = g_find_program_in_path ("pdftotext")) == NULL)
    return;
  g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "Ani Lestari"));
  g_assert_nonnull (strstr (text, "KDMP Sukamaju"));
  g_assert_nonnull (strstr (text, "KCP Selong"));
}

/* card --coop --only-new: the members who never had a card, and no file
 * when there are none left. */
static void
test_card_coop_only_new (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (fixture->folder, "baru.pdf", NULL);
  g_autofree char *none = g_build_filename (fixture->folder, "none.pdf", NULL);
  g_autofree char *single = g_build_filename (fixture->folder, "ani.pdf", NULL);
  g_autofree char *coop = NULL;
  g_autofree char *link = NULL;
  g_auto(Run) added = { 0 };
  g_auto(Run) budi = { 0 };
  g_auto(Run) ani_card = { 0 };
  g_auto(Run) only_new = { 0 };
  g_auto(Run) nothing_new = { 0 };
  g_auto(Run) misplaced = { 0 };
  sqlite3 *db = NULL;

  run_cli (fixture, &budi, "member", "add", "--nik", "5203011708850001", "--name", "Budi Santoso",
           "--birth", "1985-08-17", "--sex", "L", "--segment", "bpu", "--programs", "jkk,jkm",
           "--income", "1.000.000", "--occupation", "nelayan", NULL);
  g_assert_cmpint (budi.status, ==, 0);
  run_cli (fixture, &added, "coop", "add", "--name", "KDMP Sukamaju", "--type", "kdmp", NULL);
  g_assert_cmpint (added.status, ==, 0);
  coop = g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (loket_cli_result_object (&added), "id"));
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " SELECT %s, id, '2026-11-23', 'linked' FROM member", coop);
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, link, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (fixture, &ani_card, "card", fixture->kpj, "-o", single, NULL);
  g_assert_cmpint (ani_card.status, ==, 0);

  run_cli (fixture, &only_new, "card", "--coop", coop, "--only-new", "--sheet", "a4", "-o", sheet, NULL);
  g_assert_cmpint (only_new.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&only_new), "cards"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&only_new), "first_cards"), ==, 1);

  run_cli (fixture, &nothing_new, "card", "--coop", coop, "--only-new", "--sheet", "a4", "-o", none, NULL);
  g_assert_cmpint (nothing_new.status, ==, 3);
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  run_cli (fixture, &misplaced, "card", fixture->kpj, "--only-new", "-o", none, NULL);
  g_assert_cmpint (misplaced.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/card/write", Fixture, NULL, fixture_set_up, test_card_write, fixture_tear_down);
  g_test_add ("/cli/card/coop", Fixture, NULL, fixture_set_up, test_card_coop, fixture_tear_down);
  g_test_add ("/cli/card/log", Fixture, NULL, fixture_set_up, test_card_log, fixture_tear_down);
  g_test_add ("/cli/card/coop-only-new", Fixture, NULL, fixture_set_up, test_card_coop_only_new,
              fixture_tear_down);
  g_test_add ("/cli/card/verify", Fixture, NULL, fixture_set_up, test_card_verify, fixture_tear_down);
  return g_test_run ();
}
