-- Loket schema version 4: cooperatives, their partnership agreements (PKS),
-- agents (Agen Perisai), and the members each brought in (domain.md §6).

CREATE TABLE cooperative (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (name <> ''),
  name_key     TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('kdmp', 'kkmp', 'other')),
  ahu          TEXT UNIQUE,        -- AHU-0025673.AH.01.29.TAHUN 2025
  nib          TEXT,
  npwp         TEXT,
  nik_koperasi TEXT,               -- Nomor Induk Koperasi
  street       TEXT,
  village      TEXT,
  district     TEXT,
  regency      TEXT,
  province     TEXT,
  postcode     TEXT,
  region_code  TEXT,
  potential    INTEGER CHECK (potential IS NULL OR potential >= 0),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX cooperative_by_name_key ON cooperative (name_key);

CREATE TABLE cooperative_officer (
  id             INTEGER PRIMARY KEY,
  cooperative_id INTEGER NOT NULL REFERENCES cooperative (id) ON DELETE CASCADE,
  name           TEXT NOT NULL CHECK (name <> ''),
  nik            TEXT,
  role           TEXT NOT NULL CHECK (role <> ''),   -- ketua, sekretaris, bendahara, …
  phone          TEXT
) STRICT;

CREATE INDEX officer_by_cooperative ON cooperative_officer (cooperative_id);

-- An agent is a registered BPU member appointed through a Kantor Perisai.
CREATE TABLE agent (
  id             INTEGER PRIMARY KEY,
  member_id      INTEGER NOT NULL UNIQUE REFERENCES member (id),
  kantor_perisai TEXT,
  appointed_on   TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive'))
) STRICT;

CREATE TABLE agent_cooperative (
  agent_id       INTEGER NOT NULL REFERENCES agent (id),
  cooperative_id INTEGER NOT NULL REFERENCES cooperative (id),
  PRIMARY KEY (agent_id, cooperative_id)
) STRICT, WITHOUT ROWID;

-- A partnership agreement (PKS); a cooperative has several over time and at
-- most one active. When it ends, no one is enrolled through it any more.
CREATE TABLE partnership (
  id             INTEGER PRIMARY KEY,
  cooperative_id INTEGER NOT NULL REFERENCES cooperative (id),
  number         TEXT NOT NULL UNIQUE CHECK (number <> ''),
  signed_on      TEXT NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_until    TEXT NOT NULL CHECK (valid_until >= valid_from),
  segment        TEXT NOT NULL CHECK (segment IN ('bpu', 'pu', 'jakon', 'pmi')),
  programs       TEXT NOT NULL,    -- "jkk,jkm" in the customary order
  base_income    INTEGER NOT NULL CHECK (base_income >= 0),
  payment_months INTEGER NOT NULL CHECK (payment_months IN (1, 3, 6, 12)),
  payer          TEXT NOT NULL CHECK (payer IN ('members', 'coop', 'sponsor', 'pemda')),
  sponsor_name   TEXT,
  agent_id       INTEGER REFERENCES agent (id),
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_at     TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX one_active_partnership ON partnership (cooperative_id) WHERE status = 'active';

-- Who belongs to which cooperative: enrolled through an import or at the
-- counter, or an existing member linked when their cooperative's list came.
CREATE TABLE cooperative_member (
  cooperative_id INTEGER NOT NULL REFERENCES cooperative (id),
  member_id      INTEGER NOT NULL REFERENCES member (id),
  partnership_id INTEGER REFERENCES partnership (id),
  joined_on      TEXT NOT NULL,
  via            TEXT NOT NULL CHECK (via IN ('import', 'counter', 'linked')),
  PRIMARY KEY (cooperative_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX cooperative_member_by_member ON cooperative_member (member_id);

-- The PKS a member was enrolled through, and the agent who brought them:
-- kept on the member, so the link outlives the PKS and counts for incentives.
ALTER TABLE member ADD COLUMN partnership_id INTEGER REFERENCES partnership (id);
ALTER TABLE member ADD COLUMN agent_id INTEGER REFERENCES agent (id);

CREATE INDEX member_by_agent ON member (agent_id, registered_on) WHERE agent_id IS NOT NULL;
