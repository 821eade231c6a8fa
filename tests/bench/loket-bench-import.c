/* loket-bench-import.c: a cooperative's member list of N rows enrolled in
 * one step (issue 4), against raw SQLite inserting the same members.
 *
 *   loket-bench-import [--rows N] [--rounds R] [--seed S] [--json]
 *
 * Each round makes a CSV of N plausible members as Excel saves one with an
 * Indonesian locale (';', CRLF, a byte-order mark, dates dd/mm/yyyy, 08…
 * phones, incomes 1.500.000), with a few rows a cooperative gets wrong, and
 * two fresh databases with the same cooperative, agent and PKS. Loket reads
 * the file, checks it (loket_import_check) and commits it
 * (loket_import_commit). The baseline writes the members Loket registered,
 * every value already computed, into the same tables with prepared
 * statements in one transaction: what SQLite alone needs for the same rows.
 * Times are medians of the rounds; the target is 100 000 rows read, checked
 * and committed in under 10 s. */
#include <glib/gstdio.h>
#include <string.h>

#include "loket-bench-people.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-import.h"
#include "loket-kpj.h"
#include "loket-regions.h"
#include "loket-store-private.h"
#include "loket-text.h"

#define DEFAULT_TODAY  "2026-11-23"
#define TARGET_SECONDS 10.0
/* One row in this many has a birth date Excel cannot read; one in this many
 * repeats an earlier row's NIK. */
#define BAD_DATE_EVERY  250
#define REPEAT_EVERY    400

static gint64 opt_rows = 100000;
static gint64 opt_rounds = 3;
static gint64 opt_seed = 1;
static gboolean opt_json = FALSE;
static char *opt_dir = NULL;

static const GOptionEntry entries[] = {
  { "rows", 'n', 0, G_OPTION_ARG_INT64, &opt_rows, "Rows in the member list (default 100000)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT64, &opt_rounds, "Rounds, each with fresh databases (default 3)", "R" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed (default 1)", "S" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the files (default: a temporary one, removed)", "DIR" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print the figures as JSON on stdout", NULL },
  { NULL }
};

