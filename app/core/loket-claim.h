/* loket-claim.h: claims (klaim) and heirs (ahli waris), and the rules a
 * claim is judged by (issue 7, domain.md §4).
 *
 * Pure: no database. The store (loket-store-claims.h) gathers what it knows
 * of the member into a LoketClaimFacts (their status on the event date from
 * the payments, the program held, their other claims, the JHT contributions
 * recorded) and asks loket_claim_assess for the eligibility, with every
 * reason that fails, and the benefit as lines, each amount from a dated rate
 * row. A claim is judged by the rows in force on the date of its event,
 * except what is claimed year by year (the scholarship) and the JHT return
 * rate, which are those in force on the day the claim is taken.
 *
 * Texts printed on claim letters are Indonesian whatever the interface
 * language; what the clerk reads is translated. */
#pragma once

#include <glib-object.h>

#include "loket-member.h"
#include "loket-payment.h"
#include "loket-rates.h"

G_BEGIN_DECLS

typedef enum {
  LOKET_CLAIM_JKM,        /* death not caused by work */
  LOKET_CLAIM_JKK,        /* work accident */
  LOKET_CLAIM_JHT,        /* old-age savings */
  LOKET_CLAIM_BEASISWA,   /* scholarship for a member's child */
  LOKET_N_CLAIM_PROGRAMS
} LoketClaimProgram;

/* What happened. A JKM claim has none; the others need one of theirs. */
typedef enum {
  LOKET_CLAIM_KIND_NONE,
  LOKET_CLAIM_KIND_DEATH,           /* "death": JKK, JHT */
  LOKET_CLAIM_KIND_DISABILITY,      /* "disability": permanent total; JKK, JHT */
  LOKET_CLAIM_KIND_TEMPORARY,       /* "temporary": JKK temporary incapacity (STMB) */
  LOKET_CLAIM_KIND_AGE,             /* "age": JHT at the age of jht.age.full */
  LOKET_CLAIM_KIND_STOPPED_WORK,    /* "stopped-work": JHT; PU after a wait */
  LOKET_CLAIM_KIND_PARTIAL_10,      /* "partial-10": JHT 10%, once */
  LOKET_CLAIM_KIND_PARTIAL_30,      /* "partial-30": JHT 30% for housing, once */
  LOKET_CLAIM_KIND_LEFT_INDONESIA,  /* "left-indonesia": JHT */
  LOKET_CLAIM_KIND_JKM_DEATH,       /* "jkm-death": scholarship after a JKM death */
  LOKET_CLAIM_KIND_JKK_DEATH,       /* "jkk-death": after a death from a work accident */
  LOKET_CLAIM_KIND_JKK_DISABILITY,  /* "jkk-disability": after total disability */
  LOKET_N_CLAIM_KINDS
} LoketClaimKind;

typedef enum {
  LOKET_CLAIM_DIAJUKAN,       /* taken at the counter */
  LOKET_CLAIM_DIVERIFIKASI,   /* documents and facts checked */
  LOKET_CLAIM_DISETUJUI,      /* approved: a letter number is taken */
  LOKET_CLAIM_DITOLAK,        /* rejected, with its reason: final */
  LOKET_CLAIM_DIBAYAR,        /* paid: final */
  LOKET_N_CLAIM_STATUSES
} LoketClaimStatus;

typedef enum {
  LOKET_HEIR_SPOUSE,
  LOKET_HEIR_CHILD,
  LOKET_HEIR_PARENT,
  LOKET_HEIR_OTHER,
  LOKET_N_HEIR_RELATIONS
} LoketHeirRelation;

typedef enum {
  LOKET_SCHOOL_NONE,
  LOKET_SCHOOL_TK,
  LOKET_SCHOOL_SD,
  LOKET_SCHOOL_SMP,
  LOKET_SCHOOL_SMA,
  LOKET_SCHOOL_PT,     /* perguruan tinggi (up to S1) or training */
  LOKET_N_SCHOOL_LEVELS
} LoketSchoolLevel;

/* Codes are those of the CLI and the database; labels are translated;
 * parsing takes a code in any case and names the field in its error. */
const char *loket_claim_program_code     (LoketClaimProgram  program);
const char *loket_claim_program_label    (LoketClaimProgram  program);
gboolean    loket_claim_program_parse    (const char        *text,
                                          LoketClaimProgram *out,
                                          GError           **error);
/* "death", "temporary", "jkm-death"…; NULL for NONE. */
const char *loket_claim_kind_code        (LoketClaimKind     kind);
const char *loket_claim_kind_label       (LoketClaimKind     kind);
/* Whether `kind` is one of `program`'s (NONE only for JKM). */
gboolean    loket_claim_kind_fits        (LoketClaimProgram  program,
                                          LoketClaimKind     kind);
