/* test-cli-pay.c: loket-cli pay, status and reverse as a script sees them:
 * exit codes, JSON, and what the database holds afterwards; and two
 * loket-cli processes paying into one database at once. */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "loket-cli-test-util.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

typedef struct {
  char *folder;
  char *db;
  char *kpj;   /* Ani's, registered on 2026-10-05 */
} Fixture;

typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

#define run_cli(fixture, run, ...) loket_cli_run ((fixture)->db, (run), __VA_ARGS__)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  store = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  ani = loket_test_register (store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', "2026-10-05");
  fixture->kpj = g_strdup (ani->kpj);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->kpj);
  g_free (fixture->db);
  g_free (fixture->folder);
}

static const char *
error_message (Run *run)
{
  return json_object_get_string_member (loket_cli_error_object (run), "message");
}

static void
test_pay_and_status (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) paid = { 0 };
  g_auto(Run) status = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) again = { 0 };
  JsonObject *object;
  JsonArray *lines;

  /* Registered in October, never paid: it starts with the current month. */
  run_cli (fixture, &status, "status", fixture->kpj, NULL);
  g_assert_cmpint (status.status, ==, 0);
  object = loket_cli_result_object (&status);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "belum-bayar");
  g_assert_true (json_object_get_null_member (object, "paid_until"));
  g_assert_cmpstr (json_object_get_string_member (object, "pay_from"), ==, "2026-11");

  run_cli (fixture, &paid, "--user", "Wayan", "pay", fixture->kpj, "--months", "3",
           "--channel", "brilink", "--ref", "BRI-778812", "--amount", "Rp50.400", NULL);
  g_assert_cmpint (paid.status, ==, 0);
  object = loket_cli_result_object (&paid);
  g_assert_cmpstr (json_object_get_string_member (object, "receipt"), ==, "KW-52-2026-000001");
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 50400);
  g_assert_cmpstr (json_object_get_string_member (object, "covered_until"), ==, "2027-01-31");
  g_assert_cmpstr (json_object_get_string_member (object, "month_from"), ==, "2026-11");
  g_assert_cmpstr (json_object_get_string_member (object, "month_until"), ==, "2027-01");
  g_assert_cmpstr (json_object_get_string_member (object, "channel"), ==, "brilink");
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "BRI-778812");
  g_assert_cmpstr (json_object_get_string_member (object, "clerk"), ==, "Wayan");
  lines = json_object_get_array_member (object, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  object = json_array_get_object_element (lines, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "program"), ==, "jkk");
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 30000);

  loket_cli_run_clear (&status);
  run_cli (fixture, &status, "status", fixture->kpj, NULL);
  object = loket_cli_result_object (&status);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "aktif");
  g_assert_cmpstr (json_object_get_string_member (object, "paid_until"), ==, "2027-01-31");
  g_assert_cmpint (json_object_get_int_member (object, "months_behind"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "amount_due"), ==, 0);

  run_cli (fixture, &later, "status", fixture->kpj, "--date", "2027-05-01", NULL);
  object = loket_cli_result_object (&later);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "nonaktif");
  g_assert_cmpint (json_object_get_int_member (object, "months_behind"), ==, 4);

  /* The same months again: a conflict, in Indonesian, naming the month. */
  run_cli (fixture, &again, "pay", fixture->kpj, "--months", "1", "--from", "2026-12",
           "--channel", "counter", NULL);
  g_assert_cmpint (again.status, ==, 4);
  g_assert_nonnull (strstr (error_message (&again), "Desember 2026 sudah dibayar"));
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM payment"), ==, 1);
}

