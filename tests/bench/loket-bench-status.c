/* loket-bench-status.c: the "who is behind" report of issue 6 over a whole
 * database (a million members), against the same query run straight in
 * SQLite.
 *
 *   loket-bench-status --db FILE [--rounds K] [--history-months H]
 *                      [--today YYYY-MM-DD] [--seed S] [--json]
 *
 * The database comes from loket-bench-generate. The first run on it gives
 * its self-employed (BPU) members plausible payment histories over the last
 * H months (default 12), written as a bulk load does, in large transactions
 * with prepared statements: about 10% never pay, most pay on through this
 * month in periods of 1, 3, 6 or 12 months, some stop 1 to 3 months ago
 * (in arrears) and some long before (lapsed). Amounts are 1% of the
 * declared income for JKK and Rp6.800 for JKM (+2% for JHT) without the
 * PP 50/2025 discount: plausible figures for the receipts, which the report
 * does not read.
 *
 * Then K rounds, alternating: loket_store_report_behind for the whole branch
 * (every member's status, each member in arrears with their months priced
 * from the rate book), and raw SQLite running the statements that give the
 * same members and counts (without pricing, which needs the rate rules).
 * Target (issue 6): under 3 s at a million members. The counts of both
 * sides must agree; exits 1 when they do not, 0 otherwise. */
#include <stdio.h>
#include <string.h>

#include "loket-bench-people.h"
#include "loket-regions.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-payment.h"
#include "loket-rates.h"
#include "loket-store-private.h"
#include "loket-store-reports.h"

#define TARGET_SECONDS 3.0
#define BATCH 20000

static char *opt_db = NULL;
static int opt_rounds = 5;
static int opt_history = 12;
static char *opt_today = NULL;
static gint64 opt_seed = 1;
static gboolean opt_json = FALSE;

static const GOptionEntry entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, &opt_db, "Database made by loket-bench-generate", "FILE" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "Rounds per side (default 5)", "K" },
  { "history-months", 0, 0, G_OPTION_ARG_INT, &opt_history, "Months of payments to generate (default 12)", "H" },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, "The report's date (default 2026-11-23)", "YYYY-MM-DD" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed (default 1)", "S" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print a JSON object on stdout", NULL },
  { NULL }
};

static gboolean
check (sqlite3    *db,
       int         rc,
       int         expected,
       const char *what)
{
  if (rc == expected)
    return TRUE;
  g_printerr ("loket-bench-status: %s: %s\n", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3    *db,
      const char *sql)
{
  return check (db, sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK, sql);
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt)
{
  return check (db, sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL), SQLITE_OK, sql);
}

static void
bind_month (sqlite3_stmt *stmt,
            int           index,
            int           month)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04d-%02d-01", month / 12, month % 12 + 1);
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

static int
month_of (const char *iso)
{
  return atoi (iso) * 12 + atoi (iso + 5) - 1;
}

/* ---- payment histories --------------------------------------------------- */

typedef struct {
  gint64        id;
  int           registered;   /* month index */
  gint64        income;
  LoketPrograms programs;
} Payer;

typedef struct {
  sqlite3_stmt *receipt;
  sqlite3_stmt *payment;
  sqlite3_stmt *line;
  sqlite3_stmt *coverage;
  int           sequence[4000];   /* per year */
  gint64        receipts;
} Writer;

static const char *const clerks[] = { "Wayan", "Ketut", "Made", "Baiq Nurul", "Lalu Ahmad" };

static int
pick_period (GRand *rand)
{
  double r = g_rand_double (rand);

  return r < 0.40 ? 1 : r < 0.70 ? 3 : r < 0.85 ? 6 : 12;
}

