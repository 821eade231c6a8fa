/* test-cli-coop.c: coop, pks and agent as a script sees them (issue 4):
 * exit codes 0 to 4, the JSON fields, and that a refused command writes
 * nothing. Runs the real binary (LOKET_CLI). */
#include <sqlite3.h>

#include "loket-cli-test-util.h"
#include "loket-test-util.h"

typedef struct {
  char *folder;
  char *db;
} Fixture;

#define AHU "AHU-0025673.AH.01.29.TAHUN 2025"

#define ADD_COOP "coop", "add", "--name", "KDMP Sukamaju", "--type", "kdmp", "--ahu", AHU, \
  "--region", "52.03.01", "--potential", "95000"

#define PKS_TERMS "--date", "2026-01-05", "--from", "2026-02-01", "--until", "2027-01-31", \
  "--segment", "bpu", "--programs", "jkk,jkm", "--income", "1.000.000", "--payer", "members"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(LoketCliRun) run = { 0 };

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  loket_cli_run (fixture->db, &run, "init", "--kpj-prefix", "52", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->db);
  g_free (fixture->folder);
}

static gint64
count (Fixture    *fixture,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return loket_cli_query_int (fixture->db, sql);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Runs the command and expects `status`; returns the JSON object. */
static JsonObject *
expect (LoketCliRun *run,
        int          status)
{
  if (run->status != status)
    g_error ("exit %d, expected %d\n%s%s", run->status, status, run->out, run->err);
  return loket_cli_result_object (run);
}

static gint64
add_coop (Fixture *fixture)
{
  g_auto(LoketCliRun) run = { 0 };

  loket_cli_run (fixture->db, &run, ADD_COOP, NULL);
  return json_object_get_int_member (expect (&run, 0), "id");
}

/* Registers a BPU member through the CLI; returns the KPJ. */
static char *
add_member (Fixture    *fixture,
            const char *nik,
            const char *birth,
            const char *sex,
            const char *segment)
{
  g_auto(LoketCliRun) run = { 0 };
  gboolean pu = g_str_equal (segment, "pu");

  loket_cli_run (fixture->db, &run, "member", "add", "--nik", nik, "--name", "Ani Lestari",
                 "--birth", birth, "--sex", sex, "--segment", segment,
                 "--programs", pu ? "jkk,jkm,jht" : "jkk,jkm", "--income", pu ? "3000000" : "1000000",
                 "--confirm-duplicate", pu ? "--risk-class" : NULL, "1", NULL);
  return g_strdup (json_object_get_string_member (expect (&run, 0), "kpj"));
}

static gboolean
names_field (JsonObject *error,
             const char *field)
{
  JsonArray *errors = json_object_get_array_member (error, "errors");

  for (guint i = 0; i < json_array_get_length (errors); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (errors, i), "field"), field))
      return TRUE;
  return FALSE;
}

static void
test_coop_add_show_list (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(LoketCliRun) added = { 0 };
  g_auto(LoketCliRun) officer = { 0 };
  g_auto(LoketCliRun) shown = { 0 };
  g_auto(LoketCliRun) listed = { 0 };
  g_autofree char *id_text = NULL;
  JsonObject *object, *address, *first;
  gint64 id;

  loket_cli_run (fixture->db, &added, "coop", "add", "--name", "  KDMP   Sukamaju ", "--type", "KDMP",
                 "--ahu", "ahu-0025673.ah.01.29.tahun2025", "--nib", "1234567890123",
                 "--npwp", "01.234.567.8-901.000", "--nik-koperasi", "5203010010001234",
                 "--address", "Jl. Raya Selong 1", "--region", "52.03.01", "--potential", "95000", NULL);
  object = expect (&added, 0);
  id = json_object_get_int_member (object, "id");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "KDMP Sukamaju");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "kdmp");
  g_assert_cmpstr (json_object_get_string_member (object, "ahu"), ==, AHU);
  g_assert_cmpstr (json_object_get_string_member (object, "npwp"), ==, "012345678901000");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "active");
  address = json_object_get_object_member (object, "address");
  g_assert_cmpstr (json_object_get_string_member (address, "regency"), ==, "Kabupaten Lombok Timur");
  g_assert_cmpint (json_object_get_int_member (object, "potential"), ==, 95000);
  g_assert_cmpint (json_object_get_int_member (object, "registered"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "active"), ==, 0);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  loket_cli_run (fixture->db, &officer, "coop", "officer", "add", id_text, "--name", "Lalu Muhammad",
                 "--role", "ketua", "--nik", "5203011205900001", "--phone", "0812-3456-7890", NULL);
  object = expect (&officer, 0);
  g_assert_cmpint (json_object_get_int_member (object, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, "+6281234567890");

  loket_cli_run (fixture->db, &shown, "coop", "show", id_text, NULL);
  object = expect (&shown, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "KDMP Sukamaju");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "officers")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "partnerships")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "agents")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "registered"), ==, 0);

  loket_cli_run (fixture->db, &listed, "coop", "list", NULL);
  object = expect (&listed, 0);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 1);
  first = json_array_get_object_element (json_object_get_array_member (object, "cooperatives"), 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (first, "coverage_bp"), ==, 0);
}

