-- More room on each users page for new row versions (issue 16; V270 set 85). A settlement updates the
-- users row of every winner twice within a second or two: the ledger credits the payout, then
-- reputation scoring sets the reputation. Each update stays HOT (no entry in any of the table's ten
-- indexes, one of them a trigram GIN index) only while the page has room for the new version, and the
-- version the first update left dead cannot be pruned while the listeners beside the payouts hold
-- older snapshots. With 15 % free, half of those updates in SettlementBenchmark were not HOT; with
-- 40 % free, 94 % were (bench/ANALYSIS.md). The cost is a users heap about 1.4 times as large, for
-- what is the smallest of the busy tables. As in V270, existing pages keep their fill until the
-- table is rewritten (VACUUM FULL or pg_repack, in a maintenance window).
ALTER TABLE users SET (fillfactor = 60);
