/* loket-store-reports.h: the day's closing, who is behind, and what next
 * month should bring (issue 6).
 *
 * Status is derived for the whole population from the paid runs (one pass
 * over their index), as loket_store_get_member_status derives it for one
 * member: the reports count self-employed (BPU) members registered by the
 * date, the ones who pay at this counter. */
#pragma once

#include "loket-payment.h"
#include "loket-store.h"

G_BEGIN_DECLS

/* One row of the day's closing: a channel or a clerk. */
typedef struct {
  char   *key;        /* the channel's code, or the clerk's name */
  char   *label;      /* the channel's label (translated), or the clerk's name */
  gint64  receipts;
  gint64  members;    /* payments: one per member on each receipt */
  gint64  amount;
} LoketReportRow;

typedef struct {
  GDate   day;
  GArray *by_channel;          /* LoketReportRow, by channel order */
  GArray *by_clerk;            /* LoketReportRow, by name */
  gint64  receipts;            /* issued that day, reversed or not */
  gint64  members;
  gint64  total;
  gint64  reversed_receipts;   /* reversals entered that day, whenever issued */
  gint64  reversed_total;
  gint64  net;                 /* total - reversed_total: the money to hand over */
} LoketDayReport;

LoketDayReport *loket_store_report_day      (LoketStore     *self,
                                             const GDate    *day,
                                             GError        **error);
void            loket_day_report_free       (LoketDayReport *report);

/* A member in arrears on the report's date. */
typedef struct {
  gint64  member_id;
  char   *kpj;
  char   *name;
  GDate   paid_until;     /* last day of the last month paid */
  int     months_behind;
  gint64  amount_due;
} LoketBehindMember;

typedef struct {
  gint64  cooperative_id;
  char   *name;
  gint64  members;                    /* BPU members */
  gint64  counts[LOKET_N_STATUSES];   /* by LoketStatus */
  gint64  amount_due;
} LoketBehindCooperative;

typedef struct {
  GDate   on;
  gint64  cooperative_id;             /* 0: the whole branch */
  gint64  members;                    /* BPU members registered by `on` */
  gint64  counts[LOKET_N_STATUSES];
  gint64  amount_due;                 /* what the members in arrears owe */
  GArray *behind;                     /* LoketBehindMember: menunggak, the
                                       * longest behind first, then by KPJ */
  GArray *cooperatives;               /* LoketBehindCooperative, by name; only
                                       * the one asked for when cooperative_id */
} LoketBehindReport;

/* Who is behind on `on`: the counts of every status, and each member in
 * arrears with their months and what they owe; for the whole branch, or
 * (cooperative_id > 0) for one cooperative's members, which must exist
 * (LOKET_ERROR_NOT_FOUND). */
LoketBehindReport *loket_store_report_behind (LoketStore    *self,
                                             const GDate    *on,
                                             gint64          cooperative_id,
                                             GError        **error);
void            loket_behind_report_free    (LoketBehindReport *report);

typedef struct {
  GDate   month;            /* its first day */
  gint64  members_due;      /* members still in cover who have not paid the month */
  gint64  amount_due;       /* their contributions for it, each priced for the month */
  gint64  members_paid;     /* members who have paid it already */
  gint64  members_not_paying; /* BPU members lapsed by then, or never paid */
} LoketExpectedReport;

/* What the month holding `month` should bring: the members whose cover
 * runs into it (paid through the month before, or in arrears within the
 * window on its first day) and have not paid it, priced with its rates. */
gboolean        loket_store_report_expected (LoketStore          *self,
                                             const GDate         *month,
                                             LoketExpectedReport *out,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketDayReport, loket_day_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketBehindReport, loket_behind_report_free)

G_END_DECLS
