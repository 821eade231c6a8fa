-- Loket schema version 2: finding members by name, and catching probable
-- duplicates (same name and birth date under another NIK).

-- An external-content index over member.name: accent-insensitive
-- ("dede" finds "Dédé") with prefix indexes for search-as-you-type. The store
-- writes it in the same statement batch as the member, not by trigger, so
-- bulk loads can fill it in one statement.
CREATE VIRTUAL TABLE member_name_fts USING fts5 (
  name,
  content = 'member',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO member_name_fts (member_name_fts) VALUES ('rebuild');

CREATE INDEX member_by_name_key ON member (name_key, birth_date);
