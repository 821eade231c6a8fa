/* test-import.c: a cooperative's member list enrolled in one step: column
 * matching, reading the rows, the dry run, the one-transaction commit, its
 * idempotence, an interrupted commit, and the rejects. The fixture files
 * are made here: CSV text, and XLSX through libxlsxwriter. */
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "loket-error.h"
#include "loket-i18n.h"
#include "loket-import.h"
#include "loket-kpj.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

#define TODAY "2026-11-23"
#define HEADER "No;NIK;Nama;Tgl Lahir;JK;No HP;Alamat;RT;RW;Desa;Kecamatan;Pekerjaan;Keterangan\n"

typedef struct {
  LoketStore       *store;
  char             *path;
  GDate             today;
  LoketImportTerms  terms;
} Fixture;

static gint64
query_int (LoketStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (LoketStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Cooperative 1 with an active PKS and an agent; cooperative 2 whose PKS
 * expired; cooperative 3 whose PKS ended. The record API is another
 * part's; plain SQL is enough here. */
static void
add_cooperatives (LoketStore *store)
{
  g_autoptr(LoketMember) agent = loket_test_register (store, "5203014107850003", "Baiq Rahmawati",
                                                      "1985-07-01", 'P', "2026-01-02");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "INSERT INTO cooperative (id, name, name_key, kind, status, created_at, updated_at) VALUES"
    " (1, 'KDMP Sakra', 'kdmp sakra', 'kdmp', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " (2, 'KDMP Lenek', 'kdmp lenek', 'kdmp', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " (3, 'KKMP Selong', 'kkmp selong', 'kkmp', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO agent (id, member_id, kantor_perisai, appointed_on) VALUES (1, %" G_GINT64_FORMAT ", 'Perisai Selong', '2026-01-02');"
    "INSERT INTO partnership (id, cooperative_id, number, signed_on, valid_from, valid_until, segment,"
    " programs, base_income, payment_months, payer, agent_id, status, created_at) VALUES"
    " (1, 1, 'PKS/001/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1, 'members', 1, 'active', '2026-01-05T00:00:00Z'),"
    " (2, 2, 'PKS/002/2025', '2025-01-05', '2025-01-05', '2026-06-30', 'bpu', 'jkk,jkm', 1000000, 1, 'members', NULL, 'active', '2025-01-05T00:00:00Z'),"
    " (3, 3, 'PKS/003/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1, 'coop', NULL, 'ended', '2026-01-05T00:00:00Z');",
    agent->id);
  g_assert_true (loket_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
terms_init (LoketImportTerms *terms)
{
  terms->segment = LOKET_SEGMENT_BPU;
  terms->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  terms->base_income = 1000000;
  terms->partnership_id = 1;
  terms->agent_id = 1;
  terms->cooperative_id = 1;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (&fixture->path);
  loket_test_date (&fixture->today, TODAY);
  loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error);
  g_assert_no_error (error);
  add_cooperatives (fixture->store);
  terms_init (&fixture->terms);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

/* A NIK of district 52.03.01 for that birth date and sex. */
static char *
make_nik (int  day,
          int  month,
          int  year,
          char sex,
          int  serial)
{
  return g_strdup_printf ("520301%02d%02d%02d%04d", day + (sex == 'P' ? 40 : 0), month,
                          year % 100, serial);
}

static LoketSheet *
sheet_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  LoketSheet *sheet = loket_sheet_read_bytes (bytes, "anggota.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static LoketImportReport *
check_sheet (Fixture    *fixture,
             LoketSheet *sheet)
{
  g_autoptr(GError) error = NULL;
  LoketImportReport *report = loket_import_check (fixture->store, sheet, &fixture->terms,
                                                  &fixture->today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static LoketImportReport *
check_text (Fixture    *fixture,
            const char *text)
{
  g_autoptr(LoketSheet) sheet = sheet_from_text (text);

  return check_sheet (fixture, sheet);
}

/* The index of the report row shown as row `number` in Excel. */
static guint
row_index (LoketImportReport *report,
           guint              number)
{
  for (guint i = 0; i < loket_import_report_get_n_rows (report); i++)
    if (loket_import_report_get_row_number (report, i) == number)
      return i;
  g_error ("no report row %u", number);
  return 0;
}

static LoketImportStatus
status_of (LoketImportReport *report,
           guint              number)
{
  return loket_import_report_get_status (report, row_index (report, number));
}

static LoketMember *
member_of (LoketImportReport *report,
           guint              number)
{
  return loket_import_report_get_member (report, row_index (report, number));
}

static const LoketProblem *
problem_of (LoketImportReport *report,
            guint              number,
            const char        *code)
{
  GPtrArray *problems = loket_import_report_get_problems (report, row_index (report, number));

  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->code, code) == 0)
        return problem;
    }
  return NULL;
}

static void
assert_problem (LoketImportReport *report,
                guint              number,
                const char        *code)
{
  if (problem_of (report, number, code) == NULL)
    {
      GPtrArray *problems = loket_import_report_get_problems (report, row_index (report, number));
      GString *found = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (found, " %s", ((LoketProblem *) g_ptr_array_index (problems, i))->code);
      g_error ("row %u: no problem %s; found:%s", number, code, found->str);
    }
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  GDate expected;

  loket_test_date (&expected, iso);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_compare (date, &expected), ==, 0);
}

/* ---- columns ------------------------------------------------------------ */

static void
test_header_names (void)
{
  static const struct {
    const char *header;
    int         field;
  } cases[] = {
    { "NIK", LOKET_IMPORT_FIELD_NIK },
    { " nik ", LOKET_IMPORT_FIELD_NIK },
    { "No KTP", LOKET_IMPORT_FIELD_NIK },
    { "No. KTP", LOKET_IMPORT_FIELD_NIK },
    { "NO.KTP", LOKET_IMPORT_FIELD_NIK },
    { "Nomor KTP", LOKET_IMPORT_FIELD_NIK },
    { "NIK KTP", LOKET_IMPORT_FIELD_NIK },
    { "Nomor Induk Kependudukan", LOKET_IMPORT_FIELD_NIK },
    { "NIK (16 digit)", LOKET_IMPORT_FIELD_NIK },
    { "Nama", LOKET_IMPORT_FIELD_NAME },
    { "NAMA LENGKAP", LOKET_IMPORT_FIELD_NAME },
    { "Nama Anggota", LOKET_IMPORT_FIELD_NAME },
    { "Name", LOKET_IMPORT_FIELD_NAME },
    { "Full Name", LOKET_IMPORT_FIELD_NAME },
    { "Tgl Lahir", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "Tgl. Lahir", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "Tanggal Lahir", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "Tanggal Lahir (dd/mm/yyyy)", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "Birth Date", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "Date of Birth", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "DOB", LOKET_IMPORT_FIELD_BIRTH_DATE },
    { "TTL", -1 },
    { "Tempat, Tanggal Lahir", -1 },
    { "JK", LOKET_IMPORT_FIELD_SEX },
    { "L/P", LOKET_IMPORT_FIELD_SEX },
    { "Jenis Kelamin", LOKET_IMPORT_FIELD_SEX },
    { "Kelamin", LOKET_IMPORT_FIELD_SEX },
    { "Sex", LOKET_IMPORT_FIELD_SEX },
    { "Gender", LOKET_IMPORT_FIELD_SEX },
    { "No HP", LOKET_IMPORT_FIELD_PHONE },
    { "HP", LOKET_IMPORT_FIELD_PHONE },
    { "No. HP", LOKET_IMPORT_FIELD_PHONE },
    { "Telepon", LOKET_IMPORT_FIELD_PHONE },
    { "No Telp", LOKET_IMPORT_FIELD_PHONE },
    { "WA", LOKET_IMPORT_FIELD_PHONE },
    { "No HP/WA", LOKET_IMPORT_FIELD_PHONE },
    { "Phone", LOKET_IMPORT_FIELD_PHONE },
    { "Alamat", LOKET_IMPORT_FIELD_STREET },
    { "Address", LOKET_IMPORT_FIELD_STREET },
    { "RT", LOKET_IMPORT_FIELD_RT },
    { "RW", LOKET_IMPORT_FIELD_RW },
    { "RT/RW", LOKET_IMPORT_FIELD_RT_RW },
    { "Desa/Kelurahan", LOKET_IMPORT_FIELD_VILLAGE },
    { "Kelurahan", LOKET_IMPORT_FIELD_VILLAGE },
    { "Desa", LOKET_IMPORT_FIELD_VILLAGE },
    { "Kecamatan", LOKET_IMPORT_FIELD_DISTRICT },
    { "Kabupaten/Kota", LOKET_IMPORT_FIELD_REGENCY },
    { "Provinsi", LOKET_IMPORT_FIELD_PROVINCE },
    { "Kode Pos", LOKET_IMPORT_FIELD_POSTCODE },
    { "Pekerjaan", LOKET_IMPORT_FIELD_OCCUPATION },
    { "Pékerjaan", LOKET_IMPORT_FIELD_OCCUPATION },
    { "Occupation", LOKET_IMPORT_FIELD_OCCUPATION },
    { "Profesi", LOKET_IMPORT_FIELD_OCCUPATION },
    { "Penghasilan", LOKET_IMPORT_FIELD_INCOME },
    { "Penghasilan (Rp)", LOKET_IMPORT_FIELD_INCOME },
    { "Gaji", LOKET_IMPORT_FIELD_INCOME },
    { "Income", LOKET_IMPORT_FIELD_INCOME },
    { "Kode Wilayah", LOKET_IMPORT_FIELD_REGION_CODE },
    { "No", -1 },
    { "Keterangan", -1 },
    { "Nama Ibu Kandung", -1 },
    { "Tempat Lahir", -1 },
    { "", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int field = loket_import_match_header (cases[i].header);

      if (field != cases[i].field)
        g_error ("“%s”: field %d, expected %d", cases[i].header, field, cases[i].field);
    }
}

/* English headers, in another order, with a title above the header and a
 * column the importer does not read. */
static void
test_english_header (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *nik = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf (
    "MEMBER LIST, KOPERASI SAKRA,,,,\n"
    ",,,,,\n"
    "Full Name,Gender,Date of Birth,Remarks,NIK,Phone\n"
    "Hamzan Wadi,M,12/05/1990,ketua,%s,0812-3456-7890\n", nik);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  LoketMember *member;

  g_assert_cmpuint (loket_import_report_get_header_row (report), ==, 3);
  g_assert_cmpstr (loket_import_report_get_column (report, LOKET_IMPORT_FIELD_NAME), ==, "Full Name");
  g_assert_cmpstr (loket_import_report_get_column (report, LOKET_IMPORT_FIELD_BIRTH_DATE), ==, "Date of Birth");
  g_assert_cmpuint (loket_import_report_get_file_problems (report)->len, ==, 0);
  g_assert_cmpstr (loket_import_report_get_column (report, LOKET_IMPORT_FIELD_NIK), ==, "NIK");
  g_assert_null (loket_import_report_get_column (report, LOKET_IMPORT_FIELD_INCOME));
  g_assert_cmpuint (loket_import_report_get_n_rows (report), ==, 1);
  g_assert_cmpint (status_of (report, 4), ==, LOKET_IMPORT_TO_REGISTER);
  member = member_of (report, 4);
  g_assert_cmpstr (member->nik, ==, nik);
  g_assert_cmpstr (member->name, ==, "Hamzan Wadi");
  g_assert_cmpint (member->sex, ==, 'L');
  g_assert_cmpstr (member->phone, ==, "+6281234567890");
  g_assert_cmpint (member->income, ==, 1000000);
  g_assert_cmpint (member->segment, ==, LOKET_SEGMENT_BPU);
  g_assert_cmpuint (member->programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);
  assert_date (&member->birth_date, "1990-05-12");
}

static void
test_no_nik_column (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoketSheet) sheet = sheet_from_text ("No;Nama Anggota;Alamat\n1;Hamzan Wadi;Sakra\n");
  g_autoptr(LoketSheet) no_name = sheet_from_text ("No;NIK;Alamat\n1;5203011205900001;Sakra\n");
  g_autoptr(LoketSheet) neither = sheet_from_text ("Daftar;Anggota\nHamzan;Sakra\n");
  g_autoptr(LoketSheet) blank = sheet_from_text (";;\n ; ;\n");
  g_autoptr(LoketSheet) header_only = sheet_from_text ("NIK;Nama\n;;\n");
  g_autoptr(GError) error = NULL;
  LoketImportReport *report;
  gint64 before = loket_store_count_members (fixture->store, NULL);

  report = loket_import_check (fixture->store, sheet, &fixture->terms, &fixture->today, &error);
  g_assert_null (report);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NIK"));
  g_assert_nonnull (strstr (error->message, "“Nama Anggota”"));
  g_assert_nonnull (strstr (error->message, "“Alamat”"));
  g_clear_error (&error);

  report = loket_import_check (fixture->store, no_name, &fixture->terms, &fixture->today, &error);
  g_assert_null (report);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nama"));
  g_clear_error (&error);

  report = loket_import_check (fixture->store, neither, &fixture->terms, &fixture->today, &error);
  g_assert_null (report);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Daftar”, “Anggota”"));
  g_clear_error (&error);

  {
    g_autoptr(LoketSheet) long_title = sheet_from_text (
      "Daftar;Nama Anggota Koperasi Desa Merah Putih Sakra Timur Lombok\n1;2\n");

    report = loket_import_check (fixture->store, long_title, &fixture->terms, &fixture->today, &error);
    g_assert_null (report);
    g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“Nama Anggota Koperasi Desa Merah Putih S…”"));
    g_clear_error (&error);
  }

  report = loket_import_check (fixture->store, blank, &fixture->terms, &fixture->today, &error);
  g_assert_null (report);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  report = loket_import_check (fixture->store, header_only, &fixture->terms, &fixture->today, &error);
  g_assert_null (report);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before);
}

/* A block of details above the list, one of them a name: the header is
 * the row with both the NIK and the name. */
static void
test_details_above (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *nik = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf ("Nama;KDMP Sakra\nAlamat;Sakra\n\n"
                                           "No;NIK;Nama;Tgl Lahir;JK\n1;%s;Hamzan Wadi;12/05/1990;L\n", nik);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);

  g_assert_cmpuint (loket_import_report_get_header_row (report), ==, 4);
  g_assert_cmpuint (loket_import_report_get_n_rows (report), ==, 1);
  g_assert_cmpint (status_of (report, 5), ==, LOKET_IMPORT_TO_REGISTER);
}

/* "TTL" is place and date of birth in one cell: not read as a date, and
 * the report says so. */
static void
test_ttl_only (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *nik = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf ("NIK;Nama;TTL;JK\n%s;Hamzan Wadi;Selong, 12-05-1990;L\n", nik);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  GPtrArray *file_problems = loket_import_report_get_file_problems (report);
  const LoketProblem *problem;

  g_assert_cmpuint (file_problems->len, ==, 1);
  problem = g_ptr_array_index (file_problems, 0);
  g_assert_cmpstr (problem->code, ==, "birth-date-ttl");
  g_assert_nonnull (strstr (problem->message, "“TTL”"));
  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, 2, "column-missing");
  g_assert_null (problem_of (report, 2, "birth-date-empty"));
}

