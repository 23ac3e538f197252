-- Markets and forecasting (issue 4).

-- Set once every forecast of a resolved or cancelled market has been paid out or refunded
-- (and the house has its share): from then on the market's pool is exactly zero.
ALTER TABLE markets ADD COLUMN settled_at timestamptz;

-- Settlement walks a market's pending forecasts in id order, in batches.
CREATE INDEX idx_forecasts_market_pending ON forecasts (market_id, id) WHERE status = 'pending';

-- Listing and the per-market feed of recent forecasts.
CREATE INDEX idx_markets_forecasters ON markets (forecaster_count DESC);
