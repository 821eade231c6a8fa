/* loket-contribution.c
 *
 * Every figure comes from the rate book for a date; this file knows only the
 * shape of each rule (what is a percentage of what, who pays which part),
 * never an amount. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-contribution.h"
#include "loket-problem.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"

/* Not a rule but a guard against a mistyped amount: the sums of a year of
 * contributions on anything up to this stay far inside a gint64. */
#define INCOME_LIMIT G_GINT64_CONSTANT (1000000000000000)

#define PP50_LIST "pp50_2025.occupations"

typedef struct {
  GArray *lines;   /* LoketContributionLine, owned */
  gint64  total;
  gint64  discount;
  gint64  employer;
  gint64  worker;
} Month;

static void
line_clear (gpointer data)
{
  LoketContributionLine *line = data;

  g_clear_pointer (&line->label, g_free);
}

static GArray *
lines_new (void)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (LoketContributionLine));

  g_array_set_clear_func (lines, line_clear);
  return lines;
}

static LoketContributionLine *
add_line (GArray     *lines,
          const char *code,
          const char *label)
{
  LoketContributionLine line = { 0, };

  line.code = code;
  line.label = g_strdup (label);
  g_array_append_val (lines, line);
  return &g_array_index (lines, LoketContributionLine, lines->len - 1);
}

static LoketContributionLine *
add_percent_line (GArray       *lines,
                  LoketProgram  program,
                  gint64        base,
                  gint64        employer_bp,
                  gint64        worker_bp)
{
  LoketContributionLine *line = add_line (lines, loket_program_code (program),
                                          loket_program_label (program));

  line->rate_bp = employer_bp + worker_bp;
  line->base = base;
  /* Each part is rounded on its own, as each party is billed on its own. */
  line->employer = loket_money_apply_bp (base, employer_bp);
  line->worker = loket_money_apply_bp (base, worker_bp);
  line->monthly = line->employer + line->worker;
  return line;
}

/* ---- validation ---- */

static gboolean
check_programs (const LoketContributionRequest  *request,
                GError                         **error)
{
  g_autoptr(GPtrArray) problems = loket_problems_new ();

  loket_segment_check_programs (request->segment, request->programs, problems);
  return loket_problems_to_error (problems, error);
}

static gboolean
check_months (const LoketContributionRequest  *request,
              GError                         **error)
{
  int months = request->months;

  switch (request->segment)
    {
    case LOKET_SEGMENT_BPU:
      if (months == 1 || months == 3 || months == 6 || months == 12)
        return TRUE;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Months: self-employed members cannot pay for %d months at once. Pay for 1, 3, 6 or 12 months."),
                   months);
      return FALSE;

    case LOKET_SEGMENT_PMI:
      if (months >= 6 || (months == 0 && request->pmi_pre_placement))
        return TRUE;
      if (months == 0)
        g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                             _("Months: nothing to pay. Enter the months of placement, 6 or more, or include the pre-placement package."));
      else
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("Months: there is no placement package for %d months. Enter 6 months or more, or 0 for the pre-placement package alone."),
                     months);
      return FALSE;

    case LOKET_SEGMENT_PU:
    case LOKET_SEGMENT_JAKON:
    case LOKET_N_SEGMENTS:
    default:
      if (months >= 1 && months <= 12)
        return TRUE;
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Months: %d is not between 1 and 12. Enter from 1 to 12 months."),
                   months);
      return FALSE;
    }
}