/* ---- reading rows ------------------------------------------------------- */

static void
test_date_forms (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *n1 = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *n2 = make_nik (12, 5, 1990, 'L', 2);
  g_autofree char *n3 = make_nik (12, 5, 1990, 'L', 3);
  g_autofree char *n4 = make_nik (12, 5, 1990, 'L', 4);
  g_autofree char *n5 = make_nik (12, 5, 1990, 'L', 5);
  g_autofree char *n6 = make_nik (12, 5, 1990, 'L', 6);
  g_autofree char *n7 = make_nik (12, 5, 1990, 'L', 7);
  g_autofree char *n8 = make_nik (12, 5, 1990, 'L', 8);
  g_autofree char *n9 = make_nik (12, 5, 1990, 'L', 9);
  g_autofree char *n10 = make_nik (12, 5, 1990, 'L', 10);
  g_autofree char *n11 = make_nik (12, 5, 1990, 'L', 11);
  g_autofree char *text = g_strdup_printf (
    "NIK;Nama;Tanggal Lahir;L/P\n"
    "%s;Satu;12/05/1990;L\n"
    "%s;Dua;12-05-1990;L\n"
    "%s;Tiga;1990-05-12;L\n"
    "%s;Empat;12.5.1990;L\n"
    "%s;Lima;33005;L\n"
    "%s;Enam;12 Mei 1990;L\n"
    "%s;Tujuh;1990-05-12 00:00:00;L\n"
    "%s;Delapan;31/02/1990;L\n"
    "%s;Sembilan;12/05/90;L\n"
    "%s;Sepuluh;kemarin;L\n"
    "%s;Sebelas;;L\n",
    n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);

  for (guint row = 2; row <= 8; row++)
    {
      g_assert_cmpint (status_of (report, row), ==, LOKET_IMPORT_TO_REGISTER);
      assert_date (&member_of (report, row)->birth_date, "1990-05-12");
    }
  for (guint row = 9; row <= 11; row++)
    {
      g_assert_cmpint (status_of (report, row), ==, LOKET_IMPORT_REJECTED);
      assert_problem (report, row, "birth-date-format");
      /* The column is named as the file names it. */
      g_assert_nonnull (strstr (problem_of (report, row, "birth-date-format")->message, "Tanggal Lahir"));
      g_assert_null (problem_of (report, row, "birth-date-empty"));
    }
  g_assert_cmpint (status_of (report, 12), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, 12, "birth-date-empty");
  g_assert_cmpstr (loket_import_report_get_column_for (report, "birth_date"), ==, "Tanggal Lahir");
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_TO_REGISTER), ==, 7);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_REJECTED), ==, 4);
}

