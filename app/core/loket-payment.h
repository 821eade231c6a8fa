/* loket-payment.h: contributions paid, and the status they give a member
 * (issue 6, domain.md §2).
 *
 * Pure: no database. A payment covers an unbroken span of months of one
 * member, each month priced by loket_contribution_compute with the rate rows
 * in force on its first day; the store (loket-store-payments.h) checks the
 * span against what the member has already paid and writes it under a
 * receipt. Status is never stored by hand: it is derived from the months
 * paid, for any date.
 *
 * Months are passed as GDates on the month's first day. */
#pragma once

#include <glib-object.h>

#include "loket-member.h"
#include "loket-rates.h"

G_BEGIN_DECLS

/* How many unpaid months, the current one included, a member may be behind
 * and still pay them (domain.md §2: arrears up to 3 months back); one more
 * and the membership is nonaktif. A dated row of data/rates.csv. */
#define LOKET_RATE_ARREARS_MONTHS "bpu.arrears.months"

typedef enum {
  LOKET_CHANNEL_COUNTER,      /* the branch's own counter */
  LOKET_CHANNEL_KANTOR_POS,
  LOKET_CHANNEL_BRILINK,
  LOKET_CHANNEL_BNI_AGENT,    /* Agen BNI 46 */
  LOKET_CHANNEL_INDOMARET,
  LOKET_CHANNEL_ALFAMART,
  LOKET_CHANNEL_BANK,
  LOKET_CHANNEL_COOPERATIVE,  /* collected by a cooperative (wadah) */
  LOKET_CHANNEL_JMO,          /* the JMO mobile app */
  LOKET_N_CHANNELS
} LoketChannel;

/* "counter", "kantor-pos", "brilink", "bni-agent", "indomaret", "alfamart",
 * "bank", "cooperative", "jmo": the codes of the CLI and the database. */
const char *loket_channel_code          (LoketChannel   channel);
/* Translated, for the window and the CLI. */
const char *loket_channel_label         (LoketChannel   channel);
/* Indonesian whatever the interface language, for receipts. */
const char *loket_channel_receipt_label (LoketChannel   channel);
/* A code, any case; the error names the field and lists the codes. */
gboolean    loket_channel_parse         (const char    *text,
                                         LoketChannel  *out,
                                         GError       **error);

typedef enum {
  LOKET_STATUS_AKTIF,        /* paid through the month of the date */
  LOKET_STATUS_MENUNGGAK,    /* behind, within the arrears window */
  LOKET_STATUS_NONAKTIF,     /* behind by more than the window: membership ended */
  LOKET_STATUS_BELUM_BAYAR,  /* never paid for any month up to the date */
  LOKET_N_STATUSES
} LoketStatus;

/* "aktif", "menunggak", "nonaktif", "belum-bayar". */
const char *loket_status_code           (LoketStatus    status);
/* Translated: "Active", "In arrears", "Lapsed", "Not yet paid". */
const char *loket_status_label          (LoketStatus    status);

/* A member's standing on a date. */
typedef struct {
  LoketStatus status;
  GDate       on;
  GDate       paid_until;     /* the last day protection runs (aktif: to the end
                               * of the unbroken run of paid months holding `on`;
                               * otherwise the last paid month before it);
                               * cleared when never paid */
  int         months_behind;  /* unpaid months through the month of `on` */
  gint64      amount_due;     /* menunggak: those months priced; else 0 */
  GDate       pay_from;       /* the month a payment starts at when not told */
  GDate       earliest_from;  /* the earliest month a payment may start at */
  int         window;         /* LOKET_RATE_ARREARS_MONTHS on the date */
} LoketMemberStatus;

/* One program at one price within a payment. */
typedef struct {
  const char *program;     /* static: "jkk", "jkm", "jht" */
  char       *label;       /* translated, owned */
  GDate       month_from;  /* the first month at this price */
  int         months;
  gint64      monthly;     /* per month, after any discount */
  gint64      discount;    /* the whole line's discount */
  gint64      amount;      /* monthly × months */
} LoketPaymentLine;

#define LOKET_TYPE_PAYMENT (loket_payment_get_type ())

G_DECLARE_FINAL_TYPE (LoketPayment, loket_payment, LOKET, PAYMENT, GObject)

/* The months of one member on a receipt. Fields are public for reading. */
struct _LoketPayment
{
  GObject  parent_instance;

  gint64   id;            /* 0 until saved */
  gint64   receipt_id;    /* 0 until saved */
  gint64   member_id;
  char    *kpj;
  char    *name;
  GDate    month_from;    /* first day of the first month covered */
  GDate    month_until;   /* first day of the last month covered */
  int      months;
  GArray  *lines;         /* LoketPaymentLine, owned, in program order */
  gint64   total;
  gint64   discount;

