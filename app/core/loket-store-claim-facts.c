/* loket-store-claim-facts.c: what the store knows of a member when a
 * claim is judged: the program held, their status on the event date from
 * the payments, the JHT contributions recorded, their other claims. */
#include "config.h"

#include "loket-store-claims-private.h"
#include "loket-store-payments.h"

static gboolean
program_since (LoketStore    *self,
               gint64         member_id,
               LoketProgram   program,
               GDate         *out,
               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_date_clear (out, 1);
  if (program == 0)
    return TRUE;
  stmt = loket_store_prepare (self,
    "SELECT since FROM member_program WHERE member_id = ? AND program = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_text (stmt, 2, loket_program_code (program), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    loket_store_column_date (stmt, 0, out);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* A claim not rejected for the same event: JKM once; JKK death or total
 * disability once, temporary incapacity once per accident; JHT in full
 * once; a child's scholarship once a year. */
static gboolean
find_duplicate (LoketStore       *self,
                LoketClaim       *claim,
                const GDate      *today,
                LoketClaimFacts  *facts,
                GError          **error)
{
  sqlite3_stmt *stmt;
  const char *kind = NULL;
  gboolean partial = claim->kind == LOKET_CLAIM_KIND_PARTIAL_10 || claim->kind == LOKET_CLAIM_KIND_PARTIAL_30;
  int rc;

  facts->duplicate_claim_id = 0;
  if (claim->program == LOKET_CLAIM_JHT && partial)
    return TRUE;   /* judged as "once" by the rules, with a letter */

  stmt = loket_store_prepare (self,
    "SELECT id, status FROM claim WHERE member_id = ?1 AND program = ?2 AND status <> 'ditolak'"
    " AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR event_date = ?4)"
    " AND (?5 IS NULL OR heir_id = ?5) AND (?6 IS NULL OR substr (submitted_on, 1, 4) = ?6)"
    " AND (?7 = 0 OR kind NOT IN ('partial-10', 'partial-30'))"
    " ORDER BY id LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->member_id);
  sqlite3_bind_text (stmt, 2, loket_claim_program_code (claim->program), -1, SQLITE_STATIC);
  if (claim->program == LOKET_CLAIM_JKK)
    kind = loket_claim_kind_code (claim->kind);
  loket_store_bind_text_or_null (stmt, 3, kind);
  if (claim->kind == LOKET_CLAIM_KIND_TEMPORARY)
    loket_store_bind_date (stmt, 4, &claim->event_date);
  if (claim->program == LOKET_CLAIM_BEASISWA)
    {
      g_autofree char *year = g_strdup_printf ("%04u", g_date_get_year (today));

      sqlite3_bind_int64 (stmt, 5, claim->heir_id);
      sqlite3_bind_text (stmt, 6, year, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int (stmt, 7, claim->program == LOKET_CLAIM_JHT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      facts->duplicate_claim_id = sqlite3_column_int64 (stmt, 0);
      loket_claim_status_parse ((const char *) sqlite3_column_text (stmt, 1), &facts->duplicate_status, NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The JHT lines of the member's payments that stand, through the event's
 * month. */
static gboolean
jht_contributions (LoketStore   *self,
                   gint64        member_id,
                   const GDate  *event,
                   gint64       *out,
                   GError      **error)
{
  int last = loket_month_index (event);
  sqlite3_stmt *stmt;
  int rc;

  *out = 0;
  stmt = loket_store_prepare (self,
    "SELECT l.month_from, l.months, l.monthly FROM payment_line l JOIN payment p ON p.id = l.payment_id"
    " WHERE p.member_id = ? AND l.program = 'jht'"
    " AND NOT EXISTS (SELECT 1 FROM reversal v WHERE v.receipt_id = p.receipt_id)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate from;
      int months;

      if (!loket_store_column_date (stmt, 0, &from))
        continue;
      months = MIN (sqlite3_column_int (stmt, 1), last - loket_month_index (&from) + 1);
      if (months > 0)
        *out += months * sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
jht_partials (LoketStore       *self,
              gint64            member_id,
              LoketClaimFacts  *facts,
              GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = loket_store_prepare (self,
    "SELECT id FROM claim WHERE member_id = ? AND program = 'jht'"
    " AND kind IN ('partial-10', 'partial-30') AND status <> 'ditolak' ORDER BY id LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (!loket_store_step_int64 (self, stmt, &facts->jht_partial_claim_id, error))
    return FALSE;

  stmt = loket_store_prepare (self,
    "SELECT coalesce (sum (total), 0) FROM claim WHERE member_id = ? AND program = 'jht'"
    " AND kind IN ('partial-10', 'partial-30') AND status = 'dibayar'",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return loket_store_step_int64 (self, stmt, &facts->jht_partial_paid, error);
}

static gboolean
scholarships (LoketStore       *self,
              LoketClaim       *claim,
              LoketClaimFacts  *facts,
              GError          **error)
{
  /* TK and SD count their years together, as their rate rows do. */
  LoketSchoolLevel level = claim->school_level;
  LoketSchoolLevel also = level == LOKET_SCHOOL_TK ? LOKET_SCHOOL_SD
                          : level == LOKET_SCHOOL_SD ? LOKET_SCHOOL_TK : level;
  sqlite3_stmt *stmt;
  gint64 value;

  stmt = loket_store_prepare (self,
    "SELECT count (DISTINCT heir_id) FROM claim WHERE member_id = ? AND program = 'beasiswa'"
    " AND status <> 'ditolak' AND heir_id <> ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->member_id);
  sqlite3_bind_int64 (stmt, 2, claim->heir_id);
  if (!loket_store_step_int64 (self, stmt, &value, error))
    return FALSE;
  facts->scholarship_children = (guint) value;

  stmt = loket_store_prepare (self,
    "SELECT count (*) FROM claim WHERE heir_id = ? AND program = 'beasiswa'"
    " AND status <> 'ditolak' AND school_level IN (?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->heir_id);
  loket_store_bind_text_or_null (stmt, 2, loket_school_level_code (level));
  loket_store_bind_text_or_null (stmt, 3, loket_school_level_code (also));
  if (!loket_store_step_int64 (self, stmt, &value, error))
    return FALSE;
  facts->scholarship_years = (guint) value;

  stmt = loket_store_prepare (self,
    "SELECT coalesce (sum (total), 0) FROM claim WHERE member_id = ? AND program = 'beasiswa'"
    " AND status = 'dibayar'",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->member_id);
  return loket_store_step_int64 (self, stmt, &facts->scholarship_paid, error);
}

gboolean
loket_store_gather_claim_facts (LoketStore       *self,
                                LoketClaim       *claim,
                                LoketClaimFacts  *facts,
                                GError          **error)
{
  LoketMember *member = facts->member;
  LoketMemberStatus status;

  if (!program_since (self, member->id, loket_claim_member_program (claim->program, claim->kind),
                      &facts->program_since, error)
      || !find_duplicate (self, claim, &facts->today, facts, error))
    return FALSE;

  /* Status before the membership means nothing (and the arrears window may
   * have no rate row that far back): the event date's own reason says it. */
  facts->status_on_event = LOKET_STATUS_BELUM_BAYAR;
  if (!g_date_valid (&member->registered_on)
      || g_date_compare (&claim->event_date, &member->registered_on) >= 0)
    {
      if (!loket_store_get_member_status (self, member, &claim->event_date, &status, error))
        return FALSE;
      facts->status_on_event = status.status;
    }

  if (claim->program == LOKET_CLAIM_JHT
      && (!jht_contributions (self, member->id, &claim->event_date, &facts->jht_contributions, error)
          || !jht_partials (self, member->id, facts, error)))
    return FALSE;
  if (claim->program == LOKET_CLAIM_BEASISWA && claim->heir_id != 0
      && !scholarships (self, claim, facts, error))
    return FALSE;
  return TRUE;
}