static void
test_sex_forms (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *text;
    char        sex;
  } cases[] = {
    { "L", 'L' }, { "l", 'L' }, { "Laki-laki", 'L' }, { "LAKI LAKI", 'L' }, { "Pria", 'L' },
    { "M", 'L' }, { "male", 'L' },
    { "P", 'P' }, { "p", 'P' }, { "Perempuan", 'P' }, { "WANITA", 'P' }, { "F", 'P' },
    { "Female", 'P' },
  };
  g_autoptr(GString) text = g_string_new ("NIK;Nama;Tgl Lahir;Jenis Kelamin\n");
  g_autoptr(LoketImportReport) report = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *nik = make_nik (3, 4, 1988, cases[i].sex, i + 1);

      g_string_append_printf (text, "%s;Anggota;03/04/1988;%s\n", nik, cases[i].text);
    }
  {
    g_autofree char *nik = make_nik (3, 4, 1988, 'L', 99);

    g_string_append_printf (text, "%s;Anggota;03/04/1988;X\n", nik);
  }
  report = check_text (fixture, text->str);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (status_of (report, i + 2), ==, LOKET_IMPORT_TO_REGISTER);
      g_assert_cmpint (member_of (report, i + 2)->sex, ==, cases[i].sex);
    }
  g_assert_cmpint (status_of (report, G_N_ELEMENTS (cases) + 2), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, G_N_ELEMENTS (cases) + 2, "sex-value");
  g_assert_null (problem_of (report, G_N_ELEMENTS (cases) + 2, "sex"));
}

/* The other fields: income, RT/RW in one column, a phone that lost its 0,
 * the address; and fields the rules refuse. */
static void
test_other_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *n1 = make_nik (1, 1, 1980, 'P', 1);
  g_autofree char *n2 = make_nik (1, 1, 1980, 'P', 2);
  g_autofree char *n3 = make_nik (1, 1, 1980, 'P', 3);
  g_autofree char *n4 = make_nik (1, 1, 1980, 'P', 4);
  g_autofree char *text = g_strdup_printf (
    "NIK;Nama Lengkap;Tgl Lahir;JK;HP;Alamat;RT/RW;Desa/Kelurahan;Kecamatan;Pekerjaan;Penghasilan;Kode Wilayah\n"
    "%s;  Baiq   Nurul  Aini ;01/01/1980;P;81234567890;Dusun Karang Baru;14/4;Sakra;Sakra;penjahit;1.500.000,00;52.03.01\n"
    "%s;Siti Aminah;01/01/1980;P;;;;;;;;\n"
    "%s;Siti Hawa;01/01/1980;P;12345;;abc/4;;;;satu juta;\n"
    "%s;Siti Sarah;01/01/1980;P;;;;;;;500.000;\n",
    n1, n2, n3, n4);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  LoketMember *member = member_of (report, 2);

  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpstr (member->name, ==, "Baiq Nurul Aini");
  g_assert_cmpstr (member->phone, ==, "+6281234567890");
  g_assert_cmpstr (member->street, ==, "Dusun Karang Baru");
  g_assert_cmpstr (member->rt, ==, "014");
  g_assert_cmpstr (member->rw, ==, "004");
  g_assert_cmpstr (member->village, ==, "Sakra");
  g_assert_cmpstr (member->district, ==, "Sakra");
  g_assert_cmpstr (member->occupation, ==, "penjahit");
  g_assert_cmpint (member->income, ==, 1500000);
  g_assert_cmpstr (member->region_code, ==, "52.03.01");
  g_assert_nonnull (member->province);

  /* No income in the file: the PKS's base income. */
  g_assert_cmpint (status_of (report, 3), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpint (member_of (report, 3)->income, ==, 1000000);

  g_assert_cmpint (status_of (report, 4), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, 4, "phone");
  assert_problem (report, 4, "rt");
  assert_problem (report, 4, "income-format");
  g_assert_cmpstr (loket_import_report_get_column_for (report, "rt"), ==, "RT/RW");
  g_assert_cmpstr (loket_import_report_get_column_for (report, "phone"), ==, "HP");
  g_assert_null (loket_import_report_get_column_for (report, "programs"));

  /* Below the lowest declared income: the rules' own problem. */
  g_assert_cmpint (status_of (report, 5), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, 5, "income");
}

