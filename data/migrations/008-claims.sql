-- Loket schema version 8: heirs, claims and claim letters (issue 7,
-- domain.md §4).
--
-- A claim is taken at the counter (diajukan), verified (diverifikasi),
-- decided (disetujui or ditolak) and, when approved, paid (dibayar). Its
-- eligibility and benefit lines are stored as computed when it was taken,
-- so a later change of rates never changes a claim already made; every
-- change of status is an event with who, when and (for a rejection) why.
-- The letter number is taken with the decision, in the same transaction.
--
-- IF NOT EXISTS because a test lowers user_version to replay an older
-- migration on a database that already has these tables.

-- The member's heirs (ahli waris): who may claim a death benefit, and the
-- children a scholarship is for.
CREATE TABLE IF NOT EXISTS heir (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES member (id),
  name         TEXT NOT NULL CHECK (trim (name) <> ''),
  nik          TEXT NOT NULL CHECK (length (nik) = 16),
  relation     TEXT NOT NULL CHECK (relation IN ('spouse', 'child', 'parent', 'other')),
  birth_date   TEXT NOT NULL,
  bank_account TEXT,
  school_level TEXT CHECK (school_level IN ('tk', 'sd', 'smp', 'sma', 'pt')),
  clerk        TEXT NOT NULL CHECK (clerk <> ''),
  created_at   TEXT NOT NULL,
  CHECK (school_level IS NULL OR relation = 'child'),
  UNIQUE (member_id, nik)
) STRICT;

