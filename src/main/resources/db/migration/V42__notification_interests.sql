-- Notifications (issue 5): categories each user has forecast in, filled from ForecastPlaced, so that
-- new_market notifications reach "users who have forecast in that category before".
CREATE TABLE notification_interests (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category    text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, category)
);
CREATE INDEX idx_notification_interests_category ON notification_interests (category);

INSERT INTO notification_interests (user_id, category)
SELECT DISTINCT f.user_id, m.category FROM forecasts f JOIN markets m ON m.id = f.market_id
ON CONFLICT DO NOTHING;

-- Unread lists and counts.
CREATE INDEX idx_notifications_unread ON notifications (user_id, created_at DESC) WHERE NOT read;
