/* loket-cooperative.h: cooperatives, their officers, partnership agreements
 * (PKS) and agents (Agen Perisai), and the rules each must meet (issue 4,
 * domain.md §6). Pure: no database. The store runs these checks before it
 * writes, and the window can run them as the clerk types.
 *
 * As with LoketMember, one type serves a draft (id 0) and a saved record;
 * fields are public for reading, strings owned and NULL when empty. Change a
 * saved record only through the store (loket-store-cooperatives.h). */
#pragma once

#include <glib-object.h>

#include "loket-problem.h"
#include "loket-program.h"
#include "loket-rates.h"

G_BEGIN_DECLS

typedef enum {
  LOKET_COOPERATIVE_KDMP,   /* Koperasi Desa Merah Putih */
  LOKET_COOPERATIVE_KKMP,   /* Koperasi Kelurahan Merah Putih */
  LOKET_COOPERATIVE_OTHER,
} LoketCooperativeKind;

typedef enum {
  LOKET_PAYER_MEMBERS,
  LOKET_PAYER_COOP,
  LOKET_PAYER_SPONSOR,      /* a sponsor or CSR, named in sponsor_name */
  LOKET_PAYER_PEMDA,        /* local government (APBD) */
} LoketPayer;

/* Rate keys of the Agen Perisai incentive (Perdir 13/2022), dated rows of
 * data/rates.csv like every amount. */
#define LOKET_RATE_AGENT_PER_MEMBER     "agent.incentive.per_member"
#define LOKET_RATE_AGENT_THRESHOLD      "agent.incentive.threshold"
#define LOKET_RATE_AGENT_FIRST_BP       "agent.share.first.bp"
#define LOKET_RATE_AGENT_FIRST_MONTHS   "agent.share.first.months"
#define LOKET_RATE_AGENT_LATER_BP       "agent.share.later.bp"
#define LOKET_RATE_AGENT_LATER_MONTHS   "agent.share.later.months"

/* ---- officers ------------------------------------------------------------ */

#define LOKET_TYPE_COOPERATIVE_OFFICER (loket_cooperative_officer_get_type ())

G_DECLARE_FINAL_TYPE (LoketCooperativeOfficer, loket_cooperative_officer, LOKET, COOPERATIVE_OFFICER, GObject)

struct _LoketCooperativeOfficer
{
  GObject  parent_instance;

  gint64   id;               /* 0 until saved */
  gint64   cooperative_id;   /* 0 until saved */
  char    *name;
  char    *nik;              /* 16 digits; optional */
  char    *role;             /* ketua, sekretaris, bendahara, … as typed */
  char    *phone;            /* E.164 once checked; optional */
};

LoketCooperativeOfficer *loket_cooperative_officer_new  (void);
LoketCooperativeOfficer *loket_cooperative_officer_copy (LoketCooperativeOfficer *officer);
/* Checks and tidies `officer` in place (name and role tidied, NIK checked,
 * phone to E.164). Problems go into `problems` with fields "officer_name",
 * "officer_nik", "officer_role", "officer_phone"; `label` (nullable) starts
 * each message, to say which officer of several is meant. */
void      loket_cooperative_officer_check (LoketCooperativeOfficer *officer,
                                           const char              *label,
                                           const GDate             *today,
                                           GPtrArray               *problems);

/* ---- cooperatives -------------------------------------------------------- */

#define LOKET_TYPE_COOPERATIVE (loket_cooperative_get_type ())

G_DECLARE_FINAL_TYPE (LoketCooperative, loket_cooperative, LOKET, COOPERATIVE, GObject)

struct _LoketCooperative
{
  GObject               parent_instance;

  gint64                id;            /* 0 until saved */
  char                 *name;
  LoketCooperativeKind  kind;
  char                 *ahu;           /* "AHU-0025673.AH.01.29.TAHUN 2025" once checked */
  char                 *nib;           /* 13 digits */
  char                 *npwp;          /* 15 or 16 digits, bare */
  char                 *nik_koperasi;  /* Nomor Induk Koperasi, digits */
  char                 *street;
  char                 *village;
  char                 *district;
  char                 *regency;
  char                 *province;
  char                 *postcode;
  char                 *region_code;   /* same form as a member's */
  gint64                potential;     /* members the branch estimates for the area; -1 unknown */
  gboolean              inactive;      /* status: FALSE active, TRUE inactive */
  GPtrArray            *officers;      /* LoketCooperativeOfficer, owned, never NULL */

  /* Read by the store, not written: */
  gint64                registered;    /* members linked in cooperative_member */
  gint64                active;        /* members aktif today: paid through this month;
                                        * -1 when not counted (a draft) */
};

LoketCooperative *loket_cooperative_new       (void);
/* A deep copy, officers included. */
LoketCooperative *loket_cooperative_copy      (LoketCooperative *cooperative);

const char *loket_cooperative_kind_code   (LoketCooperativeKind  kind);
const char *loket_cooperative_kind_label  (LoketCooperativeKind  kind);
/* "kdmp", "kkmp" or "other", any case. */
gboolean    loket_cooperative_kind_parse  (const char            *text,
                                           LoketCooperativeKind  *out,
                                           GError               **error);

