/* loket-import.h: a cooperative's member list enrolled in one step (issue 4,
 * domain.md §6).
 *
 * First a dry run (loket_import_check): the sheet's columns are matched by
 * their header, every row is read into a draft member under the terms of
 * the partnership (PKS) and judged by the registration rules, and the NIKs
 * are looked up, so the clerk sees row by row what will happen. Nothing is
 * written. Then loket_import_commit registers the rows to register and links
 * the members already registered to the cooperative, all in one transaction;
 * the NIKs are looked up again inside it, so the same file committed twice,
 * or by two counters at once, registers nobody twice. The rows that cannot
 * be enrolled go back to the cooperative with loket_import_write_rejects. */
#pragma once

#include <gio/gio.h>

#include "loket-cooperative.h"
#include "loket-member.h"
#include "loket-problem.h"
#include "loket-sheet.h"
#include "loket-store.h"

G_BEGIN_DECLS

/* What the partnership agreement gives every member enrolled through it. */
typedef struct {
  LoketSegment  segment;
  LoketPrograms programs;
  gint64        base_income;     /* rupiah; used where the file gives none */
  gint64        partnership_id;  /* the PKS: must be active on the day */
  gint64        agent_id;        /* the agent who brought them; 0: none */
  gint64        cooperative_id;
} LoketImportTerms;

/* What becomes of a row. The names of loket_import_status_to_string are
 * the CLI's JSON and do not change. */
typedef enum {
  LOKET_IMPORT_TO_REGISTER,       /* "to_register" */
  LOKET_IMPORT_ALREADY_MEMBER,    /* "already_member": linked, not registered again */
  LOKET_IMPORT_DUPLICATE_IN_FILE, /* "duplicate_in_file": an earlier row has the NIK */
  LOKET_IMPORT_REJECTED,          /* "rejected": see the row's problems */
  LOKET_IMPORT_EMPTY,             /* "empty": nothing in the columns read; skipped */
  LOKET_IMPORT_N_STATUSES
} LoketImportStatus;

/* The columns the importer reads; every other column is ignored. */
typedef enum {
  LOKET_IMPORT_FIELD_NIK,
  LOKET_IMPORT_FIELD_NAME,
  LOKET_IMPORT_FIELD_BIRTH_DATE,
  LOKET_IMPORT_FIELD_SEX,
  LOKET_IMPORT_FIELD_PHONE,
  LOKET_IMPORT_FIELD_STREET,
  LOKET_IMPORT_FIELD_RT,
  LOKET_IMPORT_FIELD_RW,
  LOKET_IMPORT_FIELD_RT_RW,        /* "RT/RW" in one column: "014/004" */
  LOKET_IMPORT_FIELD_VILLAGE,
  LOKET_IMPORT_FIELD_DISTRICT,
  LOKET_IMPORT_FIELD_REGENCY,
  LOKET_IMPORT_FIELD_PROVINCE,
  LOKET_IMPORT_FIELD_POSTCODE,
  LOKET_IMPORT_FIELD_OCCUPATION,
  LOKET_IMPORT_FIELD_INCOME,
  LOKET_IMPORT_FIELD_REGION_CODE,
  LOKET_IMPORT_N_FIELDS
} LoketImportField;

typedef struct _LoketImportReport LoketImportReport;

/* The terms a partnership agreement gives the members enrolled through it. */
void                loket_import_terms_from_partnership (const LoketPartnership *partnership,
                                                         LoketImportTerms       *terms);

/* Called now and then with the share of the work done, 0..1, from the
 * thread doing it. */
typedef void (*LoketImportProgress) (double   fraction,
                                     gpointer user_data);

/* The field a header names ("No. KTP", "Tgl Lahir", "L/P", "Date of
 * Birth"…: case, accents, spaces and punctuation ignored, a note in
 * brackets too), or -1 when it names none. */
int                 loket_import_match_header  (const char            *header);

/* The dry run. Reads the database, writes nothing. The header is the
 * first row, among the first ten that are not empty, with both a NIK and a
 * name column (a title or details above the list are skipped); every row
 * after it up to the last with something in a column read is reported.
 * Fails (nothing to report) with LOKET_ERROR_INVALID when the sheet has
 * nothing in it or no member under the header, or no column that reads as
 * the NIK or the name (the message names the headers found), or when the
 * PKS does not allow enrolment on `today`. */
LoketImportReport  *loket_import_check         (LoketStore            *store,
                                                LoketSheet            *sheet,
                                                const LoketImportTerms *terms,
                                                const GDate           *today,
                                                GError               **error);
