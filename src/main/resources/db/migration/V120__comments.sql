-- Comments on markets (issue 18 §1): one level of replies, likes, reports, moderator hiding.

CREATE TABLE comments (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    market_id              uuid NOT NULL REFERENCES markets (id) ON DELETE CASCADE,
    -- A reply's parent is always a top-level comment of the same market (one level of replies).
    parent_id              uuid REFERENCES comments (id) ON DELETE CASCADE,
    user_id                uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Plain text, sanitised before it is stored; emptied when its author deletes it.
    body                   text NOT NULL,
    -- The author's stake in the market when they wrote the comment (a snapshot: all set or none).
    position_outcome_id    uuid,
    position_outcome_name  text,
    position_outcome_name_fil text,
    position_points        bigint,
    likes                  int NOT NULL DEFAULT 0 CHECK (likes >= 0),
    hidden                 boolean NOT NULL DEFAULT false,
    hidden_by              uuid REFERENCES users (id),
    hidden_at              timestamptz,
    hidden_reason          text,
    deleted_at             timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    edited_at              timestamptz,
    CONSTRAINT comments_body_length CHECK (
        (deleted_at IS NULL AND char_length(body) BETWEEN 1 AND 2000) OR (deleted_at IS NOT NULL AND body = '')),
    CONSTRAINT comments_position_whole CHECK (
        (position_outcome_id IS NULL AND position_points IS NULL AND position_outcome_name IS NULL)
        OR (position_outcome_id IS NOT NULL AND position_points > 0 AND position_outcome_name IS NOT NULL)),
    CONSTRAINT comments_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
-- The two orders of a market's threads, and the replies of a thread.
CREATE INDEX idx_comments_market_new ON comments (market_id, created_at DESC, id) WHERE parent_id IS NULL;
CREATE INDEX idx_comments_market_top ON comments (market_id, likes DESC, created_at DESC, id) WHERE parent_id IS NULL;
CREATE INDEX idx_comments_parent ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
-- The per-user write limit counts the author's recent comments.
CREATE INDEX idx_comments_user_recent ON comments (user_id, created_at DESC);

CREATE TABLE comment_likes (
    comment_id  uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX idx_comment_likes_user ON comment_likes (user_id);

-- One report per reader and comment; the first puts the comment in the moderators' queue.
CREATE TABLE comment_reports (
    comment_id  uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, user_id)
);

-- Read model fed by MarketResolved / MarketCancelled: when a market ended, for the 7-day window
-- in which its comments stay writable.
CREATE TABLE comment_market_endings (
    market_id  uuid PRIMARY KEY,
    ended_at   timestamptz NOT NULL
);

-- A reply notifies the parent's author (notification type comment_reply, which can be turned off).
ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (
    type IN ('market_resolved', 'badge_earned', 'new_market', 'forecast_reminder', 'comment_reply'));
ALTER TABLE notification_preferences ADD COLUMN comment_reply boolean NOT NULL DEFAULT true;

-- Reported comments are reviewed in the flags queue.
ALTER TABLE flags DROP CONSTRAINT IF EXISTS flags_subject_type_check;
ALTER TABLE flags ADD CONSTRAINT flags_subject_type_check CHECK (
    subject_type IN ('user', 'forecast', 'purchase', 'comment'));