/* Each bad input: exit 1, a message naming the field, and nothing written. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *args[8];
    const char *field;
    const char *fix;
  } cases[] = {
    { { "--months", "0", "--channel", "counter" }, "Bulan:", "1, 3, 6 atau 12" },
    { { "--months", "-3", "--channel", "counter" }, "Bulan:", "1, 3, 6 atau 12" },
    { { "--months", "tiga", "--channel", "counter" }, "Bulan:", "1, 3, 6 atau 12" },
    { { "--months", "2", "--channel", "counter" }, "Bulan:", "1, 3, 6 atau 12" },
    { { "--months", "1", "--from", "2026-08", "--channel", "counter" }, "Mulai:", "Oktober 2026" },
    { { "--months", "1", "--from", "2026-13", "--channel", "counter" }, "Mulai", "YYYY-MM" },
    { { "--months", "1", "--channel", "gopay" }, "Saluran:", "kantor-pos" },
    { { "--months", "3", "--channel", "counter", "--amount", "16800" }, "Jumlah:", "Rp50.400" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *argv[16] = { "pay", fixture->kpj };
      guint n = 2;

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        argv[n++] = cases[i].args[j];
      loket_cli_run_argv (fixture->db, &run, argv);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (json_object_get_string_member (loket_cli_error_object (&run), "code"), ==, "invalid");
      g_assert_true (g_str_has_prefix (error_message (&run), cases[i].field));
      if (strstr (error_message (&run), cases[i].fix) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error_message (&run), cases[i].fix);
    }
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM payment"), ==, 0);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM receipt"), ==, 0);
}

static void
test_reverse (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) paid = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) blank = { 0 };
  g_auto(Run) reversed = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) status = { 0 };
  JsonObject *object;

  run_cli (fixture, &paid, "pay", fixture->kpj, "--months", "1", "--channel", "counter", NULL);
  g_assert_cmpint (paid.status, ==, 0);

  run_cli (fixture, &no_reason, "reverse", "KW-52-2026-000001", NULL);
  g_assert_cmpint (no_reason.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&no_reason), "Alasan:"));
  run_cli (fixture, &blank, "reverse", "KW-52-2026-000001", "--reason", " ", NULL);
  g_assert_cmpint (blank.status, ==, 1);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM reversal"), ==, 0);

  run_cli (fixture, &reversed, "--user", "Made (supervisor)", "reverse", "kw-52-2026-000001",
           "--reason", "uang palsu", NULL);
  g_assert_cmpint (reversed.status, ==, 0);
  object = loket_cli_result_object (&reversed);
  g_assert_true (json_object_get_boolean_member (object, "reversed"));
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==, "uang palsu");
  g_assert_cmpstr (json_object_get_string_member (object, "reversed_by"), ==, "Made (supervisor)");

  run_cli (fixture, &twice, "reverse", "KW-52-2026-000001", "--reason", "lagi", NULL);
  g_assert_cmpint (twice.status, ==, 4);
  run_cli (fixture, &unknown, "reverse", "KW-52-2026-000099", "--reason", "salah", NULL);
  g_assert_cmpint (unknown.status, ==, 3);

  run_cli (fixture, &status, "status", fixture->kpj, NULL);
  g_assert_cmpstr (json_object_get_string_member (loket_cli_result_object (&status), "status"), ==, "belum-bayar");
}

static void
test_pay_coop (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) coop = { 0 };
  g_auto(Run) pks = { 0 };
  g_auto(Run) own = { 0 };
  g_auto(Run) paid = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) bad = { 0 };
  g_autofree char *budi_kpj = NULL;
  g_autofree char *members = NULL;
  JsonObject *object, *skip;
  JsonArray *list;

  run_cli (fixture, &coop, "coop", "add", "--name", "KDMP Sakra Timur", "--type", "kdmp", "--region", "52.03", NULL);
  g_assert_cmpint (coop.status, ==, 0);
  run_cli (fixture, &pks, "pks", "add", "--coop", "1", "--number", "PKS/001/2026", "--date", "2026-01-05",
           "--from", "2026-01-05", "--until", "2027-01-04", "--segment", "bpu", "--programs", "jkk,jkm",
           "--income", "1000000", "--payer", "coop", NULL);
  g_assert_cmpint (pks.status, ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoketStore) store = loket_store_open (fixture->db, &error);
    g_autoptr(LoketMember) budi = loket_test_register (store, "5203011203850003", "Budi Santoso",
                                                       "1985-03-12", 'L', "2026-10-05");

    budi_kpj = g_strdup (budi->kpj);
    g_assert_true (loket_store_exec (store,
      "INSERT INTO cooperative_member (cooperative_id, member_id, partnership_id, joined_on, via)"
      " SELECT 1, id, 1, '2026-10-05', 'linked' FROM member", &error));
    g_assert_no_error (error);
  }

  run_cli (fixture, &own, "pay", fixture->kpj, "--months", "1", "--channel", "jmo", NULL);
  g_assert_cmpint (own.status, ==, 0);

  members = g_strdup_printf ("%s,%s", fixture->kpj, budi_kpj);
  run_cli (fixture, &paid, "--user", "Wayan", "pay", "--coop", "1", "--members", members,
           "--months", "3", "--channel", "cooperative", "--amount", "50400", NULL);
  g_assert_cmpint (paid.status, ==, 0);
  object = loket_cli_result_object (&paid);
  g_assert_cmpstr (json_object_get_string_member (object, "receipt"), ==, "KW-52-2026-000002");
  g_assert_cmpint (json_object_get_int_member (object, "paid"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 50400);
  g_assert_cmpstr (json_object_get_string_member (object, "payer"), ==, "coop");
  g_assert_cmpstr (json_object_get_string_member (object, "payer_name"), ==, "KDMP Sakra Timur");
  list = json_object_get_array_member (object, "members");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "kpj"), ==, budi_kpj);
  list = json_object_get_array_member (object, "skipped");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  skip = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (skip, "kpj"), ==, fixture->kpj);
  g_assert_cmpstr (json_object_get_string_member (skip, "code"), ==, "already-paid");

  run_cli (fixture, &again, "pay", "--coop", "1", "--months", "1", "--channel", "cooperative", NULL);
  g_assert_cmpint (again.status, ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (loket_cli_error_object (&again),
                                                                         "skipped")), ==, 2);
  run_cli (fixture, &bad, "pay", "--coop", "satu", "--months", "1", "--channel", "cooperative", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM receipt"), ==, 2);
}

static void
test_receipt_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "kwitansi.pdf", NULL);
  g_auto(Run) paid = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) written = { 0 };
  g_auto(Run) a4 = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) bad_width = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *tool = NULL;
  JsonObject *object;

  run_cli (fixture, &paid, "--user", "Wayan", "pay", fixture->kpj, "--months", "1", "--channel", "indomaret", NULL);
  g_assert_cmpint (paid.status, ==, 0);
  run_cli (fixture, &init, "init", "--receipt-width", "80mm", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (loket_cli_result_object (&init), "receipt_width"), ==, "80mm");

  run_cli (fixture, &written, "receipt", "KW-52-2026-000001", "-o", path, NULL);
  g_assert_cmpint (written.status, ==, 0);
  object = loket_cli_result_object (&written);
  g_assert_cmpstr (json_object_get_string_member (object, "width"), ==, "80mm");
  g_assert_cmpint (json_object_get_int_member (object, "pages"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 16800);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if ((tool = g_find_program_in_path ("pdftotext")) != NULL)
    {
      const char *argv[] = { tool, "-q", "-layout", path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "enam belas ribu delapan ratus rupiah"));
      g_assert_nonnull (strstr (text, "Indomaret"));
    }

  run_cli (fixture, &a4, "receipt", "KW-52-2026-000001", "--width", "a4", "-o", path, NULL);
  g_assert_cmpstr (json_object_get_string_member (loket_cli_result_object (&a4), "width"), ==, "a4");
  run_cli (fixture, &unknown, "receipt", "KW-52-2026-000009", "-o", path, NULL);
  g_assert_cmpint (unknown.status, ==, 3);
  run_cli (fixture, &no_output, "receipt", "KW-52-2026-000001", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  run_cli (fixture, &bad_width, "receipt", "KW-52-2026-000001", "--width", "letter", "-o", path, NULL);
  g_assert_cmpint (bad_width.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&bad_width), "Lebar"));
}

static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) paid = { 0 };
  g_auto(Run) day = { 0 };
  g_auto(Run) behind = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) expected = { 0 };
  g_auto(Run) bad = { 0 };
  JsonObject *object, *row;

  run_cli (fixture, &paid, "--user", "Wayan", "pay", fixture->kpj, "--months", "1", "--channel", "alfamart", NULL);
  g_assert_cmpint (paid.status, ==, 0);

  run_cli (fixture, &day, "report", "day", NULL);
  g_assert_cmpint (day.status, ==, 0);
  object = loket_cli_result_object (&day);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-11-23");
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 16800);
  g_assert_cmpint (json_object_get_int_member (object, "net"), ==, 16800);
  row = json_array_get_object_element (json_object_get_array_member (object, "by_channel"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "channel"), ==, "alfamart");
  row = json_array_get_object_element (json_object_get_array_member (object, "by_clerk"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "clerk"), ==, "Wayan");

  run_cli (fixture, &behind, "report", "behind", NULL);
  object = loket_cli_result_object (&behind);
  g_assert_cmpint (json_object_get_int_member (object, "aktif"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "menunggak"), ==, 0);
  run_cli (fixture, &later, "report", "behind", "--date", "2027-01-10", NULL);
  object = loket_cli_result_object (&later);
  g_assert_cmpint (json_object_get_int_member (object, "menunggak"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "amount_due"), ==, 2 * 16800);
  row = json_array_get_object_element (json_object_get_array_member (object, "behind"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "kpj"), ==, fixture->kpj);
  g_assert_cmpint (json_object_get_int_member (row, "months_behind"), ==, 2);

  run_cli (fixture, &expected, "report", "expected", NULL);
  object = loket_cli_result_object (&expected);
  g_assert_cmpstr (json_object_get_string_member (object, "month"), ==, "2026-12");
  g_assert_cmpint (json_object_get_int_member (object, "members_due"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "amount_expected"), ==, 16800);

  run_cli (fixture, &bad, "report", "week", NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

/* Starts a shell that runs loket-cli pay for each KPJ in turn, writing
 * "KPJ EXIT" lines to `log`. */