LoketImportReport  *loket_import_check_full    (LoketStore            *store,
                                                LoketSheet            *sheet,
                                                const LoketImportTerms *terms,
                                                const GDate           *today,
                                                GCancellable          *cancellable,
                                                LoketImportProgress    progress,
                                                gpointer               user_data,
                                                GError               **error);

/* Registers every to_register row (a new KPJ each, the PKS and agent kept
 * on the member, the programs from `today`) and links every to_register and
 * already_member row to the cooperative, in one transaction: on any failure
 * nothing is written. A NIK registered since the dry run is linked instead,
 * and its row becomes already_member. `registered` gets how many were
 * registered, `linked` how many members already registered were newly linked
 * to the cooperative (either may be NULL). Committing again registers and
 * links nobody. */
gboolean            loket_import_commit        (LoketStore            *store,
                                                LoketImportReport     *report,
                                                const GDate           *today,
                                                guint                 *registered,
                                                guint                 *linked,
                                                GError               **error);
/* The same, cancellable (a cancel rolls everything back) and with progress. */
gboolean            loket_import_commit_full   (LoketStore            *store,
                                                LoketImportReport     *report,
                                                const GDate           *today,
                                                GCancellable          *cancellable,
                                                LoketImportProgress    progress,
                                                gpointer               user_data,
                                                guint                 *registered,
                                                guint                 *linked,
                                                GError               **error);

/* Writes the rejected and duplicate_in_file rows of `sheet` (the one that
 * was checked), every original column as it came, and a last column
 * "Alasan" saying which row it was and what is wrong: .xlsx when `path`
 * ends in .xlsx, CSV otherwise. The cooperative corrects it and sends it
 * back; the extra column is ignored when it is imported again. */
gboolean            loket_import_write_rejects (LoketImportReport     *report,
                                                LoketSheet            *sheet,
                                                const char            *path,
                                                GError               **error);

void                loket_import_report_free   (LoketImportReport     *report);

/* "to_register", "already_member", "duplicate_in_file", "rejected", "empty". */
const char         *loket_import_status_to_string (LoketImportStatus   status);
/* A stable field name, as in LoketProblem: "nik", "name", "birth_date"… */
const char         *loket_import_field_name    (LoketImportField       field);

const LoketImportTerms *loket_import_report_get_terms (LoketImportReport *report);
/* The header row, 1-based as in Excel. */
guint               loket_import_report_get_header_row (LoketImportReport *report);
/* The header of the column read for `field` as the file spells it, or NULL
 * when the file has none. */
const char         *loket_import_report_get_column (LoketImportReport  *report,
                                                LoketImportField       field);
/* The same for a problem's field ("birth_date"); NULL when the problem does
 * not come from one column (the programs of the PKS, say). */
const char         *loket_import_report_get_column_for (LoketImportReport *report,
                                                const char            *field);
/* Problems of the whole file (a TTL column where a birth date column should
 * be, a column read twice): LoketProblem, borrowed. */
GPtrArray          *loket_import_report_get_file_problems (LoketImportReport *report);

/* The rows after the header, up to the last non-empty one. */
guint               loket_import_report_get_n_rows (LoketImportReport *report);
/* 1-based, the header included: the number Excel shows beside the row. */
guint               loket_import_report_get_row_number (LoketImportReport *report,
                                                guint                  index);
LoketImportStatus   loket_import_report_get_status (LoketImportReport  *report,
                                                guint                  index);
/* Errors and warnings (LoketProblem, borrowed; never NULL): a rejected row
 * has at least one error, other rows may have warnings. */
GPtrArray          *loket_import_report_get_problems (LoketImportReport *report,
                                                guint                  index);
/* The member as read and tidied by the rules (borrowed; NULL for an empty
 * row). An already_member row's id and KPJ are those of the member holding
 * its NIK; after a commit, a to_register row's are those of the member
 * registered. */
LoketMember        *loket_import_report_get_member (LoketImportReport  *report,
                                                guint                  index);
/* For a duplicate_in_file row, the row number of the first with its NIK;
 * 0 otherwise. */
guint               loket_import_report_get_first_row (LoketImportReport *report,
                                                guint                  index);
/* How many rows have `status`. */
guint               loket_import_report_count  (LoketImportReport     *report,
                                                LoketImportStatus      status);
/* TRUE once committed. */
gboolean            loket_import_report_is_committed (LoketImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketImportReport, loket_import_report_free)

G_END_DECLS
