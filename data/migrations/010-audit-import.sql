-- Schema 10 (issue 8): an import's batch entry in the audit trail.
--
-- A collective enrolment of 100 000 members would be 300 000 entries (the
-- member, their programs, their link to the cooperative), more work than
-- the import itself. Its commit now writes one entry, action 'import', with
-- the file, the cooperative, the new members' ids and KPJs and a digest of
-- the rows written (loket-store-audit-batch.c). SQLite cannot change a
-- CHECK constraint in place: the table is copied with every entry kept as
-- it was (ids, hashes), so that the chain still verifies.

CREATE TABLE audit_v10 (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                     -- UTC, to the millisecond
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'refused', 'import')),
  table_name TEXT,
  row_key TEXT,                         -- import: "FIRST..LAST", the new members' ids
  old_json TEXT,                        -- the whole row before (update, delete)
  new_json TEXT,                        -- the whole row after (insert, update); what was refused; the batch
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

INSERT INTO audit_v10 (id, at, actor, action, table_name, row_key, old_json, new_json, prev_hash, hash)
  SELECT id, at, actor, action, table_name, row_key, old_json, new_json, prev_hash, hash FROM audit ORDER BY id;

-- Dropping a table drops its triggers first: audit_is_never_deleted does
-- not fire.
DROP TABLE audit;
ALTER TABLE audit_v10 RENAME TO audit;

CREATE INDEX audit_by_record ON audit (table_name, row_key, id);
CREATE INDEX audit_by_actor ON audit (actor, id);
CREATE INDEX audit_by_time ON audit (at);

CREATE TRIGGER audit_is_kept BEFORE UPDATE ON audit
  BEGIN SELECT raise (ABORT, 'audit entries are never changed'); END;
CREATE TRIGGER audit_is_never_deleted BEFORE DELETE ON audit
  BEGIN SELECT raise (ABORT, 'audit entries are never deleted'); END;
