/* loket-store-claim-report.c: the claims of a period, per program. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-error.h"
#include "loket-format.h"
#include "loket-store-claims-private.h"

/* What each row of the query counts. */
enum { TAKEN, APPROVED, REJECTED, PAID };

gboolean
loket_store_report_claims (LoketStore         *self,
                           const GDate        *from,
                           const GDate        *to,
                           LoketClaimsReport  *out,
                           GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_date_compare (to, from) < 0)
    {
      g_autofree char *from_text = loket_format_date (from);
      g_autofree char *to_text = loket_format_date (to);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: two dates */
                   _("To: %s is before the start of the period, %s. Give the first day with --from and the last with --to."),
                   to_text, from_text);
      return FALSE;
    }

  memset (out, 0, sizeof *out);
  out->from = *from;
  out->to = *to;

  /* Decisions by the day they were recorded, payments by the day they were
   * made: a claim taken in one half-year and paid in the next counts as
   * paid in the next. */
  stmt = loket_store_prepare (self,
    "SELECT 0, program, count (*), 0 FROM claim WHERE submitted_on BETWEEN ?1 AND ?2 GROUP BY program"
    " UNION ALL"
    " SELECT CASE e.to_status WHEN 'disetujui' THEN 1 ELSE 2 END, c.program, count (*), sum (c.total)"
    " FROM claim_event e JOIN claim c ON c.id = e.claim_id"
    " WHERE e.to_status IN ('disetujui', 'ditolak') AND e.happened_on BETWEEN ?1 AND ?2"
    " GROUP BY e.to_status, c.program"
    " UNION ALL"
    " SELECT 3, program, count (*), sum (total) FROM claim"
    " WHERE status = 'dibayar' AND paid_on BETWEEN ?1 AND ?2 GROUP BY program",
    error);
  if (stmt == NULL)
    return FALSE;
  loket_store_bind_date (stmt, 1, from);
  loket_store_bind_date (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoketClaimProgram program;
      LoketClaimsReportRow *rows[2];
      gint64 count = sqlite3_column_int64 (stmt, 2);
      gint64 total = sqlite3_column_int64 (stmt, 3);

      if (!loket_claim_program_parse ((const char *) sqlite3_column_text (stmt, 1), &program, NULL))
        continue;
      rows[0] = &out->programs[program];
      rows[1] = &out->all;
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        switch (sqlite3_column_int (stmt, 0))
          {
          case TAKEN:
            rows[i]->submitted += count;
            break;
          case APPROVED:
            rows[i]->approved += count;
            rows[i]->approved_total += total;
            break;
          case REJECTED:
            rows[i]->rejected += count;
            break;
          case PAID:
          default:
            rows[i]->paid += count;
            rows[i]->paid_total += total;
            break;
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}
