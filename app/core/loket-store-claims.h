/* loket-store-claims.h: heirs and claims in the store (issue 7,
 * domain.md §4).
 *
 * (loket-store-claims.c: heirs, taking a claim, reading claims;
 * loket-store-claim-flow.c: the status flow, letter numbers and letters;
 * loket-store-claim-report.c: the claims of a period.)
 *
 * A claim is judged (loket-claim.h) with what the store knows on the day it
 * is taken: the member's status on the event date from their payments, the
 * program they hold, their other claims, the JHT contributions recorded.
 * Its eligibility and benefit lines are kept as computed then. Every write
 * is one transaction (BEGIN IMMEDIATE) that reads what it checks inside it,
 * so two counters acting at once cannot both take the same claim or the
 * same letter number. */
#pragma once

#include "loket-claim.h"
#include "loket-store.h"

G_BEGIN_DECLS

typedef struct {
  LoketClaimProgram   program;
  LoketClaimKind      kind;
  GDate               event_date;
  const char         *description;       /* may be NULL */
  gint64              claimant_heir_id;  /* 0: the member claims */
  const char         *bank_account;      /* NULL: the claimant heir's */
  int                 months_off;        /* JKK temporary incapacity */
  LoketSchoolLevel    school_level;      /* scholarship: NONE for the heir's */
  const char *const  *documents;         /* the codes received, NULL-terminated;
                                          * may be NULL */
  const char         *clerk;             /* who takes it (loket_staff_current_name) */
} LoketClaimRequest;

/* No program, kind or documents; the event date cleared. */
void          loket_claim_request_init     (LoketClaimRequest  *request);

/* Records an heir of the member with the KPJ. Every problem with the draft
 * (loket_heir_check) goes into *problems when not NULL, and the whole list
 * into a LOKET_ERROR_INVALID; the same NIK twice for one member is a
 * LOKET_ERROR_CONFLICT. Returns the heir as saved. */
LoketHeir    *loket_store_add_heir         (LoketStore         *self,
                                            const char         *kpj,
                                            LoketHeir          *draft,
                                            const char         *clerk,
                                            const GDate        *today,
                                            GPtrArray         **problems,
                                            GError            **error);
/* LOKET_ERROR_NOT_FOUND when there is none. */
LoketHeir    *loket_store_find_heir        (LoketStore         *self,
                                            gint64              id,
                                            GError            **error);
/* The member's heirs, in the order they were recorded. */
GPtrArray    *loket_store_list_heirs       (LoketStore         *self,
                                            gint64              member_id,
                                            GError            **error);

/* The claim the request would make for the member with the KPJ on `today`,
 * judged, with every reason it fails and its benefit, without writing
 * anything: for the window to show as the clerk types. Its id is 0. Errors
 * only for what makes judging impossible: no such member or heir
 * (LOKET_ERROR_NOT_FOUND), a document not on the checklist
 * (LOKET_ERROR_INVALID), a missing rate row. */
LoketClaim   *loket_store_preview_claim    (LoketStore               *self,
                                            const char               *kpj,
                                            const LoketClaimRequest  *request,
                                            const GDate              *today,
                                            GError                  **error);
/* Takes the claim (status diajukan) as loket_store_preview_claim judges it.
 * A claim with a blocking reason (an event in the future or before the
 * membership, a program not held, a missing kind or claimant…) is refused
 * and nothing is written: LOKET_ERROR_INVALID whose message gives every
 * reason, or LOKET_ERROR_CONFLICT when the one trouble is a claim already
 * made for the same event; the judged claim goes to *judged when not NULL.
 * A claim that is not eligible for another reason (not aktif on the event
 * date, too short a membership…) is taken with its reasons, to be rejected
 * with a letter that states them. Returns the claim as saved. */
LoketClaim   *loket_store_submit_claim     (LoketStore               *self,
                                            const char               *kpj,
                                            const LoketClaimRequest  *request,
                                            const GDate              *today,
                                            LoketClaim              **judged,
                                            GError                  **error);
/* The claim with its lines, reasons, documents and history;
 * LOKET_ERROR_NOT_FOUND when there is none. */
LoketClaim   *loket_store_find_claim       (LoketStore         *self,
                                            gint64              id,
                                            GError            **error);
/* Claims with the status (LOKET_N_CLAIM_STATUSES: any), the latest first, at
 * most `limit` (0: all): their own fields, without lines, reasons,
 * documents or history, for a list. */
GPtrArray    *loket_store_list_claims      (LoketStore         *self,
                                            LoketClaimStatus    status,
                                            guint               limit,
                                            GError            **error);
/* A member's claims, the latest first, as loket_store_list_claims. */
GPtrArray    *loket_store_list_member_claims (LoketStore       *self,
                                            gint64              member_id,
                                            GError            **error);

/* Moves the claim to the status `to` on `today`, recording who and when:
 * diajukan → diverifikasi → disetujui or ditolak; disetujui → dibayar.
 * Refused with LOKET_ERROR_INVALID, nothing changed: a skipped or repeated
 * status, a final one left; no clerk; a rejection without its `reason`;
 * approval by the clerk who took the claim, or of a claim that is not
 * eligible; a decision while the branch code is not set (or holds a "/").
 * The decision (disetujui or ditolak) takes the letter number of the branch
 * and year. `documents` (codes, NULL-terminated; may be NULL) are ticked as
 * received on the way, before a decision only. `reason` is kept with any
 * step. Returns the claim as it now is. */
LoketClaim   *loket_store_advance_claim    (LoketStore         *self,
                                            gint64              id,
                                            LoketClaimStatus    to,
                                            const char         *reason,
                                            const char *const  *documents,
                                            const char         *clerk,
                                            const GDate        *today,
                                            GError            **error);

/* Writes the letter of the claim (loket-claim-letter.h) to `path`, with the
 * branch's name and code from the settings: LOKET_ERROR_NOT_FOUND for no
 * such claim, LOKET_ERROR_INVALID for a claim not yet decided.
 * `pages_out` may be NULL. */
gboolean      loket_store_write_claim_letter (LoketStore       *self,
                                            gint64              id,
                                            const char         *path,
                                            guint              *pages_out,
                                            GError            **error);

/* One program's claims in a period. */
typedef struct {
  gint64 submitted;       /* taken in the period */
  gint64 approved;        /* approved in the period */
  gint64 approved_total;  /* their benefit */
  gint64 rejected;        /* rejected in the period */
  gint64 paid;            /* paid in the period: the branch's count */
  gint64 paid_total;      /* their benefit: the branch's total */
} LoketClaimsReportRow;

/* The claims between two days, both included, per program and in all: the
 * branch's half-year figures ("1.500 claims worth Rp14,3 miliar") are the
 * claims paid and their total. */
typedef struct {
  GDate                 from;
  GDate                 to;
  LoketClaimsReportRow  programs[LOKET_N_CLAIM_PROGRAMS];
  LoketClaimsReportRow  all;
} LoketClaimsReport;

/* A `to` before `from` is a LOKET_ERROR_INVALID naming both. */
gboolean      loket_store_report_claims    (LoketStore         *self,
                                            const GDate        *from,
                                            const GDate        *to,
                                            LoketClaimsReport  *out,
                                            GError            **error);

G_END_DECLS