/* Each malformed field: exit 1, its name among the errors, nothing written. */
static void
test_bad_input_rejected (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct { const char *option; const char *value; const char *field; } cases[] = {
    { "--name", "  ", "name" },
    { "--type", "koperasi", "type" },
    { "--ahu", "AHU-25673.AH.01.29.TAHUN 2025", "ahu" },
    { "--ahu", "AHU-0025673.AH.01.29.TAHUN 2099", "ahu" },
    { "--nib", "123456789012", "nib" },
    { "--npwp", "01.234.567.8-901", "npwp" },
    { "--nik-koperasi", "52O3", "nik_koperasi" },
    { "--region", "52/03", "region_code" },
    { "--potential", "banyak", "potential" },
  };
  g_auto(LoketCliRun) many = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LoketCliRun) run = { 0 };
      JsonObject *error;
      const char *name = g_str_equal (cases[i].option, "--name") ? cases[i].value : "KDMP Sukamaju";
      const char *type = g_str_equal (cases[i].option, "--type") ? cases[i].value : "kdmp";

      if (g_str_equal (cases[i].option, "--name") || g_str_equal (cases[i].option, "--type"))
        loket_cli_run (fixture->db, &run, "coop", "add", "--name", name, "--type", type, NULL);
      else
        loket_cli_run (fixture->db, &run, "coop", "add", "--name", name, "--type", type,
                       cases[i].option, cases[i].value, NULL);
      if (run.status != 1)
        g_error ("%s %s: exit %d, expected 1\n%s", cases[i].option, cases[i].value, run.status, run.out);
      error = loket_cli_error_object (&run);
      g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "invalid");
      if (!names_field (error, cases[i].field))
        g_error ("%s %s: no error on field %s\n%s", cases[i].option, cases[i].value, cases[i].field, run.out);
    }

  /* Several at once are all named, the command line's and the core's. */
  loket_cli_run (fixture->db, &many, "coop", "add", "--name", "", "--type", "x", "--nib", "1",
                 "--potential", "-1", NULL);
  g_assert_cmpint (many.status, ==, 1);
  g_assert_true (names_field (loket_cli_error_object (&many), "name"));
  g_assert_true (names_field (loket_cli_error_object (&many), "type"));
  g_assert_true (names_field (loket_cli_error_object (&many), "nib"));
  g_assert_true (names_field (loket_cli_error_object (&many), "potential"));

  g_assert_cmpint (count (fixture, "cooperative"), ==, 0);
}

static void
test_pks_bad_input_rejected (Fixture       *fixture,
                             gconstpointer  data)
{
  const struct { const char *option; const char *value; const char *field; } cases[] = {
    { "--date", "05/01/2026", "signed_on" },
    { "--date", "2026-12-01", "signed_on" },
    { "--until", "2026-01-31", "valid_until" },
    { "--until", "2026-06-31", "valid_until" },
    { "--segment", "informal", "segment" },
    { "--programs", "jkk,jkm,jp", "programs" },
    { "--programs", "jkk", "programs" },
    { "--income", "900000", "base_income" },
    { "--income", "1,5 juta", "base_income" },
    { "--payer", "bank", "payer" },
    { "--payer", "sponsor", "sponsor_name" },
    { "--months", "2", "payment_months" },
    { "--agent", "52000000018", "agent" },
  };
  g_autofree char *coop = g_strdup_printf ("%" G_GINT64_FORMAT, add_coop (fixture));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LoketCliRun) run = { 0 };
      const char *option = cases[i].option;
