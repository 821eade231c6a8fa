/* test-cli.c: loket-cli as a script sees it: exit codes, JSON, and that a
 * refused command writes nothing. Runs the real binary (LOKET_CLI). */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <unistd.h>

#include "loket-cli-test-util.h"
#include "loket-test-util.h"

typedef struct {
  char *folder;
  char *db;
} Fixture;

/* The runs share loket-cli-test-util's helpers; these names keep the
 * tests short. */
typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

#define run_cli(fixture, run, ...) loket_cli_run ((fixture)->db, (run), __VA_ARGS__)
#define run_cli_argv(fixture, run, arguments) loket_cli_run_argv ((fixture)->db, (run), (arguments))
#define result_object loket_cli_result_object
#define error_object loket_cli_error_object

static gint64
count_members (Fixture *fixture)
{
  return loket_cli_query_int (fixture->db, "SELECT count(*) FROM member");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  run_cli (fixture, &run, "init", "--kpj-prefix", "52", "--branch-name", "KCP Selong", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->db);
  g_free (fixture->folder);
}

#define ADD_ANI "member", "add", "--nik", "5203015205900002", "--name", "Ani Lestari", \
  "--birth", "1990-05-12", "--sex", "P", "--segment", "bpu", "--programs", "jkk,jkm", \
  "--income", "1.000.000", "--phone", "081234567890", "--occupation", "petani"

static void
test_init (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  JsonObject *object;

  run_cli (fixture, &run, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  object = result_object (&run);
  g_assert_cmpstr (json_object_get_string_member (object, "kpj_prefix"), ==, "52");
  g_assert_cmpstr (json_object_get_string_member (object, "branch_name"), ==, "KCP Selong");
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), >=, 2);
}

static void
test_member_add_show_search (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Run) added = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) by_nik = { 0 };
  g_auto(Run) found = { 0 };
  JsonObject *member, *first;
  JsonArray *results;
  const char *kpj;

  run_cli (fixture, &added, ADD_ANI, NULL);
  g_assert_cmpint (added.status, ==, 0);
  member = result_object (&added);
  kpj = json_object_get_string_member (member, "kpj");
  g_assert_cmpuint (strlen (kpj), ==, 11);
  g_assert_true (g_str_has_prefix (kpj, "52"));
  g_assert_cmpstr (json_object_get_string_member (member, "phone"), ==, "+6281234567890");
  g_assert_cmpint (json_object_get_int_member (member, "income"), ==, 1000000);
  g_assert_cmpstr (json_object_get_string_member (member, "sex"), ==, "P");
  g_assert_cmpstr (json_object_get_string_member (member, "birth_date"), ==, "1990-05-12");

  run_cli (fixture, &shown, "member", "show", kpj, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (result_object (&shown), "name"), ==, "Ani Lestari");

  run_cli (fixture, &by_nik, "member", "show", "5203015205900002", NULL);
  g_assert_cmpint (by_nik.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (result_object (&by_nik), "kpj"), ==, kpj);

  run_cli (fixture, &found, "member", "search", "lest", "--limit", "5", NULL);
  g_assert_cmpint (found.status, ==, 0);
  results = json_object_get_array_member (result_object (&found), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kpj"), ==, kpj);
  /* Lists show the NIK masked. */
  g_assert_cmpstr (json_object_get_string_member (first, "nik_masked"), ==, "************0002");
  g_assert_false (json_object_has_member (first, "nik"));
}

static void
test_duplicate_nik_is_conflict (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  JsonObject *error;
  const char *kpj;

  run_cli (fixture, &first, ADD_ANI, NULL);
  g_assert_cmpint (first.status, ==, 0);
  kpj = json_object_get_string_member (result_object (&first), "kpj");

  run_cli (fixture, &again, ADD_ANI, "--confirm-duplicate", NULL);
  g_assert_cmpint (again.status, ==, 4);
  error = error_object (&again);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "conflict");
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"), kpj));
  /* Said in Indonesian, by default. */
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"), "sudah terdaftar"));
  g_assert_cmpint (count_members (fixture), ==, 1);
}

static void
test_probable_duplicate_needs_confirmation (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_auto(Run) first = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) confirmed = { 0 };
  JsonArray *similar;

  run_cli (fixture, &first, ADD_ANI, NULL);
  g_assert_cmpint (first.status, ==, 0);

