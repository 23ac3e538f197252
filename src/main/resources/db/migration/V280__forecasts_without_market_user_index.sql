-- V220's (market_id, user_id) index duplicated the unique (user_id, market_id) key: every placement wrote an
-- entry in both. EXPLAIN (ANALYZE, BUFFERS) on a copy with 1.1 million forecasts (100,000 users, 2,000
-- markets of ~500 and one settled market of 100,000; rows in insertion order and shuffled) found no plan
-- that needs it: a user's forecast on a market (lookup, FOR UPDATE, a round's lock of many pairs) uses
-- the unique key as well; the settlement listeners' chunks (WHERE market_id = :m AND user_id > :after
-- ORDER BY user_id, id LIMIT 5000) are a bitmap scan of the market's rows and a top-N sort with it or
-- without it, the same heap pages read (with it the bitmap came from this index, without it from
-- idx_forecasts_market); the check that nothing is left pending, the stakes, the market's page and the
-- pool invariant read idx_forecasts_market. Details in bench/ANALYSIS.md ("Rounds that grow with the load").
DROP INDEX IF EXISTS idx_forecasts_market_user;
