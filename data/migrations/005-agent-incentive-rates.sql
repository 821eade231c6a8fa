-- Loket schema version 5: the rates of the Agen Perisai incentive
-- (domain.md §6, Perdir 13/2022) for databases made before data/rates.csv
-- had them. A new database loads them with the other defaults on first run,
-- so these inserts change nothing there; a row a supervisor has already
-- entered for the same key and date is kept as it is. The rows must be the
-- same as those of data/rates.csv (test-cooperative checks that they are).

INSERT OR IGNORE INTO rate (key, effective_from, value, source, note) VALUES
  ('agent.incentive.per_member', '2022-01-01', 10000, 'Perdir 13/2022',
   'Rp10.000 per new JKK+JKM member in a month the agent brings agent.incentive.threshold or more; [? exact date of effect]'),
  ('agent.incentive.threshold', '2022-01-01', 25, 'Perdir 13/2022',
   'new members an agent must bring in one month for the per-member incentive; [? exact date of effect]'),
  ('agent.share.first.bp', '2022-01-01', 1500, 'Perdir 13/2022',
   '15% of the contributions the agent collects in a member''s months 1 to agent.share.first.months; [? exact date of effect]'),
  ('agent.share.first.months', '2022-01-01', 24, 'Perdir 13/2022',
   'last month of membership paid at agent.share.first.bp; [? exact date of effect]'),
  ('agent.share.later.bp', '2022-01-01', 500, 'Perdir 13/2022',
   '5% of the contributions collected after agent.share.first.months up to agent.share.later.months; [? exact date of effect]'),
  ('agent.share.later.months', '2022-01-01', 60, 'Perdir 13/2022',
   'last month of membership paid at agent.share.later.bp; [? exact date of effect]');