/* "AHU-0025673.AH.01.29.TAHUN 2025" as typed, in any case and with spaces
 * around the parts ("ahu - 0025673 . ah.01.29 . tahun2025"), → the number
 * in its standard form; NULL and an error naming what is wrong otherwise.
 * The year may not be after `today`'s. */
char       *loket_ahu_normalize           (const char   *text,
                                           const GDate  *today,
                                           GError      **error);
/* Checks every field of `draft`, officers included, and tidies it in place
 * (name, numbers to their stored form, region names filled from the region
 * code). Returns every problem found, errors and warnings, never NULL. */
GPtrArray  *loket_cooperative_check       (LoketCooperative *draft,
                                           const GDate      *today);

/* registered ÷ potential in basis points (10000 = every potential member),
 * rounded half-up; -1 when there is no potential to divide by. */
gint64      loket_cooperative_coverage_bp (LoketCooperative *cooperative);

/* ---- partnership agreements (PKS) --------------------------------------- */

#define LOKET_TYPE_PARTNERSHIP (loket_partnership_get_type ())

G_DECLARE_FINAL_TYPE (LoketPartnership, loket_partnership, LOKET, PARTNERSHIP, GObject)

struct _LoketPartnership
{
  GObject        parent_instance;

  gint64         id;              /* 0 until saved */
  gint64         cooperative_id;
  char          *number;          /* the agreement's number, unique */
  GDate          signed_on;
  GDate          valid_from;
  GDate          valid_until;     /* the last day it is in force */
  LoketSegment   segment;
  LoketPrograms  programs;
  gint64         base_income;     /* declared income of the members enrolled, rupiah */
  int            payment_months;  /* 1, 3, 6 or 12 */
  LoketPayer     payer;
  char          *sponsor_name;    /* who pays, for a sponsor (required) or pemda */
  char          *agent_kpj;       /* the assigned agent, by KPJ; NULL for none */
  gboolean       ended;           /* status: FALSE active, TRUE ended */

  /* Read by the store, not written: */
  gint64         agent_id;        /* 0 for none */
  char          *agent_name;
};

LoketPartnership *loket_partnership_new   (void);
LoketPartnership *loket_partnership_copy  (LoketPartnership *partnership);

const char *loket_payer_code              (LoketPayer   payer);
/* "members", "coop", "sponsor" or "pemda", any case. */
gboolean    loket_payer_parse             (const char  *text,
                                           LoketPayer  *out,
                                           GError     **error);

/* Checks every field of a PKS draft and tidies it in place: dates (signed
 * not after today; valid until not before valid from; an active agreement
 * still in force today), programs for the segment, the base income under the
 * segment's income rule on valid_from, the payment period, and the sponsor's
 * name (required when a sponsor pays, refused when the members or the
 * cooperative do). Returns every problem, never NULL. Without a `book`
 * (NULL) the base income is not checked. */
GPtrArray  *loket_partnership_check       (LoketPartnership *draft,
                                           LoketRateBook    *book,
                                           const GDate      *today);
/* TRUE when the agreement is active and `on` lies within its validity. */
gboolean    loket_partnership_in_force    (LoketPartnership *partnership,
                                           const GDate      *on);

/* ---- agents (Agen Perisai) ---------------------------------------------- */

#define LOKET_TYPE_AGENT (loket_agent_get_type ())

G_DECLARE_FINAL_TYPE (LoketAgent, loket_agent, LOKET, AGENT, GObject)

struct _LoketAgent
{
  GObject   parent_instance;

  gint64    id;               /* 0 until saved */
  char     *kpj;              /* the member appointed */
  char     *kantor_perisai;
  GDate     appointed_on;     /* today when not set */
  gboolean  inactive;
  GArray   *cooperative_ids;  /* gint64: the cooperatives served; owned, never NULL */

  /* Read by the store, not written: */
  gint64    member_id;
  char     *name;
};

LoketAgent *loket_agent_new               (void);
/* Checks the fields that need no database (the KPJ's form, the appointment
 * date not after today, the Kantor Perisai tidied). */
GPtrArray  *loket_agent_check             (LoketAgent  *draft,
                                           const GDate *today);

/* An agent's incentive for one month (domain.md §6, Perdir 13/2022). */
typedef struct {
  GDate     month;                  /* its first day */
  gint64    new_members;            /* new JKK+JKM members the agent brought that month */
  gint64    threshold;              /* agent.incentive.threshold */
  gint64    per_member;             /* agent.incentive.per_member */
  gint64    new_member_incentive;   /* new_members × per_member once at the threshold, else 0 */
  gboolean  contributions_recorded; /* the collected sums were counted from payments */
  gint64    collected_first;        /* contributions collected in members' months 1..first_months */
  gint64    collected_later;        /* … in months first_months+1..later_months */
  gint64    share_first_bp;
  gint64    share_first_months;
  gint64    share_later_bp;
  gint64    share_later_months;
  gint64    contribution_share;     /* the shares of the two, rounded half-up each */
  gint64    total;
} LoketAgentIncentive;

/* Fills in the rates in force on the month's first day and the amounts, from
 * `incentive->month`, new_members, contributions_recorded and the collected
 * sums. A missing rate row is a LOKET_ERROR_RATE_MISSING naming it. */
gboolean    loket_agent_incentive_compute (LoketRateBook       *book,
                                           LoketAgentIncentive  *incentive,
                                           GError              **error);

G_END_DECLS
