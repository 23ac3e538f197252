-- Reputation, badges and leaderboards (issue 5). The reputation module keeps its own read model of
-- forecasts, filled from ForecastPlaced and MarketSettled, so leaderboards and stats never query the
-- forecasting module's tables on a request path.

-- One row per forecast (first placement time, running total stake).
CREATE TABLE rep_forecasts (
    forecast_id   uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    market_id     uuid NOT NULL,
    category      text NOT NULL,
    total_points  bigint NOT NULL CHECK (total_points >= 0),
    placed_at     timestamptz NOT NULL
);
CREATE INDEX idx_rep_forecasts_user ON rep_forecasts (user_id);

-- One row per settled forecast; skill = 100 × (o − q), 0 for refunds (which carry no information).
CREATE TABLE settled_forecasts (
    forecast_id        uuid PRIMARY KEY,
    user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    market_id          uuid NOT NULL,
    category           text NOT NULL,
    outcome_id         uuid NOT NULL,
    won                boolean NOT NULL,
    refunded           boolean NOT NULL,
    stake              bigint NOT NULL,
    payout             bigint NOT NULL,
    crowd_probability  double precision NOT NULL,
    skill              double precision NOT NULL,
    placed_at          timestamptz NOT NULL,
    market_created_at  timestamptz NOT NULL,
    settled_at         timestamptz NOT NULL,
    flagged            boolean NOT NULL DEFAULT false
);
CREATE INDEX idx_settled_forecasts_user ON settled_forecasts (user_id, settled_at, forecast_id);
CREATE INDEX idx_settled_forecasts_window ON settled_forecasts (settled_at) WHERE NOT refunded;

-- Months whose top10_monthly badges have been handed out (the job runs hourly and does each month once).
CREATE TABLE monthly_awards (
    period_key  text PRIMARY KEY,
    winners     int NOT NULL,
    awarded_at  timestamptz NOT NULL DEFAULT now()
);

-- Backfill from forecasts that existed before this module did (empty on a new database).
INSERT INTO rep_forecasts (forecast_id, user_id, market_id, category, total_points, placed_at)
SELECT f.id, f.user_id, f.market_id, m.category, f.points, f.created_at
FROM forecasts f JOIN markets m ON m.id = f.market_id
ON CONFLICT DO NOTHING;

INSERT INTO settled_forecasts (forecast_id, user_id, market_id, category, outcome_id, won, refunded, stake, payout,
                               crowd_probability, skill, placed_at, market_created_at, settled_at, flagged)
SELECT f.id, f.user_id, f.market_id, m.category, f.outcome_id, f.status = 'won', f.status = 'refunded', f.points,
       coalesce(f.payout, 0), f.crowd_probability,
       CASE WHEN f.status = 'refunded' THEN 0
            ELSE 100 * ((CASE WHEN f.status = 'won' THEN 1 ELSE 0 END) - f.crowd_probability) END,
       f.created_at, m.created_at, f.settled_at, f.is_flagged
FROM forecasts f JOIN markets m ON m.id = f.market_id
WHERE f.status IN ('won', 'lost', 'refunded') AND f.settled_at IS NOT NULL
ON CONFLICT DO NOTHING;
