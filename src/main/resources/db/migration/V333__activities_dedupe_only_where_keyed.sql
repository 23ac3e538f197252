-- Placement entries of the activity feed carry no dedupe key (issue 16). The placement feed's drain
-- writes them in the transaction that deletes the feed rows they come from, so each placement is
-- written exactly once and a key would guard nothing; every other entry (badges, resolutions,
-- registrations, new markets) still comes from an event delivered at least once and keeps its key.
-- The unique constraint indexed every row, NULLs included: a text key of about 60 bytes in random
-- order per placement. The partial index below holds the keyed rows only.
CREATE UNIQUE INDEX activities_dedupe_key_keyed ON activities (dedupe_key) WHERE dedupe_key IS NOT NULL;
ALTER TABLE activities DROP CONSTRAINT activities_dedupe_key_key;
