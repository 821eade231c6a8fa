/* test-cooperative.c: cooperatives, officers, PKS and agents (issue 4): the
 * rules of each record, the store's writes and refusals, one active PKS at a
 * time, expiry, and the agent incentive of a month. */
#include <gio/gio.h>
#include <sqlite3.h>

#include "loket-cooperative.h"
#include "loket-error.h"
#include "loket-regions.h"
#include "loket-store-cooperatives.h"
#include "loket-store-payments.h"
#include "loket-date.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore *store;
  char       *path;
  GDate       today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (&fixture->path);
  loket_test_date (&fixture->today, "2026-11-23");
  loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

/* Runs SQL on the file through a second connection, as another program
 * would: for the rows later issues write (payments, links). */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
has_problem (GPtrArray     *problems,
             LoketSeverity  severity,
             const char    *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == severity && g_strcmp0 (problem->field, field) == 0)
        return TRUE;
    }
  return FALSE;
}

static LoketCooperative *
draft_cooperative (const char *name)
{
  LoketCooperative *draft = loket_cooperative_new ();

  draft->name = g_strdup (name);
  draft->kind = LOKET_COOPERATIVE_KDMP;
  draft->region_code = g_strdup ("52.03.01");
  draft->potential = 95000;
  return draft;
}

static LoketCooperative *
add_cooperative (Fixture    *fixture,
                 const char *name)
{
  g_autoptr(LoketCooperative) draft = draft_cooperative (name);
  g_autoptr(GError) error = NULL;
  LoketCooperative *saved = loket_store_add_cooperative (fixture->store, draft, &fixture->today, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  return saved;
}

/* A BPU PKS for JKK+JKM at the lowest income, paid by the members. */
static LoketPartnership *
draft_partnership (gint64      cooperative_id,
                   const char *number,
                   const char *from,
                   const char *until)
{
  LoketPartnership *draft = loket_partnership_new ();

  draft->cooperative_id = cooperative_id;
  draft->number = g_strdup (number);
  loket_test_date (&draft->signed_on, from);
  loket_test_date (&draft->valid_from, from);
  loket_test_date (&draft->valid_until, until);
  draft->segment = LOKET_SEGMENT_BPU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  draft->base_income = 1000000;
  draft->payment_months = 1;
  draft->payer = LOKET_PAYER_MEMBERS;
  return draft;
}

static gint64
count_active_partnerships (Fixture *fixture,
                           gint64   cooperative_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM partnership WHERE status = 'active' AND cooperative_id = %" G_GINT64_FORMAT,
    cooperative_id);

  return query_int (fixture->path, sql);
}

/* ---- AHU and the other numbers -------------------------------------------- */

static void
test_ahu_format (void)
{
  const struct { const char *text; const char *normal; } cases[] = {
    { "AHU-0025673.AH.01.29.TAHUN 2025", "AHU-0025673.AH.01.29.TAHUN 2025" },
    { "ahu-0025673.ah.01.29.tahun 2025", "AHU-0025673.AH.01.29.TAHUN 2025" },
    { "  AHU - 0025673 . AH.01.29 . Tahun2025 ", "AHU-0025673.AH.01.29.TAHUN 2025" },
    { "AHU-0025673.AH.01.29.TAHUN   2025", "AHU-0025673.AH.01.29.TAHUN 2025" },
    { "AHU0000001.AH.01.26.TAHUN 2021", "AHU-0000001.AH.01.26.TAHUN 2021" },
    { "AHU-25673.AH.01.29.TAHUN 2025", NULL },         /* 5 digits */
    { "AHU-00256731.AH.01.29.TAHUN 2025", NULL },      /* 8 digits */
    { "AHU-0025673.AH.02.29.TAHUN 2025", NULL },
    { "AHU-0025673.AH.01.9.TAHUN 2025", NULL },
    { "AHU-0025673.AH.01.29.TAHUN 25", NULL },
    { "AHU-0025673.AH.01.29.2025", NULL },
    { "0025673.AH.01.29.TAHUN 2025", NULL },
    { "AHU-0025673.AH.01.29.TAHUN 2025.", NULL },
    { "AHU-0O25673.AH.01.29.TAHUN 2025", NULL },       /* letter O */
    { "AHU-0025673.AH.01.29.TAHUN 2027", NULL },       /* after this year */
    { "AHU-0025673.AH.01.29.TAHUN 1900", NULL },
    { "", NULL },
  };
  GDate today;

  loket_test_date (&today, "2026-11-23");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = loket_ahu_normalize (cases[i].text, &today, &error);

      if (g_strcmp0 (normal, cases[i].normal) != 0)
        g_error ("“%s”: got %s, expected %s", cases[i].text, normal, cases[i].normal);
      if (cases[i].normal == NULL)
        {
          g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, "AHU"));
        }
      else
        g_assert_no_error (error);
    }
}

