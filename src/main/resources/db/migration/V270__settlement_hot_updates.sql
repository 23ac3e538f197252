-- Settlement rewrites every forecast of a market (status, payout, settled_at) and, through the ledger
-- and reputation scoring, the users row of every winner (chips, reputation). An UPDATE that changes
-- no indexed column and finds room on the row's own page is HOT: no new entry in any index. Before
-- this, neither held for forecasts (0 % HOT in SettlementBenchmark: an entry in each of its indexes
-- per settled forecast) and only about half of the users updates were HOT.

-- Room on each page for new row versions. Settlement batches go in id order (random uuids), so one
-- batch touches a few rows of many pages, and the versions a committed batch left dead are pruned
-- when the next one reads the page. fillfactor only applies to pages written from now on: existing
-- tables keep their full pages until rewritten (VACUUM FULL or pg_repack, in a maintenance window).
ALTER TABLE forecasts SET (fillfactor = 90);
ALTER TABLE users SET (fillfactor = 85);

-- Its predicate names status, which settlement changes, so every settled forecast was a non-HOT
-- update. Settlement no longer reads it: a run walks the stakes it already read for its plan in
-- batches of ids and marks them with one UPDATE … WHERE status = 'pending' (primary key lookups);
-- the check that nothing is left pending reads the market's rows through idx_forecasts_market_user.
DROP INDEX IF EXISTS idx_forecasts_market_pending;