#define ADD_ANI_OTHER_NIK "member", "add", "--nik", "3201015205900007", "--name", "ANI  LESTARI", \
  "--birth", "1990-05-12", "--sex", "P", "--segment", "bpu", "--programs", "jkk,jkm", "--income", "1000000"
  run_cli (fixture, &refused, ADD_ANI_OTHER_NIK, NULL);
  g_assert_cmpint (refused.status, ==, 4);
  g_assert_cmpstr (json_object_get_string_member (error_object (&refused), "code"), ==, "probable-duplicate");
  similar = json_object_get_array_member (error_object (&refused), "similar");
  g_assert_cmpuint (json_array_get_length (similar), ==, 1);
  g_assert_cmpint (count_members (fixture), ==, 1);

  run_cli (fixture, &confirmed, ADD_ANI_OTHER_NIK, "--confirm-duplicate", NULL);
  g_assert_cmpint (confirmed.status, ==, 0);
  g_assert_cmpint (count_members (fixture), ==, 2);
#undef ADD_ANI_OTHER_NIK
}

/* Each malformed field: exit 1, its name in the message, nothing written. */
static void
test_bad_input_rejected (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct { const char *option; const char *value; const char *field; } cases[] = {
    { "--nik", "520301520590000", "nik" },
    { "--nik", "52030152059O0002", "nik" },
    { "--birth", "12-05-1990", "birth_date" },
    { "--birth", "1990-02-30", "birth_date" },
    { "--sex", "W", "sex" },
    { "--segment", "informal", "segment" },
    { "--programs", "jkk,jkm,xyz", "segment" },
    { "--programs", "jkk,jp", "programs" },
    { "--income", "1,5 juta", "segment" },
    { "--income", "900000", "income" },
    { "--phone", "12345", "phone" },
    { "--name", "  ", "name" },
    { "--region", "52/03", "region_code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      JsonObject *error;
      JsonArray *errors;
      gboolean named = FALSE;

      /* The option given twice would be a usage error, so each case
       * replaces one option of a good command. */
      const char *nik = g_str_equal (cases[i].option, "--nik") ? cases[i].value : "5203015205900002";
      const char *birth = g_str_equal (cases[i].option, "--birth") ? cases[i].value : "1990-05-12";
      const char *sex = g_str_equal (cases[i].option, "--sex") ? cases[i].value : "P";
      const char *segment = g_str_equal (cases[i].option, "--segment") ? cases[i].value : "bpu";
      const char *programs = g_str_equal (cases[i].option, "--programs") ? cases[i].value : "jkk,jkm";
      const char *income = g_str_equal (cases[i].option, "--income") ? cases[i].value : "1000000";
      const char *phone = g_str_equal (cases[i].option, "--phone") ? cases[i].value : "0812345678";
      const char *name = g_str_equal (cases[i].option, "--name") ? cases[i].value : "Ani";
      const char *region = g_str_equal (cases[i].option, "--region") ? cases[i].value : "52.03";

      run_cli (fixture, &run, "member", "add", "--nik", nik, "--name", name, "--birth", birth,
               "--sex", sex, "--segment", segment, "--programs", programs, "--income", income,
               "--phone", phone, "--region", region, NULL);
      if (run.status != 1)
        g_error ("%s %s: exit %d, expected 1\n%s", cases[i].option, cases[i].value, run.status, run.out);
      error = error_object (&run);
      g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "invalid");
      errors = json_object_get_array_member (error, "errors");
      for (guint j = 0; j < json_array_get_length (errors); j++)
        named |= g_str_equal (json_object_get_string_member (json_array_get_object_element (errors, j), "field"),
                              cases[i].field);
      if (!named)
        g_error ("%s %s: no error on field %s\n%s", cases[i].option, cases[i].value, cases[i].field, run.out);
    }

  g_assert_cmpint (count_members (fixture), ==, 0);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cases[][4] = {
    { "frobnicate", NULL },
    { "member", "add", "--colour", "red" },
    { "member", "show", NULL },
    { "nik", "check", NULL },
    { "member", "add", "--nik", NULL },
    { "iuran", "--segment", "bpu", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (fixture, &run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      if (run.status != 2)
        g_error ("case %u (%s %s): exit %d, expected 2", i, cases[i][0], cases[i][1], run.status);
      g_assert_cmpstr (json_object_get_string_member (error_object (&run), "code"), ==, "usage");
    }
}

static void
test_nik_check (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) mismatch = { 0 };
  JsonObject *object;

  run_cli (fixture, &good, "nik", "check", "5203015205900002", NULL);
  g_assert_cmpint (good.status, ==, 0);
  object = result_object (&good);
  g_assert_true (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpstr (json_object_get_string_member (object, "province_code"), ==, "52");
  g_assert_cmpstr (json_object_get_string_member (object, "province"), ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (json_object_get_string_member (object, "regency_code"), ==, "52.03");
  g_assert_cmpstr (json_object_get_string_member (object, "district_code"), ==, "52.03.01");
  g_assert_cmpstr (json_object_get_string_member (object, "birth_date"), ==, "1990-05-12");
  g_assert_cmpstr (json_object_get_string_member (object, "sex"), ==, "P");
  g_assert_cmpint (json_object_get_int_member (object, "serial"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 0);

  /* Province 00, day 99, serial 0000: every problem listed, exit 1. */
  run_cli (fixture, &bad, "nik", "check", "0003019905900000", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  object = result_object (&bad);
  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), >=, 3);

  run_cli (fixture, &mismatch, "nik", "check", "5203015205900002", "--sex", "L", "--birth", "1990-05-12", NULL);
  g_assert_cmpint (mismatch.status, ==, 1);
}

static void
test_kpj_check (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) good = { 0 };
  g_auto(Run) typo = { 0 };
  g_auto(Run) missing = { 0 };

  run_cli (fixture, &good, "kpj", "check", "52-0000-0001-9", NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (result_object (&good), "kpj"), ==, "52000000019");

  run_cli (fixture, &typo, "kpj", "check", "52000000018", NULL);
  g_assert_cmpint (typo.status, ==, 1);
  g_assert_false (json_object_get_boolean_member (result_object (&typo), "valid"));

  /* A well-formed number nobody holds is "not found", exit 3. */
  run_cli (fixture, &missing, "member", "show", "52000000019", NULL);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_cmpstr (json_object_get_string_member (error_object (&missing), "code"), ==, "not-found");
}

/* `arguments` are those after "iuran", NULL-ended. */
static gint64
iuran_total (Fixture           *fixture,
             const char        *key,
             const char *const *arguments)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, "iuran");
  g_strv_builder_addv (builder, (const char **) arguments);
  argv = g_strv_builder_end (builder);
  run_cli_argv (fixture, &run, (const char *const *) argv);
  if (run.status != 0)
    g_error ("iuran failed (%d): %s", run.status, run.out);
  return json_object_get_int_member (result_object (&run), key);
}

