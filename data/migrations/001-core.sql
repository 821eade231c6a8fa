-- Loket schema version 1: settings, dated rates, the KPJ counter, members and
-- their programs. Money is INTEGER rupiah, rates INTEGER basis points, dates
-- TEXT 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DDTHH:MM:SSZ' in UTC.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every rate, amount, cap and limit, with the date it takes effect. The value
-- in force on a date is the row with the latest effective_from not after it.
CREATE TABLE rate (
  key            TEXT NOT NULL,
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  value          INTEGER NOT NULL,
  source         TEXT,
  note           TEXT,
  PRIMARY KEY (key, effective_from)
) STRICT, WITHOUT ROWID;

-- Named word lists the rules consult, such as the occupations a discount
-- covers; a supervisor edits them like rates.
CREATE TABLE rate_list_item (
  list   TEXT NOT NULL,
  item   TEXT NOT NULL,
  source TEXT,
  note   TEXT,
  PRIMARY KEY (list, item)
) STRICT, WITHOUT ROWID;

-- The next KPJ sequence per branch prefix; taken in the same transaction as
-- the member it numbers, so a number is never issued twice or skipped by a
-- failed registration.
CREATE TABLE kpj_counter (
  prefix        TEXT PRIMARY KEY CHECK (length (prefix) = 2),
  next_sequence INTEGER NOT NULL CHECK (next_sequence >= 1)
) STRICT;

CREATE TABLE member (
  id            INTEGER PRIMARY KEY,
  kpj           TEXT NOT NULL UNIQUE CHECK (length (kpj) = 11),
  nik           TEXT NOT NULL UNIQUE CHECK (length (nik) = 16),
  name          TEXT NOT NULL CHECK (name <> ''),
  name_key      TEXT NOT NULL,
  birth_date    TEXT NOT NULL,
  sex           TEXT NOT NULL CHECK (sex IN ('L', 'P')),
  segment       TEXT NOT NULL CHECK (segment IN ('bpu', 'pu', 'jakon', 'pmi')),
  income        INTEGER NOT NULL CHECK (income >= 0),
  risk_class    INTEGER CHECK (risk_class BETWEEN 1 AND 5),
  occupation    TEXT,
  phone         TEXT,
  street        TEXT,
  rt            TEXT,
  rw            TEXT,
  village       TEXT,
  district      TEXT,
  regency       TEXT,
  province      TEXT,
  postcode      TEXT,
  region_code   TEXT,
  registered_on TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE member_program (
  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  program   TEXT NOT NULL CHECK (program IN ('jkk', 'jkm', 'jht', 'jp', 'jkp')),
  since     TEXT NOT NULL,
  PRIMARY KEY (member_id, program)
) STRICT, WITHOUT ROWID;