-- The next letter number per branch code and year, taken inside the
-- transaction that records the decision: two counters deciding at once queue
-- on the write lock and never share or skip a number.
CREATE TABLE IF NOT EXISTS claim_letter_counter (
  branch        TEXT NOT NULL CHECK (branch <> ''),
  year          INTEGER NOT NULL,
  next_sequence INTEGER NOT NULL CHECK (next_sequence >= 1),
  PRIMARY KEY (branch, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS claim (
  id              INTEGER PRIMARY KEY,
  member_id       INTEGER NOT NULL REFERENCES member (id),
  program         TEXT NOT NULL CHECK (program IN ('jkm', 'jkk', 'jht', 'beasiswa')),
  kind            TEXT CHECK (kind IN ('death', 'disability', 'temporary',
                                       'age', 'stopped-work', 'partial-10', 'partial-30',
                                       'left-indonesia', 'jkm-death', 'jkk-death',
                                       'jkk-disability')),
  event_date      TEXT NOT NULL,
  description     TEXT,
  heir_id         INTEGER REFERENCES heir (id),   -- NULL: the member claims
  bank_account    TEXT,
  months_off      INTEGER CHECK (months_off >= 1),
  school_level    TEXT CHECK (school_level IN ('tk', 'sd', 'smp', 'sma', 'pt')),
  status          TEXT NOT NULL CHECK (status IN ('diajukan', 'diverifikasi', 'disetujui',
                                                  'ditolak', 'dibayar')),
  eligible        INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  total           INTEGER NOT NULL,
  submitted_on    TEXT NOT NULL,                  -- the business day it was taken
  clerk           TEXT NOT NULL CHECK (clerk <> ''),
  decided_on      TEXT,
  paid_on         TEXT,
  letter_number   TEXT UNIQUE,                    -- 001/KLM/<branch>/XI/2026
  letter_branch   TEXT,
  letter_year     INTEGER,
  letter_sequence INTEGER CHECK (letter_sequence >= 1),
  created_at      TEXT NOT NULL,
  UNIQUE (letter_branch, letter_year, letter_sequence)
) STRICT;

CREATE INDEX IF NOT EXISTS claim_by_member ON claim (member_id, program);
CREATE INDEX IF NOT EXISTS claim_by_status ON claim (status, id);
CREATE INDEX IF NOT EXISTS claim_by_submitted ON claim (submitted_on);
CREATE INDEX IF NOT EXISTS claim_by_paid ON claim (paid_on);

-- The benefit as computed when the claim was taken: amount = quantity × base
-- × bp / 10000 for most lines; the labels are made from these figures.
CREATE TABLE IF NOT EXISTS claim_line (
  claim_id INTEGER NOT NULL REFERENCES claim (id),
  position INTEGER NOT NULL,
  code     TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  base     INTEGER NOT NULL,
  bp       INTEGER NOT NULL,
  amount   INTEGER NOT NULL,
  PRIMARY KEY (claim_id, position)
) STRICT, WITHOUT ROWID;

-- Why a claim taken was not eligible, as the clerk read it and as the
-- rejection letter prints it (in Indonesian whatever the interface).
CREATE TABLE IF NOT EXISTS claim_reason (
  claim_id INTEGER NOT NULL REFERENCES claim (id),
  position INTEGER NOT NULL,
  field    TEXT NOT NULL,
  code     TEXT NOT NULL,
  message  TEXT NOT NULL,
  letter   TEXT NOT NULL,
  PRIMARY KEY (claim_id, position)
) STRICT, WITHOUT ROWID;

-- The document checklist of the claim's program, each item received or not.
CREATE TABLE IF NOT EXISTS claim_document (
  claim_id INTEGER NOT NULL REFERENCES claim (id),
  position INTEGER NOT NULL,
  code     TEXT NOT NULL,
  received INTEGER NOT NULL CHECK (received IN (0, 1)),
  PRIMARY KEY (claim_id, position),
  UNIQUE (claim_id, code)
) STRICT, WITHOUT ROWID;

-- Every change of status: from (NULL when the claim was taken), to, who,
-- the business day, when, and the reason of a rejection.
CREATE TABLE IF NOT EXISTS claim_event (
  id          INTEGER PRIMARY KEY,
  claim_id    INTEGER NOT NULL REFERENCES claim (id),
  from_status TEXT,
  to_status   TEXT NOT NULL,
  clerk       TEXT NOT NULL CHECK (clerk <> ''),
  happened_on TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  reason      TEXT,
  CHECK (to_status <> 'ditolak' OR trim (coalesce (reason, '')) <> '')
) STRICT;

CREATE INDEX IF NOT EXISTS claim_event_by_claim ON claim_event (claim_id, id);

CREATE TRIGGER IF NOT EXISTS claim_event_is_kept BEFORE UPDATE ON claim_event
BEGIN SELECT RAISE (ABORT, 'a claim''s history is never changed'); END;
CREATE TRIGGER IF NOT EXISTS claim_event_is_never_deleted BEFORE DELETE ON claim_event
BEGIN SELECT RAISE (ABORT, 'a claim''s history is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS claim_line_is_kept BEFORE UPDATE ON claim_line
BEGIN SELECT RAISE (ABORT, 'a claim''s benefit is never changed'); END;
CREATE TRIGGER IF NOT EXISTS claim_line_is_never_deleted BEFORE DELETE ON claim_line
BEGIN SELECT RAISE (ABORT, 'a claim''s benefit is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS claim_is_never_deleted BEFORE DELETE ON claim
BEGIN SELECT RAISE (ABORT, 'a claim is never deleted; reject it instead'); END;

-- The benefit rates and claim rules for databases made before rates.csv had
-- them. A new database loads them with the other defaults on first run, so
-- these inserts change nothing there; a row a supervisor has already
-- entered for the same key and date is kept. The rows must be the same as
-- those of data/rates.csv (test-claim checks that they are).
INSERT OR IGNORE INTO rate (key, effective_from, value, source, note) VALUES
  ('jkm.death.lump_sum', '2019-12-02', 20000000, 'PP 82/2019',
   'JKM lump sum (santunan sekaligus) Rp20.000.000; [? date of effect taken as the day PP 82/2019 was promulgated]'),
  ('jkm.death.periodic', '2019-12-02', 12000000, 'PP 82/2019',
   'JKM periodic benefit 24 × Rp500.000, paid at once; [? date of effect taken as the day PP 82/2019 was promulgated]'),
  ('jkm.death.funeral', '2019-12-02', 10000000, 'PP 82/2019',
   'JKM funeral costs; [? date of effect taken as the day PP 82/2019 was promulgated]'),
  ('jkk.death.income_multiple', '2019-12-02', 48, 'news',
   'JKK death from a work accident: 48 × declared income (BPU) or wage; [? date of effect taken as PP 82/2019''s]'),
  ('jkk.death.periodic', '2019-12-02', 12000000, 'news',
   'JKK death: periodic benefit paid at once; [? date of effect taken as PP 82/2019''s]'),
  ('jkk.death.funeral', '2019-12-02', 10000000, 'news',
   'JKK death: funeral costs; [? date of effect taken as PP 82/2019''s]'),
  ('jkk.disability.income_multiple', '2019-12-02', 56, 'news',
   'JKK permanent total disability: 56 × declared income or wage; [? date of effect taken as PP 82/2019''s]'),
  ('jkk.stmb.full_months', '2019-12-02', 12, 'news',
   'temporary incapacity (STMB): the first months paid at jkk.stmb.full.bp; [? date of effect taken as PP 82/2019''s]'),
  ('jkk.stmb.full.bp', '2019-12-02', 10000, 'news',
   'STMB 100% of income in the first jkk.stmb.full_months months; [? date of effect taken as PP 82/2019''s]'),
  ('jkk.stmb.later.bp', '2019-12-02', 5000, 'news',
   'STMB 50% of income after the first jkk.stmb.full_months months; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.tk_sd.yearly', '2019-12-02', 1500000, 'news',
   'scholarship per child per year, TK and SD; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.tk_sd.years', '2019-12-02', 8, 'news',
   'years of scholarship at TK and SD; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.smp.yearly', '2019-12-02', 2000000, 'news',
   'scholarship per child per year, SMP; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.smp.years', '2019-12-02', 3, 'news',
   'years of scholarship at SMP; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.sma.yearly', '2019-12-02', 3000000, 'news',
   'scholarship per child per year, SMA; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.sma.years', '2019-12-02', 3, 'news',
   'years of scholarship at SMA; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.pt.yearly', '2019-12-02', 12000000, 'news',
   'scholarship per child per year, university (up to S1) or training; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.pt.years', '2019-12-02', 5, 'news',
   'years of scholarship at university or training; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.children_max', '2019-12-02', 2, 'news',
   'children of one member who may receive the scholarship; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.cap', '2019-12-02', 174000000, 'news',
   'the most paid in scholarships for one member, all children and years together; [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.jkm.min_years', '2019-12-02', 3, 'news',
   'years of membership on the date of death for a scholarship after a JKM death (none after JKK death or total disability); [? date of effect taken as PP 82/2019''s]'),
  ('beasiswa.age_limit', '2019-12-02', 23, 'news',
   'the scholarship ends at this age (also at marriage or work, which Loket does not record); [? date of effect taken as PP 82/2019''s]'),
  ('jht.age.full', '2015-07-01', 56, 'news',
   'JHT paid in full at this age; [? exact date of effect]'),
  ('jht.partial.min_years', '2015-07-01', 10, 'news',
   'years of membership before the one partial JHT withdrawal; [? exact date of effect]'),
  ('jht.partial.general.bp', '2015-07-01', 1000, 'news',
   'partial JHT withdrawal: 10% of the balance; [? exact date of effect]'),
  ('jht.partial.housing.bp', '2015-07-01', 3000, 'news',
   'partial JHT withdrawal for housing: 30% of the balance; [? exact date of effect]'),
  ('jht.return.bp', '2015-07-01', 0, 'domain.md §4',
   '[?] the JHT return rate a supervisor enters (such as the year''s declared rate), added once to the contributions recorded; 0 until a supervisor adds a row'),
  ('jht.stop_work.wait_months', '2015-07-01', 1, 'domain.md §4',
   '[?] months a PU member waits after resignation or dismissal before claiming JHT; BPU members claim on stopping work at once');

-- domain.md lists no documents for a scholarship claim: this checklist is a
-- list a supervisor edits (items are document codes Loket knows).
INSERT OR IGNORE INTO rate_list_item (list, item, source, note) VALUES
  ('claim.documents.beasiswa', 'kartu', 'issue 7', '[?] domain.md lists no scholarship documents'),
  ('claim.documents.beasiswa', 'ktp-ahli-waris', 'issue 7', '[?] domain.md lists no scholarship documents'),
  ('claim.documents.beasiswa', 'kk', 'issue 7', '[?] domain.md lists no scholarship documents'),
  ('claim.documents.beasiswa', 'surat-sekolah', 'issue 7', '[?] domain.md lists no scholarship documents'),
  ('claim.documents.beasiswa', 'rekening', 'issue 7', '[?] domain.md lists no scholarship documents');
