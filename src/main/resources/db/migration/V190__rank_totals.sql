-- Leaderboards maintained incrementally (issue 16). Every board was recomputed in full from
-- settled_forecasts after each scored settlement (36 GROUP BYs over up to 1M rows, 21-30 s) and stored
-- line by line in leaderboard_entries (or Redis). Now each scoring chunk adds its newly settled
-- forecasts to per-user totals per board, in the transaction that stores them, and a board is read by
-- an index in rank order. A user's totals of one period window (week or month in Asia/Manila, or all
-- time) and one category ('all' or one): Σ skill (numeric, so that adding chunk by chunk gives exactly
-- the sum of a full recompute), Σ (payout − stake), forecasts counted and won. Refunded and flagged
-- forecasts do not count. The hourly rebuild (RankTotals.rebuild) recomputes everything from
-- settled_forecasts: it drops forecasts flagged after they were settled and old windows.
CREATE TABLE rank_totals (
    period      text NOT NULL CHECK (period IN ('weekly', 'monthly', 'all_time')),
    period_key  text NOT NULL,
    category    text NOT NULL,
    -- No foreign key: its check costs a lookup per row of every chunk; the rebuild drops deleted users.
    user_id     uuid NOT NULL,
    skill       numeric NOT NULL,
    profit      bigint NOT NULL,
    forecasts   int NOT NULL,
    won         int NOT NULL,
    PRIMARY KEY (period, period_key, category, user_id)
);
-- Board order: score desc, forecasts desc, user id (as the full recompute ranked).
CREATE INDEX idx_rank_totals_skill ON rank_totals (period, period_key, category, round(skill, 6) DESC, forecasts DESC,
    user_id);
CREATE INDEX idx_rank_totals_profit ON rank_totals (period, period_key, category, profit DESC, forecasts DESC, user_id);

INSERT INTO rank_totals (period, period_key, category, user_id, skill, profit, forecasts, won)
SELECT p.period, p.period_key, c.category, s.user_id, sum(s.skill::numeric), sum(s.payout - s.stake), count(*),
       count(*) FILTER (WHERE s.won)
FROM settled_forecasts s
CROSS JOIN LATERAL (VALUES
    ('weekly', to_char(s.settled_at AT TIME ZONE 'Asia/Manila', 'IYYY-"W"IW')),
    ('monthly', to_char(s.settled_at AT TIME ZONE 'Asia/Manila', 'YYYY-MM')),
    ('all_time', 'all')) AS p (period, period_key)
CROSS JOIN LATERAL (VALUES ('all'), (s.category)) AS c (category)
WHERE NOT s.refunded AND NOT s.flagged
  AND NOT EXISTS (SELECT 1 FROM forecast_view f WHERE f.id = s.forecast_id AND f.is_flagged)
GROUP BY 1, 2, 3, 4;

-- Boards are no longer stored line by line.
DROP TABLE leaderboard_entries;