static gboolean
write_payment (sqlite3      *db,
               Writer       *w,
               GRand        *rand,
               const Payer  *payer,
               int           from,
               int           months,
               int           today_month,
               const GDate  *today)
{
  static const char *const program_codes[] = { "jkk", "jkm", "jht" };
  gint64 amounts[3];
  char number[40], paid_on[16];
  int paid = MIN (from, today_month);
  int year = paid / 12;
  int day = g_rand_int_range (rand, 1, 29);
  gint64 total = 0, receipt_id, payment_id;

  /* Paid in the first month paid for (or today for months ahead). */
  if (paid == today_month)
    day = MIN (day, (int) g_date_get_day (today));
  g_snprintf (paid_on, sizeof paid_on, "%04d-%02d-%02d", year, paid % 12 + 1, day);
  amounts[0] = loket_money_apply_bp (payer->income, 100) * months;
  amounts[1] = 6800 * months;
  amounts[2] = (payer->programs & LOKET_PROGRAM_JHT) ? loket_money_apply_bp (payer->income, 200) * months : 0;
  for (guint i = 0; i < 3; i++)
    total += amounts[i];
  g_snprintf (number, sizeof number, "KW-52-%04d-%06d", year, ++w->sequence[year]);

  sqlite3_reset (w->receipt);
  sqlite3_bind_text (w->receipt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (w->receipt, 2, year);
  sqlite3_bind_int (w->receipt, 3, w->sequence[year]);
  sqlite3_bind_text (w->receipt, 4, paid_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (w->receipt, 5, loket_channel_code (g_rand_int_range (rand, 0, LOKET_N_CHANNELS)), -1, SQLITE_STATIC);
  sqlite3_bind_text (w->receipt, 6, clerks[g_rand_int_range (rand, 0, G_N_ELEMENTS (clerks))], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->receipt, 7, total);
  sqlite3_bind_text (w->receipt, 8, paid_on, -1, SQLITE_TRANSIENT);
  if (!check (db, sqlite3_step (w->receipt), SQLITE_DONE, "insert receipt"))
    return FALSE;
  receipt_id = sqlite3_last_insert_rowid (db);
  w->receipts++;

  sqlite3_reset (w->payment);
  sqlite3_bind_int64 (w->payment, 1, receipt_id);
  sqlite3_bind_int64 (w->payment, 2, payer->id);
  bind_month (w->payment, 3, from);
  bind_month (w->payment, 4, from + months - 1);
  sqlite3_bind_int (w->payment, 5, months);
  sqlite3_bind_int64 (w->payment, 6, total);
  if (!check (db, sqlite3_step (w->payment), SQLITE_DONE, "insert payment"))
    return FALSE;
  payment_id = sqlite3_last_insert_rowid (db);

  for (guint i = 0; i < 3; i++)
    {
      if (amounts[i] == 0)
        continue;
      sqlite3_reset (w->line);
      sqlite3_bind_int64 (w->line, 1, payment_id);
      sqlite3_bind_text (w->line, 2, program_codes[i], -1, SQLITE_STATIC);
      bind_month (w->line, 3, from);
      sqlite3_bind_int (w->line, 4, months);
      sqlite3_bind_int64 (w->line, 5, amounts[i] / months);
      sqlite3_bind_int64 (w->line, 6, amounts[i]);
      if (!check (db, sqlite3_step (w->line), SQLITE_DONE, "insert payment line"))
        return FALSE;
    }
  return TRUE;
}

/* One member's history: when they start, how far they pay, in which
 * periods; one unbroken run of paid months. */
static gboolean
write_history (sqlite3     *db,
               Writer      *w,
               GRand       *rand,
               const Payer *payer,
               int          today_month,
               const GDate *today)
{
  int start = MAX (payer->registered, today_month - opt_history + 1);
  double kind = g_rand_double (rand);
  gboolean keeps_paying = FALSE;
  int last, cursor;

  if (kind < 0.10)
    return TRUE;                                              /* never paid */
  else if (kind < 0.65)
    {
      keeps_paying = TRUE;                                    /* aktif */
      last = today_month;
    }
  else if (kind < 0.82)
    last = today_month - g_rand_int_range (rand, 1, 4);       /* in arrears */
  else
    last = today_month - g_rand_int_range (rand, 4, opt_history + 1);  /* lapsed */
  if (last < start)
    return TRUE;

  for (cursor = start; cursor <= last; )
    {
      int months = pick_period (rand);

      /* Only someone still paying pays past the month they stop at. */
      while (!keeps_paying && cursor + months - 1 > last)
        months = months == 12 ? 6 : months == 6 ? 3 : 1;
      if (!write_payment (db, w, rand, payer, cursor, months, today_month, today))
        return FALSE;
      cursor += months;
    }

  sqlite3_reset (w->coverage);
  sqlite3_bind_int64 (w->coverage, 1, payer->id);
  bind_month (w->coverage, 2, start);
  bind_month (w->coverage, 3, cursor - 1);
  return check (db, sqlite3_step (w->coverage), SQLITE_DONE, "insert coverage");
}

static gboolean
generate_payments (sqlite3     *db,
                   const GDate *today)
{
  g_autoptr(GArray) payers = g_array_new (FALSE, FALSE, sizeof (Payer));
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) opt_seed + 6);
  sqlite3_stmt *stmt = NULL;
  Writer w = { NULL, };
  int today_month = loket_month_index (today);
  double started = loket_bench_now ();
  gboolean ok = FALSE;

  if (!prepare (db,
                "SELECT m.id, m.registered_on, m.income,"
                " (SELECT group_concat (program) FROM member_program p WHERE p.member_id = m.id)"
                " FROM member m WHERE m.segment = 'bpu' ORDER BY m.id", &stmt))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Payer payer = { sqlite3_column_int64 (stmt, 0), month_of ((const char *) sqlite3_column_text (stmt, 1)),
                      sqlite3_column_int64 (stmt, 2), 0 };

      loket_programs_parse ((const char *) sqlite3_column_text (stmt, 3), &payer.programs, NULL);
      g_array_append_val (payers, payer);
    }
  sqlite3_finalize (stmt);

  if (!prepare (db,
                "INSERT INTO receipt (number, prefix, year, sequence, paid_on, channel, clerk, payer,"
                " payer_name, total, created_at) VALUES (?1, '52', ?2, ?3, ?4, ?5, ?6, 'member', '', ?7, ?8)",
                &w.receipt)
      || !prepare (db,
                   "INSERT INTO payment (receipt_id, member_id, month_from, month_until, months, total, discount)"
                   " VALUES (?, ?, ?, ?, ?, ?, 0)", &w.payment)
      || !prepare (db,
                   "INSERT INTO payment_line (payment_id, program, month_from, months, monthly, discount, amount)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)", &w.line)
      || !prepare (db, "INSERT INTO coverage (member_id, month_from, month_until) VALUES (?, ?, ?)", &w.coverage))
    goto out;

  for (guint first = 0; first < payers->len; first += BATCH)
    {
      if (!exec (db, "BEGIN IMMEDIATE"))
        goto out;
      for (guint i = first; i < MIN (payers->len, first + BATCH); i++)
        if (!write_history (db, &w, rand, &g_array_index (payers, Payer, i), today_month, today))
          goto out;
      if (!exec (db, "COMMIT"))
        goto out;
      g_printerr ("\rpayment histories: %u / %u members", MIN (payers->len, first + BATCH), payers->len);
    }
  g_printerr ("\n");

  /* The counters go on from the histories, as the store would. */
  for (int year = 0; year < (int) G_N_ELEMENTS (w.sequence); year++)
    if (w.sequence[year] > 0)
      {
        g_autofree char *sql = g_strdup_printf (
          "INSERT INTO receipt_counter (prefix, year, next_sequence) VALUES ('52', %d, %d)",
          year, w.sequence[year] + 1);

        if (!exec (db, sql))
          goto out;
      }
  if (!exec (db, "PRAGMA wal_checkpoint(TRUNCATE)"))
    goto out;
  g_print ("generated %" G_GINT64_FORMAT " receipts for %u self-employed members in %.1f s\n",
           w.receipts, payers->len, loket_bench_now () - started);
  ok = TRUE;