static void
test_excel_nik (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf (
    "NIK;Nama;Tgl Lahir;JK\n"
    "3.20101E+15;Asep Dadang;12/05/1990;L\n"
    "3,20101E+15;Dede Ujang;12/05/1990;L\n"
    "'%s;Euis Neneng;12/05/1990;L\n"
    "5203-0112-0590-0002;Cecep;12/05/1990;L\n",
    good);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  const LoketProblem *problem;

  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_REJECTED);
  problem = problem_of (report, 2, "nik-excel-number");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->message, ==,
                   "NIK on row 2 was turned by Excel into the number 3.20101E+15; store the NIK column as Text and send the file again.");
  /* Only the one problem for the NIK, not "it contains “.”" as well. */
  g_assert_null (problem_of (report, 2, "nik-not-digits"));
  g_assert_null (problem_of (report, 2, "nik-length"));

  problem = problem_of (report, 3, "nik-excel-number");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "row 3"));
  g_assert_nonnull (strstr (problem->message, "3,20101E+15"));

  /* An apostrophe that kept Excel off the digits is not part of the NIK. */
  g_assert_cmpint (status_of (report, 4), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpstr (member_of (report, 4)->nik, ==, good);

  g_assert_cmpint (status_of (report, 5), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, 5, "nik-not-digits");
}

/* The same message in Indonesian, as the clerk reads it. */
static void
test_excel_nik_indonesian (Fixture       *fixture,
                           gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LoketImportReport) report = NULL;

      loket_i18n_init ("id");
      report = check_text (fixture,
                           "No;NIK;Nama;Tgl Lahir;JK\n"
                           "1;5203011205900001;Asep;12/05/1990;L\n"
                           ";;;;\n"
                           "3;3,20101E+15;Dede;12/05/1990;L\n");
      g_print ("%s\n", problem_of (report, 4, "nik-excel-number")->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*NIK di baris 4 diubah Excel menjadi angka 3,20101E+15; simpan kolom NIK sebagai Teks lalu kirim ulang*");
}

static void
write_xlsx (const char *path)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  static const char *const header[] = { "No", "NIK", "Nama", "Tgl Lahir", "JK", "No HP", "RT" };

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 0, c, header[c], NULL);

  /* Row 2: all text, as a careful cooperative types it. */
  worksheet_write_number (sheet, 1, 0, 1, NULL);
  worksheet_write_string (sheet, 1, 1, "5203011205900001", NULL);
  worksheet_write_string (sheet, 1, 2, "Hamzan Wadi", NULL);
  worksheet_write_number (sheet, 1, 3, 33005, NULL);
  worksheet_write_string (sheet, 1, 4, "L", NULL);
  worksheet_write_number (sheet, 1, 5, 81234567890.0, NULL);
  worksheet_write_number (sheet, 1, 6, 14, NULL);

  /* Row 3: the NIK typed into a General column: Excel kept 15 digits. */
  worksheet_write_number (sheet, 2, 0, 2, NULL);
  worksheet_write_number (sheet, 2, 1, 3201011205900000.0, NULL);
  worksheet_write_string (sheet, 2, 2, "Asep Dadang", NULL);
  worksheet_write_number (sheet, 2, 3, 33005.75, NULL);
  worksheet_write_string (sheet, 2, 4, "L", NULL);

  /* Row 4: the 1900 leap-year bug: serial 59 is 28 February 1900 and 61
   * is 1 March 1900 (both too old to register, but read right). */
  worksheet_write_string (sheet, 3, 1, "5203012802000003", NULL);
  worksheet_write_string (sheet, 3, 2, "Tua Sekali", NULL);
  worksheet_write_number (sheet, 3, 3, 59, NULL);
  worksheet_write_string (sheet, 3, 4, "L", NULL);
  worksheet_write_string (sheet, 4, 1, "5203010103000004", NULL);
  worksheet_write_string (sheet, 4, 2, "Tua Juga", NULL);
  worksheet_write_number (sheet, 4, 3, 61, NULL);
  worksheet_write_string (sheet, 4, 4, "L", NULL);
  /* Row 6: serial 60, the 29 February 1900 that never was. */
  worksheet_write_string (sheet, 5, 1, "5203012902000005", NULL);
  worksheet_write_string (sheet, 5, 2, "Tidak Ada", NULL);
  worksheet_write_number (sheet, 5, 3, 60, NULL);
  worksheet_write_string (sheet, 5, 4, "L", NULL);
  /* Row 7: an empty row in the middle; row 8: extra cells far right. */
  worksheet_write_string (sheet, 7, 1, "5203015205900006", NULL);
  worksheet_write_string (sheet, 7, 2, "Siti Aminah", NULL);
  worksheet_write_string (sheet, 7, 3, "12/05/1990", NULL);
  worksheet_write_string (sheet, 7, 4, "P", NULL);
  worksheet_write_string (sheet, 7, 20, "catatan", NULL);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "anggota.xlsx", NULL);
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(LoketImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const LoketProblem *problem;

  write_xlsx (path);
  sheet = loket_sheet_read_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  report = check_sheet (fixture, sheet);

  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_TO_REGISTER);
  assert_date (&member_of (report, 2)->birth_date, "1990-05-12");
  g_assert_cmpstr (member_of (report, 2)->phone, ==, "+6281234567890");
  g_assert_cmpstr (member_of (report, 2)->rt, ==, "014");

  g_assert_cmpint (status_of (report, 3), ==, LOKET_IMPORT_REJECTED);
  problem = problem_of (report, 3, "nik-excel-number");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "3,20101E+15"));
  /* A date serial with a time of day is that day. */
  assert_date (&member_of (report, 3)->birth_date, "1990-05-12");

  assert_date (&member_of (report, 4)->birth_date, "1900-02-28");
  assert_date (&member_of (report, 5)->birth_date, "1900-03-01");
  g_assert_cmpint (status_of (report, 6), ==, LOKET_IMPORT_REJECTED);
  assert_problem (report, 6, "birth-date-format");

  g_assert_cmpint (status_of (report, 7), ==, LOKET_IMPORT_EMPTY);
  g_assert_cmpint (status_of (report, 8), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpuint (loket_import_report_get_n_rows (report), ==, 7);
}

