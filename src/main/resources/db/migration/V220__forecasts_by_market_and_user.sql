-- The listeners of a settlement read the market's settled forecasts in chunks ordered by user
-- (keyset pages: user_id > the last one read), a user's rows locked in that order. Without this index
-- every page sorted all of the market's forecasts (100,000 for a large market) to return the next 5,000.
CREATE INDEX idx_forecasts_market_user ON forecasts (market_id, user_id);