static void
test_iuran (Fixture       *fixture,
            gconstpointer  data)
{
  const char *lowest[] = { "--segment", "bpu", "--income", "1000000", "--programs", "jkk,jkm", "--date", "2025-06-01", NULL };
  const char *with_jht[] = { "--segment", "bpu", "--income", "1000000", "--programs", "jkk,jkm,jht", "--date", "2025-06-01", NULL };
  const char *ojek_2026[] = { "--segment", "bpu", "--income", "1000000", "--programs", "jkk,jkm", "--date", "2026-03-01", "--occupation", "ojek", NULL };
  const char *farmer_2026[] = { "--segment", "bpu", "--income", "1000000", "--programs", "jkk,jkm", "--date", "2026-03-01", "--occupation", "petani", NULL };
  const char *pu_capped[] = { "--segment", "pu", "--income", "15000000", "--programs", "jkk,jkm,jht,jp", "--risk-class", "1", "--date", "2025-06-01", NULL };
  const char *year[] = { "--segment", "bpu", "--income", "1000000", "--programs", "jkk,jkm", "--months", "12", "--date", "2025-01-01", NULL };
  /* Oct 2025 to Sep 2026 for an ojek driver: 3 months full, 9 at half. */
  const char *year_ojek[] = { "--segment", "bpu", "--income", "1000000", "--programs", "jkk,jkm", "--months", "12", "--date", "2025-10-01", "--occupation", "ojek", NULL };
  g_auto(Run) bad_months = { 0 };

  g_assert_cmpint (iuran_total (fixture, "monthly_total", lowest), ==, 16800);
  g_assert_cmpint (iuran_total (fixture, "monthly_total", with_jht), ==, 36800);
  g_assert_cmpint (iuran_total (fixture, "monthly_total", ojek_2026), ==, 8400);
  g_assert_cmpint (iuran_total (fixture, "monthly_total", farmer_2026), ==, 16800);
  /* JKK 0,24% + JKM 0,30% + JHT 5,7% of 15 juta, JP 3% of the 2025 cap. */
  g_assert_cmpint (iuran_total (fixture, "monthly_total", pu_capped), ==,
                   36000 + 45000 + 855000 + 316422);
  g_assert_cmpint (iuran_total (fixture, "total", year), ==, 12 * 16800);
  g_assert_cmpint (iuran_total (fixture, "total", year_ojek), ==, 3 * 16800 + 9 * 8400);
  g_assert_cmpint (iuran_total (fixture, "discount", year_ojek), ==, 9 * 8400);

  run_cli (fixture, &bad_months, "iuran", "--segment", "bpu", "--income", "1000000",
           "--programs", "jkk,jkm", "--months", "2", NULL);
  g_assert_cmpint (bad_months.status, ==, 1);
}