static gboolean
check_bpu_income (LoketRateBook  *book,
                  gint64          income,
                  const GDate    *on,
                  GError        **error)
{
  gint64 min, max, step = 1;
  g_autofree char *amount = NULL;

  if (!loket_rate_book_get (book, "bpu.income.min", on, &min, error)
      || !loket_rate_book_get (book, "bpu.income.max", on, &max, error))
    return FALSE;
  /* No step row means any whole rupiah, as until Lampiran II's brackets are
   * entered; a step of 0 would be a typo, not "no step". */
  if (!loket_rate_book_lookup (book, "bpu.income.step", on, &step) || step < 1)
    step = 1;

  amount = loket_format_rupiah (income);
  if (income < min)
    {
      g_autofree char *limit = loket_format_rupiah (min);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: amounts such as Rp900.000 and Rp1.000.000 */
                   _("Declared income: %s is below the minimum of %s. Enter at least %s."),
                   amount, limit, limit);
      return FALSE;
    }
  if (income > max || income > INCOME_LIMIT)
    {
      g_autofree char *limit = loket_format_rupiah (MIN (max, INCOME_LIMIT));

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: amounts such as Rp25.000.000 and Rp20.700.000 */
                   _("Declared income: %s is above the maximum of %s. Enter at most %s."),
                   amount, limit, limit);
      return FALSE;
    }
  if (income % step != 0)
    {
      g_autofree char *step_text = loket_format_rupiah (step);
      g_autofree char *below = loket_format_rupiah (income - income % step);
      g_autofree char *above = loket_format_rupiah (income - income % step + step);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: the amount typed, the step, the two nearest allowed amounts */
                   _("Declared income: %s is not a multiple of %s. Enter %s or %s."),
                   amount, step_text, below, above);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_wage (gint64   income,
            GError **error)
{
  g_autofree char *amount = loket_format_rupiah (income);

  if (income <= 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Wage: %s is not a monthly wage. Enter the wage in rupiah, more than Rp0."),
                   amount);
      return FALSE;
    }
  if (income > INCOME_LIMIT)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Wage: %s is too large to be a monthly wage. Check the amount."),
                   amount);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_contribution_check_income (LoketRateBook  *book,
                                 LoketSegment    segment,
                                 gint64          income,
                                 const GDate    *on,
                                 GError        **error)
{
  switch (segment)
    {
    case LOKET_SEGMENT_BPU:
      return check_bpu_income (book, income, on, error);
    case LOKET_SEGMENT_PU:
    case LOKET_SEGMENT_JAKON:
      return check_wage (income, error);
    case LOKET_SEGMENT_PMI:
    case LOKET_N_SEGMENTS:
    default:
      return TRUE;
    }
}

static gboolean
check_request (LoketRateBook                   *book,
               const LoketContributionRequest  *request,
               const GDate                     *first,
               GError                         **error)
{
  if (!check_programs (request, error) || !check_months (request, error))
    return FALSE;

  /* The limits of the first month: a period is declared at one income. */
  if (!loket_contribution_check_income (book, request->segment, request->income, first, error))
    return FALSE;

  switch (request->segment)
    {
    case LOKET_SEGMENT_PU:
      if (request->risk_class < 1 || request->risk_class > 5)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Risk class: %d is not a risk class. Choose from 1 (very low) to 5 (very high)."),
                       request->risk_class);
          return FALSE;
        }
      return TRUE;

    case LOKET_SEGMENT_BPU:
    case LOKET_SEGMENT_JAKON:
    case LOKET_SEGMENT_PMI:
    case LOKET_N_SEGMENTS:
    default:
      return TRUE;
    }
}

/* ---- one month of each segment ---- */

/* PP 50/2025: the discount is a dated row (absent before 2026, 0 after March
 * 2027), and whether it reaches every BPU member or only the occupations in
 * a list is itself a dated row, because the scope is not settled [?]. */
static gint64
pp50_discount_bp (LoketRateBook                  *book,
                  const LoketContributionRequest *request,
                  const GDate                    *on)
{
  gint64 bp = 0, all_occupations = 0;

  if (request->state_funded)
    return 0;
  if (!loket_rate_book_lookup (book, "bpu.discount.pp50_2025.bp", on, &bp) || bp <= 0)
    return 0;
  if (loket_rate_book_lookup (book, "bpu.discount.pp50_2025.all_occupations", on, &all_occupations)
      && all_occupations == 1)
    return bp;
  if (loket_rate_book_list_contains (book, PP50_LIST, request->occupation))
    return bp;
  return 0;
}

static void
discount_line (LoketContributionLine *line,
               gint64                 bp)
{
  line->discount = loket_money_apply_bp (line->monthly, bp);
  line->monthly -= line->discount;
  line->worker = line->monthly;
}

static gboolean
price_bpu_month (LoketRateBook                  *book,
                 const LoketContributionRequest *request,
                 const GDate                    *on,
                 GArray                         *lines,
                 GError                        **error)
{
  gint64 jkk_bp, jkm_flat, jht_bp = 0;
  gint64 discount_bp;
  LoketContributionLine *line;

  if (!loket_rate_book_get (book, "bpu.jkk.bp", on, &jkk_bp, error)
      || !loket_rate_book_get (book, "bpu.jkm.flat", on, &jkm_flat, error))
    return FALSE;
  if ((request->programs & LOKET_PROGRAM_JHT)
      && !loket_rate_book_get (book, "bpu.jht.bp", on, &jht_bp, error))
    return FALSE;

  discount_bp = pp50_discount_bp (book, request, on);

  /* BPU members pay everything themselves: worker is the whole line. */
  line = add_percent_line (lines, LOKET_PROGRAM_JKK, request->income, 0, jkk_bp);
  if (discount_bp > 0)
    discount_line (line, discount_bp);

  line = add_line (lines, "jkm", loket_program_label (LOKET_PROGRAM_JKM));
  line->monthly = line->worker = jkm_flat;
  if (discount_bp > 0)
    discount_line (line, discount_bp);

  /* PP 50/2025 relieves JKK and JKM only; savings are the member's own. */
  if (request->programs & LOKET_PROGRAM_JHT)
    add_percent_line (lines, LOKET_PROGRAM_JHT, request->income, 0, jht_bp);
  return TRUE;
}

