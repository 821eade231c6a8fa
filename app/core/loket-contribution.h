/* loket-contribution.h: what a member pays (domain.md §2-3).
 *
 * A pure function of a rate book and a request: BPU and PU per program, PU
 * split employer/worker with the JP wage cap, PMI fixed packages, and the
 * PP 50/2025 discount as a dated rule. Each month of a multi-month request is
 * priced from the rows in force on its first day, so a period that spans a
 * rate change or the start or end of the discount comes out right. */
#pragma once

#include <glib.h>

#include "loket-program.h"
#include "loket-rates.h"

G_BEGIN_DECLS

typedef struct {
  LoketSegment  segment;
  LoketPrograms programs;
  gint64        income;         /* declared income (BPU) or monthly wage (PU), rupiah */
  int           risk_class;     /* PU only: JKK risk class 1..5 */
  int           months;         /* months priced; PMI: months of placement */
  GDate         start;          /* any day of the first month priced */
  const char   *occupation;     /* nullable; decides PP 50/2025 eligibility */
  gboolean      state_funded;   /* paid by APBN/APBD: no PP 50/2025 discount */
  gboolean      pmi_pre_placement; /* PMI: include the pre-placement package */
} LoketContributionRequest;

typedef struct {
  const char *code;      /* "jkk", "jkm", "jht", "jp", "jkp", "pmi-pre-placement", "pmi-placement" */
  char       *label;     /* translated, owned */
  gint64      rate_bp;   /* 0 for flat amounts */
  gint64      base;      /* what the rate applied to (JP: the capped wage); 0 for flat */
  gint64      monthly;   /* first month, after any discount */
  gint64      employer;  /* PU: the employer's part of monthly; otherwise 0 */
  gint64      worker;    /* PU: the worker's part; BPU: all of monthly */
  gint64      discount;  /* first month's discount on this line */
} LoketContributionLine;

typedef struct {
  GArray *lines;              /* LoketContributionLine, the first month */
  gint64  monthly_total;      /* first month, after discount */
  gint64  monthly_discount;   /* first month */
  int     months;
  gint64  total;              /* every month, each priced on its own */
  gint64  discount;           /* every month's discount, summed */
  gint64  employer_total;     /* PU, every month */
  gint64  worker_total;       /* PU, every month */
} LoketContribution;

LoketContribution *loket_contribution_compute (LoketRateBook                  *book,
                                               const LoketContributionRequest *request,
                                               GError                        **error);
/* The income rule of a segment on a date: BPU between bpu.income.min and
 * bpu.income.max in steps of bpu.income.step; PU and Jakon a wage above 0;
 * PMI pays packages, so anything. Registration and pricing share it. */
gboolean           loket_contribution_check_income (LoketRateBook *book,
                                               LoketSegment    segment,
                                               gint64          income,
                                               const GDate    *on,
                                               GError        **error);
void               loket_contribution_free    (LoketContribution              *contribution);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketContribution, loket_contribution_free)

G_END_DECLS
