/* loket-audit.h: the audit trail, for the window and the CLI.
 *
 * Every insert, update and delete of a record (members, payments, claims,
 * settings, rates, accounts…) is appended to the audit table by triggers in
 * the same transaction as the change, with the whole row before and after
 * as JSON, and chained by SHA-256 to the entry before. Refused attempts are
 * entries too (action "refused"). An import's new members are one entry for
 * the batch (action "import"): the file, the cooperative, the members' ids
 * and KPJs, and a digest of the rows it wrote, which verification checks. */
#pragma once

#include "loket-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *at;          /* UTC, ISO 8601 with milliseconds */
  char   *actor;
  char   *action;      /* insert, update, delete, refused, import */
  char   *table_name;  /* NULL for a refusal */
  char   *row_key;     /* the primary key, parts joined with '/' */
  char   *old_json;    /* the whole row before, or NULL */
  char   *new_json;    /* the whole row after, or what was refused */
  char   *prev_hash;
  char   *hash;
} LoketAuditEntry;

void   loket_audit_entry_free (LoketAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketAuditEntry, loket_audit_entry_free)

/* "name: Ani → Ani Lestari; income: 1000000 → 1500000": the fields an
 * update changed, or every field of an insert or a delete. */
char  *loket_audit_entry_dup_changes (const LoketAuditEntry *entry);

/* What to list; every member may be 0 or NULL. Entries come newest first;
 * for the next page pass the last id seen as before_id. */
typedef struct {
  const char *table_name;
  const char *actor;
  const char *from;       /* YYYY-MM-DD, inclusive */
  const char *to;         /* YYYY-MM-DD, inclusive */
  gint64      before_id;  /* only entries with a smaller id */
  guint       limit;      /* 0: 100 */
} LoketAuditFilter;

/* A supervisor's (LOKET_RIGHT_AUDIT) in a database with accounts. */
GPtrArray *loket_store_list_audit (LoketStore              *self,
                                   const LoketAuditFilter  *filter,
                                   GError                 **error);

typedef enum {
  LOKET_AUDIT_INTACT = 0,
  LOKET_AUDIT_HASH_MISMATCH,   /* an entry was changed */
  LOKET_AUDIT_GAP,             /* an entry was deleted */
  LOKET_AUDIT_STATE_MISMATCH,  /* a record changed without its entry */
  LOKET_AUDIT_BATCH_MISMATCH,  /* a record an import wrote changed without its entry */
} LoketAuditVerdict;

typedef struct {
  LoketAuditVerdict verdict;
  gint64  entries;       /* entries walked */
  gint64  broken_id;     /* the first broken entry (or the first missing id);
                          * BATCH_MISMATCH: the import's entry */
  char   *table_name;    /* STATE_MISMATCH: the record changed outside Loket;
                          * BATCH_MISMATCH: the table that differs */
  char   *row_key;
  gint64  mismatches;    /* STATE_MISMATCH: how many records differ */
  char   *message;       /* what was found, translated */
} LoketAuditReport;

void   loket_audit_report_free (LoketAuditReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketAuditReport, loket_audit_report_free)

/* Walks the chain, recomputing every hash, then compares each record's last
 * audited state with its row. Returns the report (verdict INTACT when all
 * holds); NULL only when the database cannot be read. Records older than
 * the trail (written before schema 9) are compared once they have changed.
 * The members an import wrote are compared with its batch entry's digest
 * until they have entries of their own. */
LoketAuditReport *loket_store_verify_audit (LoketStore  *self,
                                            GError     **error);

/* The SHA-256 (hex) of the fields, each followed by a separator and a NULL
 * distinct from "": what loket_sha256() computes in the triggers. */
char  *loket_audit_hash (const char *const *fields,
                         guint              n_fields);

G_END_DECLS