typedef struct {
  double read;      /* loket_sheet_read_file */
  double check;     /* loket_import_check */
  double commit;    /* loket_import_commit */
  double total;
  double raw;       /* the baseline's transaction */
  double again;     /* the same file checked and committed a second time */
  guint  registered;
  guint  rejected;
  guint  duplicates;
  guint  again_registered;
} Round;

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("loket-bench-import: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
csv_cell (GString    *out,
          const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ";\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The list as a cooperative sends it. */
static char *
make_csv (guint        n_rows,
          guint32      seed,
          const GDate *today)
{
  g_autoptr(LoketBenchPeople) people = loket_bench_people_new (seed, today, 1);
  g_autoptr(GPtrArray) niks = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_string_append (out, "No;NIK;Nama Lengkap;Tgl Lahir;L/P;No HP;Alamat;RT;RW;Kecamatan;"
                        "Kabupaten/Kota;Pekerjaan;Penghasilan;Kode Wilayah;Keterangan\r\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(LoketMember) m = loket_bench_people_make (people, today);
      g_autofree char *income = NULL;
      char birth[16], phone[20];

      if (m == NULL)
        fail ("making people", NULL);
      /* Now and then a row repeats one further up. */
      if (i % REPEAT_EVERY == REPEAT_EVERY - 1)
        loket_member_set_string (&m->nik, g_ptr_array_index (niks, i / 2));
      g_ptr_array_add (niks, g_strdup (m->nik));
      if (i % BAD_DATE_EVERY == BAD_DATE_EVERY - 1)
        g_snprintf (birth, sizeof birth, "%02d/%02d/%02d", g_date_get_day (&m->birth_date),
                    g_date_get_month (&m->birth_date), g_date_get_year (&m->birth_date) % 100);
      else
        g_snprintf (birth, sizeof birth, "%02d/%02d/%04d", g_date_get_day (&m->birth_date),
                    g_date_get_month (&m->birth_date), g_date_get_year (&m->birth_date));
      /* +6281… as people write it: 081… */
      g_snprintf (phone, sizeof phone, "0%s", m->phone + 3);
      income = loket_format_rupiah (m->income);

      g_string_append_printf (out, "%u;", i + 1);
      csv_cell (out, m->nik);
      g_string_append_c (out, ';');
      csv_cell (out, m->name);
      g_string_append_printf (out, ";%s;%c;%s;", birth, m->sex, phone);
      csv_cell (out, m->street);
      g_string_append_printf (out, ";%s;%s;", m->rt, m->rw);
      csv_cell (out, m->district);
      g_string_append_c (out, ';');
      csv_cell (out, m->regency);
      g_string_append_c (out, ';');
      csv_cell (out, m->occupation);
      g_string_append_printf (out, ";%s;%s;\r\n", income + 2, m->region_code);
    }
  return g_string_free (out, FALSE);
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A fresh database with cooperative 1, its agent (a registered member) and
 * its active PKS. */
static LoketStore *
make_database (const char  *path,
               const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) draft = loket_member_new ();
  g_autoptr(LoketMember) agent = NULL;
  g_autofree char *sql = NULL;

  remove_database (path);
  store = loket_store_open (path, &error);
  if (store == NULL || !loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error))
    fail ("opening the database", error);

  loket_member_set_string (&draft->nik, "5203014107850003");
  loket_member_set_string (&draft->name, "Baiq Rahmawati");
  g_date_set_dmy (&draft->birth_date, 1, 7, 1985);
  draft->sex = 'P';
  draft->segment = LOKET_SEGMENT_BPU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  draft->income = 1000000;
  agent = loket_store_register_member (store, draft, today, TRUE, NULL, NULL, &error);
  if (agent == NULL)
    fail ("registering the agent", error);

  sql = g_strdup_printf (
    "INSERT INTO cooperative (id, name, name_key, kind, status, potential, created_at, updated_at) VALUES"
    " (1, 'KDMP Sakra Timur', 'kdmp sakra timur', 'kdmp', 'active', 95000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO agent (id, member_id, kantor_perisai, appointed_on) VALUES (1, %" G_GINT64_FORMAT ", 'Perisai Selong', '2026-01-02');"
    "INSERT INTO partnership (id, cooperative_id, number, signed_on, valid_from, valid_until, segment,"
    " programs, base_income, payment_months, payer, agent_id, status, created_at) VALUES"
    " (1, 1, 'PKS/001/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1, 'members', 1, 'active', '2026-01-05T00:00:00Z');",
    agent->id);
  if (!loket_store_exec (store, sql, &error))
    fail ("adding the cooperative", error);
  return g_steal_pointer (&store);
}

static void
check_rc (sqlite3    *db,
          int         rc,
          int         expected,
          const char *what)
{
  if (rc != expected)
    {
      g_printerr ("loket-bench-import: raw %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* Everything but SQLite done before the clock starts. */
typedef struct {
  LoketMember *member;    /* borrowed */
  char        *kpj;
  char        *name_key;
  char        *birth;
} RawRow;

static void
raw_row_clear (gpointer data)
{
  RawRow *row = data;

  g_free (row->kpj);
  g_free (row->name_key);
  g_free (row->birth);
}

/* The members Loket registered, into the same tables of a database made the
 * same way, on a connection with the store's pragmas. */
static double
raw_insert (const char        *path,
            LoketImportReport *report,
            const GDate       *today)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RawRow));
  g_autofree char *today_iso = loket_date_to_iso (today);
  g_autofree char *now = loket_store_now_utc ();
  sqlite3 *db = NULL;
  sqlite3_stmt *member = NULL, *program = NULL, *fts = NULL, *link = NULL, *counter = NULL;
  sqlite3_stmt *last = NULL;
  gint64 last_id;
  double t0, seconds;

  g_array_set_clear_func (rows, raw_row_clear);
  for (guint i = 0; i < loket_import_report_get_n_rows (report); i++)
    {
      LoketMember *m = loket_import_report_get_member (report, i);
      RawRow row;

      if (loket_import_report_get_status (report, i) != LOKET_IMPORT_TO_REGISTER)
        continue;
      row.member = m;
      row.kpj = g_strdup (m->kpj);
      row.name_key = loket_text_fold (m->name);
      row.birth = loket_date_to_iso (&m->birth_date);
      g_array_append_val (rows, row);
    }

  check_rc (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK, "open");
  check_rc (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                              " PRAGMA foreign_keys = ON;", NULL, NULL, NULL), SQLITE_OK, "pragmas");
  check_rc (db, sqlite3_prepare_v2 (db,
    "INSERT INTO member (kpj, nik, name, name_key, birth_date, sex, segment, income,"
    " risk_class, occupation, phone, street, rt, rw, village, district, regency,"
    " province, postcode, region_code, registered_on, created_at, updated_at,"
    " partnership_id, agent_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
    " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, 1, 1)", -1, &member, NULL), SQLITE_OK, "prepare");
  check_rc (db, sqlite3_prepare_v2 (db,
    "INSERT INTO member_program (member_id, program, since) VALUES (?, ?, ?)", -1, &program, NULL),
    SQLITE_OK, "prepare");
  check_rc (db, sqlite3_prepare_v2 (db,
    "INSERT INTO member_name_fts (rowid, name) SELECT id, name FROM member WHERE id > ?", -1, &fts, NULL),
    SQLITE_OK, "prepare");
  check_rc (db, sqlite3_prepare_v2 (db,
    "INSERT INTO cooperative_member (cooperative_id, member_id, partnership_id, joined_on, via)"
    " SELECT 1, id, 1, ?2, 'import' FROM member WHERE id > ?1", -1, &link, NULL), SQLITE_OK, "prepare");
  check_rc (db, sqlite3_prepare_v2 (db,
    "UPDATE kpj_counter SET next_sequence = next_sequence + ? WHERE prefix = '52'", -1, &counter, NULL),
    SQLITE_OK, "prepare");
  check_rc (db, sqlite3_prepare_v2 (db, "SELECT max (id) FROM member", -1, &last, NULL), SQLITE_OK, "prepare");

  t0 = loket_bench_now ();
  check_rc (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK, "begin");
  check_rc (db, sqlite3_step (last), SQLITE_ROW, "max id");
  last_id = sqlite3_column_int64 (last, 0);
  sqlite3_reset (last);
  sqlite3_bind_int64 (counter, 1, rows->len);
  check_rc (db, sqlite3_step (counter), SQLITE_DONE, "counter");

  for (guint i = 0; i < rows->len; i++)
    {
      RawRow *row = &g_array_index (rows, RawRow, i);
      LoketMember *m = row->member;
      char sex[2] = { m->sex, '\0' };
      gint64 id;

      sqlite3_reset (member);
      sqlite3_bind_text (member, 1, row->kpj, -1, SQLITE_STATIC);
      sqlite3_bind_text (member, 2, m->nik, -1, SQLITE_STATIC);
      sqlite3_bind_text (member, 3, m->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (member, 4, row->name_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (member, 5, row->birth, -1, SQLITE_STATIC);
      sqlite3_bind_text (member, 6, sex, 1, SQLITE_TRANSIENT);
      sqlite3_bind_text (member, 7, loket_segment_code (m->segment), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (member, 8, m->income);
      sqlite3_bind_null (member, 9);
      bind_text_or_null (member, 10, m->occupation);
      bind_text_or_null (member, 11, m->phone);
      bind_text_or_null (member, 12, m->street);
      bind_text_or_null (member, 13, m->rt);
      bind_text_or_null (member, 14, m->rw);
      bind_text_or_null (member, 15, m->village);
      bind_text_or_null (member, 16, m->district);
      bind_text_or_null (member, 17, m->regency);
      bind_text_or_null (member, 18, m->province);
      bind_text_or_null (member, 19, m->postcode);
      bind_text_or_null (member, 20, m->region_code);
      sqlite3_bind_text (member, 21, today_iso, -1, SQLITE_STATIC);
      sqlite3_bind_text (member, 22, now, -1, SQLITE_STATIC);
      check_rc (db, sqlite3_step (member), SQLITE_DONE, "insert member");
      id = sqlite3_last_insert_rowid (db);

      for (guint p = 0; p < G_N_ELEMENTS (loket_programs_in_order); p++)
        {
          if (!(m->programs & loket_programs_in_order[p]))
            continue;
          sqlite3_reset (program);
          sqlite3_bind_int64 (program, 1, id);
          sqlite3_bind_text (program, 2, loket_program_code (loket_programs_in_order[p]), -1, SQLITE_STATIC);
          sqlite3_bind_text (program, 3, today_iso, -1, SQLITE_STATIC);
          check_rc (db, sqlite3_step (program), SQLITE_DONE, "insert program");
        }
    }

  sqlite3_bind_int64 (fts, 1, last_id);
  check_rc (db, sqlite3_step (fts), SQLITE_DONE, "fill the name index");
  sqlite3_bind_int64 (link, 1, last_id);
  sqlite3_bind_text (link, 2, today_iso, -1, SQLITE_STATIC);
  check_rc (db, sqlite3_step (link), SQLITE_DONE, "link");
  check_rc (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), SQLITE_OK, "commit");
  seconds = loket_bench_now () - t0;

  sqlite3_finalize (member);
  sqlite3_finalize (program);
  sqlite3_finalize (fts);
  sqlite3_finalize (link);
  sqlite3_finalize (counter);
  sqlite3_finalize (last);
  sqlite3_close (db);
  return seconds;
}

static void
run_round (const char  *dir,
           guint        round,
           const GDate *today,
           Round       *out)
{
  g_autofree char *csv_path = g_build_filename (dir, "anggota.csv", NULL);
  g_autofree char *loket_db = g_build_filename (dir, "loket.db", NULL);
  g_autofree char *raw_db = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *csv = make_csv ((guint) opt_rows, (guint32) opt_seed + round, today);
  g_autoptr(LoketStore) store = make_database (loket_db, today);
  g_autoptr(LoketStore) raw_store = make_database (raw_db, today);
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(LoketImportReport) report = NULL;
  g_autoptr(LoketImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  LoketImportTerms terms = {
    LOKET_SEGMENT_BPU, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, 1000000, 1, 1, 1,
  };
  guint linked;
  double t0, t1, t2, t3;

  g_clear_object (&raw_store);
  if (!g_file_set_contents (csv_path, csv, -1, &error))
    fail ("writing the list", error);

  t0 = loket_bench_now ();
  sheet = loket_sheet_read_file (csv_path, NULL, NULL, NULL, &error);
  if (sheet == NULL)
    fail ("reading the list", error);
  t1 = loket_bench_now ();
  report = loket_import_check (store, sheet, &terms, today, &error);
  if (report == NULL)
    fail ("checking the list", error);
  t2 = loket_bench_now ();
  if (!loket_import_commit (store, report, today, &out->registered, &linked, &error))
    fail ("committing the list", error);
  t3 = loket_bench_now ();

  out->read = t1 - t0;
  out->check = t2 - t1;
  out->commit = t3 - t2;
  out->total = t3 - t0;
  out->rejected = loket_import_report_count (report, LOKET_IMPORT_REJECTED);
  out->duplicates = loket_import_report_count (report, LOKET_IMPORT_DUPLICATE_IN_FILE);

  /* The same file a second time registers nobody. */
  t0 = loket_bench_now ();
  again = loket_import_check (store, sheet, &terms, today, &error);
  if (again == NULL || !loket_import_commit (store, again, today, &out->again_registered, &linked, &error))
    fail ("importing the list again", error);
  out->again = loket_bench_now () - t0;

  out->raw = raw_insert (raw_db, report, today);

  g_clear_object (&store);
  remove_database (loket_db);
  remove_database (raw_db);
  g_unlink (csv_path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *rounds,
        gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < rounds->len; i++)
    {
      Round *r = &g_array_index (rounds, Round, i);
      double value = *(double *) ((char *) r + offset);

      g_array_append_val (values, value);
    }
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

#define MEDIAN(rounds, field) median ((rounds), G_STRUCT_OFFSET (Round, field))

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— collective enrolment benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rounds = g_array_new (FALSE, TRUE, sizeof (Round));
  g_autofree char *dir = NULL;
  FILE *out;
  GDate today;
  double read, check, commit, total, raw, again;
  Round *first;
  gboolean met;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("loket-bench-import: %s\n", error->message);
      return 2;
    }
  if (opt_rows < 1 || opt_rows > LOKET_SHEET_MAX_ROWS - 1 || opt_rounds < 1)
    {
      g_printerr ("loket-bench-import: --rows must be 1 to %d, --rounds at least 1\n",
                  LOKET_SHEET_MAX_ROWS - 1);
      return 2;
    }
  loket_date_parse_iso (DEFAULT_TODAY, "", &today, NULL);
  loket_core_ensure_resources ();

  if (opt_dir != NULL)
    {
      g_mkdir_with_parents (opt_dir, 0700);
      dir = g_strdup (opt_dir);
    }
  else if ((dir = g_dir_make_tmp ("loket-bench-import-XXXXXX", &error)) == NULL)
    fail ("making a folder", error);

  for (guint i = 0; i < opt_rounds; i++)
    {
      Round r = { 0 };

      run_round (dir, i, &today, &r);
      g_array_append_val (rounds, r);
      fprintf (opt_json ? stderr : stdout,
               "round %u: total %.2f s (read %.2f, check %.2f, commit %.2f), raw %.2f s\n",
               i + 1, r.total, r.read, r.check, r.commit, r.raw);
      fflush (opt_json ? stderr : stdout);
    }
  if (opt_dir == NULL)
    g_rmdir (dir);

  read = MEDIAN (rounds, read);
  check = MEDIAN (rounds, check);
  commit = MEDIAN (rounds, commit);
  total = MEDIAN (rounds, total);
  raw = MEDIAN (rounds, raw);
  again = MEDIAN (rounds, again);
  first = &g_array_index (rounds, Round, 0);
  met = total < TARGET_SECONDS && first->again_registered == 0;

  out = opt_json ? stderr : stdout;
  fprintf (out, "\nImport benchmark: %" G_GINT64_FORMAT " rows (CSV, Excel-Indonesian), SQLite %s,"
           " median of %" G_GINT64_FORMAT " rounds\n", opt_rows, sqlite3_libversion (), opt_rounds);
  fprintf (out, "  registered %u, rejected %u, duplicates in the file %u\n",
           first->registered, first->rejected, first->duplicates);
  fprintf (out, "  %-40s %8.2f s\n", "read the file", read);
  fprintf (out, "  %-40s %8.2f s\n", "check (the dry run)", check);
  fprintf (out, "  %-40s %8.2f s\n", "commit (one transaction)", commit);
  fprintf (out, "  %-40s %8.2f s   (target < %.0f s: %s)\n", "Loket, total", total, TARGET_SECONDS,
           total < TARGET_SECONDS ? "met" : "MISSED");
  fprintf (out, "  %-40s %8.2f s\n", "raw SQLite, the same members", raw);
  fprintf (out, "  %-40s %8.2f×\n", "Loket total / raw", total / raw);
  fprintf (out, "  %-40s %8.2f×\n", "Loket commit / raw", commit / raw);
  fprintf (out, "  %-40s %8.2f s   (registered %u)\n", "the same file again", again,
           first->again_registered);

  if (opt_json)
    {
      char buf[6][G_ASCII_DTOSTR_BUF_SIZE];

      g_print ("{\n  \"rows\": %" G_GINT64_FORMAT ",\n  \"rounds\": %" G_GINT64_FORMAT ",\n"
               "  \"sqlite_version\": \"%s\",\n"
               "  \"registered\": %u,\n  \"rejected\": %u,\n  \"duplicates_in_file\": %u,\n"
               "  \"read_s\": %s,\n  \"check_s\": %s,\n  \"commit_s\": %s,\n  \"total_s\": %s,\n"
               "  \"raw_s\": %s,\n  \"ratio_total\": %.2f,\n  \"ratio_commit\": %.2f,\n"
               "  \"again_s\": %s,\n  \"again_registered\": %u,\n"
               "  \"target_s\": %.0f,\n  \"met\": %s\n}\n",
               opt_rows, opt_rounds, sqlite3_libversion (),
               first->registered, first->rejected, first->duplicates,
               g_ascii_formatd (buf[0], sizeof buf[0], "%.3f", read),
               g_ascii_formatd (buf[1], sizeof buf[1], "%.3f", check),
               g_ascii_formatd (buf[2], sizeof buf[2], "%.3f", commit),
               g_ascii_formatd (buf[3], sizeof buf[3], "%.3f", total),
               g_ascii_formatd (buf[4], sizeof buf[4], "%.3f", raw),
               total / raw, commit / raw,
               g_ascii_formatd (buf[5], sizeof buf[5], "%.3f", again),
               first->again_registered, TARGET_SECONDS, met ? "true" : "false");
    }
  return first->again_registered == 0 ? 0 : 1;
}
