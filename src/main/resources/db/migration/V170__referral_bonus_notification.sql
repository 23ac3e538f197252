-- A paid referral bonus notifies the inviter and the invitee (type referral_bonus, which can be turned off).
ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (
    type IN ('market_resolved', 'badge_earned', 'new_market', 'forecast_reminder', 'comment_reply',
             'referral_bonus'));
ALTER TABLE notification_preferences ADD COLUMN referral_bonus boolean NOT NULL DEFAULT true;
