/* loket-store-audit-private.h: what the audit trail's files share. */
#pragma once

#include "loket-audit.h"
#include "loket-store-private.h"

G_BEGIN_DECLS

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* The live shape of an audited table (PRAGMA table_info). */
typedef struct {
  GPtrArray *columns;     /* every column but the secret one */
  GPtrArray *key;         /* the primary key's columns, in order */
} TableShape;

gboolean  loket_table_shape_read  (LoketStore        *self,
                                   const char        *table,
                                   const char        *secret,
                                   TableShape        *shape,
                                   GError           **error);
void      loket_table_shape_clear (TableShape        *shape);
/* NEW.id, or NEW.member_id || '/' || NEW.program: the row_key of a row. */
char     *loket_table_shape_key   (const TableShape  *shape,
                                   const char        *row);
/* json_object ('id', NEW."id", …): the row as its entries hold it. */
char     *loket_table_shape_json  (const TableShape  *shape,
                                   const char        *row);

/* Bulk mode (an import's commit): while on, the per-row triggers write
 * nothing, and the caller appends one batch entry
 * (loket_store_audit_import) in the same transaction. */
void      loket_store_audit_set_bulk (LoketStore     *self,
                                   gboolean           bulk);

/* Appends the batch entry of an import: action 'import' on member, row_key
 * "FIRST..LAST" (the new members' ids), with the file, the cooperative,
 * the PKS, the agent, the count, the first and last KPJ, and for member,
 * member_program and cooperative_member the columns and the digest
 * (loket_sha256_xor of each row's JSON) of the rows the batch wrote. */
gboolean  loket_store_audit_import (LoketStore       *self,
                                   const char        *source_name,
                                   gint64             cooperative_id,
                                   gint64             partnership_id,
                                   gint64             agent_id,
                                   gint64             first_member_id,
                                   gint64             last_member_id,
                                   GError           **error);

/* Checks every batch entry: the rows it wrote, as they are now (or as the
 * first entry of their own after the batch found them), must still give
 * its digests. Sets LOKET_AUDIT_BATCH_MISMATCH in `report` on the first
 * that does not. Inside the caller's read transaction. */
gboolean  loket_store_audit_verify_batches (LoketStore     *self,
                                   LoketAuditReport  *report,
                                   GError           **error);

G_END_DECLS