static void
test_cooperative_fields (void)
{
  g_autoptr(LoketCooperative) good = draft_cooperative ("  Koperasi Desa   Merah Putih Sukamaju ");
  g_autoptr(LoketCooperative) bad = loket_cooperative_new ();
  g_autoptr(GPtrArray) problems = NULL;
  const char *fields[] = { "name", "ahu", "nib", "npwp", "nik_koperasi", "postcode", "region_code", "potential",
                           "officer_name", "officer_role", "officer_nik", "officer_phone" };
  LoketCooperativeOfficer *officer = loket_cooperative_officer_new ();
  GDate today;

  loket_test_date (&today, "2026-11-23");
  good->ahu = g_strdup ("ahu-0025673.ah.01.29.tahun 2025");
  good->nib = g_strdup ("1234 5678 90123");
  good->npwp = g_strdup ("01.234.567.8-901.000");
  good->nik_koperasi = g_strdup ("5203010010001234");
  good->postcode = g_strdup ("83612");
  problems = loket_cooperative_check (good, &today);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (good->name, ==, "Koperasi Desa Merah Putih Sukamaju");
  g_assert_cmpstr (good->ahu, ==, "AHU-0025673.AH.01.29.TAHUN 2025");
  g_assert_cmpstr (good->nib, ==, "1234567890123");
  g_assert_cmpstr (good->npwp, ==, "012345678901000");
  /* The region code fills the names, as for members. */
  g_assert_cmpstr (good->province, ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (good->regency, ==, "Kabupaten Lombok Timur");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The new 16-digit NPWP is accepted as well. */
  g_free (good->npwp);
  good->npwp = g_strdup ("3201 0123 4567 8901");
  problems = loket_cooperative_check (good, &today);
  g_assert_cmpuint (loket_problems_count (problems, LOKET_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (good->npwp, ==, "3201012345678901");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Everything wrong at once: every field is named in one go. */
  bad->name = g_strdup ("   ");
  bad->ahu = g_strdup ("AHU-123");
  bad->nib = g_strdup ("123456789012");
  bad->npwp = g_strdup ("01.234.567.8-901.00012");
  bad->nik_koperasi = g_strdup ("52O3");
  bad->postcode = g_strdup ("8361");
  bad->region_code = g_strdup ("52/03");
  bad->potential = -5;
  officer->nik = g_strdup ("520301");
  officer->phone = g_strdup ("12345");
  g_ptr_array_add (bad->officers, officer);
  problems = loket_cooperative_check (bad, &today);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!has_problem (problems, LOKET_SEVERITY_ERROR, fields[i]))
      g_error ("no error on %s", fields[i]);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* An unknown region, or a Nomor Induk Koperasi of another length, is only a
   * warning. */
  g_free (good->region_code);
  good->region_code = g_strdup ("52.99");
  g_free (good->nik_koperasi);
  good->nik_koperasi = g_strdup ("123456789012345");
  problems = loket_cooperative_check (good, &today);
  g_assert_cmpuint (loket_problems_count (problems, LOKET_SEVERITY_ERROR), ==, 0);
  g_assert_true (has_problem (problems, LOKET_SEVERITY_WARNING, "region_code"));
  g_assert_true (has_problem (problems, LOKET_SEVERITY_WARNING, "nik_koperasi"));
}

static void
test_officer (void)
{
  g_autoptr(LoketCooperativeOfficer) officer = loket_cooperative_officer_new ();
  g_autoptr(LoketCooperativeOfficer) empty = loket_cooperative_officer_new ();
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  g_autoptr(GPtrArray) labelled = loket_problems_new ();
  GDate today;

  loket_test_date (&today, "2026-11-23");
  officer->name = g_strdup (" Lalu  Muhammad ");
  officer->role = g_strdup ("ketua");
  officer->nik = g_strdup ("5203011205900001");
  officer->phone = g_strdup ("0812-3456-7890");
  loket_cooperative_officer_check (officer, NULL, &today, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (officer->name, ==, "Lalu Muhammad");
  g_assert_cmpstr (officer->phone, ==, "+6281234567890");

  /* The NIK is checked as a member's is: day 99 is no birth date. */
  empty->nik = g_strdup ("5203019905900001");
  loket_cooperative_officer_check (empty, "Officer 2", &today, labelled);
  g_assert_true (has_problem (labelled, LOKET_SEVERITY_ERROR, "officer_name"));
  g_assert_true (has_problem (labelled, LOKET_SEVERITY_ERROR, "officer_role"));
  g_assert_true (has_problem (labelled, LOKET_SEVERITY_ERROR, "officer_nik"));
  for (guint i = 0; i < labelled->len; i++)
    g_assert_true (g_str_has_prefix (((LoketProblem *) g_ptr_array_index (labelled, i))->message, "Officer 2: "));
}

static void
test_coverage_ratio (void)
{
  g_autoptr(LoketCooperative) cooperative = loket_cooperative_new ();
  const struct { gint64 registered, potential, bp; } cases[] = {
    { 400, 95000, 42 },      /* the Lombok Timur seed: 0,42% */
    { 1, 3, 3333 },
    { 1, 32, 313 },          /* 312,5 rounds up */
    { 0, 10, 0 },
    { 12, 12, 10000 },
    { 5, 0, -1 },            /* nothing to divide by */
    { 5, -1, -1 },           /* potential unknown */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cooperative->registered = cases[i].registered;
      cooperative->potential = cases[i].potential;
      g_assert_cmpint (loket_cooperative_coverage_bp (cooperative), ==, cases[i].bp);
    }
}

/* ---- cooperatives in the store --------------------------------------------- */

static void
test_cooperative_store (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LoketCooperative) draft = draft_cooperative ("KDMP Sukamaju");
  g_autoptr(LoketCooperative) saved = NULL;
  g_autoptr(LoketCooperative) again = NULL;
  g_autoptr(LoketCooperative) other = NULL;
  g_autoptr(LoketCooperative) same_ahu = draft_cooperative ("Koperasi Lain");
  g_autoptr(LoketCooperative) bad = draft_cooperative ("");
  g_autoptr(LoketCooperative) changed = NULL;
  g_autoptr(LoketCooperative) updated = NULL;
  g_autoptr(LoketCooperative) missing = NULL;
  g_autoptr(LoketCooperative) refused = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketMember) budi = NULL;
  g_autofree char *link = NULL;
  LoketCooperativeOfficer *officer = loket_cooperative_officer_new ();

  draft->ahu = g_strdup ("AHU-0025673.AH.01.29.TAHUN 2025");
  officer->name = g_strdup ("Lalu Muhammad");
  officer->role = g_strdup ("ketua");
  officer->phone = g_strdup ("081234567890");
  g_ptr_array_add (draft->officers, officer);

  saved = loket_store_add_cooperative (fixture->store, draft, &fixture->today, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpuint (saved->officers->len, ==, 1);
  g_assert_cmpstr (((LoketCooperativeOfficer *) g_ptr_array_index (saved->officers, 0))->phone, ==, "+6281234567890");
  /* The caller's draft keeps what was typed. */
  g_assert_cmpstr (officer->phone, ==, "081234567890");

  again = loket_store_find_cooperative (fixture->store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, "KDMP Sukamaju");
  g_assert_cmpint (again->kind, ==, LOKET_COOPERATIVE_KDMP);
  g_assert_cmpstr (again->regency, ==, "Kabupaten Lombok Timur");
  g_assert_cmpint (again->potential, ==, 95000);
  g_assert_cmpint (again->registered, ==, 0);
  g_assert_cmpint (again->active, ==, 0);
  g_assert_false (again->inactive);
  g_assert_cmpuint (again->officers->len, ==, 1);

  /* The same AHU number is the same cooperative: a conflict, nothing written. */
  same_ahu->ahu = g_strdup ("ahu-0025673.ah.01.29.tahun 2025");
  refused = loket_store_add_cooperative (fixture->store, same_ahu, &fixture->today, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "KDMP Sukamaju"));
  g_clear_error (&error);

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_null (loket_store_add_cooperative (fixture->store, bad, &fixture->today, &problems, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (has_problem (problems, LOKET_SEVERITY_ERROR, "name"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM cooperative"), ==, 1);

  /* Registered members are those linked to it; coverage against the
   * potential follows. */
  other = add_cooperative (fixture, "Koperasi Nelayan Labuhan Haji");
  ani = loket_test_register (fixture->store, "5203015205900002", "Ani", "1990-05-12", 'P', "2026-11-02");
  budi = loket_test_register (fixture->store, "5203011205900001", "Budi", "1990-05-12", 'L', "2026-11-02");
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via) VALUES"
                          " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-11-02', 'linked'),"
                          " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-11-02', 'linked'),"
                          " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-11-02', 'linked')",
                          saved->id, ani->id, saved->id, budi->id, other->id, ani->id);
  exec_sql (fixture->path, link);

  list = loket_store_list_cooperatives (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* By name: "KDMP …" before "Koperasi …". */
  g_assert_cmpint (((LoketCooperative *) g_ptr_array_index (list, 0))->id, ==, saved->id);
  g_assert_cmpint (((LoketCooperative *) g_ptr_array_index (list, 0))->registered, ==, 2);
  g_assert_cmpint (((LoketCooperative *) g_ptr_array_index (list, 1))->registered, ==, 1);
  g_assert_cmpuint (((LoketCooperative *) g_ptr_array_index (list, 0))->officers->len, ==, 0);

  g_assert_cmpint (((LoketCooperative *) g_ptr_array_index (list, 0))->active, ==, 0);

  /* An update saves the fields and replaces the officers. */
  changed = loket_cooperative_copy (again);
  g_free (changed->name);
  changed->name = g_strdup ("KDMP Sukamaju Baru");
  changed->potential = 1000;
  changed->inactive = TRUE;
  g_ptr_array_set_size (changed->officers, 0);
  officer = loket_cooperative_officer_new ();
  officer->name = g_strdup ("Baiq Nurul");
  officer->role = g_strdup ("bendahara");
  g_ptr_array_add (changed->officers, officer);
  officer = loket_cooperative_officer_new ();
  officer->name = g_strdup ("Lalu Amir");
  officer->role = g_strdup ("sekretaris");
  g_ptr_array_add (changed->officers, officer);
  updated = loket_store_update_cooperative (fixture->store, changed, &fixture->today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->name, ==, "KDMP Sukamaju Baru");
  g_assert_true (updated->inactive);
  g_assert_cmpuint (updated->officers->len, ==, 2);
  g_assert_cmpint (updated->registered, ==, 2);
  g_assert_cmpint (loket_cooperative_coverage_bp (updated), ==, 20);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM cooperative_officer"), ==, 2);

  changed->id = 999;
  missing = loket_store_update_cooperative (fixture->store, changed, &fixture->today, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (loket_store_find_cooperative (fixture->store, 999, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
}

static void
test_officer_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoketCooperative) cooperative = add_cooperative (fixture, "KDMP Sukamaju");
  g_autoptr(LoketCooperativeOfficer) draft = loket_cooperative_officer_new ();
  g_autoptr(LoketCooperativeOfficer) saved = NULL;
  g_autoptr(LoketCooperativeOfficer) bad = loket_cooperative_officer_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup ("Lalu Muhammad");
  draft->role = g_strdup ("ketua");
  draft->nik = g_strdup ("5203011205900001");
  saved = loket_store_add_officer (fixture->store, cooperative->id, draft, &fixture->today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->id, >, 0);
  g_assert_cmpint (saved->cooperative_id, ==, cooperative->id);

  bad->name = g_strdup ("Budi");
  bad->role = g_strdup ("ketua");
  bad->phone = g_strdup ("0212345");
  g_assert_null (loket_store_add_officer (fixture->store, cooperative->id, bad, &fixture->today, &problems, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (has_problem (problems, LOKET_SEVERITY_ERROR, "officer_phone"));
  g_clear_error (&error);

  g_assert_null (loket_store_add_officer (fixture->store, 999, draft, &fixture->today, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM cooperative_officer"), ==, 1);
}

/* ---- partnership agreements ------------------------------------------------ */

static GPtrArray *
check_partnership (LoketPartnership *draft,
                   const char       *today_iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  GDate today;

  loket_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/loket/core/rates.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (loket_rate_book_load_csv (book, g_bytes_get_data (bytes, NULL), &error));
  g_assert_no_error (error);
  loket_test_date (&today, today_iso);
  return loket_partnership_check (draft, book, &today);
}

static void
test_partnership_rules (void)
{
  g_autoptr(LoketPartnership) good = draft_partnership (1, " 001/PKS/KC-SELONG/2026 ", "2026-02-01", "2027-01-31");
  g_autoptr(LoketPartnership) bad = draft_partnership (1, "", "2026-02-01", "2026-01-31");
  g_autoptr(LoketPartnership) pu = draft_partnership (1, "PKS-PU", "2026-02-01", "2027-01-31");
  g_autoptr(LoketPartnership) expired = draft_partnership (1, "PKS-OLD", "2024-01-01", "2025-12-31");
  g_autoptr(LoketPartnership) sponsor = draft_partnership (1, "PKS-CSR", "2026-02-01", "2027-01-31");
  g_autoptr(LoketPartnership) later = draft_partnership (1, "PKS-NEXT", "2026-11-01", "2027-12-31");
  g_autoptr(GPtrArray) problems = NULL;
  const char *fields[] = { "number", "signed_on", "valid_until", "programs", "base_income",
                           "payment_months", "sponsor_name", "agent" };

  problems = check_partnership (good, "2026-11-23");
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (good->number, ==, "001/PKS/KC-SELONG/2026");
  g_assert_true (loket_partnership_in_force (good, &good->valid_from));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Everything wrong at once. */
  loket_test_date (&bad->signed_on, "2026-12-01");   /* after today */
  bad->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JP;
  bad->base_income = 900000;                          /* under Rp1.000.000 */
  bad->payment_months = 2;
  bad->payer = LOKET_PAYER_COOP;
  bad->sponsor_name = g_strdup ("PT Contoh");         /* the cooperative pays */
  bad->agent_kpj = g_strdup ("52000000018");          /* check digit wrong */
  problems = check_partnership (bad, "2026-11-23");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!has_problem (problems, LOKET_SEVERITY_ERROR, fields[i]))
      g_error ("no error on %s", fields[i]);
  g_assert_true (loket_problems_has_code (problems, "valid-until-before-from"));
  g_assert_true (loket_problems_has_code (problems, "program-not-allowed"));
  g_assert_true (loket_problems_has_code (problems, "signed-on-future"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Programs per segment: a PU agreement must hold JHT. */
  pu->segment = LOKET_SEGMENT_PU;
  pu->base_income = 3000000;
  problems = check_partnership (pu, "2026-11-23");
  g_assert_true (loket_problems_has_code (problems, "program-required"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  pu->programs |= LOKET_PROGRAM_JHT;
  problems = check_partnership (pu, "2026-11-23");
  g_assert_cmpuint (loket_problems_count (problems, LOKET_SEVERITY_ERROR), ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* An agreement already over cannot be the active one, but can be
   * recorded as history. */
  problems = check_partnership (expired, "2026-11-23");
  g_assert_true (loket_problems_has_code (problems, "pks-expired"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  expired->ended = TRUE;
  problems = check_partnership (expired, "2026-11-23");
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A sponsor pays: the sponsor's name is required. */
  sponsor->payer = LOKET_PAYER_SPONSOR;
  problems = check_partnership (sponsor, "2026-11-23");
  g_assert_true (loket_problems_has_code (problems, "sponsor-name-empty"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  sponsor->sponsor_name = g_strdup ("CSR Bank NTB Syariah");
  problems = check_partnership (sponsor, "2026-11-23");
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  /* Local government may be named, or not. */
  sponsor->payer = LOKET_PAYER_PEMDA;
  problems = check_partnership (sponsor, "2026-11-23");
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Signed for later: a warning that enrolment waits for it. */
  loket_test_date (&later->signed_on, "2026-11-20");
  loket_test_date (&later->valid_from, "2026-12-01");
  problems = check_partnership (later, "2026-11-23");
  g_assert_cmpuint (loket_problems_count (problems, LOKET_SEVERITY_ERROR), ==, 0);
  g_assert_true (loket_problems_has_code (problems, "pks-not-yet-in-force"));
}

static void
test_partnership_one_active (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoketCooperative) cooperative = add_cooperative (fixture, "KDMP Sukamaju");
  g_autoptr(LoketPartnership) first_draft = draft_partnership (cooperative->id, "001/PKS/2026", "2026-01-01", "2026-12-31");
  g_autoptr(LoketPartnership) second_draft = draft_partnership (cooperative->id, "002/PKS/2026", "2026-11-01", "2027-10-31");
  g_autoptr(LoketPartnership) history_draft = draft_partnership (cooperative->id, "009/PKS/2024", "2024-01-01", "2024-12-31");
  g_autoptr(LoketPartnership) first = NULL, second = NULL, history = NULL;
  g_autoptr(LoketPartnership) replaced = NULL;
  g_autoptr(LoketPartnership) refused = NULL;
  g_autoptr(LoketPartnership) nowhere = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  first = loket_store_add_partnership (fixture->store, first_draft, &fixture->today, &replaced, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (replaced);
  g_assert_cmpint (first->id, >, 0);
  g_assert_false (first->ended);

  /* The new active PKS ends the one before, in the same write. */
  second = loket_store_add_partnership (fixture->store, second_draft, &fixture->today, &replaced, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (replaced);
  g_assert_cmpint (replaced->id, ==, first->id);
  g_assert_true (replaced->ended);
  g_assert_cmpint (count_active_partnerships (fixture, cooperative->id), ==, 1);
  g_clear_object (&replaced);

  /* History recorded as ended replaces nothing. */
  history_draft->ended = TRUE;
  history = loket_store_add_partnership (fixture->store, history_draft, &fixture->today, &replaced, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (replaced);

  list = loket_store_list_partnerships (fixture->store, cooperative->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* The latest first; only the second is active. */
  g_assert_cmpint (((LoketPartnership *) g_ptr_array_index (list, 0))->id, ==, second->id);
  g_assert_false (((LoketPartnership *) g_ptr_array_index (list, 0))->ended);
  g_assert_true (((LoketPartnership *) g_ptr_array_index (list, 1))->ended);
  g_assert_true (((LoketPartnership *) g_ptr_array_index (list, 2))->ended);
  g_assert_cmpuint (((LoketPartnership *) g_ptr_array_index (list, 0))->programs, ==,
                    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);

  /* A number already recorded is a conflict, and the active PKS stays. */
  refused = loket_store_add_partnership (fixture->store, first_draft, &fixture->today, &replaced, NULL, &error);
  g_assert_null (refused);
  g_assert_null (replaced);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_active_partnerships (fixture, cooperative->id), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT status = 'active' FROM partnership WHERE number = '002/PKS/2026'"), ==, 1);

  /* With no such cooperative: not found, nothing written. */
  g_free (first_draft->number);
  first_draft->number = g_strdup ("003/PKS/2026");
  first_draft->cooperative_id = 999;
  nowhere = loket_store_add_partnership (fixture->store, first_draft, &fixture->today, NULL, NULL, &error);
  g_assert_null (nowhere);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM partnership"), ==, 3);
}

static void
test_partnership_expiry (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LoketCooperative) cooperative = add_cooperative (fixture, "KDMP Sukamaju");
  g_autoptr(LoketCooperative) without = add_cooperative (fixture, "Koperasi Tanpa PKS");
  g_autoptr(LoketPartnership) draft = draft_partnership (cooperative->id, "001/PKS/2026", "2026-01-01", "2026-06-30");
  g_autoptr(LoketPartnership) saved = NULL;
  g_autoptr(LoketPartnership) found = NULL;
  g_autoptr(LoketCooperative) inactive = NULL;
  g_autoptr(LoketCooperative) updated = NULL;
  g_autoptr(GError) error = NULL;
  GDate recorded, day;

  /* Recorded while it was in force. */
  loket_test_date (&recorded, "2026-01-05");
  saved = loket_store_add_partnership (fixture->store, draft, &recorded, NULL, NULL, &error);
  g_assert_no_error (error);

  loket_test_date (&day, "2026-03-01");
  found = loket_store_get_active_partnership (fixture->store, cooperative->id, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, saved->id);
  g_clear_object (&found);

  loket_test_date (&day, "2026-06-30");
  found = loket_store_get_active_partnership (fixture->store, cooperative->id, &day, &error);
  g_assert_no_error (error);
  g_clear_object (&found);

  /* The day after it ends, and today: no new enrolments through it. */
  loket_test_date (&day, "2026-07-01");
  g_assert_null (loket_store_get_active_partnership (fixture->store, cooperative->id, &day, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "001/PKS/2026"));
  g_assert_nonnull (strstr (error->message, "30 Juni 2026"));
  g_clear_error (&error);
  g_assert_null (loket_store_get_active_partnership (fixture->store, cooperative->id, &fixture->today, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  /* Before it starts. */
  loket_test_date (&day, "2025-12-31");
  g_assert_null (loket_store_get_active_partnership (fixture->store, cooperative->id, &day, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 Januari 2026"));
  g_clear_error (&error);

  /* No PKS at all; no cooperative at all. */
  g_assert_null (loket_store_get_active_partnership (fixture->store, without->id, &fixture->today, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (loket_store_get_active_partnership (fixture->store, 999, &fixture->today, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An inactive cooperative enrols nobody, even within its PKS. */
  inactive = loket_store_find_cooperative (fixture->store, cooperative->id, &error);
  inactive->inactive = TRUE;
  updated = loket_store_update_cooperative (fixture->store, inactive, &fixture->today, NULL, &error);
  g_assert_no_error (error);
  loket_test_date (&day, "2026-03-01");
  g_assert_null (loket_store_get_active_partnership (fixture->store, cooperative->id, &day, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
}

/* ---- agents ------------------------------------------------------------------ */

static LoketAgent *
appoint (Fixture    *fixture,
         const char *kpj,
         gint64      cooperative_id,
         GError    **error)
{
  g_autoptr(LoketAgent) draft = loket_agent_new ();

  draft->kpj = g_strdup (kpj);
  draft->kantor_perisai = g_strdup ("Kantor Perisai Selong");
  if (cooperative_id != 0)
    g_array_append_val (draft->cooperative_ids, cooperative_id);
  return loket_store_add_agent (fixture->store, draft, &fixture->today, NULL, error);
}

static void
test_agents (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoketCooperative) cooperative = add_cooperative (fixture, "KDMP Sukamaju");
  g_autoptr(LoketMember) ani = loket_test_register (fixture->store, "5203015205900002", "Ani", "1990-05-12", 'P', "2026-01-02");
  g_autoptr(LoketMember) wage = NULL;
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011205900001", "Budi", "1990-05-12", 'L');
  g_autoptr(LoketAgent) agent = NULL;
  g_autoptr(LoketAgent) found = NULL;
  g_autoptr(LoketAgent) refused = NULL;
  g_autoptr(LoketAgent) early = loket_agent_new ();
  g_autoptr(LoketPartnership) pks_draft = draft_partnership (cooperative->id, "001/PKS/2026", "2026-01-01", "2026-12-31");
  g_autoptr(LoketPartnership) pks = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;

  /* A wage earner cannot be an Agen Perisai. */
  draft->segment = LOKET_SEGMENT_PU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT;
  draft->risk_class = 1;
  draft->income = 3000000;
  wage = loket_store_register_member (fixture->store, draft, &fixture->today, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  refused = appoint (fixture, wage->kpj, 0, &error);
  g_assert_null (refused);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "BPU"));
  g_clear_error (&error);

  /* Nobody holds the number; a malformed number is input rejected. */
  g_assert_null (appoint (fixture, "52000099992", 0, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (appoint (fixture, "52000099995", 0, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A cooperative that does not exist: nothing written. */
  g_assert_null (appoint (fixture, ani->kpj, 999, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Appointed before they were a member. */
  early->kpj = g_strdup (ani->kpj);
  loket_test_date (&early->appointed_on, "2025-12-01");
  g_assert_null (loket_store_add_agent (fixture->store, early, &fixture->today, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM agent"), ==, 0);

  agent = appoint (fixture, ani->kpj, cooperative->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (agent->id, >, 0);
  g_assert_cmpint (agent->member_id, ==, ani->id);
  g_assert_cmpstr (agent->name, ==, "Ani");
  g_assert_cmpint (g_date_compare (&agent->appointed_on, &fixture->today), ==, 0);

  /* Twice is a conflict. */
  g_assert_null (appoint (fixture, ani->kpj, 0, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_clear_error (&error);

  found = loket_store_find_agent_by_kpj (fixture->store, ani->kpj, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, agent->id);
  g_assert_cmpstr (found->kantor_perisai, ==, "Kantor Perisai Selong");
  g_assert_cmpuint (found->cooperative_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (found->cooperative_ids, gint64, 0), ==, cooperative->id);
  g_assert_null (loket_store_find_agent_by_kpj (fixture->store, wage->kpj, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  agents = loket_store_list_agents (fixture->store, cooperative->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agents->len, ==, 1);
  g_clear_pointer (&agents, g_ptr_array_unref);

  /* A PKS names its agent by KPJ; someone who is not one is refused. */
  pks_draft->agent_kpj = g_strdup (wage->kpj);
  g_assert_null (loket_store_add_partnership (fixture->store, pks_draft, &fixture->today, NULL, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (pks_draft->agent_kpj);
  pks_draft->agent_kpj = g_strdup (ani->kpj);
  pks = loket_store_add_partnership (fixture->store, pks_draft, &fixture->today, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pks->agent_id, ==, agent->id);
  g_assert_cmpstr (pks->agent_name, ==, "Ani");
}

/* Registers `count` members on `day` with serials from `first_serial`, and
 * records them as brought by the agent (0: by nobody). */
static void
bring_members (Fixture    *fixture,
               gint64      agent_id,
               const char *day,
               guint       first_serial,
               guint       count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *nik = g_strdup_printf ("520301120590%04u", first_serial + i);
      g_autoptr(LoketMember) member = loket_test_register (fixture->store, nik, "Anggota", "1990-05-12", 'L', day);

      if (agent_id != 0)
        {
          g_autofree char *sql = g_strdup_printf ("UPDATE member SET agent_id = %" G_GINT64_FORMAT
                                                  " WHERE id = %" G_GINT64_FORMAT, agent_id, member->id);
          exec_sql (fixture->path, sql);
        }
    }
}

static void
assert_incentive (Fixture    *fixture,
                  const char *kpj,
                  const char *month_iso,
                  gint64      new_members,
                  gint64      amount)
{
  g_autoptr(GError) error = NULL;
  LoketAgentIncentive incentive;
  GDate month;

  loket_test_date (&month, month_iso);
  g_assert_true (loket_store_compute_agent_incentive (fixture->store, kpj, &month, &incentive, &error));
  g_assert_no_error (error);
  g_assert_cmpint (incentive.new_members, ==, new_members);
  g_assert_cmpint (incentive.threshold, ==, 25);
  g_assert_cmpint (incentive.per_member, ==, 10000);
  g_assert_cmpint (incentive.new_member_incentive, ==, amount);
  /* Nobody these agents brought has paid yet. */
  g_assert_true (incentive.contributions_recorded);
  g_assert_cmpint (incentive.contribution_share, ==, 0);
  g_assert_cmpint (incentive.share_first_bp, ==, 1500);
  g_assert_cmpint (incentive.share_later_bp, ==, 500);
  g_assert_cmpint (incentive.total, ==, amount);
  g_assert_cmpint (g_date_get_day (&incentive.month), ==, 1);
}

static void
test_incentive_threshold (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LoketMember) ani = loket_test_register (fixture->store, "5203015205900002", "Ani", "1990-05-12", 'P', "2026-01-02");
  g_autoptr(LoketMember) dewi = loket_test_register (fixture->store, "5203015305900003", "Dewi", "1990-05-13", 'P', "2026-01-02");
  g_autoptr(LoketAgent) agent = NULL;
  g_autoptr(LoketAgent) other = NULL;
  g_autoptr(LoketMember) eko = NULL;
  g_autoptr(GError) error = NULL;
  LoketAgentIncentive incentive;
  GDate month;

  agent = appoint (fixture, ani->kpj, 0, &error);
  g_assert_no_error (error);
  other = appoint (fixture, dewi->kpj, 0, &error);
  g_assert_no_error (error);

  /* November: 24 by Ani, 30 by Dewi, 5 by nobody; October: 30 by Ani. */
  bring_members (fixture, agent->id, "2026-11-01", 1, 12);
  bring_members (fixture, agent->id, "2026-11-30", 13, 12);
  bring_members (fixture, other->id, "2026-11-15", 101, 30);
  bring_members (fixture, 0, "2026-11-15", 201, 5);
  bring_members (fixture, agent->id, "2026-10-31", 301, 30);

  assert_incentive (fixture, ani->kpj, "2026-11-23", 24, 0);
  assert_incentive (fixture, dewi->kpj, "2026-11-01", 30, 300000);
  /* October's members count for October only. */
  assert_incentive (fixture, ani->kpj, "2026-10-05", 30, 300000);
  assert_incentive (fixture, ani->kpj, "2026-12-01", 0, 0);

  /* The 25th member of the month: every one of them is paid for. */
  bring_members (fixture, agent->id, "2026-11-23", 25, 1);
  assert_incentive (fixture, ani->kpj, "2026-11-23", 25, 250000);

  /* Not an agent; nobody's number. */
  eko = loket_test_register (fixture->store, "5203011405900004", "Eko", "1990-05-14", 'L', "2026-01-02");
  loket_test_date (&month, "2026-11-01");
  g_assert_false (loket_store_compute_agent_incentive (fixture->store, eko->kpj, &month, &incentive, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (loket_store_compute_agent_incentive (fixture->store, "52000099995", &month, &incentive, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
}

/* The share of contributions: 15% of what the agent's members paid in the
 * month for their first 24 months of membership, 5% up to month 60; a
 * reversed receipt counts for nothing. */
static void
test_incentive_contribution_share (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LoketMember) ani = loket_test_register (fixture->store, "5203015205900002", "Ani", "1990-05-12", 'P', "2024-01-02");
  g_autoptr(LoketMember) budi = NULL;
  g_autoptr(LoketMember) citra = NULL;
  g_autoptr(LoketAgent) agent = NULL;
  g_autoptr(LoketReceipt) first_months = NULL;
  g_autoptr(LoketReceipt) later_months = NULL;
  g_autoptr(LoketReceipt) reversed = NULL;
  g_autoptr(LoketReceipt) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  LoketAgentIncentive incentive;
  LoketPaymentRequest request;
  GDate today, month;

  agent = appoint (fixture, ani->kpj, 0, &error);
  g_assert_no_error (error);
  /* Budi joined in November 2026: his months are his 1st to 3rd. Citra
   * joined in December 2024: November 2026 is her 24th month, December
   * her 25th. */
  budi = loket_test_register (fixture->store, "5203011708850001", "Budi", "1985-08-17", 'L', "2026-11-02");
  citra = loket_test_register (fixture->store, "5203014407920004", "Citra", "1992-07-04", 'P', "2024-12-02");
  sql = g_strdup_printf ("UPDATE member SET agent_id = %" G_GINT64_FORMAT " WHERE id IN (%" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ")", agent->id, budi->id, citra->id);
  exec_sql (fixture->path, sql);

  loket_test_date (&today, "2026-11-23");
  loket_payment_request_init (&request);
  request.channel = LOKET_CHANNEL_COUNTER;
  request.clerk = "Sri";
  request.months = 3;
  first_months = loket_store_pay (fixture->store, budi->kpj, &request, &today, &error);
  g_assert_no_error (error);
  /* Citra: November (month 24, at 15%) and December (month 25, at 5%). */
  loket_test_date (&request.from, "2026-11-01");
  request.months = 1;
  later_months = loket_store_pay (fixture->store, citra->kpj, &request, &today, &error);
  g_assert_no_error (error);
  loket_test_date (&request.from, "2026-12-01");
  reversed = loket_store_pay (fixture->store, citra->kpj, &request, &today, &error);
  g_assert_no_error (error);
  undone = loket_store_reverse_receipt (fixture->store, reversed->number, "salah bulan", "Made", &today, &error);
  g_assert_no_error (error);
  g_clear_object (&reversed);
  reversed = loket_store_pay (fixture->store, citra->kpj, &request, &today, &error);
  g_assert_no_error (error);

  loket_test_date (&month, "2026-11-01");
  g_assert_true (loket_store_compute_agent_incentive (fixture->store, ani->kpj, &month, &incentive, &error));
  g_assert_no_error (error);
  g_assert_true (incentive.contributions_recorded);
  g_assert_cmpint (incentive.collected_first, ==, 3 * 16800 + 16800);
  g_assert_cmpint (incentive.collected_later, ==, 16800);
  g_assert_cmpint (incentive.contribution_share, ==, 10080 + 840);
  g_assert_cmpint (incentive.total, ==, 10080 + 840);

  /* December took nothing yet. */
  loket_test_date (&month, "2026-12-01");
  g_assert_true (loket_store_compute_agent_incentive (fixture->store, ani->kpj, &month, &incentive, &error));
  g_assert_cmpint (incentive.collected_first + incentive.collected_later, ==, 0);
}

/* The rule itself, over a hand-made book: dated amounts, contribution
 * shares once payments exist, and a missing row. */
static void
test_incentive_rule (void)
{
  g_autoptr(LoketRateBook) book = loket_rate_book_new ();
  g_autoptr(GError) error = NULL;
  LoketAgentIncentive incentive = { 0 };
  GDate from, raised;

  loket_test_date (&from, "2022-01-01");
  loket_test_date (&raised, "2027-01-01");
  loket_rate_book_add (book, LOKET_RATE_AGENT_PER_MEMBER, &from, 10000);
  loket_rate_book_add (book, LOKET_RATE_AGENT_PER_MEMBER, &raised, 12500);
  loket_rate_book_add (book, LOKET_RATE_AGENT_THRESHOLD, &from, 25);
  loket_rate_book_add (book, LOKET_RATE_AGENT_FIRST_BP, &from, 1500);
  loket_rate_book_add (book, LOKET_RATE_AGENT_FIRST_MONTHS, &from, 24);
  loket_rate_book_add (book, LOKET_RATE_AGENT_LATER_BP, &from, 500);

  /* The later-months row is missing: the error names it. */
  loket_test_date (&incentive.month, "2026-11-15");
  g_assert_false (loket_agent_incentive_compute (book, &incentive, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_RATE_MISSING);
  g_assert_nonnull (strstr (error->message, LOKET_RATE_AGENT_LATER_MONTHS));
  g_clear_error (&error);
  loket_rate_book_add (book, LOKET_RATE_AGENT_LATER_MONTHS, &from, 60);

  incentive.new_members = 25;
  incentive.contributions_recorded = TRUE;
  incentive.collected_first = 168000;  /* 15%: Rp25.200 */
  incentive.collected_later = 16801;   /* 5%: Rp840,05 → Rp840 */
  g_assert_true (loket_agent_incentive_compute (book, &incentive, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_day (&incentive.month), ==, 1);
  g_assert_cmpint (incentive.new_member_incentive, ==, 250000);
  g_assert_cmpint (incentive.contribution_share, ==, 25200 + 840);
  g_assert_cmpint (incentive.total, ==, 250000 + 25200 + 840);

  /* The month's own rate: January 2027 pays the raised amount. */
  loket_test_date (&incentive.month, "2027-01-31");
  incentive.contributions_recorded = FALSE;
  g_assert_true (loket_agent_incentive_compute (book, &incentive, &error));
  g_assert_cmpint (incentive.per_member, ==, 12500);
  g_assert_cmpint (incentive.new_member_incentive, ==, 25 * 12500);
  g_assert_cmpint (incentive.contribution_share, ==, 0);

  incentive.new_members = 24;
  g_assert_true (loket_agent_incentive_compute (book, &incentive, &error));
  g_assert_cmpint (incentive.new_member_incentive, ==, 0);
  g_assert_cmpint (incentive.total, ==, 0);
}

/* ---- the rates' way into older databases ------------------------------------ */

static gboolean
collect_agent_row (const LoketRateRow  *row,
                   gpointer             user_data,
                   GError             **error)
{
  if (row->item == NULL && g_str_has_prefix (row->key, "agent."))
    {
      g_autofree char *from = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (row->effective_from),
                                               g_date_get_month (row->effective_from),
                                               g_date_get_day (row->effective_from));
      g_ptr_array_add (user_data, g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT "|%s|%s", row->key, from,
                                                   row->value, row->source, row->note));
    }
  return TRUE;
}

static GPtrArray *
agent_rows_in_database (const char *path)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT key || '|' || effective_from || '|' || value || '|' || source || '|' || note"
    " FROM rate WHERE key LIKE 'agent.%' ORDER BY key", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A new database left at schema 4, as Loket made them before issue 4's
 * incentive rates; returns its path. */
static char *
open_schema_4 (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  char *path = g_build_filename (folder, "loket.db", NULL);
  g_autoptr(GError) error = NULL;
  LoketStore *store = loket_store_open_at_version (path, 4, &error);

  g_assert_no_error (error);
  g_assert_cmpint (loket_store_get_schema_version (store), ==, 4);
  g_assert_finalize_object (store);
  return path;
}

static void
test_rates_reach_old_databases (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) shipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) upgraded = NULL;
  LoketStore *store;

  loket_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/loket/core/rates.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (loket_rates_parse_csv (g_bytes_get_data (bytes, NULL), collect_agent_row, shipped, &error));
  g_assert_cmpuint (shipped->len, ==, 6);
  g_ptr_array_sort (shipped, compare_strings);

  store = loket_test_open_store (&path);
  g_assert_cmpint (loket_store_get_schema_version (store), ==, LOKET_STORE_SCHEMA_VERSION);
  g_assert_finalize_object (store);
  fresh = agent_rows_in_database (path);
  g_ptr_array_sort (fresh, compare_strings);

  /* A database of schema 4, made before rates.csv had the rows. */
  g_free (path);
  path = open_schema_4 ();
  exec_sql (path, "DELETE FROM rate WHERE key LIKE 'agent.%';");
  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  upgraded = agent_rows_in_database (path);
  g_ptr_array_sort (upgraded, compare_strings);

  g_assert_cmpuint (fresh->len, ==, shipped->len);
  g_assert_cmpuint (upgraded->len, ==, shipped->len);
  for (guint i = 0; i < shipped->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (fresh, i), ==, g_ptr_array_index (shipped, i));
      g_assert_cmpstr (g_ptr_array_index (upgraded, i), ==, g_ptr_array_index (shipped, i));
    }

  /* A supervisor's own row for the same key and date is kept. */
  g_free (path);
  path = open_schema_4 ();
  exec_sql (path, "UPDATE rate SET value = 20000 WHERE key = 'agent.incentive.per_member';");
  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpint (query_int (path, "SELECT value FROM rate WHERE key = 'agent.incentive.per_member'"), ==, 20000);
}

/* Active are the members paid through this month: Citra, once she pays
 * three months from this one. Her registration and payment are dated today,
 * whatever today is, since "active" is today's. */
static void
test_cooperative_active (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LoketCooperative) saved = add_cooperative (fixture, "KDMP Sukamaju");
  g_autoptr(LoketMember) citra = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketCooperative) before = NULL;
  g_autoptr(LoketCooperative) counted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  g_autofree char *today_text = NULL;
  LoketPaymentRequest request;
  GDate today;

  loket_date_set_today (&today);
  today_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today));
  citra = loket_test_register (fixture->store, "5203014407920004", "Citra", "1992-07-04", 'P', today_text);
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', 'linked')",
                          saved->id, citra->id, today_text);
  exec_sql (fixture->path, link);
  before = loket_store_find_cooperative (fixture->store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->registered, ==, 1);
  g_assert_cmpint (before->active, ==, 0);

  loket_payment_request_init (&request);
  request.months = 3;
  request.channel = LOKET_CHANNEL_COUNTER;
  request.clerk = "Sri";
  receipt = loket_store_pay (fixture->store, citra->kpj, &request, &today, &error);
  g_assert_no_error (error);
  counted = loket_store_find_cooperative (fixture->store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counted->registered, ==, 1);
  g_assert_cmpint (counted->active, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cooperative/ahu-format", test_ahu_format);
  g_test_add_func ("/cooperative/fields", test_cooperative_fields);
  g_test_add_func ("/cooperative/officer", test_officer);
  g_test_add_func ("/cooperative/coverage-ratio", test_coverage_ratio);
  g_test_add_func ("/cooperative/partnership-rules", test_partnership_rules);
  g_test_add_func ("/cooperative/incentive-rule", test_incentive_rule);
  g_test_add_func ("/cooperative/rates-reach-old-databases", test_rates_reach_old_databases);
#define ADD(path, func) \
  g_test_add ("/cooperative/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("store", test_cooperative_store);
  ADD ("active", test_cooperative_active);
  ADD ("officer-store", test_officer_store);
  ADD ("partnership-one-active", test_partnership_one_active);
  ADD ("partnership-expiry", test_partnership_expiry);
  ADD ("agents", test_agents);
  ADD ("incentive-threshold", test_incentive_threshold);
  ADD ("incentive-contribution-share", test_incentive_contribution_share);
#undef ADD
  return g_test_run ();
}