  /* Read by the store, not written: */
  char    *receipt_number;
  GDate    paid_on;
  gboolean reversed;      /* its receipt has been reversed */
};

LoketPayment *loket_payment_new           (void);
/* The last day of the last month covered: when protection ends. */
void          loket_payment_get_covered_until (LoketPayment *payment,
                                           GDate        *out);

#define LOKET_TYPE_RECEIPT (loket_receipt_get_type ())

G_DECLARE_FINAL_TYPE (LoketReceipt, loket_receipt, LOKET, RECEIPT, GObject)

/* A receipt (kwitansi): one payer, one channel, one clerk, and the payments
 * of one member or, for a cooperative, of many. Fields are public for
 * reading; receipts are written only by the store and never changed. */
struct _LoketReceipt
{
  GObject       parent_instance;

  gint64        id;
  char         *number;          /* "KW-52-2026-000001" */
  GDate         paid_on;         /* the business day */
  char         *created_at;      /* when it was written, UTC ISO 8601 */
  LoketChannel  channel;
  char         *reference;       /* the channel's transaction number; may be NULL */
  char         *clerk;
  char         *payer;           /* "member", or the PKS payer: "members", "coop",
                                  * "sponsor", "pemda" */
  char         *payer_name;
  gint64        cooperative_id;  /* 0 for none */
  gint64        partnership_id;  /* the PKS a cooperative paid under; 0 for none */
  GPtrArray    *payments;        /* LoketPayment, owned, by KPJ */
  gint64        total;
  gint64        discount;

  gboolean      reversed;
  GDate         reversed_on;
  char         *reversal_reason;
  char         *reversed_by;
};

LoketReceipt *loket_receipt_new           (void);

/* A member a collective payment left out, and why. */
typedef struct {
  gint64  member_id;
  char   *kpj;
  char   *name;
  char   *code;      /* "already-paid", or "not-payable" for any other reason */
  char   *message;   /* translated, names the month and what to do */
} LoketPaymentSkip;

void          loket_payment_skip_free     (LoketPaymentSkip *skip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketPaymentSkip, loket_payment_skip_free)

/* 1, 3, 6 or 12 (domain.md §2), or an error naming the field and the fix. */
gboolean      loket_payment_check_months  (int             months,
                                           GError        **error);
/* The checks of a period that need no database: a BPU member, and 1, 3, 6
 * or 12 months. */
gboolean      loket_payment_check_period  (LoketMember    *member,
                                           int             months,
                                           GError        **error);

/* Prices `months` months of `member` from the month of `from`: checks that
 * the member is self-employed (BPU: the contributions this counter takes),
 * that the period is 1, 3, 6 or 12 months, and prices each month on its own.
 * `state_funded` (paid by APBN/APBD) withholds the PP 50/2025 discount.
 * Errors name the field and the fix. */
LoketPayment *loket_payment_price         (LoketRateBook  *book,
                                           LoketMember    *member,
                                           const GDate    *from,
                                           int             months,
                                           gboolean        state_funded,
                                           GError        **error);

/* One month's contribution, for status and reports: the same rules as
 * loket_payment_price, without the lines. `occupation` may be NULL. */
gboolean      loket_payment_month_total   (LoketRateBook  *book,
                                           LoketSegment    segment,
                                           LoketPrograms   programs,
                                           gint64          income,
                                           const char     *occupation,
                                           const GDate    *month,
                                           gint64         *total,
                                           GError        **error);

/* An unbroken run of paid months, as month indices (loket_month_index). */
typedef struct {
  int from;
  int until;
} LoketPaidRun;

/* The standing on the month `month` (an index) of a member whose paid runs
 * are `runs` (sorted by `from`, not overlapping), registered in the month
 * `registered` and with an arrears window of `window` months. Fills every
 * field of `out` but `on` and `amount_due`. */
void          loket_payment_classify      (const LoketPaidRun *runs,
                                           guint           n_runs,
                                           int             month,
                                           int             registered,
                                           int             window,
                                           LoketMemberStatus *out);

/* Months as counted from year 0, so that spans are differences. */
int           loket_month_index           (const GDate    *date);
void          loket_month_first_day       (int             month,
                                           GDate          *out);
void          loket_month_last_day        (int             month,
                                           GDate          *out);
/* "November 2026"; "November 2026 – Januari 2027" for a span. */
char         *loket_month_format          (const GDate    *month);
char         *loket_month_span_format     (const GDate    *from,
                                           const GDate    *until);

G_END_DECLS
