-- The sector a leader works in (seed-data/vocabularies/sectors.csv); null for leaders from before it
-- existed and for anyone who has not said. The code is checked by the service against the vocabulary
-- (a file, not a table), as the other vocabulary codes are.
alter table leader add column sector text;
