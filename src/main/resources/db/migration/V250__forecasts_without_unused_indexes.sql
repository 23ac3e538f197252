-- Two indexes on forecasts that no statement reads: every query on forecasts filters by market or by
-- user first (idx_forecasts_market_pending, idx_forecasts_market_user, idx_forecasts_user, the unique
-- (user_id, market_id)). Each cost an index entry per placement and per settled forecast: settling
-- changes status and settled_at, so the update is not HOT and writes an entry in every index
-- (markSettled was 40 % of a settlement's payout time in the profile of 1 Dec 2026).
DROP INDEX IF EXISTS idx_forecasts_status;
DROP INDEX IF EXISTS idx_forecasts_settled_at;
