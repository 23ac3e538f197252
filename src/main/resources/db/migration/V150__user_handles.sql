-- Handles: every user has a unique public name of 3–20 characters of a-z, 0-9 and _ (profiles live at
-- /u/{handle}, referral links at /r/{handle}). handle_changed_at is when the user last changed it
-- themself (null: never; the handle chosen or derived at registration does not count), so a handle
-- changes at most once a month.
ALTER TABLE users ADD COLUMN handle text;
ALTER TABLE users ADD COLUMN handle_changed_at timestamptz;

-- Existing users get a handle derived from their display name, as registration derives one
-- (users.HandleRules): unaccented, lower-cased, runs of other characters and of _ become one _, at most 20
-- characters; a taken or reserved one gets the smallest free numeric suffix (base cut to 15).
DO $$
DECLARE
    reserved text[] := ARRAY['about', 'admin', 'administrator', 'activity', 'anonymous', 'api', 'app',
        'everyone', 'help', 'leaderboard', 'login', 'logout', 'market', 'markets', 'me', 'mod',
        'moderator', 'moderators', 'notifications', 'null', 'official', 'pilimarket', 'profile', 'register',
        'root', 'security', 'settings', 'signup', 'staff', 'support', 'system', 'team', 'undefined', 'user',
        'users', 'wallet', 'watchlist'];
    u record;
    base text;
    candidate text;
    n int;
BEGIN
    FOR u IN SELECT id, display_name FROM users WHERE handle IS NULL ORDER BY created_at, id LOOP
        base := regexp_replace(lower(pm_unaccent(coalesce(u.display_name, ''))), '[^a-z0-9_]+', '_', 'g');
        base := trim(BOTH '_' FROM regexp_replace(base, '_+', '_', 'g'));
        base := trim(BOTH '_' FROM left(base, 20));
        IF base = '' THEN
            base := 'forecaster';
        ELSIF length(base) < 3 THEN
            base := 'user_' || base;
        END IF;
        candidate := base;
        n := 1;
        WHILE candidate = ANY(reserved) OR EXISTS (SELECT 1 FROM users WHERE handle = candidate) LOOP
            n := n + 1;
            candidate := trim(BOTH '_' FROM left(base, 15)) || n;
        END LOOP;
        UPDATE users SET handle = candidate WHERE id = u.id;
    END LOOP;
END $$;

ALTER TABLE users ALTER COLUMN handle SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_handle_format CHECK (handle ~ '^[a-z0-9_]{3,20}$');
CREATE UNIQUE INDEX users_handle_key ON users (handle);
-- Finding the free numeric suffix of a derived handle (handle LIKE 'base%').
CREATE INDEX idx_users_handle_prefix ON users (handle text_pattern_ops);