/* ---- duplicates, members already registered, empty rows ----------------- */

static void
test_duplicates_in_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (12, 5, 1990, 'L', 2);
  g_autofree char *text = g_strdup_printf (
    HEADER
    "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n"
    "2;%s;Sahnan;12/05/1990;L;;;;;;;;\n"
    "3;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n"
    "4;%s;Hamzan W.;01/01/1970;L;;;;;;;;\n",
    a, b, a, a);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  guint registered = 0, linked = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpint (status_of (report, 3), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpint (status_of (report, 4), ==, LOKET_IMPORT_DUPLICATE_IN_FILE);
  g_assert_cmpint (status_of (report, 5), ==, LOKET_IMPORT_DUPLICATE_IN_FILE);
  g_assert_cmpuint (loket_import_report_get_first_row (report, row_index (report, 5)), ==, 2);
  g_assert_cmpuint (loket_import_report_get_first_row (report, row_index (report, 2)), ==, 0);
  assert_problem (report, 5, "duplicate-in-file");
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_DUPLICATE_IN_FILE), ==, 2);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_TO_REGISTER), ==, 2);

  g_assert_true (loket_import_commit (fixture->store, report, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 2);
  g_assert_cmpuint (linked, ==, 0);
}

static void
test_already_members (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (20, 8, 1985, 'P', 2);
  g_autofree char *c = make_nik (3, 3, 1975, 'L', 3);
  g_autoptr(LoketMember) member_a = loket_test_register (fixture->store, a, "Hamzan Wadi", "1990-05-12", 'L', "2025-02-01");
  g_autoptr(LoketMember) member_b = loket_test_register (fixture->store, b, "Rabiatul Adawiyah", "1985-08-20", 'P', "2025-02-01");
  g_autofree char *text = g_strdup_printf (
    HEADER
    "1;%s;HAMZAN  WADI;12/05/1990;L;;;;;;;;\n"
    "2;%s;Zaenab;20/08/1985;P;;;;;;;;\n"
    "3;%s;Sukri;03/03/1975;L;;;;;;;;\n",
    a, b, c);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  gint64 before = loket_store_count_members (fixture->store, NULL);
  guint registered = 0, linked = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *via = NULL;

  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_ALREADY_MEMBER);
  g_assert_cmpint (member_of (report, 2)->id, ==, member_a->id);
  g_assert_cmpstr (member_of (report, 2)->kpj, ==, member_a->kpj);
  /* Same NIK, another name: linked, with a warning to check the NIK. */
  g_assert_cmpint (status_of (report, 3), ==, LOKET_IMPORT_ALREADY_MEMBER);
  assert_problem (report, 3, "nik-other-person");
  g_assert_null (problem_of (report, 2, "nik-other-person"));
  g_assert_cmpint (status_of (report, 4), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_ALREADY_MEMBER), ==, 2);

  g_assert_true (loket_import_commit (fixture->store, report, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 1);
  g_assert_cmpuint (linked, ==, 2);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before + 1);

  via = query_text (fixture->store, "SELECT group_concat (via, ',') FROM"
                    " (SELECT via FROM cooperative_member WHERE cooperative_id = 1 ORDER BY member_id)");
  g_assert_cmpstr (via, ==, "linked,linked,import");
  /* An existing member keeps how they were registered. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM member WHERE partnership_id IS NOT NULL"), ==, 1);
}

/* A blank row in the middle is reported (skipped, not silently); blank
 * rows at the end are not rows of the list. A row with something only in
 * a column not read (the numbering of a template) is blank too. */
static void
test_empty_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (12, 5, 1990, 'L', 2);
  g_autofree char *text = g_strdup_printf (
    "\r\n"
    HEADER
    "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n"
    ";;;;;;;;;;;;\n"
    "\n"
    "3; ;  ;;;;;;;;;;catatan\n"
    "4;%s;Sahnan;12/05/1990;L;;;;;;;;\n"
    ";;;;;;;;;;;;\n"
    "6;;;;;;;;;;;;\n"
    "\n",
    a, b);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);

  g_assert_cmpuint (loket_import_report_get_header_row (report), ==, 2);
  g_assert_cmpuint (loket_import_report_get_n_rows (report), ==, 5);
  g_assert_cmpint (status_of (report, 3), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpint (status_of (report, 4), ==, LOKET_IMPORT_EMPTY);
  g_assert_cmpint (status_of (report, 5), ==, LOKET_IMPORT_EMPTY);
  g_assert_cmpint (status_of (report, 6), ==, LOKET_IMPORT_EMPTY);
  g_assert_cmpint (status_of (report, 7), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_null (member_of (report, 4));
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_EMPTY), ==, 3);
  g_assert_cmpuint (loket_import_report_get_problems (report, row_index (report, 4))->len, ==, 0);
  g_assert_cmpstr (loket_import_status_to_string (LOKET_IMPORT_EMPTY), ==, "empty");
}

static void
test_extra_columns (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf (
    "No;Nama Ibu Kandung;NIK;Status;Nama;Tgl Lahir;Nama Lengkap;JK;Simpanan Pokok\n"
    "1;Sumiati;%s;Kawin;Hamzan Wadi;12/05/1990;Lalu Hamzan Wadi;L;100000;x;y;z\n",
    a);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  GPtrArray *file_problems = loket_import_report_get_file_problems (report);

  g_assert_cmpint (status_of (report, 2), ==, LOKET_IMPORT_TO_REGISTER);
  g_assert_cmpstr (member_of (report, 2)->name, ==, "Hamzan Wadi");
  g_assert_cmpstr (loket_import_report_get_column (report, LOKET_IMPORT_FIELD_NAME), ==, "Nama");
  /* The second name column is said to be ignored. */
  g_assert_cmpuint (file_problems->len, ==, 1);
  g_assert_cmpstr (((LoketProblem *) g_ptr_array_index (file_problems, 0))->code, ==, "column-repeated");
}

/* ---- the commit --------------------------------------------------------- */