static gboolean
price_pu_month (LoketRateBook                  *book,
                const LoketContributionRequest *request,
                const GDate                    *on,
                GArray                         *lines,
                GError                        **error)
{
  g_autofree char *jkk_key = g_strdup_printf ("pu.jkk.class%d.bp", request->risk_class);
  gint64 wage = request->income;
  gint64 jkk_bp, jkm_bp, jht_employer_bp, jht_worker_bp;

  if (!loket_rate_book_get (book, jkk_key, on, &jkk_bp, error)
      || !loket_rate_book_get (book, "pu.jkm.employer.bp", on, &jkm_bp, error)
      || !loket_rate_book_get (book, "pu.jht.employer.bp", on, &jht_employer_bp, error)
      || !loket_rate_book_get (book, "pu.jht.worker.bp", on, &jht_worker_bp, error))
    return FALSE;

  add_percent_line (lines, LOKET_PROGRAM_JKK, wage, jkk_bp, 0);
  add_percent_line (lines, LOKET_PROGRAM_JKM, wage, jkm_bp, 0);
  add_percent_line (lines, LOKET_PROGRAM_JHT, wage, jht_employer_bp, jht_worker_bp);

  if (request->programs & LOKET_PROGRAM_JP)
    {
      gint64 cap, jp_employer_bp, jp_worker_bp;

      if (!loket_rate_book_get (book, "pu.jp.wage_cap", on, &cap, error)
          || !loket_rate_book_get (book, "pu.jp.employer.bp", on, &jp_employer_bp, error)
          || !loket_rate_book_get (book, "pu.jp.worker.bp", on, &jp_worker_bp, error))
        return FALSE;
      add_percent_line (lines, LOKET_PROGRAM_JP, MIN (wage, cap),
                        jp_employer_bp, jp_worker_bp);
    }

  if (request->programs & LOKET_PROGRAM_JKP)
    {
      LoketContributionLine *line;
      gint64 jkp_bp = 0;

      /* Shown so the member sees the cover, but paid by the government and
       * by recomposing the other rates (PP 6/2025): nothing is billed. A
       * month with no row in force shows rate 0 rather than refusing the
       * bill, since the row cannot change what is owed. */
      loket_rate_book_lookup (book, "pu.jkp.bp", on, &jkp_bp);
      line = add_line (lines, "jkp", loket_program_label (LOKET_PROGRAM_JKP));
      line->rate_bp = jkp_bp;
      line->base = wage;
    }
  return TRUE;
}

/* [?] Jakon rates are not in domain.md, so none ship and this fails with
 * RATE_MISSING naming jakon.jkk.bp. Should a supervisor add rows, they are
 * read as percentages of the amount entered, paid by the contractor. */
static gboolean
price_jakon_month (LoketRateBook                  *book,
                   const LoketContributionRequest *request,
                   const GDate                    *on,
                   GArray                         *lines,
                   GError                        **error)
{
  gint64 jkk_bp, jkm_bp;

  if (!loket_rate_book_get (book, "jakon.jkk.bp", on, &jkk_bp, error)
      || !loket_rate_book_get (book, "jakon.jkm.bp", on, &jkm_bp, error))
    return FALSE;
  add_percent_line (lines, LOKET_PROGRAM_JKK, request->income, jkk_bp, 0);
  add_percent_line (lines, LOKET_PROGRAM_JKM, request->income, jkm_bp, 0);
  return TRUE;
}

/* The placement package for `months` (>= 6). Permenaker 4/2023 gives
 * packages for 6, 12 and 24 months and Rp13.500 for "each month beyond"
 * [?]. We read that as: the largest package not longer than the placement,
 * plus the extra rate for each month past it, so 30 months is the 24-month
 * package + 6 × Rp13.500 and 18 months the 12-month package + 6 × Rp13.500.
 * This makes 23 months dearer than 24; the clerk may then offer the
 * 24-month package, which is the member's choice, not this function's. */
