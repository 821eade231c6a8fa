/* loket-bench-generate.c: fills a new database with N plausible members for
 * the benchmarks (issue 2).
 *
 *   loket-bench-generate --members N --db FILE [--seed S] [--batch B]
 *
 * The database is made by loket_store_open, so schema and default rates are
 * the real ones; the members are then written the way a bulk import must be
 * (DESIGN.md, SQLite pitfalls): prepared statements in a few large
 * transactions, and the name index filled with one statement per batch
 * rather than a row at a time. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "loket-bench-people.h"
#include "loket-date.h"
#include "loket-kpj.h"
#include "loket-nik.h"
#include "loket-regions.h"
#include "loket-store-private.h"
#include "loket-text.h"

#define DEFAULT_BATCH   50000
#define DEFAULT_TODAY   "2026-11-23"
#define DEFAULT_PREFIX  "52"
/* Members registered from this date to today, in registration order. */
#define FIRST_REGISTRATION "2015-01-01"
#define N_VERIFIED      1000

static gint64 opt_members = 0;
static char *opt_db = NULL;
static gint64 opt_seed = 1;
static gint64 opt_batch = DEFAULT_BATCH;
static char *opt_today = NULL;
static char *opt_prefix = NULL;
static gboolean opt_force = FALSE;

static const GOptionEntry entries[] = {
  { "members", 'n', 0, G_OPTION_ARG_INT64, &opt_members, "Number of members to make", "N" },
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, &opt_db, "Database to create", "FILE" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed (default 1)", "S" },
  { "batch", 'b', 0, G_OPTION_ARG_INT64, &opt_batch, "Members per transaction (default 50000)", "B" },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, "The day the members are counted up to (default " DEFAULT_TODAY ")", "YYYY-MM-DD" },
  { "prefix", 0, 0, G_OPTION_ARG_STRING, &opt_prefix, "Branch KPJ prefix (default " DEFAULT_PREFIX ")", "NN" },
  { "force", 'f', 0, G_OPTION_ARG_NONE, &opt_force, "Replace FILE if it exists", NULL },
  { NULL }
};

typedef struct {
  sqlite3_stmt *member;   /* owned */
  sqlite3_stmt *program;  /* owned */
  sqlite3_stmt *fts;      /* owned */
} Statements;

static void
statements_clear (Statements *st)
{
  g_clear_pointer (&st->member, sqlite3_finalize);
  g_clear_pointer (&st->program, sqlite3_finalize);
  g_clear_pointer (&st->fts, sqlite3_finalize);
}

