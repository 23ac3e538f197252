-- Discovery (issue 19): every placement (forecast, user, market, points, time), fed by ForecastsPlaced,
-- so that the home feed can rank markets by chips and forecasters of the last 24 hours and know which
-- markets a user holds without reading the forecasting module's tables. A placement is named by its
-- forecast and the forecast's running total after it (the total grows with every placement).
CREATE TABLE discovery_stakes (
    forecast_id   uuid NOT NULL,
    total_points  bigint NOT NULL,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    market_id     uuid NOT NULL REFERENCES markets (id) ON DELETE CASCADE,
    category      text NOT NULL,
    points        bigint NOT NULL CHECK (points > 0),
    placed_at     timestamptz NOT NULL,
    PRIMARY KEY (forecast_id, total_points)
);
CREATE INDEX idx_discovery_stakes_placed_at ON discovery_stakes (placed_at);
CREATE INDEX idx_discovery_stakes_user ON discovery_stakes (user_id, placed_at DESC);

-- An existing database starts complete: one row per forecast (top-ups folded into it, at its last placement).
INSERT INTO discovery_stakes (forecast_id, total_points, user_id, market_id, category, points, placed_at)
SELECT f.id, f.points, f.user_id, f.market_id, m.category, f.points, f.updated_at
FROM forecasts f JOIN markets m ON m.id = f.market_id
ON CONFLICT DO NOTHING;