#define PICK(name, fallback) (g_str_equal (option, name) ? cases[i].value : (fallback))
      const char *months = PICK ("--months", "1");
      const char *agent = PICK ("--agent", NULL);

      loket_cli_run (fixture->db, &run, "pks", "add", "--coop", coop, "--number", "001/PKS/2026",
                     "--date", PICK ("--date", "2026-01-05"), "--from", "2026-02-01",
                     "--until", PICK ("--until", "2027-01-31"), "--segment", PICK ("--segment", "bpu"),
                     "--programs", PICK ("--programs", "jkk,jkm"), "--income", PICK ("--income", "1000000"),
                     "--payer", PICK ("--payer", "members"), "--months", months,
                     agent ? "--agent" : NULL, agent, NULL);
#undef PICK
      if (run.status != 1)
        g_error ("%s %s: exit %d, expected 1\n%s%s", option, cases[i].value, run.status, run.out, run.err);
      if (!names_field (loket_cli_error_object (&run), cases[i].field))
        g_error ("%s %s: no error on field %s\n%s", option, cases[i].value, cases[i].field, run.out);
    }
  g_assert_cmpint (count (fixture, "partnership"), ==, 0);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cases[][5] = {
    { "coop", NULL },
    { "coop", "frobnicate", NULL },
    { "coop", "add", "--colour", "red", NULL },
    { "coop", "show", NULL },
    { "coop", "show", "1", "2", NULL },
    { "coop", "officer", "remove", "1", NULL },
    { "pks", NULL },
    { "pks", "add", "--number", "1", NULL },
    { "agent", "add", NULL },
    { "agent", "incentive", "52000000019", NULL },
    { "agent", "add", "52000000019", "--coop", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LoketCliRun) run = { 0 };

      loket_cli_run_argv (fixture->db, &run, cases[i]);
      if (run.status != 2)
        g_error ("case %u (%s %s): exit %d, expected 2\n%s", i, cases[i][0], cases[i][1], run.status, run.out);
      g_assert_cmpstr (json_object_get_string_member (loket_cli_error_object (&run), "code"), ==, "usage");
    }
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  const char *cases[][40] = {
    { "coop", "show", "99", NULL },
    { "coop", "coverage", "99", NULL },
    { "coop", "officer", "add", "99", "--name", "Budi", "--role", "ketua", NULL },
    { "pks", "add", "--coop", "99", "--number", "001/PKS/2026", PKS_TERMS, NULL },
    { "agent", "add", "52000099995", NULL },
    { "agent", "show", "52000099995", NULL },
    { "agent", "incentive", "52000099995", "--month", "2026-11", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LoketCliRun) run = { 0 };

      loket_cli_run_argv (fixture->db, &run, cases[i]);
      if (run.status != 3)
        g_error ("case %u (%s %s): exit %d, expected 3\n%s", i, cases[i][0], cases[i][1], run.status, run.out);
      g_assert_cmpstr (json_object_get_string_member (loket_cli_error_object (&run), "code"), ==, "not-found");
    }
  g_assert_cmpint (count (fixture, "cooperative_officer"), ==, 0);
  g_assert_cmpint (count (fixture, "partnership"), ==, 0);
  g_assert_cmpint (count (fixture, "agent"), ==, 0);
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *coop = g_strdup_printf ("%" G_GINT64_FORMAT, add_coop (fixture));
  g_autofree char *kpj = add_member (fixture, "5203015205900002", "1990-05-12", "P", "bpu");
  g_auto(LoketCliRun) same_ahu = { 0 };
  g_auto(LoketCliRun) pks = { 0 };
  g_auto(LoketCliRun) same_number = { 0 };
  g_auto(LoketCliRun) agent = { 0 };
  g_auto(LoketCliRun) again = { 0 };

  loket_cli_run (fixture->db, &same_ahu, "coop", "add", "--name", "Koperasi Lain", "--type", "other",
                 "--ahu", "ahu-0025673.ah.01.29.tahun 2025", NULL);
  g_assert_cmpint (same_ahu.status, ==, 4);
  g_assert_cmpstr (json_object_get_string_member (loket_cli_error_object (&same_ahu), "code"), ==, "conflict");
  g_assert_cmpint (count (fixture, "cooperative"), ==, 1);

  loket_cli_run (fixture->db, &pks, "pks", "add", "--coop", coop, "--number", "001/PKS/2026", PKS_TERMS, NULL);
  expect (&pks, 0);
  loket_cli_run (fixture->db, &same_number, "pks", "add", "--coop", coop, "--number", "001/PKS/2026", PKS_TERMS, NULL);
  g_assert_cmpint (same_number.status, ==, 4);
  g_assert_cmpint (count (fixture, "partnership"), ==, 1);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM partnership WHERE status = 'active'"), ==, 1);

  loket_cli_run (fixture->db, &agent, "agent", "add", kpj, NULL);
  expect (&agent, 0);
  loket_cli_run (fixture->db, &again, "agent", "add", kpj, NULL);
  g_assert_cmpint (again.status, ==, 4);
  g_assert_cmpint (count (fixture, "agent"), ==, 1);
}

