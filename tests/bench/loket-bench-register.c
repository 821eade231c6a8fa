/* loket-bench-register.c: registration throughput, Loket against raw SQLite.
 *
 * Each registration is its own transaction, as at the counter (WAL,
 * synchronous=FULL, so every commit waits for the disk). The raw side runs
 * the statements loket_store_register_member runs, in the same order, with
 * everything that is not SQLite (rules, text folding, copying) done before
 * the clock starts: the difference is what Loket's layer costs. */
#include <string.h>

#include "loket-bench.h"
#include "loket-bench-people.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-registration.h"
#include "loket-store-private.h"
#include "loket-text.h"

/* Copied from loket-store-members.c and loket-store.c (the statements of
 * loket_store_register_member): keep in step with them, or the baseline no
 * longer measures the same work. */
#define MEMBER_COLUMNS \
  "m.id, m.kpj, m.nik, m.name, m.birth_date, m.sex, m.segment, m.income, " \
  "m.risk_class, m.occupation, m.phone, m.street, m.rt, m.rw, m.village, " \
  "m.district, m.regency, m.province, m.postcode, m.region_code, m.registered_on, " \
  "(SELECT group_concat (program) FROM member_program p WHERE p.member_id = m.id)"

static const char *const raw_sql[] = {
#define SQL_BY_NIK 0
  "SELECT " MEMBER_COLUMNS " FROM member m WHERE m.nik = ?",
#define SQL_SIMILAR 1
  "SELECT " MEMBER_COLUMNS " FROM member m"
  " WHERE m.name_key = ? AND m.birth_date = ? AND m.nik IS NOT ? LIMIT 20",
#define SQL_SETTING 2
  "SELECT value FROM setting WHERE key = ?",
#define SQL_KPJ 3
  "INSERT INTO kpj_counter (prefix, next_sequence) VALUES (?1, ?2 + 1)"
  " ON CONFLICT (prefix) DO UPDATE SET next_sequence = next_sequence + ?2"
  " RETURNING next_sequence - ?2",
#define SQL_MEMBER 4
  "INSERT INTO member (kpj, nik, name, name_key, birth_date, sex, segment, income,"
  " risk_class, occupation, phone, street, rt, rw, village, district, regency,"
  " province, postcode, region_code, registered_on, created_at, updated_at,"
  " partnership_id, agent_id)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
  " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24)",
#define SQL_FTS 5
  "INSERT INTO member_name_fts (rowid, name) VALUES (?, ?)",
#define SQL_PROGRAM 6
  "INSERT INTO member_program (member_id, program, since) VALUES (?, ?, ?)",
#define N_SQL 7
};

typedef struct {
  LoketMember *draft;    /* owned: as typed at the counter, for Loket */
  LoketMember *checked;  /* owned: as the rules tidy it, for the raw side */
  char        *name_key; /* owned */
  char        *birth;    /* owned, ISO */
} Registration;

static void
registration_clear (gpointer data)
{
  Registration *reg = data;

  g_clear_object (&reg->draft);
  g_clear_object (&reg->checked);
  g_clear_pointer (&reg->name_key, g_free);
  g_clear_pointer (&reg->birth, g_free);
}

typedef struct {
  sqlite3      *db;             /* borrowed */
  sqlite3_stmt *stmts[N_SQL];   /* owned */
  char          today[11];
  char         *now;            /* owned */
} Raw;

static void
raw_clear (Raw *raw)
{
  for (guint i = 0; i < N_SQL; i++)
    g_clear_pointer (&raw->stmts[i], sqlite3_finalize);
  g_clear_pointer (&raw->now, g_free);
}

/* As loket_store_prepare hands a cached statement out: reset, unbound. */
static sqlite3_stmt *
raw_stmt (Raw *raw,
          int  which)
{
  sqlite3_stmt *stmt = raw->stmts[which];

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
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

/* Reads every column of every row, as member_from_row would. */
static int
consume_members (sqlite3_stmt *stmt)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      if (i == 0 || i == 7 || i == 8)
        (void) sqlite3_column_int64 (stmt, i);
      else
        (void) sqlite3_column_text (stmt, i);
  return rc;
}