static GPid
start_writer (Fixture     *fixture,
              GPtrArray   *kpjs,
              const char  *clerk,
              const char  *log)
{
  g_autoptr(GString) script = g_string_new ("for k in");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, "sh", g_getenv ("LOKET_CLI"), fixture->db, clerk, log, NULL };
  GPid pid;

  for (guint i = 0; i < kpjs->len; i++)
    g_string_append_printf (script, " %s", (const char *) g_ptr_array_index (kpjs, i));
  g_string_append (script, "; do \"$1\" --db \"$2\" --today 2026-11-23 --user \"$3\" --json pay \"$k\""
                           " --months 1 --from 2026-11 --channel counter >/dev/null 2>&1; echo \"$k $?\" >> \"$4\"; done");
  argv[2] = script->str;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static void
wait_for (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_spawn_close_pid (pid);
}

/* Two counters paying into one database at once: every receipt number is
 * distinct and the numbers run 1..N with no gap; a member both pay for
 * in the same moment is paid once, the other refused as a conflict. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  const guint own = 12, shared = 6;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *log_a = g_build_filename (fixture->folder, "a.log", NULL);
  g_autofree char *log_b = g_build_filename (fixture->folder, "b.log", NULL);
  g_autofree char *text_a = NULL, *text_b = NULL;
  g_auto(GStrv) lines_a = NULL, lines_b = NULL;
  guint done = 0, conflicts = 0;
  GPid a, b;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoketStore) store = loket_store_open (fixture->db, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 2 * own + shared; i++)
      {
        /* Women born on day 1..30 of January 1990, serials 1.. */
        g_autofree char *nik = g_strdup_printf ("520301%02u0190%04u", 41 + i % 28, 10 + i);
        g_autofree char *birth = g_strdup_printf ("1990-01-%02u", 1 + i % 28);
        g_autofree char *name = g_strdup_printf ("Anggota %c%c", 'A' + i / 26, 'a' + i % 26);
        g_autoptr(LoketMember) member = loket_test_register (store, nik, name, birth, 'P', "2026-11-02");

        if (i < own)
          g_ptr_array_add (first, g_strdup (member->kpj));
        else if (i < 2 * own)
          g_ptr_array_add (second, g_strdup (member->kpj));
        else
          {
            g_ptr_array_add (first, g_strdup (member->kpj));
            g_ptr_array_add (second, g_strdup (member->kpj));
          }
      }
  }

  a = start_writer (fixture, first, "Wayan", log_a);
  b = start_writer (fixture, second, "Ketut", log_b);
  wait_for (a);
  wait_for (b);

  g_assert_true (g_file_get_contents (log_a, &text_a, NULL, NULL));
  g_assert_true (g_file_get_contents (log_b, &text_b, NULL, NULL));
  lines_a = g_strsplit (text_a, "\n", -1);
  lines_b = g_strsplit (text_b, "\n", -1);
  for (GStrv lines = lines_a; lines != NULL; lines = lines == lines_a ? lines_b : NULL)
    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (*lines[i] == '\0')
          continue;
        if (g_str_has_suffix (lines[i], " 0"))
          done++;
        else if (g_str_has_suffix (lines[i], " 4"))
          conflicts++;
        else
          g_error ("a payment failed: %s", lines[i]);
      }

  g_assert_cmpuint (done, ==, 2 * own + shared);
  g_assert_cmpuint (conflicts, ==, shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM receipt"), ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(DISTINCT number) FROM receipt"), ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT min(sequence) FROM receipt"), ==, 1);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT max(sequence) FROM receipt"), ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db,
                   "SELECT count(*) FROM (SELECT member_id FROM payment GROUP BY member_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(DISTINCT clerk) FROM receipt"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli-pay/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pay-and-status", test_pay_and_status);
  ADD ("bad-input", test_bad_input);
  ADD ("reverse", test_reverse);
  ADD ("pay-coop", test_pay_coop);
  ADD ("receipt-pdf", test_receipt_pdf);
  ADD ("reports", test_reports);
  ADD ("two-writers", test_two_writers);
#undef ADD
  return g_test_run ();
}