static gboolean
check_rc (sqlite3    *db,
          int         rc,
          int         expected,
          const char *what)
{
  if (rc == expected)
    return TRUE;
  g_printerr ("loket-bench-generate: %s: %s\n", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3    *db,
      const char *sql)
{
  return check_rc (db, sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK, sql);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char iso[11];

  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  sqlite3_bind_text (stmt, index, iso, 10, SQLITE_TRANSIENT);
}

/* The columns of loket-store-members.c's insert_member, plus the id: a
 * fresh database numbers members 1..N, and the KPJ sequence follows it. */
static gboolean
insert_member (sqlite3      *db,
               Statements   *st,
               gint64        id,
               LoketMember  *member,
               const char   *prefix)
{
  g_autofree char *kpj = loket_kpj_make (prefix, id, NULL);
  g_autofree char *name_key = loket_text_fold (member->name);
  char sex[2] = { member->sex, '\0' };
  char created_at[21];
  sqlite3_stmt *stmt = st->member;

  g_snprintf (created_at, sizeof created_at, "%04d-%02d-%02dT%02d:%02d:00Z",
              g_date_get_year (&member->registered_on),
              g_date_get_month (&member->registered_on),
              g_date_get_day (&member->registered_on),
              1 + (int) (id % 9), (int) (id % 60));

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kpj, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, member->nik, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, member->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, name_key, -1, SQLITE_STATIC);
  bind_date (stmt, 6, &member->birth_date);
  sqlite3_bind_text (stmt, 7, sex, 1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, loket_segment_code (member->segment), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, member->income);
  if (member->risk_class > 0)
    sqlite3_bind_int (stmt, 10, member->risk_class);
  else
    sqlite3_bind_null (stmt, 10);
  bind_text (stmt, 11, member->occupation);
  bind_text (stmt, 12, member->phone);
  bind_text (stmt, 13, member->street);
  bind_text (stmt, 14, member->rt);
  bind_text (stmt, 15, member->rw);
  bind_text (stmt, 16, member->village);
  bind_text (stmt, 17, member->district);
  bind_text (stmt, 18, member->regency);
  bind_text (stmt, 19, member->province);
  bind_text (stmt, 20, member->postcode);
  bind_text (stmt, 21, member->region_code);
  bind_date (stmt, 22, &member->registered_on);
  sqlite3_bind_text (stmt, 23, created_at, -1, SQLITE_STATIC);
  if (!check_rc (db, sqlite3_step (stmt), SQLITE_DONE, "insert member"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    {
      LoketProgram program = loket_programs_in_order[i];

      if (!(member->programs & program))
        continue;
      sqlite3_reset (st->program);
      sqlite3_bind_int64 (st->program, 1, id);
      sqlite3_bind_text (st->program, 2, loket_program_code (program), -1, SQLITE_STATIC);
      bind_date (st->program, 3, &member->registered_on);
      if (!check_rc (db, sqlite3_step (st->program), SQLITE_DONE, "insert program"))
        return FALSE;
    }
  return TRUE;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt)
{
  return check_rc (db, sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL),
                   SQLITE_OK, sql);
}

static gboolean
generate (LoketStore   *store,
          gint64        n_members,
          const GDate  *today,
          const char   *prefix,
          double       *fts_seconds)
{
  sqlite3 *db = store->db;
  g_autoptr(LoketBenchPeople) people = loket_bench_people_new ((guint32) opt_seed, today, 1);
  Statements st = { NULL };
  GDate first_day;
  guint32 first_julian, span;
  gboolean ok = FALSE;
  gint64 id = 0;

  loket_date_parse_iso (FIRST_REGISTRATION, "", &first_day, NULL);
  first_julian = g_date_get_julian (&first_day);
  span = g_date_get_julian (today) - first_julian;
  *fts_seconds = 0;

  if (!prepare (db,
                "INSERT INTO member (id, kpj, nik, name, name_key, birth_date, sex, segment, income,"
                " risk_class, occupation, phone, street, rt, rw, village, district, regency,"
                " province, postcode, region_code, registered_on, created_at, updated_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)", &st.member)
      || !prepare (db, "INSERT INTO member_program (member_id, program, since) VALUES (?, ?, ?)",
                   &st.program)
      || !prepare (db,
                   "INSERT INTO member_name_fts (rowid, name) SELECT id, name FROM member WHERE id > ?",
                   &st.fts))
    goto out;

  while (id < n_members)
    {
      gint64 batch_start = id;
      gint64 batch_end = MIN (n_members, id + opt_batch);
      double t0;

      if (!exec (db, "BEGIN IMMEDIATE"))
        goto out;
      for (id = batch_start + 1; id <= batch_end; id++)
        {
          g_autoptr(LoketMember) member = NULL;
          GDate registered_on;

          /* Registration dates grow with the id, as at a real counter. */
          g_date_clear (&registered_on, 1);
          g_date_set_julian (&registered_on,
                             first_julian + (guint32) ((double) span * (double) (id - 1) / (double) n_members));
          member = loket_bench_people_make (people, &registered_on);
          if (member == NULL)
            {
              g_printerr ("loket-bench-generate: ran out of NIK serials\n");
              goto out;
            }
          if (!insert_member (db, &st, id, member, prefix))
            goto out;
        }
      id = batch_end;

      /* The whole batch into the name index in one statement: per-row FTS
       * writes make a million-row load about ten times slower. */
      t0 = loket_bench_now ();
      sqlite3_reset (st.fts);
      sqlite3_bind_int64 (st.fts, 1, batch_start);
      if (!check_rc (db, sqlite3_step (st.fts), SQLITE_DONE, "fill member_name_fts"))
        goto out;
      *fts_seconds += loket_bench_now () - t0;

      if (id == n_members)
        {
          /* The counter goes on from N+1, so the counter's registrations
           * keep to the same sequence. */
          g_autofree char *counter_sql =
            g_strdup_printf ("INSERT INTO kpj_counter (prefix, next_sequence)"
                             " VALUES ('%s', %" G_GINT64_FORMAT ")"
                             " ON CONFLICT (prefix) DO UPDATE SET next_sequence = excluded.next_sequence",
                             prefix, n_members + 1);

          if (!exec (db, counter_sql))
            goto out;
        }
      if (!exec (db, "COMMIT"))
        goto out;
      if (isatty (2))
        g_printerr ("\r%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, id, n_members);
    }
  if (isatty (2))
    g_printerr ("\n");
  ok = TRUE;

out:
  if (!ok && !sqlite3_get_autocommit (db))
    exec (db, "ROLLBACK");
  statements_clear (&st);
  return ok;
}

/* Every sampled NIK parses without a single problem, warnings included, and
 * agrees with the birth date and sex stored beside it; the members can be
 * found by KPJ, NIK and name through the store's own search. */
static gboolean
verify (LoketStore  *store,
        gint64       n_members,
        const GDate *today)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) opt_seed + 1);
  guint n_checked = 0, n_bad = 0, n_not_found = 0;

  if (!prepare (store->db, "SELECT nik, birth_date, sex, kpj, name FROM member WHERE id = ?", &stmt))
    return FALSE;

  for (guint i = 0; i < MIN (N_VERIFIED, n_members); i++)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) n_members + 1);
      g_autoptr(LoketNikInfo) info = NULL;
      GDate birth;
      const char *sex, *kpj;
      g_autofree char *nik = NULL, *name = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          n_not_found++;
          continue;
        }
      nik = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      loket_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1), "", &birth, NULL);
      sex = (const char *) sqlite3_column_text (stmt, 2);
      kpj = (const char *) sqlite3_column_text (stmt, 3);

      info = loket_nik_parse (nik, today);
      loket_nik_check_against (info, &birth, sex[0]);
      if (info->problems->len > 0 || !loket_nik_info_is_valid (info))
        {
          const LoketProblem *first = g_ptr_array_index (info->problems, 0);
          g_printerr ("loket-bench-generate: NIK %s: %s\n", nik,
                      info->problems->len > 0 ? first->message : "invalid");
          n_bad++;
        }
      n_checked++;

      /* The store's search, a few times: it is slower than the row read. */
      if (i % 20 == 0)
        {
          g_autoptr(GPtrArray) by_kpj = loket_store_search_members (store, kpj, 5, NULL);
          g_autoptr(GPtrArray) by_nik = loket_store_search_members (store, nik, 5, NULL);
          g_autoptr(GPtrArray) by_name = loket_store_search_members (store, name, 5, NULL);

          if (by_kpj == NULL || by_kpj->len != 1
              || ((LoketMember *) g_ptr_array_index (by_kpj, 0))->id != id
              || by_nik == NULL || by_nik->len < 1
              || ((LoketMember *) g_ptr_array_index (by_nik, 0))->id != id
              || by_name == NULL || by_name->len < 1)
            {
              g_printerr ("loket-bench-generate: search did not find member %" G_GINT64_FORMAT
                          " (%s, %s, %s)\n", id, kpj, nik, name);
              n_not_found++;
            }
        }
    }
  sqlite3_finalize (stmt);

  /* The accent test of the issue: "dede" finds "Dédé". */
  if (n_members >= 2000)
    {
      g_autoptr(GPtrArray) dede = loket_store_search_members (store, "dede", 50, NULL);
      gboolean accented = FALSE;

      for (guint i = 0; dede != NULL && i < dede->len; i++)
        accented |= strstr (((LoketMember *) g_ptr_array_index (dede, i))->name, "Dédé") != NULL;
      if (!accented)
        {
          g_printerr ("loket-bench-generate: searching “dede” found no “Dédé”\n");
          n_not_found++;
        }
    }

  g_print ("verified %u NIKs: %u with problems; %u search misses\n",
           n_checked, n_bad, n_not_found);
  return n_bad == 0 && n_not_found == 0;
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— fill a database for the benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  GDate today;
  double started, fts_seconds, generated;
  GStatBuf info;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("loket-bench-generate: %s\n", error->message);
      return 2;
    }
  if (opt_members < 1 || opt_db == NULL || opt_batch < 1)
    {
      g_printerr ("loket-bench-generate: give --members N (at least 1) and --db FILE\n");
      return 2;
    }
  if (opt_members > LOKET_KPJ_MAX_SEQUENCE)
    {
      g_printerr ("loket-bench-generate: at most %d members\n", LOKET_KPJ_MAX_SEQUENCE);
      return 2;
    }
  if (!loket_date_parse_iso (opt_today ? opt_today : DEFAULT_TODAY, "--today", &today, &error)
      || !loket_kpj_prefix_is_valid (opt_prefix ? opt_prefix : DEFAULT_PREFIX))
    {
      g_printerr ("loket-bench-generate: %s\n", error ? error->message : "--prefix is not two digits");
      return 2;
    }

  if (g_file_test (opt_db, G_FILE_TEST_EXISTS))
    {
      if (!opt_force)
        {
          g_printerr ("loket-bench-generate: %s exists; give --force to replace it\n", opt_db);
          return 1;
        }
      remove_database (opt_db);
    }

  started = loket_bench_now ();
  loket_core_ensure_resources ();
  store = loket_store_open (opt_db, &error);
  if (store == NULL
      || !loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX,
                                   opt_prefix ? opt_prefix : DEFAULT_PREFIX, &error)
      || !loket_store_set_setting (store, LOKET_SETTING_BRANCH_NAME, "Benchmark", &error))
    {
      g_printerr ("loket-bench-generate: %s\n", error->message);
      return 1;
    }

  /* A bigger page cache than the counter's, for the bulk load only: the
   * NIK index is written in random order and would thrash the default 2 MB. */
  if (!exec (store->db, "PRAGMA cache_size = -262144")
      || !generate (store, opt_members, &today, opt_prefix ? opt_prefix : DEFAULT_PREFIX,
                    &fts_seconds)
      || !exec (store->db, "PRAGMA wal_checkpoint(TRUNCATE)"))
    return 1;
  generated = loket_bench_now () - started;

  g_print ("generated %" G_GINT64_FORMAT " members in %.1f s (%.1f s of it filling the name index)",
           opt_members, generated, fts_seconds);
  if (g_stat (opt_db, &info) == 0)
    g_print (", %.0f MB", (double) info.st_size / 1e6);
  g_print ("\n");

  return verify (store, opt_members, &today) ? 0 : 1;
}