static gboolean
pmi_placement_amount (LoketRateBook  *book,
                      int             months,
                      const GDate    *on,
                      gint64         *amount,
                      GError        **error)
{
  static const int package_months[] = { 24, 12, 6 };
  gint64 package, extra;

  for (guint i = 0; i < G_N_ELEMENTS (package_months); i++)
    {
      g_autofree char *key = NULL;

      if (months < package_months[i])
        continue;
      key = g_strdup_printf ("pmi.placement.%d", package_months[i]);
      if (!loket_rate_book_get (book, key, on, &package, error))
        return FALSE;
      if (months > package_months[i]
          && !loket_rate_book_get (book, "pmi.placement.extra_month", on, &extra, error))
        return FALSE;
      *amount = package;
      if (months > package_months[i])
        *amount += extra * (months - package_months[i]);
      return TRUE;
    }
  g_return_val_if_reached (FALSE);
}

/* PMI packages are paid once for the whole placement, so this "month" is
 * the whole bill and is priced once, on the first day. */
static gboolean
price_pmi (LoketRateBook                  *book,
           const LoketContributionRequest *request,
           const GDate                    *on,
           GArray                         *lines,
           GError                        **error)
{
  LoketContributionLine *line;
  gint64 amount;

  if (request->pmi_pre_placement)
    {
      if (!loket_rate_book_get (book, "pmi.pre_placement", on, &amount, error))
        return FALSE;
      line = add_line (lines, "pmi-pre-placement", _("Pre-placement package (PMI)"));
      line->monthly = line->worker = amount;
    }

  if (request->months >= 6)
    {
      if (!pmi_placement_amount (book, request->months, on, &amount, error))
        return FALSE;
      line = add_line (lines, "pmi-placement", _("Placement package (PMI)"));
      line->monthly = line->worker = amount;
    }

  /* [?] No PMI JHT amount is known, so none ships and this is RATE_MISSING.
   * A supervisor's row is read as a flat amount per month of placement. */
  if (request->programs & LOKET_PROGRAM_JHT)
    {
      if (!loket_rate_book_get (book, "pmi.jht.flat", on, &amount, error))
        return FALSE;
      line = add_line (lines, "jht", loket_program_label (LOKET_PROGRAM_JHT));
      line->monthly = line->worker = amount * request->months;
    }
  return TRUE;
}

static gboolean
price_month (LoketRateBook                  *book,
             const LoketContributionRequest *request,
             const GDate                    *on,
             Month                          *month,
             GError                        **error)
{
  gboolean ok;

  month->lines = lines_new ();
  switch (request->segment)
    {
    case LOKET_SEGMENT_BPU:
      ok = price_bpu_month (book, request, on, month->lines, error);
      break;
    case LOKET_SEGMENT_PU:
      ok = price_pu_month (book, request, on, month->lines, error);
      break;
    case LOKET_SEGMENT_JAKON:
      ok = price_jakon_month (book, request, on, month->lines, error);
      break;
    case LOKET_SEGMENT_PMI:
      ok = price_pmi (book, request, on, month->lines, error);
      break;
    case LOKET_N_SEGMENTS:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    return FALSE;

  for (guint i = 0; i < month->lines->len; i++)
    {
      const LoketContributionLine *line = &g_array_index (month->lines, LoketContributionLine, i);

      month->total += line->monthly;
      month->discount += line->discount;
      month->employer += line->employer;
      month->worker += line->worker;
    }
  return TRUE;
}

LoketContribution *
loket_contribution_compute (LoketRateBook                   *book,
                            const LoketContributionRequest  *request,
                            GError                         **error)
{
  g_autoptr(LoketContribution) result = NULL;
  GDate first;
  int priced_months;

  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->segment < LOKET_N_SEGMENTS, NULL);
  g_return_val_if_fail (g_date_valid (&request->start), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loket_date_add_months_first (&request->start, 0, &first);
  if (!check_request (book, request, &first, error))
    return NULL;

  result = g_new0 (LoketContribution, 1);
  result->months = request->months;
  /* PMI packages cover the placement in one payment, not month by month. */
  priced_months = request->segment == LOKET_SEGMENT_PMI ? 1 : request->months;

  for (int i = 0; i < priced_months; i++)
    {
      Month month = { NULL, 0, 0, 0, 0 };
      GDate on;

      loket_date_add_months_first (&first, i, &on);
      if (!price_month (book, request, &on, &month, error))
        {
          g_array_unref (month.lines);
          return NULL;
        }

      result->total += month.total;
      result->discount += month.discount;
      result->employer_total += month.employer;
      result->worker_total += month.worker;
      if (i == 0)
        {
          result->lines = g_steal_pointer (&month.lines);
          result->monthly_total = month.total;
          result->monthly_discount = month.discount;
        }
      else
        g_array_unref (month.lines);
    }

  return g_steal_pointer (&result);
}

void
loket_contribution_free (LoketContribution *contribution)
{
  if (contribution == NULL)
    return;
  g_clear_pointer (&contribution->lines, g_array_unref);
  g_free (contribution);
}