/* A kind of `program`; NULL or blank text is NONE. */
gboolean    loket_claim_kind_parse       (LoketClaimProgram  program,
                                          const char        *text,
                                          LoketClaimKind    *out,
                                          GError           **error);
const char *loket_claim_status_code      (LoketClaimStatus   status);
const char *loket_claim_status_label     (LoketClaimStatus   status);
gboolean    loket_claim_status_parse     (const char        *text,
                                          LoketClaimStatus  *out,
                                          GError           **error);
const char *loket_heir_relation_code     (LoketHeirRelation  relation);
const char *loket_heir_relation_label    (LoketHeirRelation  relation);
gboolean    loket_heir_relation_parse    (const char        *text,
                                          LoketHeirRelation *out,
                                          GError           **error);
/* NULL for NONE. */
const char *loket_school_level_code      (LoketSchoolLevel   level);
const char *loket_school_level_label     (LoketSchoolLevel   level);
gboolean    loket_school_level_parse     (const char        *text,
                                          LoketSchoolLevel  *out,
                                          GError           **error);

/* The member program a claim is paid from: JKM, JKK or JHT; a scholarship
 * comes from the program of its cause (0 while the cause is not given). */
LoketProgram loket_claim_member_program  (LoketClaimProgram  program,
                                          LoketClaimKind     kind);

/* ---- heirs --------------------------------------------------------------- */

#define LOKET_TYPE_HEIR (loket_heir_get_type ())

G_DECLARE_FINAL_TYPE (LoketHeir, loket_heir, LOKET, HEIR, GObject)

/* An heir of a member. Fields are public for reading; written by the store. */
struct _LoketHeir
{
  GObject            parent_instance;

  gint64             id;            /* 0 until saved */
  gint64             member_id;
  char              *name;
  char              *nik;
  LoketHeirRelation  relation;
  GDate              birth_date;
  char              *bank_account;  /* may be NULL */
  LoketSchoolLevel   school_level;  /* children only */
};

LoketHeir   *loket_heir_new              (void);
/* Tidies the draft's text (name, NIK, account) and adds every problem with
 * it to `problems` (LoketProblem): the name, the NIK (checked as a member's,
 * against the birth date, and not the member's own), a school level for
 * anyone but a child, the account's characters. */
void         loket_heir_check            (LoketHeir         *heir,
                                          LoketMember       *member,
                                          const GDate       *today,
                                          GPtrArray         *problems);

/* ---- documents ----------------------------------------------------------- */

typedef struct {
  const char *code;       /* static: "kartu", "akta-kematian"… */
  gboolean    received;
} LoketClaimDocument;

/* Translated, for the window and the CLI; NULL for an unknown code. */
const char *loket_claim_document_label   (const char        *code);
/* Indonesian, for letters. */
const char *loket_claim_document_letter_label (const char   *code);
/* The program's checklist (domain.md §4), every item not yet received:
 * LoketClaimDocument in order. The scholarship's is the list
 * claim.documents.beasiswa of the rate book, which a supervisor edits
 * (domain.md lists none). */
GArray     *loket_claim_checklist_new    (LoketRateBook     *book,
                                          LoketClaimProgram  program);
/* Ticks the documents with the codes given (NULL-terminated, blanks
 * skipped); a code not on the checklist is a LOKET_ERROR_INVALID listing
 * those that are, and nothing is ticked. */
gboolean    loket_claim_documents_tick   (GArray            *documents,
                                          LoketClaimProgram  program,
                                          const char *const *codes,
                                          GError           **error);

/* ---- a claim ------------------------------------------------------------- */

/* One line of the benefit: amount = quantity × base (× bp / 10000) for most;
 * the figures are kept so the label can be written in either language. */
typedef struct {
  const char *code;       /* static: "lump-sum", "income-multiple", "stmb"… */
  gint64      quantity;
  gint64      base;
  gint64      bp;
  gint64      amount;     /* may be negative: a deduction or a cap */
  char       *label;      /* translated, owned */
} LoketClaimLine;

/* One reason a claim fails. A blocking reason means the claim cannot be
 * taken as given (nothing is saved); the others are recorded with the
 * claim, which can then only be rejected, its letter stating each. */
typedef struct {
  char     *field;        /* "event_date", "status", "claimant"… */
  char     *code;         /* stable: "event-in-future", "not-aktif"… */
  char     *message;      /* translated: names the field and what to do */
  char     *letter;       /* Indonesian, for the rejection letter; may be NULL
                           * for blocking reasons, which never reach one */
  gboolean  blocking;
} LoketClaimReason;

void loket_claim_reason_free (LoketClaimReason *reason);