out:
  if (!ok && !sqlite3_get_autocommit (db))
    exec (db, "ROLLBACK");
  g_clear_pointer (&w.receipt, sqlite3_finalize);
  g_clear_pointer (&w.payment, sqlite3_finalize);
  g_clear_pointer (&w.line, sqlite3_finalize);
  g_clear_pointer (&w.coverage, sqlite3_finalize);
  return ok;
}

/* ---- the report ---------------------------------------------------------- */

typedef struct {
  gint64 members;
  gint64 counts[LOKET_N_STATUSES];
  gint64 behind;      /* rows of the list */
  gint64 amount_due;  /* Loket only */
} Result;

static gboolean
run_loket (LoketStore  *store,
           const GDate *today,
           Result      *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketBehindReport) report = loket_store_report_behind (store, today, 0, &error);

  if (report == NULL)
    {
      g_printerr ("loket-bench-status: %s\n", error->message);
      return FALSE;
    }
  result->members = report->members;
  memcpy (result->counts, report->counts, sizeof result->counts);
  result->behind = report->behind->len;
  result->amount_due = report->amount_due;
  return TRUE;
}

static sqlite3_stmt *list, *counts, *members;

/* The same members and counts, straight from SQLite: the latest run begun
 * by the month decides, as in the store. */
