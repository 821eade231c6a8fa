/* loket-store-private.h: what the store's own files share. Not for the GUI
 * or the CLI, which go through loket-store.h. */
#pragma once

#include <sqlite3.h>

#include "loket-accounts.h"
#include "loket-store.h"

G_BEGIN_DECLS

struct _LoketStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;          /* owned */
  GHashTable    *statements;  /* const char *sql (static) → sqlite3_stmt *, owned */
  LoketRateBook *rate_book;   /* owned cache, NULL until asked for */
  int            schema_version;
  LoketStaff    *session;      /* owned, NULL when nobody is logged in */
  char          *acting_name;  /* owned: the actor without a session */
  gboolean       audit_bulk;   /* the audit triggers are quiet (an import) */
};

/* Writes a setting with no check of the caller's rights: for the core's
 * own settings, such as a card printer's alignment. */
gboolean      loket_store_write_setting  (LoketStore  *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);

/* The clerk to record with a payment, a card, a claim: the session's
 * username when someone is logged in, else what the caller passed (legacy
 * mode). */
const char   *loket_store_clerk          (LoketStore  *self,
                                          const char  *requested);

/* The audit trail (loket-store-audit.c). Registers loket_actor() and
 * loket_sha256() on the connection; then, at schema 9 and later, creates
 * the connection's audit triggers. */
gboolean      loket_store_audit_attach   (LoketStore  *self,
                                          GError     **error);
/* Appends a refused attempt (action 'refused') in its own transaction, or
 * the caller's when one is open; best effort. */
void          loket_store_audit_refusal  (LoketStore  *self,
                                          LoketRight   right,
                                          const char  *message);

/* A prepared statement for a static SQL string, cached for the store's life
 * and reset, with bindings cleared, on every call. */
sqlite3_stmt *loket_store_prepare        (LoketStore  *self,
                                          const char  *sql,
                                          GError     **error);
/* Sets a LOKET_ERROR_STORAGE (or CONFLICT for constraint failures) from the
 * connection's last error, with a message the clerk can act on. */
void          loket_store_set_sqlite_error (LoketStore *self,
                                          int          rc,
                                          GError     **error);
gboolean      loket_store_exec           (LoketStore  *self,
                                          const char  *sql,
                                          GError     **error);
/* BEGIN IMMEDIATE: takes the write lock up front, so two writers queue on
 * the busy handler instead of deadlocking on a lock upgrade. */
gboolean      loket_store_begin          (LoketStore  *self,
                                          GError     **error);
gboolean      loket_store_commit         (LoketStore  *self,
                                          GError     **error);
void          loket_store_rollback       (LoketStore  *self);

/* The columns of a member, for SELECT … FROM member m, in the order
 * loket_store_member_from_row reads them. */
#define LOKET_STORE_MEMBER_COLUMNS \
  "m.id, m.kpj, m.nik, m.name, m.birth_date, m.sex, m.segment, m.income, " \
  "m.risk_class, m.occupation, m.phone, m.street, m.rt, m.rw, m.village, " \
  "m.district, m.regency, m.province, m.postcode, m.region_code, m.registered_on, " \
  "(SELECT group_concat (program) FROM member_program p WHERE p.member_id = m.id)"

LoketMember  *loket_store_member_from_row (sqlite3_stmt *stmt);
/* Steps a prepared SELECT of LOKET_STORE_MEMBER_COLUMNS to the end. */
GPtrArray    *loket_store_collect_members (LoketStore    *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);

/* Steps a prepared SELECT whose first column is an id to the end. */
GArray       *loket_store_collect_ids    (LoketStore    *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);

/* Where a member came from, kept on their row (schema 4): the PKS they were
 * enrolled through and the agent who brought them; 0 for none. */
typedef struct {
  gint64 partnership_id;
  gint64 agent_id;
} LoketStoreMemberOrigin;

/* Takes `count` consecutive KPJ sequences for the branch prefix, inside the
 * caller's transaction: *first is the first, *prefix (owned) the prefix. */
gboolean      loket_store_take_kpj_sequences (LoketStore *self,
                                          guint         count,
                                          char        **prefix,
                                          gint64       *first,
                                          GError      **error);
/* Writes a checked member with its KPJ already in member->kpj, and their
 * programs since `today`, inside the caller's transaction; sets member->id
 * and registered_on. `origin` may be NULL. With index_name FALSE the name
 * index is left to the caller, who fills it for a whole batch in one
 * statement (DESIGN.md: FTS5 row by row makes bulk loads 10× slower). */
gboolean      loket_store_insert_member  (LoketStore   *self,
                                          LoketMember  *member,
                                          const LoketStoreMemberOrigin *origin,
                                          gboolean      index_name,
                                          const GDate  *today,
                                          GError      **error);

/* Opens without migrating past `max_version`: for migration tests only. */
LoketStore   *loket_store_open_at_version (const char  *path,
                                          int          max_version,
                                          GError     **error);

/* Steps a statement that returns no rows; on failure sets the error from
 * the connection and resets the statement. */
gboolean      loket_store_step_done      (LoketStore   *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
/* Hands the problems `found` to *problems (when not NULL) and their errors
 * to `error`; FALSE when there is any error. */
gboolean      loket_store_report_problems (GPtrArray   *found,
                                          GPtrArray  **problems,
                                          GError     **error);

/* Helpers for columns and bindings. */
void          loket_store_bind_text_or_null (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);
void          loket_store_bind_date      (sqlite3_stmt *stmt,
                                          int           index,
                                          const GDate  *date);
gboolean      loket_store_column_date    (sqlite3_stmt *stmt,
                                          int           column,
                                          GDate        *out);
char         *loket_store_dup_column_text (sqlite3_stmt *stmt,
                                          int           column);
char         *loket_store_now_utc        (void);

G_END_DECLS