/* A change of status. */
typedef struct {
  LoketClaimStatus  from;        /* LOKET_N_CLAIM_STATUSES when the claim was taken */
  LoketClaimStatus  to;
  char             *clerk;
  GDate             on;          /* the business day */
  char             *created_at;  /* UTC ISO 8601 */
  char             *reason;      /* a rejection's; else NULL */
} LoketClaimEvent;

#define LOKET_TYPE_CLAIM (loket_claim_get_type ())

G_DECLARE_FINAL_TYPE (LoketClaim, loket_claim, LOKET, CLAIM, GObject)

/* Fields are public for reading; claims are written only by the store. */
struct _LoketClaim
{
  GObject            parent_instance;

  gint64             id;               /* 0 for a preview */
  gint64             member_id;
  char              *kpj;
  char              *member_name;
  LoketClaimProgram  program;
  LoketClaimKind     kind;
  GDate              event_date;
  char              *description;      /* may be NULL */
  gint64             heir_id;          /* the claimant; 0: the member */
  char              *claimant_name;
  LoketHeirRelation  claimant_relation;  /* when heir_id */
  char              *bank_account;     /* may be NULL */
  int                months_off;       /* JKK temporary; else 0 */
  LoketSchoolLevel   school_level;     /* scholarship; else NONE */
  LoketClaimStatus   status;
  gboolean           eligible;
  GPtrArray         *reasons;          /* LoketClaimReason, owned */
  GArray            *lines;            /* LoketClaimLine, owned */
  gint64             total;
  GArray            *documents;        /* LoketClaimDocument, owned */
  GPtrArray         *history;          /* LoketClaimEvent, owned, oldest first */
  GDate              submitted_on;
  char              *clerk;            /* who took it */
  GDate              decided_on;       /* approved or rejected; cleared before */
  GDate              paid_on;
  char              *letter_number;    /* taken with the decision; else NULL */
};

LoketClaim  *loket_claim_new             (void);
/* Adds a line, its label written from its figures. */
void         loket_claim_add_line        (LoketClaim        *claim,
                                          const char        *code,
                                          gint64             quantity,
                                          gint64             base,
                                          gint64             bp,
                                          gint64             amount);
/* A line's label in Indonesian whatever the interface, for letters. */
char        *loket_claim_line_letter_label (LoketClaim      *claim,
                                          const LoketClaimLine *line);
/* The event that moved the claim to `status`, or NULL. */
const LoketClaimEvent *loket_claim_find_event (LoketClaim   *claim,
                                          LoketClaimStatus   status);
/* The statuses a claim may move to next from `from` (0, 1 or 2 of them):
 * diajukan → diverifikasi → disetujui or ditolak; disetujui → dibayar. */
guint        loket_claim_next_statuses   (LoketClaimStatus   from,
                                          LoketClaimStatus   next[2]);

/* "001/KLM/<branch>/XI/2026": the sequence of the year at the branch, the
 * month in Roman numerals. */
char        *loket_claim_letter_number   (gint64             sequence,
                                          const char        *branch_code,
                                          const GDate       *on);
/* "I" … "XII"; NULL outside 1..12. */
const char  *loket_format_roman_month    (int                month);

/* What the store knows when a claim is judged. */
typedef struct {
  LoketMember *member;                  /* borrowed */
  LoketHeir   *heir;                    /* the claimant, borrowed; NULL: the member */
  GDate        today;
  GDate        program_since;           /* since when the member holds the claim's
                                         * program; cleared: not held */
  LoketStatus  status_on_event;         /* from the payments, on the event date */
  gint64       duplicate_claim_id;      /* a claim not rejected for the same event; 0 */
  LoketClaimStatus duplicate_status;
  gint64       jht_contributions;       /* JHT paid through the event's month */
  gint64       jht_partial_claim_id;    /* the partial withdrawal not rejected; 0 */
  gint64       jht_partial_paid;        /* partial withdrawals paid */
  guint        scholarship_children;    /* other children with a scholarship
                                         * claim not rejected */
  guint        scholarship_years;       /* this child's claims not rejected at
                                         * the claim's school level */
  gint64       scholarship_paid;        /* scholarships paid for the member */
} LoketClaimFacts;

/* Judges the claim (its program, kind, event date, months off and school
 * level set) against the facts: fills claim->reasons with every reason it
 * fails, claim->lines and total with the benefit (when the figures allow,
 * even for a claim that fails, so the clerk sees what is at stake), and
 * claim->eligible. FALSE with an error only when a rate row the benefit
 * needs is missing (LOKET_ERROR_RATE_MISSING) and nothing else is wrong. */
gboolean     loket_claim_assess          (LoketRateBook     *book,
                                          LoketClaim        *claim,
                                          const LoketClaimFacts *facts,
                                          GError           **error);
/* Whether any of the claim's reasons is blocking. */
gboolean     loket_claim_is_blocked      (LoketClaim        *claim);

G_END_DECLS