static void
test_commit (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (20, 8, 1985, 'P', 2);
  g_autofree char *c = make_nik (3, 3, 1975, 'L', 3);
  g_autofree char *text = g_strdup_printf (
    HEADER
    "1;%s;Hamzan Wadi;12/05/1990;L;081234567890;Jl. Raya Sakra;14;4;Sakra;Sakra;petani;\n"
    "2;%s;Rabiatul Adawiyah;20/08/1985;P;;;;;;;penjahit;\n"
    "3;%s;Sukri;31/02/1975;L;;;;;;;;\n",
    a, b, c);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  gint64 before = loket_store_count_members (fixture->store, NULL);
  guint registered = 0, linked = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) saved = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *programs = NULL;
  LoketMember *member;

  /* The dry run wrote nothing. */
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before);
  g_assert_false (loket_import_report_is_committed (report));

  g_assert_true (loket_import_commit (fixture->store, report, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_true (loket_import_report_is_committed (report));
  g_assert_cmpuint (registered, ==, 2);
  g_assert_cmpuint (linked, ==, 0);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before + 2);

  member = member_of (report, 2);
  g_assert_cmpint (member->id, >, 0);
  g_assert_nonnull (member->kpj);
  {
    g_autofree char *normal = loket_kpj_normalize (member->kpj, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (normal, ==, member->kpj);
    g_assert_true (g_str_has_prefix (member->kpj, "52"));
  }
  g_assert_null (member_of (report, 4)->kpj);
  g_assert_cmpint (member_of (report, 4)->id, ==, 0);
  g_assert_cmpstr (member_of (report, 2)->kpj, !=, member_of (report, 3)->kpj);

  saved = loket_store_find_member_by_kpj (fixture->store, member->kpj, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->nik, ==, a);
  g_assert_cmpstr (saved->name, ==, "Hamzan Wadi");
  g_assert_cmpstr (saved->rt, ==, "014");
  g_assert_cmpstr (saved->phone, ==, "+6281234567890");
  g_assert_cmpuint (saved->programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);
  assert_date (&saved->registered_on, TODAY);

  sql = g_strdup_printf ("SELECT partnership_id * 10 + agent_id FROM member WHERE id = %" G_GINT64_FORMAT, saved->id);
  g_assert_cmpint (query_int (fixture->store, sql), ==, 11);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT group_concat (program || ' ' || since, ',') FROM"
                         " (SELECT * FROM member_program WHERE member_id = %" G_GINT64_FORMAT " ORDER BY program)",
                         saved->id);
  programs = query_text (fixture->store, sql);
  g_assert_cmpstr (programs, ==, "jkk " TODAY ",jkm " TODAY);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count(*) FROM cooperative_member WHERE cooperative_id = 1"
                              " AND partnership_id = 1 AND via = 'import' AND joined_on = '" TODAY "'"), ==, 2);

  /* The name index, filled for the batch, finds them. */
  found = loket_store_search_members (fixture->store, "rabiatul", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((LoketMember *) g_ptr_array_index (found, 0))->nik, ==, b);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM member_name_fts WHERE member_name_fts MATCH 'hamzan'"), ==, 1);
  g_assert_true (loket_store_exec (fixture->store,
                                   "INSERT INTO member_name_fts (member_name_fts) VALUES ('integrity-check')",
                                   &error));
  g_assert_no_error (error);

  /* The next registration at the counter takes the next KPJ. */
  {
    g_autoptr(LoketMember) next = loket_test_register (fixture->store, c, "Sukri", "1975-03-03", 'L', TODAY);
    gint64 seq_a = g_ascii_strtoll (member_of (report, 2)->kpj + 2, NULL, 10) / 10;
    gint64 seq_next = g_ascii_strtoll (next->kpj + 2, NULL, 10) / 10;

    g_assert_cmpint (seq_next, ==, seq_a + 2);
  }
}

