-- notifications: which notifications reach the user by email (market resolved, closing-soon reminder,
-- a reply to their comment):
-- 'weekly' (a digest, the default), 'instant' (one mail each) or 'off'. emailed_at marks a notification
-- that went out (alone or in a digest); only verified addresses get mail.
ALTER TABLE notification_preferences
    ADD COLUMN email_frequency text NOT NULL DEFAULT 'weekly' CHECK (email_frequency IN ('off', 'instant', 'weekly'));
ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
-- What happened before email existed is not mailed now.
UPDATE notifications SET emailed_at = created_at;
CREATE INDEX idx_notifications_to_email ON notifications (created_at)
    WHERE emailed_at IS NULL AND type IN ('market_resolved', 'forecast_reminder', 'comment_reply');
