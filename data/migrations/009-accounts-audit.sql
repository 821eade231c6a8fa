-- Schema 9 (issue 8): staff accounts with roles, and the audit trail.
--
-- The audit triggers themselves are not here: loket_store_open creates them
-- as TEMP triggers on every connection, generated from the live columns of
-- each audited table (loket-store-audit.c, audited_tables[]). A column added
-- by a later migration is then audited without recreating any trigger, and a
-- connection that is not Loket's (the sqlite3 shell, a test fixture) writes
-- unaudited, which `loket-cli audit verify` reports by comparing each
-- record's last audited state with its row.

CREATE TABLE IF NOT EXISTS staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE
    CHECK (length (username) BETWEEN 2 AND 32 AND username NOT GLOB '*[^A-Za-z0-9._-]*'),
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('petugas', 'supervisor')),
  password_hash TEXT NOT NULL,          -- crypto_pwhash_str (Argon2id)
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until TEXT,                    -- UTC; after too many wrong passwords
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- Append-only: every change of an audited table, and every refused attempt.
-- hash = SHA-256 over prev_hash, at, actor, action, table_name, row_key,
-- old_json, new_json (loket_store_audit_hash), prev_hash the hash of the
-- entry before (64 zeros for the first), so an entry edited or removed
-- outside Loket breaks the chain from there on.
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                     -- UTC, to the millisecond
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'refused')),
  table_name TEXT,
  row_key TEXT,
  old_json TEXT,                        -- the whole row before (update, delete)
  new_json TEXT,                        -- the whole row after (insert, update); what was refused
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS audit_by_record ON audit (table_name, row_key, id);
CREATE INDEX IF NOT EXISTS audit_by_actor ON audit (actor, id);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit (at);

CREATE TRIGGER IF NOT EXISTS audit_is_kept BEFORE UPDATE ON audit
  BEGIN SELECT raise (ABORT, 'audit entries are never changed'); END;
CREATE TRIGGER IF NOT EXISTS audit_is_never_deleted BEFORE DELETE ON audit
  BEGIN SELECT raise (ABORT, 'audit entries are never deleted'); END;

-- Editable data, like the rates: a supervisor may change them.
INSERT OR IGNORE INTO setting (key, value) VALUES
  ('security.lockout_minutes', '15'),
  ('security.max_failed_logins', '5'),
  ('security.idle_minutes', '10');