static void
test_pks_replaces_active (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *coop = g_strdup_printf ("%" G_GINT64_FORMAT, add_coop (fixture));
  g_autofree char *kpj = add_member (fixture, "5203015205900002", "1990-05-12", "P", "bpu");
  g_auto(LoketCliRun) agent = { 0 };
  g_auto(LoketCliRun) first = { 0 };
  g_auto(LoketCliRun) second = { 0 };
  g_auto(LoketCliRun) shown = { 0 };
  JsonObject *object, *replaced;
  JsonArray *history;
  gint64 first_id;

  loket_cli_run (fixture->db, &agent, "agent", "add", kpj, "--kantor-perisai", "KP Selong", NULL);
  expect (&agent, 0);

  loket_cli_run (fixture->db, &first, "pks", "add", "--coop", coop, "--number", "001/PKS/2026", PKS_TERMS,
                 "--agent", kpj, "--months", "3", NULL);
  object = expect (&first, 0);
  first_id = json_object_get_int_member (object, "id");
  g_assert_cmpint (first_id, >, 0);
  g_assert_true (json_object_get_null_member (object, "replaced"));
  g_assert_cmpstr (json_object_get_string_member (object, "agent_kpj"), ==, kpj);
  g_assert_cmpint (json_object_get_int_member (object, "base_income"), ==, 1000000);
  g_assert_cmpint (json_object_get_int_member (object, "payment_months"), ==, 3);
  g_assert_true (json_object_get_boolean_member (object, "in_force"));

  loket_cli_run (fixture->db, &second, "pks", "add", "--coop", coop, "--number", "002/PKS/2026",
                 "--date", "2026-11-20", "--from", "2026-11-20", "--until", "2027-11-19",
                 "--segment", "bpu", "--programs", "jkk,jkm,jht", "--income", "2000000",
                 "--payer", "sponsor", "--sponsor", "CSR Bank NTB Syariah", NULL);
  object = expect (&second, 0);
  replaced = json_object_get_object_member (object, "replaced");
  g_assert_cmpint (json_object_get_int_member (replaced, "id"), ==, first_id);
  g_assert_cmpstr (json_object_get_string_member (object, "sponsor_name"), ==, "CSR Bank NTB Syariah");

  loket_cli_run (fixture->db, &shown, "coop", "show", coop, NULL);
  object = expect (&shown, 0);
  history = json_object_get_array_member (object, "partnerships");
  g_assert_cmpuint (json_array_get_length (history), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "status"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "status"), ==, "ended");
  /* The agent of the PKS serves the cooperative. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "agents")), ==, 1);
}

/* Registers `n` members on `day` (ISO) brought by the agent of `agent_id`. */
static void
bring_members (Fixture    *fixture,
               gint64      agent_id,
               const char *day,
               guint       first_serial,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = loket_store_open (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *nik = g_strdup_printf ("520301120590%04u", first_serial + i);
      g_autoptr(LoketMember) member = loket_test_register (store, nik, "Anggota", "1990-05-12", 'L', day);
      g_autofree char *sql = g_strdup_printf ("UPDATE member SET agent_id = %" G_GINT64_FORMAT
                                              " WHERE id = %" G_GINT64_FORMAT, agent_id, member->id);

      exec_sql (fixture, sql);
    }
}

