-- Loket schema version 7: payments, receipts and reversals (issue 6,
-- domain.md §2).
--
-- A receipt (kwitansi) is what the payer takes home: one number, one payer,
-- one channel, one clerk, and the payments of one member (at the counter) or
-- of many (a cooperative paying for its members). Each payment covers an
-- unbroken span of months of one member; its amounts per program are in
-- payment_line, one line per program and price (a span across a rate change
-- or the PP 50/2025 discount has a line for each price). Nothing here is ever
-- changed or deleted (the triggers below refuse it): a mistake is undone by a
-- reversal of the whole receipt, with its reason and who reversed it.
--
-- Months are the first day of the month, 'YYYY-MM-01'. IF NOT EXISTS because
-- a test lowers user_version to replay an older migration on a database that
-- already has these tables.

-- The next receipt number per branch (its KPJ prefix) and year, taken inside
-- the transaction that writes the receipt: two counters writing at once queue
-- on the write lock and never share or skip a number.
CREATE TABLE IF NOT EXISTS receipt_counter (
  prefix        TEXT NOT NULL CHECK (length (prefix) = 2),
  year          INTEGER NOT NULL,
  next_sequence INTEGER NOT NULL CHECK (next_sequence >= 1),
  PRIMARY KEY (prefix, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS receipt (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,        -- KW-52-2026-000001
  prefix         TEXT NOT NULL,
  year           INTEGER NOT NULL,
  sequence       INTEGER NOT NULL CHECK (sequence >= 1),
  paid_on        TEXT NOT NULL,               -- the business day
  channel        TEXT NOT NULL CHECK (channel IN ('counter', 'kantor-pos', 'brilink', 'bni-agent',
                                                  'indomaret', 'alfamart', 'bank', 'cooperative', 'jmo')),
  reference      TEXT,                        -- the channel's own transaction number
  clerk          TEXT NOT NULL CHECK (clerk <> ''),
  payer          TEXT NOT NULL CHECK (payer IN ('member', 'members', 'coop', 'sponsor', 'pemda')),
  payer_name     TEXT NOT NULL,
  cooperative_id INTEGER REFERENCES cooperative (id),
  partnership_id INTEGER REFERENCES partnership (id),
  total          INTEGER NOT NULL CHECK (total >= 0),
  created_at     TEXT NOT NULL,
  UNIQUE (prefix, year, sequence)
) STRICT;

CREATE INDEX IF NOT EXISTS receipt_by_day ON receipt (paid_on);

CREATE TABLE IF NOT EXISTS payment (
  id          INTEGER PRIMARY KEY,
  receipt_id  INTEGER NOT NULL REFERENCES receipt (id),
  member_id   INTEGER NOT NULL REFERENCES member (id),
  month_from  TEXT NOT NULL CHECK (month_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-01'),
  month_until TEXT NOT NULL CHECK (month_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-01'
                                   AND month_until >= month_from),
  months      INTEGER NOT NULL CHECK (months >= 1),
  total       INTEGER NOT NULL CHECK (total >= 0),
  discount    INTEGER NOT NULL CHECK (discount >= 0),
  UNIQUE (receipt_id, member_id)
) STRICT;

CREATE INDEX IF NOT EXISTS payment_by_member ON payment (member_id, month_from, month_until);

CREATE TABLE IF NOT EXISTS payment_line (
  payment_id INTEGER NOT NULL REFERENCES payment (id),
  program    TEXT NOT NULL CHECK (program IN ('jkk', 'jkm', 'jht', 'jp', 'jkp')),
  month_from TEXT NOT NULL,                   -- the first month at this price
  months     INTEGER NOT NULL CHECK (months >= 1),
  monthly    INTEGER NOT NULL CHECK (monthly >= 0),   -- after any discount
  discount   INTEGER NOT NULL CHECK (discount >= 0),  -- the line's whole discount
  amount     INTEGER NOT NULL CHECK (amount >= 0),    -- monthly × months
  PRIMARY KEY (payment_id, program, month_from)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS reversal (
  id          INTEGER PRIMARY KEY,
  receipt_id  INTEGER NOT NULL UNIQUE REFERENCES receipt (id),
  reversed_on TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (trim (reason) <> ''),
  clerk       TEXT NOT NULL CHECK (clerk <> ''),
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS reversal_by_day ON reversal (reversed_on);

-- The unbroken runs of paid months of each member, from the payments whose
-- receipt is not reversed. Derived, never entered: the store rewrites a
-- member's runs in the same transaction as each of their payments and
-- reversals. Status on any date reads the latest run that starts by that
-- month, so the status of a million members is one pass over this index
-- rather than over every payment.
CREATE TABLE IF NOT EXISTS coverage (
  member_id   INTEGER NOT NULL REFERENCES member (id),
  month_from  TEXT NOT NULL,
  month_until TEXT NOT NULL CHECK (month_until >= month_from),
  PRIMARY KEY (member_id, month_from)
) STRICT, WITHOUT ROWID;

-- The reports count the self-employed members registered by a date (the
-- ones who pay at the counter) from this index alone.
CREATE INDEX IF NOT EXISTS member_by_segment ON member (segment, registered_on);

CREATE TRIGGER IF NOT EXISTS receipt_is_kept BEFORE UPDATE ON receipt
BEGIN SELECT RAISE (ABORT, 'a receipt is never changed; reverse it instead'); END;
CREATE TRIGGER IF NOT EXISTS receipt_is_never_deleted BEFORE DELETE ON receipt
BEGIN SELECT RAISE (ABORT, 'a receipt is never deleted; reverse it instead'); END;
CREATE TRIGGER IF NOT EXISTS payment_is_kept BEFORE UPDATE ON payment
BEGIN SELECT RAISE (ABORT, 'a payment is never changed; reverse its receipt instead'); END;
CREATE TRIGGER IF NOT EXISTS payment_is_never_deleted BEFORE DELETE ON payment
BEGIN SELECT RAISE (ABORT, 'a payment is never deleted; reverse its receipt instead'); END;
CREATE TRIGGER IF NOT EXISTS payment_line_is_kept BEFORE UPDATE ON payment_line
BEGIN SELECT RAISE (ABORT, 'a payment line is never changed'); END;
CREATE TRIGGER IF NOT EXISTS payment_line_is_never_deleted BEFORE DELETE ON payment_line
BEGIN SELECT RAISE (ABORT, 'a payment line is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS reversal_is_kept BEFORE UPDATE ON reversal
BEGIN SELECT RAISE (ABORT, 'a reversal is never changed'); END;
CREATE TRIGGER IF NOT EXISTS reversal_is_never_deleted BEFORE DELETE ON reversal
BEGIN SELECT RAISE (ABORT, 'a reversal is never deleted'); END;

-- The arrears window (domain.md §2) for databases made before rates.csv had
-- it; the rows must be the same as those of data/rates.csv.
INSERT OR IGNORE INTO rate (key, effective_from, value, source, note) VALUES
  ('bpu.arrears.months', '2015-07-01', 3, 'domain.md §2',
   '[?] unpaid months, the current one included, that a member may be behind and still pay; one more and the membership is nonaktif');