static gboolean
run_raw (sqlite3     *db,
         const GDate *today,
         int          window,
         Result      *result)
{
  g_autofree char *on = loket_date_to_iso (today);
  int month = loket_month_index (today);

  if ((list == NULL
       && !prepare (db,
                    "SELECT m.id, m.kpj, m.name, l.month_until"
                    " FROM (SELECT member_id, max(month_from) AS run_from, month_until FROM coverage"
                    "       WHERE month_from <= ?1 GROUP BY member_id) l"
                    " JOIN member m ON m.id = l.member_id"
                    " WHERE m.segment = 'bpu' AND m.registered_on <= ?4"
                    " AND l.month_until >= ?2 AND l.month_until < ?3", &list))
      || (counts == NULL
          && !prepare (db,
                       "SELECT count(*) FILTER (WHERE month_until >= ?1),"
                       " count(*) FILTER (WHERE month_until < ?1 AND month_until >= ?2),"
                       " count(*) FILTER (WHERE month_until < ?2)"
                       " FROM (SELECT member_id, max(month_from), month_until FROM coverage"
                       "       WHERE month_from <= ?1 GROUP BY member_id)", &counts))
      || (members == NULL
          && !prepare (db, "SELECT count(*) FROM member WHERE segment = 'bpu' AND registered_on <= ?",
                       &members)))
    return FALSE;

  memset (result, 0, sizeof *result);
  sqlite3_reset (list);
  bind_month (list, 1, month);
  bind_month (list, 2, month - window);
  bind_month (list, 3, month);
  sqlite3_bind_text (list, 4, on, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      /* Read what the report shows, as a caller would. */
      if (sqlite3_column_text (list, 1) != NULL && sqlite3_column_text (list, 2) != NULL
          && sqlite3_column_text (list, 3) != NULL)
        result->behind++;
    }

  sqlite3_reset (counts);
  bind_month (counts, 1, month);
  bind_month (counts, 2, month - window);
  if (!check (db, sqlite3_step (counts), SQLITE_ROW, "counts"))
    return FALSE;
  result->counts[LOKET_STATUS_AKTIF] = sqlite3_column_int64 (counts, 0);
  result->counts[LOKET_STATUS_MENUNGGAK] = sqlite3_column_int64 (counts, 1);
  result->counts[LOKET_STATUS_NONAKTIF] = sqlite3_column_int64 (counts, 2);

  sqlite3_reset (members);
  sqlite3_bind_text (members, 1, on, -1, SQLITE_TRANSIENT);
  if (!check (db, sqlite3_step (members), SQLITE_ROW, "members"))
    return FALSE;
  result->members = sqlite3_column_int64 (members, 0);
  result->counts[LOKET_STATUS_BELUM_BAYAR] = result->members - result->counts[LOKET_STATUS_AKTIF]
                                             - result->counts[LOKET_STATUS_MENUNGGAK]
                                             - result->counts[LOKET_STATUS_NONAKTIF];
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the who-is-behind report against raw SQLite");
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(GArray) loket_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_s = g_array_new (FALSE, FALSE, sizeof (double));
  Result loket = { 0, }, raw = { 0, };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 receipts = 0, total_members = 0;
  double loket_median, raw_median;
  gboolean agree;
  int window = 3;
  GDate today;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("loket-bench-status: %s\n", error->message);
      return 2;
    }
  if (opt_db == NULL || opt_rounds < 1 || opt_history < 1)
    {
      g_printerr ("loket-bench-status: give --db FILE (made by loket-bench-generate)\n");
      return 2;
    }
  if (!loket_date_parse_iso (opt_today ? opt_today : "2026-11-23", "--today", &today, &error))
    {
      g_printerr ("loket-bench-status: %s\n", error->message);
      return 2;
    }

  loket_core_ensure_resources ();
  store = loket_store_open (opt_db, &error);
  if (store == NULL || (book = loket_store_dup_rate_book (store, &error)) == NULL)
    {
      g_printerr ("loket-bench-status: %s\n", error->message);
      return 1;
    }
  {
    gint64 value;

    if (loket_rate_book_lookup (book, LOKET_RATE_ARREARS_MONTHS, &today, &value))
      window = (int) value;
  }

  if (!prepare (store->db, "SELECT (SELECT count(*) FROM receipt), (SELECT count(*) FROM member)", &stmt))
    return 1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      receipts = sqlite3_column_int64 (stmt, 0);
      total_members = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (receipts == 0)
    {
      /* The bulk load's page cache, as loket-bench-generate uses. */
      if (!exec (store->db, "PRAGMA cache_size = -262144")
          || !generate_payments (store->db, &today)
          || !exec (store->db, "PRAGMA cache_size = -2000"))
        return 1;
    }
  else
    g_print ("reusing %" G_GINT64_FORMAT " receipts\n", receipts);

  if (sqlite3_open_v2 (opt_db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || !exec (db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"))
    {
      g_printerr ("loket-bench-status: cannot open %s for the baseline\n", opt_db);
      return 1;
    }

  /* A warm-up of each, then the rounds alternating. */
  if (!run_loket (store, &today, &loket) || !run_raw (db, &today, window, &raw))
    return 1;
  for (int round = 0; round < opt_rounds; round++)
    {
      double t0 = loket_bench_now (), t1, t2;

      if (!run_loket (store, &today, &loket))
        return 1;
      t1 = loket_bench_now ();
      if (!run_raw (db, &today, window, &raw))
        return 1;
      t2 = loket_bench_now ();
      g_array_append_vals (loket_s, (double[]) { t1 - t0 }, 1);
      g_array_append_vals (raw_s, (double[]) { t2 - t1 }, 1);
    }

  loket_median = median (loket_s);
  raw_median = median (raw_s);
  agree = loket.members == raw.members && loket.behind == raw.behind
          && memcmp (loket.counts, raw.counts, sizeof loket.counts) == 0;

  if (opt_json)
    g_print ("{\"members\": %" G_GINT64_FORMAT ", \"bpu_members\": %" G_GINT64_FORMAT
             ", \"aktif\": %" G_GINT64_FORMAT ", \"menunggak\": %" G_GINT64_FORMAT
             ", \"nonaktif\": %" G_GINT64_FORMAT ", \"belum_bayar\": %" G_GINT64_FORMAT
             ", \"amount_due\": %" G_GINT64_FORMAT ", \"rounds\": %d"
             ", \"loket_median_s\": %.3f, \"raw_median_s\": %.3f, \"ratio\": %.2f"
             ", \"target_s\": %.1f, \"agree\": %s}\n",
             total_members, loket.members, loket.counts[0], loket.counts[1], loket.counts[2],
             loket.counts[3], loket.amount_due, opt_rounds, loket_median, raw_median,
             raw_median > 0 ? loket_median / raw_median : 0, TARGET_SECONDS, agree ? "true" : "false");
  else
    {
      g_autofree char *due = loket_format_rupiah (loket.amount_due);

      g_print ("%" G_GINT64_FORMAT " members, %" G_GINT64_FORMAT " self-employed: %" G_GINT64_FORMAT
               " aktif, %" G_GINT64_FORMAT " menunggak (%s due), %" G_GINT64_FORMAT " nonaktif, %"
               G_GINT64_FORMAT " belum bayar\n",
               total_members, loket.members, loket.counts[0], loket.counts[1], due,
               loket.counts[2], loket.counts[3]);
      g_print ("who is behind, median of %d: Loket %.3f s, raw SQLite %.3f s, ratio %.2f (target under %.1f s)%s\n",
               opt_rounds, loket_median, raw_median, raw_median > 0 ? loket_median / raw_median : 0,
               TARGET_SECONDS, agree ? "" : "; COUNTS DIFFER");
    }
  g_clear_pointer (&list, sqlite3_finalize);
  g_clear_pointer (&counts, sqlite3_finalize);
  g_clear_pointer (&members, sqlite3_finalize);
  sqlite3_close (db);
  return agree ? 0 : 1;
}