static void
test_storage_failures (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *garbage_path = g_build_filename (fixture->folder, "garbage.db", NULL);
  g_autofree char *newer_path = g_build_filename (fixture->folder, "newer.db", NULL);
  g_autofree char *garbage = g_strnfill (4096, 'z');
  g_auto(Run) on_garbage = { 0 };
  g_auto(Run) on_newer = { 0 };
  Fixture other = *fixture;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (garbage_path, garbage, -1, NULL));
  other.db = garbage_path;
  run_cli (&other, &on_garbage, ADD_ANI, NULL);
  g_assert_cmpint (on_garbage.status, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (error_object (&on_garbage), "code"), ==, "storage");

  g_assert_cmpint (sqlite3_open (newer_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 42", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  other.db = newer_path;
  run_cli (&other, &on_newer, "member", "search", "ani", NULL);
  g_assert_cmpint (on_newer.status, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (error_object (&on_newer), "code"), ==, "newer-schema");
}

static void
drop_root (gpointer data)
{
  /* Root writes whatever the permissions say; be nobody to see a
   * read-only file the way a clerk's account does. */
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (127);
}

/* A database the clerk's account cannot write: exit 5, a message saying so,
 * and the file exactly as it was. */
static void
test_read_only_database (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *ro_folder = g_build_filename (fixture->folder, "ro", NULL);
  g_autofree char *ro_db = g_build_filename (ro_folder, "loket.db", NULL);
  g_autofree char *ro_cli = g_build_filename (ro_folder, "loket-cli", NULL);
  g_autofree char *db_bytes = NULL, *cli_bytes = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize db_len, cli_len, after_len;
  int wait_status;

  /* The copy of loket-cli sits where nobody can reach it, whatever the
   * permissions of the build tree. */
  g_assert_cmpint (g_mkdir (ro_folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture->db, &db_bytes, &db_len, NULL));
  g_assert_true (g_file_get_contents (g_getenv ("LOKET_CLI"), &cli_bytes, &cli_len, NULL));
  g_assert_true (g_file_set_contents_full (ro_db, db_bytes, db_len, G_FILE_SET_CONTENTS_NONE, 0444, NULL));
  g_assert_true (g_file_set_contents_full (ro_cli, cli_bytes, cli_len, G_FILE_SET_CONTENTS_NONE, 0755, NULL));

  {
    const char *argv[] = { ro_cli, "--db", ro_db, "--json", "--today", "2026-11-23", ADD_ANI, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, drop_root, NULL,
                  &out, &err, &wait_status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 5);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "error"),
                     "code"), ==, "storage");

  g_assert_true (g_file_get_contents (ro_db, &after, &after_len, NULL));
  g_assert_cmpmem (db_bytes, db_len, after, after_len);
}

/* Another program holding the write lock past the busy timeout: exit 5 and
 * no member written. */
static void
test_locked_database (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  run_cli (fixture, &run, ADD_ANI, NULL);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_cmpint (run.status, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (error_object (&run), "code"), ==, "storage");
  g_assert_cmpint (count_members (fixture), ==, 0);
}

/* Without --json the same answers come as text, errors on stderr. */
static void
test_text_output (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *cli = g_getenv ("LOKET_CLI");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;
  const char *argv[] = { cli, "--db", fixture->db, "--today", "2026-11-23", "iuran", "--segment", "bpu",
                         "--income", "1000000", "--programs", "jkk,jkm", "--date", "2025-06-01", NULL };
  const char *bad_argv[] = { cli, "--db", fixture->db, "kpj", "check", "123", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (out, "Rp16.800"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) bad_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("init", test_init);
  ADD ("member-add-show-search", test_member_add_show_search);
  ADD ("duplicate-nik-is-conflict", test_duplicate_nik_is_conflict);
  ADD ("probable-duplicate-needs-confirmation", test_probable_duplicate_needs_confirmation);
  ADD ("bad-input-rejected", test_bad_input_rejected);
  ADD ("usage-errors", test_usage_errors);
  ADD ("nik-check", test_nik_check);
  ADD ("kpj-check", test_kpj_check);
  ADD ("iuran", test_iuran);
  ADD ("storage-failures", test_storage_failures);
  ADD ("read-only-database", test_read_only_database);
  ADD ("locked-database", test_locked_database);
  ADD ("text-output", test_text_output);
#undef ADD
  return g_test_run ();
}
