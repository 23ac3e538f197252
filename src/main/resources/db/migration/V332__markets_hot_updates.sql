-- Every group-commit round updates the stake totals of each of its markets (total_points,
-- forecaster_count, updated_at). Two indexes named those columns, so not one of those updates was HOT
-- (0 of 57,642 in the bench's placement peaks, measured with pg_stat_statements on 2 Dec 2026): each
-- wrote a new entry in all nine indexes of markets, among them the trigram GIN index of title and
-- description (dozens of entries per row, into a pending list that an inserting backend must merge
-- when it fills, as autovacuum may be off). That statement was the second most expensive of a spread
-- placement (85 µs and 1.6 kB of WAL per placement). The lists sort by volume or forecasters through
-- the market cache, after counting every market the filter matches: a top-N sort of those rows
-- costs what the count already does, so the indexes saved little on reads and cost every placement.
DROP INDEX IF EXISTS idx_markets_volume;       -- (total_points DESC)
DROP INDEX IF EXISTS idx_markets_forecasters;  -- (forecaster_count DESC)

-- Room on each page for the new versions of a market's row (a hot market's row is rewritten by every
-- round); the versions left dead are pruned when a later round reads the page. Applies to pages
-- written from now on (VACUUM FULL or pg_repack rewrites the existing ones).
ALTER TABLE markets SET (fillfactor = 50);