static void
test_agent_incentive (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *coop = g_strdup_printf ("%" G_GINT64_FORMAT, add_coop (fixture));
  g_autofree char *kpj = add_member (fixture, "5203015205900002", "1990-05-12", "P", "bpu");
  g_autofree char *wage_kpj = add_member (fixture, "5203015305900003", "1990-05-13", "P", "pu");
  g_auto(LoketCliRun) agent = { 0 };
  g_auto(LoketCliRun) refused = { 0 };
  g_auto(LoketCliRun) below = { 0 };
  g_auto(LoketCliRun) at = { 0 };
  g_auto(LoketCliRun) bad_month = { 0 };
  g_auto(LoketCliRun) shown = { 0 };
  JsonObject *object;
  JsonArray *cooperatives;
  gint64 agent_id;

  /* Only a BPU member can be an agent. */
  loket_cli_run (fixture->db, &refused, "agent", "add", wage_kpj, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpint (count (fixture, "agent"), ==, 0);

  loket_cli_run (fixture->db, &agent, "agent", "add", kpj, "--kantor-perisai", "KP Selong",
                 "--coop", coop, "--coop", coop, NULL);
  object = expect (&agent, 0);
  agent_id = json_object_get_int_member (object, "id");
  cooperatives = json_object_get_array_member (object, "cooperatives");
  g_assert_cmpuint (json_array_get_length (cooperatives), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "appointed_on"), ==, "2026-11-23");

  loket_cli_run (fixture->db, &shown, "agent", "show", kpj, NULL);
  g_assert_cmpstr (json_object_get_string_member (expect (&shown, 0), "kantor_perisai"), ==, "KP Selong");

  /* 24 in November, and 30 in October that do not count for November. */
  bring_members (fixture, agent_id, "2026-11-02", 1, 24);
  bring_members (fixture, agent_id, "2026-10-30", 101, 30);
  loket_cli_run (fixture->db, &below, "agent", "incentive", kpj, "--month", "2026-11", NULL);
  object = expect (&below, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "month"), ==, "2026-11");
  g_assert_cmpint (json_object_get_int_member (object, "new_members"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (object, "threshold"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (object, "per_member"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (object, "new_member_incentive"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "contribution_share"), ==, 0);
  g_assert_true (json_object_get_boolean_member (object, "contributions_recorded"));
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 0);

  bring_members (fixture, agent_id, "2026-11-30", 25, 1);
  loket_cli_run (fixture->db, &at, "agent", "incentive", kpj, "--month", "2026-11", NULL);
  object = expect (&at, 0);
  g_assert_cmpint (json_object_get_int_member (object, "new_members"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (object, "new_member_incentive"), ==, 250000);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 250000);

  loket_cli_run (fixture->db, &bad_month, "agent", "incentive", kpj, "--month", "2026-13", NULL);
  g_assert_cmpint (bad_month.status, ==, 1);
}

static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = add_coop (fixture);
  g_autofree char *coop = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *kpj = add_member (fixture, "5203015205900002", "1990-05-12", "P", "bpu");
  g_autofree char *link = NULL;
  g_auto(LoketCliRun) second = { 0 };
  g_auto(LoketCliRun) one = { 0 };
  g_auto(LoketCliRun) all = { 0 };
  JsonObject *object, *row;
  JsonArray *rows;

  /* Linked by the import (issue 4's other half) or at the counter. */
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " SELECT %" G_GINT64_FORMAT ", id, '2026-11-23', 'linked' FROM member", id);
  exec_sql (fixture, link);
  loket_cli_run (fixture->db, &second, "coop", "add", "--name", "Koperasi Tanpa Potensi", "--type", "other", NULL);
  expect (&second, 0);

  loket_cli_run (fixture->db, &one, "coop", "coverage", coop, NULL);
  object = expect (&one, 0);
  rows = json_object_get_array_member (object, "cooperatives");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpint (json_object_get_int_member (row, "registered"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "active"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (row, "potential"), ==, 95000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "coverage"), 1.0 / 95000, 1e-12);
  g_assert_cmpint (json_object_get_int_member (row, "coverage_bp"), ==, 0);

  loket_cli_run (fixture->db, &all, "coop", "coverage", NULL);
  object = expect (&all, 0);
  rows = json_object_get_array_member (object, "cooperatives");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  /* No potential, no ratio. */
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "Koperasi Tanpa Potensi");
  g_assert_true (json_object_get_null_member (row, "potential"));
  g_assert_true (json_object_get_null_member (row, "coverage"));
}

/* Without --json: labels and amounts as the clerk reads them. */
static void
test_text_output (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *cli = g_getenv ("LOKET_CLI");
  g_autofree char *coop = g_strdup_printf ("%" G_GINT64_FORMAT, add_coop (fixture));
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;
  const char *argv[] = { cli, "--db", fixture->db, "--today", "2026-11-23", "coop", "show", coop, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (out, "KDMP Sukamaju"));
  g_assert_nonnull (strstr (out, "Potensi peserta: 95000"));
  g_assert_null (strstr (out, "coverage"));
}

