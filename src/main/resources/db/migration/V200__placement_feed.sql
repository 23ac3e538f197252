-- Placements waiting to be published to the read models (activity, reputation, notifications,
-- discovery, referrals). Written in the placing transaction (one INSERT per group commit) and drained
-- by forecasting's PlacementFeed: many commits' placements become ONE ForecastsPlaced event, so the
-- durable publications and listener transactions are paid per drain, not per commit
-- (docs/PERFORMANCE.md, "Placement feed").
CREATE TABLE placement_feed (
    seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    forecast_id       uuid             NOT NULL,
    user_id           uuid             NOT NULL,
    market_id         uuid             NOT NULL,
    outcome_id        uuid             NOT NULL,
    category          text             NOT NULL,
    points            bigint           NOT NULL,
    total_points      bigint           NOT NULL,
    top_up            boolean          NOT NULL,
    crowd_probability double precision NOT NULL,
    placed_at         timestamptz      NOT NULL
);