static void
test_twice (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (20, 8, 1985, 'P', 2);
  g_autofree char *text = g_strdup_printf (
    HEADER
    "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n"
    "2;%s;Rabiatul Adawiyah;20/08/1985;P;;;;;;;;\n",
    a, b);
  g_autoptr(LoketImportReport) first = check_text (fixture, text);
  g_autoptr(LoketImportReport) second = NULL;
  guint registered = 99, linked = 99;
  g_autoptr(GError) error = NULL;
  gint64 after;

  g_assert_true (loket_import_commit (fixture->store, first, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 2);
  after = loket_store_count_members (fixture->store, NULL);

  /* The same report again: nobody registered twice, nobody linked twice. */
  g_assert_true (loket_import_commit (fixture->store, first, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 0);
  g_assert_cmpuint (linked, ==, 0);
  g_assert_cmpuint (loket_import_report_count (first, LOKET_IMPORT_TO_REGISTER), ==, 0);
  g_assert_cmpuint (loket_import_report_count (first, LOKET_IMPORT_ALREADY_MEMBER), ==, 2);

  /* The same file again: everyone is already a member. */
  second = check_text (fixture, text);
  g_assert_cmpuint (loket_import_report_count (second, LOKET_IMPORT_ALREADY_MEMBER), ==, 2);
  g_assert_cmpuint (loket_import_report_count (second, LOKET_IMPORT_TO_REGISTER), ==, 0);
  g_assert_true (loket_import_commit (fixture->store, second, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 0);
  g_assert_cmpuint (linked, ==, 0);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, after);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM cooperative_member"), ==, 2);
}

/* Two counters check the same file, then both commit: the second finds
 * everyone registered inside its transaction and only links. */
static void
test_two_clerks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (20, 8, 1985, 'P', 2);
  g_autofree char *text = g_strdup_printf (
    HEADER
    "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n"
    "2;%s;Rabiatul Adawiyah;20/08/1985;P;;;;;;;;\n",
    a, b);
  g_autoptr(LoketStore) other = NULL;
  g_autoptr(LoketImportReport) mine = check_text (fixture, text);
  g_autoptr(LoketImportReport) theirs = NULL;
  g_autoptr(LoketSheet) sheet = sheet_from_text (text);
  guint registered = 0, linked = 0;
  g_autoptr(GError) error = NULL;

  other = loket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  theirs = loket_import_check (other, sheet, &fixture->terms, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loket_import_report_count (theirs, LOKET_IMPORT_TO_REGISTER), ==, 2);

  g_assert_true (loket_import_commit (other, theirs, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 2);

  g_assert_true (loket_import_commit (fixture->store, mine, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 0);
  g_assert_cmpuint (linked, ==, 0);
  g_assert_cmpint (status_of (mine, 2), ==, LOKET_IMPORT_ALREADY_MEMBER);
  g_assert_cmpstr (member_of (mine, 2)->kpj, ==, member_of (theirs, 2)->kpj);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM member WHERE partnership_id = 1"), ==, 2);
}

static void
test_partnership_in_force (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf (HEADER "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n", a);
  g_autoptr(LoketSheet) sheet = sheet_from_text (text);
  g_autoptr(LoketImportReport) report = NULL;
  LoketImportTerms terms = fixture->terms;
  g_autoptr(GError) error = NULL;
  gint64 before = loket_store_count_members (fixture->store, NULL);
  GDate tomorrow;

  /* Expired PKS. */
  terms.cooperative_id = 2;
  terms.partnership_id = 2;
  terms.agent_id = 0;
  g_assert_null (loket_import_check (fixture->store, sheet, &terms, &fixture->today, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PKS/002/2025"));
  g_clear_error (&error);

  /* Ended PKS. */
  terms.cooperative_id = 3;
  terms.partnership_id = 3;
  g_assert_null (loket_import_check (fixture->store, sheet, &terms, &fixture->today, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  /* Another cooperative's PKS. */
  terms.cooperative_id = 1;
  terms.partnership_id = 2;
  g_assert_null (loket_import_check (fixture->store, sheet, &terms, &fixture->today, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  /* Ended between the dry run and the commit: nothing is written. */
  report = check_sheet (fixture, sheet);
  g_assert_true (loket_store_exec (fixture->store, "UPDATE partnership SET status = 'ended' WHERE id = 1", &error));
  g_assert_false (loket_import_commit (fixture->store, report, &fixture->today, NULL, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (loket_store_exec (fixture->store, "UPDATE partnership SET status = 'active' WHERE id = 1", &error));

  /* Committed on another day than checked. */
  tomorrow = fixture->today;
  g_date_add_days (&tomorrow, 1);
  g_assert_false (loket_import_commit (fixture->store, report, &tomorrow, NULL, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM cooperative_member"), ==, 0);
  g_assert_null (member_of (report, 2)->kpj);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *text = g_strdup_printf (HEADER "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n", a);
  g_autoptr(LoketImportReport) report = check_text (fixture, text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 before = loket_store_count_members (fixture->store, NULL);
  g_autofree char *counter = query_text (fixture->store, "SELECT next_sequence FROM kpj_counter");

  g_cancellable_cancel (cancellable);
  g_assert_false (loket_import_commit_full (fixture->store, report, &fixture->today, cancellable,
                                            NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before);
  g_assert_null (member_of (report, 2)->kpj);
  g_assert_false (loket_import_report_is_committed (report));
  {
    g_autofree char *after = query_text (fixture->store, "SELECT next_sequence FROM kpj_counter");

    g_assert_cmpstr (after, ==, counter);
  }
}

/* ---- large files -------------------------------------------------------- */

static const char *const given[] = {
  "Hamzan", "Sahnan", "Zainuddin", "Baiq Nurul", "Lalu Sapri", "Siti", "Rabiatul", "Mahsun",
  "Dédé", "Euis", "I Made", "Ni Luh Putu", "Andi", "Ma'ruf", "Husnul", "Wayan",
};
static const char *const family[] = {
  "Wadi", "Hidayati", "Adawiyah", "Khotimah", "Suardana", "Ariani", "Hasanuddin", "Rahmawati",
  "Sumiati", "Fathurrahman", "Nurmala", "Sukri", "Juhaeni", "Marzuki",
};

/* `n` valid rows with NIKs no other call with another `first_serial`
 * gives; every 50th row has a mistake. */
static char *
make_big_csv (guint n,
              int   first_serial)
{
  GString *text = g_string_new (HEADER);

  for (guint i = 0; i < n; i++)
    {
      guint slot = i / 4999;
      int serial = first_serial + (int) (i % 4999);
      int day = 1 + slot % 28, month = 1 + (slot / 28) % 12, year = 1970 + (int) (slot / 336);
      char sex = i % 2 ? 'P' : 'L';
      g_autofree char *nik = make_nik (day, month, year, sex, serial);

      g_string_append_printf (text, "%u;%s;%s %s;%02d/%02d/%d;%c;08%02u%08u;Dusun Karang Baru;%u;%u;Sakra;Sakra;petani;\n",
                              i + 1, nik, given[i % G_N_ELEMENTS (given)],
                              family[(i / G_N_ELEMENTS (given)) % G_N_ELEMENTS (family)],
                              day, month, i % 50 == 49 ? 19 : year, sex,
                              11 + i % 40, i, 1 + i % 20, 1 + i % 9);
    }
  return g_string_free (text, FALSE);
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  const guint n = 20000;
  g_autofree char *text = make_big_csv (n, 1);
  g_autoptr(LoketSheet) sheet = sheet_from_text (text);
  g_autoptr(LoketImportReport) report = NULL;
  g_autoptr(LoketImportReport) again = NULL;
  guint registered = 0, linked = 0;
  g_autoptr(GError) error = NULL;
  gint64 before = loket_store_count_members (fixture->store, NULL);
  gint64 t0 = g_get_monotonic_time (), t1, t2;

  report = check_sheet (fixture, sheet);
  t1 = g_get_monotonic_time ();
  g_assert_cmpuint (loket_import_report_get_n_rows (report), ==, n);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_REJECTED), ==, n / 50);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_TO_REGISTER), ==, n - n / 50);

  g_assert_true (loket_import_commit (fixture->store, report, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  g_test_message ("%u rows: check %.2f s, commit %.2f s", n, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  g_assert_cmpuint (registered, ==, n - n / 50);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, before + registered);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(DISTINCT kpj) FROM member"), ==, before + registered);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM cooperative_member"), ==, registered);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM member_name_fts WHERE member_name_fts MATCH 'adawiyah'"),
                   ==, query_int (fixture->store, "SELECT count(*) FROM member WHERE name LIKE '%Adawiyah%'"));

  again = check_sheet (fixture, sheet);
  g_assert_cmpuint (loket_import_report_count (again, LOKET_IMPORT_ALREADY_MEMBER), ==, registered);
  g_assert_true (loket_import_commit (fixture->store, again, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 0);
  g_assert_cmpuint (linked, ==, 0);
}

/* ---- an interrupted commit ---------------------------------------------- */

typedef struct {
  double    at;         /* the progress at which the process is killed */
  gboolean  in_commit;  /* kill from a thread a moment later, during COMMIT */
} KillPoint;

static const KillPoint kill_inserting = { 0.5, FALSE };
static const KillPoint kill_before_commit = { 0.99, FALSE };
static const KillPoint kill_committing = { 0.99, TRUE };

static gpointer
kill_soon (gpointer data)
{
  g_usleep (GPOINTER_TO_UINT (data));
  kill (getpid (), SIGKILL);
  return NULL;
}

static void
kill_at (double   fraction,
         gpointer user_data)
{
  const KillPoint *point = user_data;
  static gboolean started;

  if (fraction < point->at || started)
    return;
  /* Said on stdout first, so the parent knows the commit got this far. */
  if (write (STDOUT_FILENO, "killing\n", 8) < 0)
    return;
  if (!point->in_commit)
    kill (getpid (), SIGKILL);
  started = TRUE;
  g_thread_unref (g_thread_new ("killer", kill_soon, GUINT_TO_POINTER (g_random_int_range (0, 3000))));
}

static void
interrupted_child (const KillPoint *point)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = loket_store_open (g_getenv ("LOKET_TEST_IMPORT_DB"), &error);
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(LoketImportReport) report = NULL;
  LoketImportTerms terms;
  GDate today;

  g_assert_no_error (error);
  terms_init (&terms);
  loket_test_date (&today, TODAY);
  sheet = loket_sheet_read_file (g_getenv ("LOKET_TEST_IMPORT_CSV"), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  report = loket_import_check (store, sheet, &terms, &today, &error);
  g_assert_no_error (error);
  loket_import_commit_full (store, report, &today, NULL, kill_at, (gpointer) point, NULL, NULL, &error);
  /* Committed before the killer woke: wait for it. */
  g_usleep (10 * G_USEC_PER_SEC);
  g_assert_not_reached ();
}

static void
test_interrupted (gconstpointer data)
{
  const KillPoint *point = data;
  g_autofree char *path = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *counter_before = NULL;
  g_autofree char *counter_after = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 10000;
  gint64 before, after;

  if (g_test_subprocess ())
    {
      interrupted_child (point);
      return;
    }

  store = loket_test_open_store (&path);
  loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error);
  g_assert_no_error (error);
  add_cooperatives (store);
  before = loket_store_count_members (store, NULL);
  counter_before = query_text (store, "SELECT group_concat (prefix || next_sequence) FROM kpj_counter");
  g_clear_object (&store);

  folder = loket_test_make_folder ();
  csv_path = g_build_filename (folder, "anggota.csv", NULL);
  text = make_big_csv (n, 1);
  g_assert_true (g_file_set_contents (csv_path, text, -1, &error));
  g_setenv ("LOKET_TEST_IMPORT_DB", path, TRUE);
  g_setenv ("LOKET_TEST_IMPORT_CSV", csv_path, TRUE);

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_false (g_test_trap_has_passed ());
  g_test_trap_assert_stdout ("*killing*");

  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  integrity = query_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_true (loket_store_exec (store,
                                   "INSERT INTO member_name_fts (member_name_fts) VALUES ('integrity-check')",
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_key_check"), ==, -1);

  after = loket_store_count_members (store, NULL);
  counter_after = query_text (store, "SELECT group_concat (prefix || next_sequence) FROM kpj_counter");
  if (point->in_commit && after != before)
    {
      /* The kill came after COMMIT reached the disk: all of it, then. */
      g_test_message ("killed after the commit was durable");
      g_assert_cmpint (after, ==, before + n - n / 50);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM cooperative_member"), ==, after - before);
    }
  else
    {
      g_assert_cmpint (after, ==, before);
      g_assert_cmpstr (counter_after, ==, counter_before);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM cooperative_member"), ==, 0);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM member_program"), ==, before * 2);
    }
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* ---- the rejects -------------------------------------------------------- */

static void
test_rejects (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *a = make_nik (12, 5, 1990, 'L', 1);
  g_autofree char *b = make_nik (20, 8, 1985, 'P', 2);
  g_autofree char *text = g_strdup_printf (
    HEADER
    "1;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;ketua\n"
    "2;3,20101E+15;Asep;12/05/1990;L;;;;;;;;\n"
    ";;;;;;;;;;;;\n"
    "4;%s;Hamzan Wadi;12/05/1990;L;;;;;;;;\n"
    "5;%s;Rabiatul;31/02/1985;P;;;;;;;;;lebih\n",
    a, a, b);
  g_autoptr(LoketSheet) sheet = sheet_from_text (text);
  g_autoptr(LoketImportReport) report = check_sheet (fixture, sheet);
  g_autofree char *folder = loket_test_make_folder ();
  const char *const names[] = { "tolak.csv", "tolak.XLSX" };
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *path = g_build_filename (folder, names[k], NULL);
      g_autoptr(LoketSheet) back = NULL;
      guint width;

      g_assert_true (loket_import_write_rejects (report, sheet, path, &error));
      g_assert_no_error (error);
      back = loket_sheet_read_file (path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (loket_sheet_get_format (back), ==, k == 0 ? LOKET_SHEET_CSV : LOKET_SHEET_XLSX);

      /* The header, every original column, then the reason. */
      g_assert_cmpuint (loket_sheet_get_n_rows (back), ==, 4);
      width = loket_sheet_get_n_columns (back, 0);
      g_assert_cmpuint (width, ==, 15);
      g_assert_cmpstr (loket_sheet_get_cell (back, 0, 1), ==, "NIK");
      g_assert_cmpstr (loket_sheet_get_cell (back, 0, 12), ==, "Keterangan");
      g_assert_cmpstr (loket_sheet_get_cell (back, 0, 13) ? loket_sheet_get_cell (back, 0, 13) : "", ==, "");
      g_assert_cmpstr (loket_sheet_get_cell (back, 0, 14), ==, "Reason");

      /* Row 3 (the mangled NIK), row 5 (a duplicate), row 6 (a date). */
      g_assert_cmpstr (loket_sheet_get_cell (back, 1, 1), ==, "3,20101E+15");
      g_assert_true (g_str_has_prefix (loket_sheet_get_cell (back, 1, 14), "Row 3: NIK on row 3"));
      g_assert_cmpstr (loket_sheet_get_cell (back, 2, 1), ==, a);
      g_assert_true (g_str_has_prefix (loket_sheet_get_cell (back, 2, 14), "Row 5: NIK: "));
      g_assert_nonnull (strstr (loket_sheet_get_cell (back, 2, 14), "row 2"));
      g_assert_cmpstr (loket_sheet_get_cell (back, 3, 2), ==, "Rabiatul");
      g_assert_cmpstr (loket_sheet_get_cell (back, 3, 13), ==, "lebih");
      g_assert_true (g_str_has_prefix (loket_sheet_get_cell (back, 3, 14), "Row 6: Tgl Lahir"));

      /* Sent back corrected, the file is read again, its reason ignored. */
      {
        g_autoptr(LoketImportReport) resent = check_sheet (fixture, back);

        g_assert_cmpuint (loket_import_report_get_n_rows (resent), ==, 3);
        g_assert_cmpuint (loket_import_report_get_header_row (resent), ==, 1);
      }
    }

  /* The rejects come from the sheet that was checked. */
  {
    g_autoptr(LoketSheet) other = sheet_from_text ("NIK;Nama\n1;2\n");
    g_autofree char *path = g_build_filename (folder, "lain.csv", NULL);

    g_assert_false (loket_import_write_rejects (report, other, path, &error));
    g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  }
}

static void
test_progress_cb (double   fraction,
                  gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = make_big_csv (2000, 1);
  g_autoptr(LoketSheet) sheet = sheet_from_text (text);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LoketImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = loket_import_check_full (fixture->store, sheet, &fixture->terms, &fixture->today,
                                    NULL, test_progress_cb, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >, 2);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));

  g_array_set_size (seen, 0);
  g_assert_true (loket_import_commit_full (fixture->store, report, &fixture->today, NULL,
                                           test_progress_cb, seen, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >, 2);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/header-names", test_header_names);
  ADD ("/import/english-header", test_english_header);
  ADD ("/import/no-nik-column", test_no_nik_column);
  ADD ("/import/details-above", test_details_above);
  ADD ("/import/ttl-only", test_ttl_only);
  ADD ("/import/date-forms", test_date_forms);
  ADD ("/import/sex-forms", test_sex_forms);
  ADD ("/import/other-fields", test_other_fields);
  ADD ("/import/excel-nik", test_excel_nik);
  ADD ("/import/excel-nik-indonesian", test_excel_nik_indonesian);
  ADD ("/import/xlsx", test_xlsx);
  ADD ("/import/duplicates-in-file", test_duplicates_in_file);
  ADD ("/import/already-members", test_already_members);
  ADD ("/import/empty-rows", test_empty_rows);
  ADD ("/import/extra-columns", test_extra_columns);
  ADD ("/import/commit", test_commit);
  ADD ("/import/twice", test_twice);
  ADD ("/import/two-clerks", test_two_clerks);
  ADD ("/import/partnership-in-force", test_partnership_in_force);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/progress", test_progress);
  ADD ("/import/rejects", test_rejects);
  ADD ("/import/large", test_large);
  g_test_add_data_func ("/import/interrupted/inserting", &kill_inserting, test_interrupted);
  g_test_add_data_func ("/import/interrupted/before-commit", &kill_before_commit, test_interrupted);
  g_test_add_data_func ("/import/interrupted/committing", &kill_committing, test_interrupted);

  return g_test_run ();
}