/* coop import: the report, then one commit; the same file again registers
 * nobody; a refused file or a cooperative without a PKS writes nothing. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->folder, "anggota.csv", NULL);
  g_autofree char *rejects = g_build_filename (fixture->folder, "ditolak.xlsx", NULL);
  g_autofree char *garbage = g_build_filename (fixture->folder, "foto.csv", NULL);
  g_autofree char *coop_id = NULL;
  g_auto(LoketCliRun) pks = { 0 };
  g_auto(LoketCliRun) dry = { 0 };
  g_auto(LoketCliRun) commit = { 0 };
  g_auto(LoketCliRun) again = { 0 };
  g_auto(LoketCliRun) bad = { 0 };
  g_auto(LoketCliRun) no_pks = { 0 };
  g_auto(LoketCliRun) second_coop = { 0 };
  JsonObject *object;
  JsonArray *rows;
  const char *list =
    "No;Nama Lengkap;NIK;Tgl Lahir;JK\r\n"
    "1;Baiq Nurul Aini;5203015205900002;12/05/1990;P\r\n"
    "2;Lalu Zohri;5203011708850001;17-08-1985;L\r\n"
    "3;Tanggal Salah;5203011708850009;31/02/1985;L\r\n"
    "4;Baiq Nurul Aini;5203015205900002;12/05/1990;P\r\n";

  coop_id = g_strdup_printf ("%" G_GINT64_FORMAT, add_coop (fixture));
  loket_cli_run (fixture->db, &pks, "pks", "add", "--coop", coop_id, "--number", "PKS/01/2026",
                 "--date", "2026-01-05", "--from", "2026-01-05", "--until", "2027-01-04",
                 "--segment", "bpu", "--programs", "jkk,jkm", "--income", "1000000", "--payer", "coop", NULL);
  expect (&pks, 0);
  g_assert_true (g_file_set_contents (file, list, -1, NULL));

  loket_cli_run (fixture->db, &dry, "coop", "import", coop_id, file, "--dry-run", NULL);
  object = expect (&dry, 0);
  g_assert_cmpint (json_object_get_int_member (object, "to_register"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "duplicates_in_file"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "rejected"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "registered"), ==, 0);
  rows = json_object_get_array_member (object, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 2), "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 2), "status"), ==, "rejected");
  g_assert_cmpint (count (fixture, "member"), ==, 0);

  loket_cli_run (fixture->db, &commit, "coop", "import", coop_id, file, "--rejects", rejects, NULL);
  object = expect (&commit, 0);
  g_assert_cmpint (json_object_get_int_member (object, "registered"), ==, 2);
  g_assert_cmpint (count (fixture, "member"), ==, 2);
  g_assert_cmpint (count (fixture, "cooperative_member"), ==, 2);
  g_assert_true (g_file_test (rejects, G_FILE_TEST_EXISTS));

  loket_cli_run (fixture->db, &again, "coop", "import", coop_id, file, NULL);
  object = expect (&again, 0);
  g_assert_cmpint (json_object_get_int_member (object, "registered"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "already_members"), ==, 2);
  g_assert_cmpint (count (fixture, "member"), ==, 2);

  /* Not a spreadsheet: exit 1, nothing written. */
  g_assert_true (g_file_set_contents (garbage, "\x89PNG\r\n\x1a\n\x00\x00", 10, NULL));
  loket_cli_run (fixture->db, &bad, "coop", "import", coop_id, garbage, NULL);
  expect (&bad, 1);

  /* A cooperative with no PKS cannot enrol anyone. */
  loket_cli_run (fixture->db, &second_coop, "coop", "add", "--name", "KKMP Pancor", "--type", "kkmp", NULL);
  expect (&second_coop, 0);
  {
    g_autofree char *other = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              json_object_get_int_member (loket_cli_result_object (&second_coop), "id"));
    loket_cli_run (fixture->db, &no_pks, "coop", "import", other, file, NULL);
    g_assert_cmpint (no_pks.status, !=, 0);
  }
  g_assert_cmpint (count (fixture, "member"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/cli-coop/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("coop-add-show-list", test_coop_add_show_list);
  ADD ("bad-input-rejected", test_bad_input_rejected);
  ADD ("pks-bad-input-rejected", test_pks_bad_input_rejected);
  ADD ("usage-errors", test_usage_errors);
  ADD ("not-found", test_not_found);
  ADD ("conflicts", test_conflicts);
  ADD ("pks-replaces-active", test_pks_replaces_active);
  ADD ("agent-incentive", test_agent_incentive);
  ADD ("coverage", test_coverage);
  ADD ("text-output", test_text_output);
  ADD ("import", test_import);
#undef ADD
  return g_test_run ();
}
