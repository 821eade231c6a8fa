-- Loket schema version 6: the log of membership cards printed (issue 5).
-- A job is one PDF actually sent to a printer or saved as a file, written
-- only after it was sent; each member on it is a first print or a reprint
-- with its reason. A member's first card is the job with no reason, so "the
-- members without a card yet" are those with no row here.

CREATE TABLE card_print_job (
  id          INTEGER PRIMARY KEY,
  printed_at  TEXT NOT NULL,      -- ISO 8601 UTC, as the other records
  clerk       TEXT NOT NULL,
  destination TEXT NOT NULL CHECK (destination IN ('printer', 'file')),
  target      TEXT NOT NULL,      -- the printer's name or the file's path
  layout      TEXT NOT NULL CHECK (layout IN ('single', 'a4')),
  back        INTEGER NOT NULL CHECK (back IN (0, 1))
) STRICT;

CREATE TABLE card_print (
  job_id         INTEGER NOT NULL REFERENCES card_print_job (id),
  member_id      INTEGER NOT NULL REFERENCES member (id),
  reprint_reason TEXT CHECK (reprint_reason IN ('lost', 'damaged', 'data-changed')),
  PRIMARY KEY (job_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX card_print_by_member ON card_print (member_id, job_id);
