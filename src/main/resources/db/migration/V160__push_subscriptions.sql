-- Web Push (notifications module): the browsers (PWA installs) of each user that subscribed, the
-- push queue sent by a scheduled job with retries (like mail_outbox), and the push channel preference.
CREATE TABLE push_subscriptions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The push service's URL for this browser; one browser subscription belongs to one account
    -- (the last that subscribed on it).
    endpoint    text NOT NULL UNIQUE,
    p256dh      text NOT NULL,
    auth        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_push_subscriptions_user ON push_subscriptions (user_id, updated_at);

CREATE TABLE push_outbox (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- A dropped subscription (the push service answered 404/410, or the user unsubscribed) takes its pushes.
    subscription_id  uuid NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    payload          text NOT NULL,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX idx_push_outbox_due ON push_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX idx_push_outbox_subscription ON push_outbox (subscription_id);
CREATE INDEX idx_push_outbox_sent ON push_outbox (sent_at) WHERE status = 'sent';

-- Market results and closing reminders as pushes to the user's subscribed devices (on by default;
-- nothing is pushed until a device subscribes).
ALTER TABLE notification_preferences ADD COLUMN push boolean NOT NULL DEFAULT true;
