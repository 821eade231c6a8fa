/* loket-store-reports.c: the day's closing, who is behind, and the
 * contributions next month should bring. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-error.h"
#include "loket-store-cooperatives.h"
#include "loket-store-payments-private.h"
#include "loket-store-reports.h"

/* ---- the day's closing --------------------------------------------------- */

static void
report_row_clear (gpointer data)
{
  LoketReportRow *row = data;

  g_free (row->key);
  g_free (row->label);
}

static GArray *
report_rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (LoketReportRow));

  g_array_set_clear_func (rows, report_row_clear);
  return rows;
}

static gint
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  LoketChannel x = 0, y = 0;

  loket_channel_parse (((const LoketReportRow *) a)->key, &x, NULL);
  loket_channel_parse (((const LoketReportRow *) b)->key, &y, NULL);
  return (int) x - (int) y;
}

/* Rows of SELECT key, receipts, members, amount. */
static gboolean
collect_rows (LoketStore    *self,
              sqlite3_stmt  *stmt,
              gboolean       channels,
              GArray        *rows,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketReportRow row = { 0, };
      LoketChannel channel;

      row.key = loket_store_dup_column_text (stmt, 0);
      row.receipts = sqlite3_column_int64 (stmt, 1);
      row.members = sqlite3_column_int64 (stmt, 2);
      row.amount = sqlite3_column_int64 (stmt, 3);
      if (channels && loket_channel_parse (row.key, &channel, NULL))
        row.label = g_strdup (loket_channel_label (channel));
      else
        row.label = g_strdup (row.key);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

LoketDayReport *
loket_store_report_day (LoketStore   *self,
                        const GDate  *day,
                        GError      **error)
{
  g_autoptr(LoketDayReport) report = g_new0 (LoketDayReport, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  report->day = *day;
  report->by_channel = report_rows_new ();
  report->by_clerk = report_rows_new ();

  stmt = loket_store_prepare (self,
    "SELECT r.channel, count(DISTINCT r.id), count(p.id), coalesce(sum(p.total), 0)"
    " FROM receipt r JOIN payment p ON p.receipt_id = r.id WHERE r.paid_on = ? GROUP BY r.channel",
    error);
  if (stmt == NULL)
    return NULL;
  loket_store_bind_date (stmt, 1, day);
  if (!collect_rows (self, stmt, TRUE, report->by_channel, error))
    return NULL;
  g_array_sort (report->by_channel, compare_channels);

  stmt = loket_store_prepare (self,
    "SELECT r.clerk, count(DISTINCT r.id), count(p.id), coalesce(sum(p.total), 0)"
    " FROM receipt r JOIN payment p ON p.receipt_id = r.id WHERE r.paid_on = ?"
    " GROUP BY r.clerk ORDER BY r.clerk",
    error);
  if (stmt == NULL)
    return NULL;
  loket_store_bind_date (stmt, 1, day);
  if (!collect_rows (self, stmt, FALSE, report->by_clerk, error))
    return NULL;

  for (guint i = 0; i < report->by_channel->len; i++)
    {
      const LoketReportRow *row = &g_array_index (report->by_channel, LoketReportRow, i);

      report->receipts += row->receipts;
      report->members += row->members;
      report->total += row->amount;
    }

  stmt = loket_store_prepare (self,
    "SELECT count(*), coalesce(sum(r.total), 0) FROM reversal v JOIN receipt r ON r.id = v.receipt_id"
    " WHERE v.reversed_on = ?",
    error);
  if (stmt == NULL)
    return NULL;
  loket_store_bind_date (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      report->reversed_receipts = sqlite3_column_int64 (stmt, 0);
      report->reversed_total = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  report->net = report->total - report->reversed_total;
  return g_steal_pointer (&report);
}

void
loket_day_report_free (LoketDayReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->by_channel, g_array_unref);
  g_clear_pointer (&report->by_clerk, g_array_unref);
  g_free (report);
}

/* ---- the status of everyone ---------------------------------------------- */

/* Per member id: the status + 1 (0: no paid month yet), and BPU_FLAG for
 * the self-employed members registered by the date. */
#define BPU_FLAG 0x80
#define STATUS_OF(byte) ((byte) & 0x7f)

typedef struct {
  gint64 id;
  int    until;
} Behind;

typedef struct {
  guint8 *classes;    /* owned, indexed by member id */
  gint64  n_ids;
  GArray *behind;     /* Behind: in arrears (or, for expected, still in cover) */
} Population;

static void
population_clear (Population *population)
{
  g_clear_pointer (&population->classes, g_free);
  g_clear_pointer (&population->behind, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Population, population_clear)

static gboolean
step_int64 (LoketStore    *self,
            sqlite3_stmt  *stmt,
            gint64        *value,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* One pass over the paid runs: every member's status on the month `month`
 * (the latest run begun by then decides, as loket_payment_classify does),
 * then the self-employed members registered by `on` marked. Members in
 * arrears go into population->behind. */
static gboolean
classify_everyone (LoketStore   *self,
                   int           month,
                   int           window,
                   const GDate  *on,
                   Population   *population,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 highest = 0;
  int rc;

  stmt = loket_store_prepare (self, "SELECT coalesce(max(id), 0) FROM member", error);
  if (stmt == NULL || !step_int64 (self, stmt, &highest, error))
    return FALSE;
  population->n_ids = highest + 1;
  population->classes = g_new0 (guint8, population->n_ids);
  population->behind = g_array_new (FALSE, FALSE, sizeof (Behind));

  /* SQLite hands the bare month_until from the row holding the max(). */
  stmt = loket_store_prepare (self,
    "SELECT member_id, max(month_from), month_until FROM coverage"
    " WHERE month_from <= ? GROUP BY member_id",
    error);
  if (stmt == NULL)
    return FALSE;
  loket_store_bind_month (stmt, 1, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int until = loket_store_column_month (stmt, 2);
      LoketStatus status;

      if (id <= 0 || id >= population->n_ids)
        continue;
      if (until >= month)
        status = LOKET_STATUS_AKTIF;
      else if (month - until <= window)
        {
          Behind behind = { id, until };

          status = LOKET_STATUS_MENUNGGAK;
          g_array_append_val (population->behind, behind);
        }
      else
        status = LOKET_STATUS_NONAKTIF;
      population->classes[id] = (guint8) (status + 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  stmt = loket_store_prepare (self,
    "SELECT id FROM member WHERE segment = 'bpu' AND registered_on <= ?", error);
  if (stmt == NULL)
    return FALSE;
  loket_store_bind_date (stmt, 1, on);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id < population->n_ids)
        population->classes[id] |= BPU_FLAG;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static LoketStatus
status_of (guint8 byte)
{
  return STATUS_OF (byte) == 0 ? LOKET_STATUS_BELUM_BAYAR : (LoketStatus) (STATUS_OF (byte) - 1);
}

/* A month's contribution by the member's terms, remembered: at a million
 * members most share a handful of incomes and program sets. */
static gboolean
month_price (GHashTable     *memo,
             LoketRateBook  *book,
             LoketPrograms   programs,
             gint64          income,
             const char     *occupation,
             int             month,
             gint64         *total,
             GError        **error)
{
  g_autofree char *key = g_strdup_printf ("%u|%" G_GINT64_FORMAT "|%d|%s", programs, income, month,
                                          occupation != NULL ? occupation : "");
  gpointer found;
  GDate first;

  if (g_hash_table_lookup_extended (memo, key, NULL, &found))
    {
      *total = *(gint64 *) found;
      return TRUE;
    }
  loket_month_first_day (month, &first);
  if (!loket_payment_month_total (book, LOKET_SEGMENT_BPU, programs, income, occupation, &first, total, error))
    return FALSE;
  g_hash_table_insert (memo, g_steal_pointer (&key), g_memdup2 (total, sizeof *total));
  return TRUE;
}

/* What the member `id` owes for the months after `until` through `month`
 * (for the expected report, `until` is month - 1: one month). Fills
 * kpj and name when asked. */
static gboolean
price_member (LoketStore     *self,
              LoketRateBook  *book,
              GHashTable     *memo,
              gint64          id,
              int             until,
              int             month,
              char          **kpj,
              char          **name,
              gint64         *due,
              GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *occupation = NULL;
  LoketPrograms programs = 0;
  gint64 income;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT m.kpj, m.name, m.income, m.occupation,"
    " (SELECT group_concat (program) FROM member_program p WHERE p.member_id = m.id)"
    " FROM member m WHERE m.id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (kpj != NULL)
    *kpj = loket_store_dup_column_text (stmt, 0);
  if (name != NULL)
    *name = loket_store_dup_column_text (stmt, 1);
  income = sqlite3_column_int64 (stmt, 2);
  occupation = loket_store_dup_column_text (stmt, 3);
  if (sqlite3_column_text (stmt, 4) != NULL)
    loket_programs_parse ((const char *) sqlite3_column_text (stmt, 4), &programs, NULL);
  sqlite3_reset (stmt);

  *due = 0;
  for (int m = until + 1; m <= month; m++)
    {
      gint64 total;

      if (!month_price (memo, book, programs, income, occupation, m, &total, error))
        return FALSE;
      *due += total;
    }
  return TRUE;
}

/* ---- who is behind ------------------------------------------------------- */

static void
behind_member_clear (gpointer data)
{
  LoketBehindMember *member = data;

  g_free (member->kpj);
  g_free (member->name);
}

static void
behind_cooperative_clear (gpointer data)
{
  g_free (((LoketBehindCooperative *) data)->name);
}

static gint
compare_behind (gconstpointer a,
                gconstpointer b)
{
  const LoketBehindMember *x = a, *y = b;

  if (x->months_behind != y->months_behind)
    return y->months_behind - x->months_behind;
  return g_strcmp0 (x->kpj, y->kpj);
}

/* The members of one cooperative, as flags by member id. */
static guint8 *
cooperative_flags (LoketStore  *self,
                   gint64       cooperative_id,
                   gint64       n_ids,
                   GError     **error)
{
  g_autofree guint8 *flags = g_new0 (guint8, n_ids);
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT member_id FROM cooperative_member WHERE cooperative_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id < n_ids)
        flags[id] = 1;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&flags);
}

/* The counts of every cooperative (or of the one asked for), from the
 * statuses and the amounts owed by member. */
static gboolean
count_cooperatives (LoketStore        *self,
                    LoketBehindReport *report,
                    const Population  *population,
                    GHashTable        *due_by_id,
                    GError           **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = loket_store_prepare (self,
    "SELECT id, name FROM cooperative WHERE ?1 = 0 OR id = ?1 ORDER BY name_key, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report->cooperative_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketBehindCooperative row = { 0, };

      row.cooperative_id = sqlite3_column_int64 (stmt, 0);
      row.name = loket_store_dup_column_text (stmt, 1);
      g_array_append_val (report->cooperatives, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  /* The array is complete: pointers into it stay put from here. */
  for (guint i = 0; i < report->cooperatives->len; i++)
    {
      LoketBehindCooperative *row = &g_array_index (report->cooperatives, LoketBehindCooperative, i);

      g_hash_table_insert (index, &row->cooperative_id, row);
    }

  stmt = loket_store_prepare (self, "SELECT cooperative_id, member_id FROM cooperative_member", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 cooperative_id = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      LoketBehindCooperative *row = g_hash_table_lookup (index, &cooperative_id);
      gpointer due;

      if (row == NULL || id <= 0 || id >= population->n_ids || !(population->classes[id] & BPU_FLAG))
        continue;
      row->members++;
      row->counts[status_of (population->classes[id])]++;
      if ((due = g_hash_table_lookup (due_by_id, &id)) != NULL)
        row->amount_due += ((LoketBehindMember *) due)->amount_due;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

LoketBehindReport *
loket_store_report_behind (LoketStore   *self,
                           const GDate  *on,
                           gint64        cooperative_id,
                           GError      **error)
{
  g_autoptr(LoketBehindReport) report = g_new0 (LoketBehindReport, 1);
  g_auto(Population) population = { 0, };
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(GHashTable) memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) due_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint8 *only = NULL;
  int month, window;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);
  g_return_val_if_fail (on != NULL && g_date_valid (on), NULL);

  report->on = *on;
  report->cooperative_id = cooperative_id;
  report->behind = g_array_new (FALSE, TRUE, sizeof (LoketBehindMember));
  g_array_set_clear_func (report->behind, behind_member_clear);
  report->cooperatives = g_array_new (FALSE, TRUE, sizeof (LoketBehindCooperative));
  g_array_set_clear_func (report->cooperatives, behind_cooperative_clear);

  if (cooperative_id > 0)
    {
      g_autoptr(LoketCooperative) cooperative = loket_store_find_cooperative (self, cooperative_id, error);

      if (cooperative == NULL)
        return NULL;
    }
  if ((book = loket_store_dup_rate_book (self, error)) == NULL
      || !loket_store_arrears_window (book, on, &window, error))
    return NULL;
  month = loket_month_index (on);
  if (!classify_everyone (self, month, window, on, &population, error))
    return NULL;
  if (cooperative_id > 0
      && (only = cooperative_flags (self, cooperative_id, population.n_ids, error)) == NULL)
    return NULL;

  for (gint64 id = 1; id < population.n_ids; id++)
    if ((population.classes[id] & BPU_FLAG) && (only == NULL || only[id]))
      {
        report->members++;
        report->counts[status_of (population.classes[id])]++;
      }

  for (guint i = 0; i < population.behind->len; i++)
    {
      const Behind *behind = &g_array_index (population.behind, Behind, i);
      LoketBehindMember member = { 0, };

      if (!(population.classes[behind->id] & BPU_FLAG) || (only != NULL && !only[behind->id]))
        continue;
      member.member_id = behind->id;
      member.months_behind = month - behind->until;
      loket_month_last_day (behind->until, &member.paid_until);
      if (!price_member (self, book, memo, behind->id, behind->until, month,
                         &member.kpj, &member.name, &member.amount_due, error))
        return NULL;
      report->amount_due += member.amount_due;
      g_array_append_val (report->behind, member);
    }
  g_array_sort (report->behind, compare_behind);
  for (guint i = 0; i < report->behind->len; i++)
    {
      LoketBehindMember *member = &g_array_index (report->behind, LoketBehindMember, i);

      g_hash_table_insert (due_by_id, &member->member_id, member);
    }

  if (!count_cooperatives (self, report, &population, due_by_id, error))
    return NULL;
  return g_steal_pointer (&report);
}

void
loket_behind_report_free (LoketBehindReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->behind, g_array_unref);
  g_clear_pointer (&report->cooperatives, g_array_unref);
  g_free (report);
}

/* ---- next month ---------------------------------------------------------- */

gboolean
loket_store_report_expected (LoketStore           *self,
                             const GDate          *month_date,
                             LoketExpectedReport  *out,
                             GError              **error)
{
  g_auto(Population) population = { 0, };
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(GHashTable) memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int month, window;
  gint64 members = 0;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (month_date != NULL && g_date_valid (month_date), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  month = loket_month_index (month_date);
  loket_month_first_day (month, &out->month);
  if ((book = loket_store_dup_rate_book (self, error)) == NULL
      || !loket_store_arrears_window (book, &out->month, &window, error)
      || !classify_everyone (self, month, window, &out->month, &population, error))
    return FALSE;

  for (gint64 id = 1; id < population.n_ids; id++)
    if (population.classes[id] & BPU_FLAG)
      {
        members++;
        if (status_of (population.classes[id]) == LOKET_STATUS_AKTIF)
          out->members_paid++;
      }

  /* Still in cover on the month's first day but not paid for it: each is
   * expected to pay the month itself (arrears are the behind report's). */
  for (guint i = 0; i < population.behind->len; i++)
    {
      const Behind *behind = &g_array_index (population.behind, Behind, i);
      gint64 due;

      if (!(population.classes[behind->id] & BPU_FLAG))
        continue;
      if (!price_member (self, book, memo, behind->id, month - 1, month, NULL, NULL, &due, error))
        return FALSE;
      out->members_due++;
      out->amount_due += due;
    }
  out->members_not_paying = members - out->members_paid - out->members_due;
  return TRUE;
}