static gboolean
raw_insert (Raw           *raw,
            Registration  *reg,
            GError       **error)
{
  LoketMember *m = reg->checked;
  sqlite3_stmt *stmt;
  g_autofree char *prefix = NULL;
  g_autofree char *kpj = NULL;
  char sex[2] = { m->sex, '\0' };
  gint64 id;

  stmt = raw_stmt (raw, SQL_BY_NIK);
  sqlite3_bind_text (stmt, 1, m->nik, -1, SQLITE_STATIC);
  if (consume_members (stmt) != SQLITE_DONE)
    return FALSE;

  stmt = raw_stmt (raw, SQL_SIMILAR);
  sqlite3_bind_text (stmt, 1, reg->name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reg->birth, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, m->nik, -1, SQLITE_STATIC);
  if (consume_members (stmt) != SQLITE_DONE)
    return FALSE;

  /* Reset once read: a statement left on its row keeps the connection's
   * read snapshot open past COMMIT, as the store's own reads do. */
  stmt = raw_stmt (raw, SQL_SETTING);
  sqlite3_bind_text (stmt, 1, LOKET_SETTING_KPJ_PREFIX, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    prefix = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (prefix == NULL)
    prefix = g_strdup ("01");

  stmt = raw_stmt (raw, SQL_KPJ);
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, 1);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  kpj = loket_kpj_make (prefix, sqlite3_column_int64 (stmt, 0), error);
  sqlite3_reset (stmt);
  if (kpj == NULL)
    return FALSE;

  stmt = raw_stmt (raw, SQL_MEMBER);
  sqlite3_bind_text (stmt, 1, kpj, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, m->nik, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, m->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reg->name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, reg->birth, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, sex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, loket_segment_code (m->segment), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, m->income);
  if (m->risk_class > 0)
    sqlite3_bind_int (stmt, 9, m->risk_class);
  bind_text_or_null (stmt, 10, m->occupation);
  bind_text_or_null (stmt, 11, m->phone);
  bind_text_or_null (stmt, 12, m->street);
  bind_text_or_null (stmt, 13, m->rt);
  bind_text_or_null (stmt, 14, m->rw);
  bind_text_or_null (stmt, 15, m->village);
  bind_text_or_null (stmt, 16, m->district);
  bind_text_or_null (stmt, 17, m->regency);
  bind_text_or_null (stmt, 18, m->province);
  bind_text_or_null (stmt, 19, m->postcode);
  bind_text_or_null (stmt, 20, m->region_code);
  sqlite3_bind_text (stmt, 21, raw->today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 22, raw->now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return FALSE;
  id = sqlite3_last_insert_rowid (raw->db);

  stmt = raw_stmt (raw, SQL_FTS);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, m->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return FALSE;

  stmt = raw_stmt (raw, SQL_PROGRAM);
  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    {
      LoketProgram program = loket_programs_in_order[i];

      if (!(m->programs & program))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, loket_program_code (program), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, raw->today, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
raw_register (Raw           *raw,
              Registration  *reg,
              GError       **error)
{
  GError *local_error = NULL;

  if (sqlite3_exec (raw->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      loket_bench_set_sqlite_error (raw->db, "raw BEGIN", error);
      return FALSE;
    }
  if (!raw_insert (raw, reg, &local_error)
      || sqlite3_exec (raw->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        loket_bench_set_sqlite_error (raw->db, "raw registration", error);
      sqlite3_exec (raw->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
nik_is_taken (sqlite3    *db,
              const char *nik)
{
  sqlite3_stmt *stmt = NULL;
  gboolean taken;

  sqlite3_prepare_v2 (db, "SELECT 1 FROM member WHERE nik = ?", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, nik, -1, SQLITE_STATIC);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return taken;
}

/* Fresh people, with NIKs no one in the database has: serials from 5000
 * up, which the generator (counting from 1) never reaches, and checked
 * anyway, since earlier runs of the benchmark registered people too. */
static GArray *
make_registrations (LoketBench  *bench,
                    guint        count,
                    GError     **error)
{
  g_autoptr(GArray) regs = g_array_sized_new (FALSE, TRUE, sizeof (Registration), count);
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (bench->store, error);
  g_autoptr(LoketBenchPeople) people = NULL;
  gint64 n_members = loket_store_count_members (bench->store, NULL);

  if (book == NULL)
    return NULL;
  g_array_set_clear_func (regs, registration_clear);
  /* Another run on the same database gets other people. */
  people = loket_bench_people_new (bench->seed * 7919u + (guint32) n_members, &bench->today, 5000);

  while (regs->len < count)
    {
      Registration reg = { NULL };
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) local_error = NULL;

      reg.draft = loket_bench_people_make (people, &bench->today);
      if (reg.draft == NULL)
        {
          g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID, "ran out of NIK serials");
          return NULL;
        }
      if (nik_is_taken (bench->raw, reg.draft->nik))
        {
          registration_clear (&reg);
          continue;
        }

      /* The counter types the names of places and the phone as people
       * say them; the rules fill and normalise them. */
      g_clear_pointer (&reg.draft->province, g_free);
      g_clear_pointer (&reg.draft->regency, g_free);
      g_clear_pointer (&reg.draft->district, g_free);
      reg.draft->phone[2] = '0';
      memmove (reg.draft->phone, reg.draft->phone + 2, strlen (reg.draft->phone + 2) + 1);
      g_date_clear (&reg.draft->registered_on, 1);

      reg.checked = loket_member_copy (reg.draft);
      problems = loket_registration_check (reg.checked, book, &bench->today);
      if (!loket_problems_to_error (problems, &local_error))
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       "made-up member %s %s fails the rules: %s",
                       reg.draft->nik, reg.draft->name, local_error->message);
          registration_clear (&reg);
          return NULL;
        }
      reg.name_key = loket_text_fold (reg.checked->name);
      reg.birth = loket_date_to_iso (&reg.checked->birth_date);
      g_array_append_val (regs, reg);
    }
  return g_steal_pointer (&regs);
}

static double
median_of (GArray *values)
{
  g_autoptr(GArray) copy = g_array_copy (values);

  return loket_bench_percentile (copy, 0.5);
}

gboolean
loket_bench_register (LoketBench                *bench,
                      guint                      registrations,
                      guint                      rounds,
                      LoketBenchRegisterResult  *out,
                      GError                   **error)
{
  g_autoptr(GArray) regs = NULL;
  Raw raw = { .db = bench->raw };
  gboolean ok = FALSE;
  guint next = 0;

  out->registrations = registrations;
  out->rounds = rounds;
  out->loket_per_s = g_array_new (FALSE, FALSE, sizeof (double));
  out->raw_per_s = g_array_new (FALSE, FALSE, sizeof (double));

  regs = make_registrations (bench, 2 * registrations * rounds, error);
  if (regs == NULL)
    return FALSE;

  for (guint i = 0; i < N_SQL; i++)
    if (sqlite3_prepare_v3 (raw.db, raw_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                            &raw.stmts[i], NULL) != SQLITE_OK)
      {
        loket_bench_set_sqlite_error (raw.db, raw_sql[i], error);
        goto out;
      }
  g_snprintf (raw.today, sizeof raw.today, "%04d-%02d-%02d", g_date_get_year (&bench->today),
              g_date_get_month (&bench->today), g_date_get_day (&bench->today));
  raw.now = loket_store_now_utc ();

  for (guint round = 0; round < rounds; round++)
    for (guint side = 0; side < 2; side++)
      {
        /* Loket first in even rounds, raw first in odd ones, so neither
         * always finds the caches the other warmed (or the checkpoint the
         * other left due). */
        gboolean loket = (side == 0) == (round % 2 == 0);
        double t0, seconds, rate;

        t0 = loket_bench_now ();
        for (guint i = 0; i < registrations; i++, next++)
          {
            Registration *reg = &g_array_index (regs, Registration, next);

            if (loket)
              {
                g_autoptr(LoketMember) saved =
                  loket_store_register_member (bench->store, reg->draft, &bench->today,
                                               TRUE, NULL, NULL, error);
                if (saved == NULL)
                  goto out;
              }
            else if (!raw_register (&raw, reg, error))
              goto out;
          }
        seconds = loket_bench_now () - t0;
        rate = registrations / seconds;
        g_array_append_val (loket ? out->loket_per_s : out->raw_per_s, rate);
        g_printerr ("registration round %u/%u, %s: %.0f/s\n", round + 1, rounds,
                    loket ? "Loket" : "raw", rate);
      }

  out->loket_median = median_of (out->loket_per_s);
  out->raw_median = median_of (out->raw_per_s);
  ok = TRUE;

out:
  raw_clear (&raw);
  return ok;
}

void
loket_bench_register_result_clear (LoketBenchRegisterResult *result)
{
  g_clear_pointer (&result->loket_per_s, g_array_unref);
  g_clear_pointer (&result->raw_per_s, g_array_unref);
}
