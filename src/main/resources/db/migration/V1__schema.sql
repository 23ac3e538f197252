-- Pilimarket: the complete schema. Chips are bigint everywhere; no floating point touches a balance.
-- Later migrations add to it; each module owns its tables (see docs/ARCHITECTURE.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets it back an index.
CREATE OR REPLACE FUNCTION pm_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- ---------------------------------------------------------------- users
CREATE TABLE users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email             text UNIQUE NOT NULL CHECK (email = lower(email)),
    password_hash     text NOT NULL,
    display_name      text NOT NULL,
    bio               text,
    avatar_url        text,
    chips             bigint NOT NULL DEFAULT 0 CHECK (chips >= 0),
    chip_debt         bigint NOT NULL DEFAULT 0 CHECK (chip_debt >= 0),
    reputation        double precision NOT NULL DEFAULT 0 CHECK (reputation >= 0),
    badges            jsonb NOT NULL DEFAULT '[]'::jsonb,
    role              text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin', 'superadmin')),
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'banned')),
    is_flagged        boolean NOT NULL DEFAULT false,
    signup_ip         text,
    signup_device_id  text,
    last_active       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_users_role ON users (role);
CREATE INDEX idx_users_status ON users (status);
CREATE INDEX idx_users_signup_ip ON users (signup_ip);
CREATE INDEX idx_users_signup_device ON users (signup_device_id);
CREATE INDEX idx_users_search ON users USING gin (lower(display_name || ' ' || email) gin_trgm_ops);

-- Device and network signals seen at registration, login and purchase (fraud checks).
CREATE TABLE user_signals (
    id          bigserial PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event       text NOT NULL CHECK (event IN ('register', 'login', 'purchase')),
    device_id   text,
    ip          text,
    user_agent  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_user_signals_user ON user_signals (user_id);
CREATE INDEX idx_user_signals_device ON user_signals (device_id);
CREATE INDEX idx_user_signals_ip ON user_signals (ip);

-- ---------------------------------------------------------------- auth
CREATE TABLE refresh_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id    uuid NOT NULL,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   text NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL,
    rotated_at   timestamptz,
    revoked_at   timestamptz,
    ip           text,
    user_agent   text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);

-- Replays of chip-moving POSTs (Idempotency-Key header); kept at least 24 h.
CREATE TABLE idempotency_keys (
    user_id          uuid NOT NULL,
    idem_key         text NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 100),
    scope            text NOT NULL,
    request_hash     text NOT NULL,
    response_status  int,
    response_body    text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, scope, idem_key)
);
CREATE INDEX idx_idempotency_keys_created ON idempotency_keys (created_at);

-- ---------------------------------------------------------------- ledger
-- Double entry: every movement is one transaction whose entries sum to zero.
-- A user's account balance is users.chips; other accounts keep theirs here.
CREATE TABLE ledger_accounts (
    code        text PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('market_pool', 'mint', 'house')),
    owner_id    uuid,
    balance     bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'market_pool' OR balance >= 0),
    CHECK (kind <> 'house' OR balance >= 0)
);
INSERT INTO ledger_accounts (code, kind) VALUES ('MINT', 'mint'), ('HOUSE', 'house');

CREATE TABLE ledger_transactions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reference   text NOT NULL UNIQUE,
    reason      text NOT NULL,
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_ledger_transactions_created ON ledger_transactions (created_at DESC);

CREATE TABLE ledger_entries (
    id              bigserial PRIMARY KEY,
    transaction_id  uuid NOT NULL REFERENCES ledger_transactions (id),
    account         text NOT NULL,
    user_id         uuid REFERENCES users (id),
    amount          bigint NOT NULL CHECK (amount <> 0),
    balance_after   bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((user_id IS NULL) = (account NOT LIKE 'user:%'))
);
CREATE INDEX idx_ledger_entries_transaction ON ledger_entries (transaction_id);
CREATE INDEX idx_ledger_entries_user ON ledger_entries (user_id, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX idx_ledger_entries_account ON ledger_entries (account);

-- Last line of defence: at commit, every transaction's entries must sum to zero.
CREATE OR REPLACE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
BEGIN
    SELECT coalesce(sum(amount), 0) INTO total FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced by %', NEW.transaction_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entries_balanced
    AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();

-- The ledger is append-only.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_transactions_immutable BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- ---------------------------------------------------------------- markets
CREATE TABLE markets (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title                text NOT NULL,
    slug                 text UNIQUE NOT NULL,
    description          text,
    category             text NOT NULL CHECK (category IN ('election', 'crypto', 'entertainment', 'sports', 'politics', 'other')),
    metadata             jsonb NOT NULL DEFAULT '{}'::jsonb,
    status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'suspended', 'closed', 'resolved', 'cancelled')),
    closes_at            timestamptz NOT NULL,
    resolves_at          timestamptz,
    resolution_outcome   uuid,
    resolution_time      timestamptz,
    cancel_reason        text,
    cancelled_at         timestamptz,
    max_points_per_user  bigint NOT NULL DEFAULT 10000 CHECK (max_points_per_user > 0),
    total_points         bigint NOT NULL DEFAULT 0 CHECK (total_points >= 0),
    forecaster_count     int NOT NULL DEFAULT 0 CHECK (forecaster_count >= 0),
    created_by           uuid REFERENCES users (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_markets_status ON markets (status);
CREATE INDEX idx_markets_category ON markets (category);
CREATE INDEX idx_markets_created_at ON markets (created_at DESC);
CREATE INDEX idx_markets_closes_at ON markets (closes_at);
CREATE INDEX idx_markets_volume ON markets (total_points DESC);
CREATE INDEX idx_markets_search ON markets USING gin (lower(pm_unaccent(title || ' ' || coalesce(description, ''))) gin_trgm_ops);

CREATE TABLE outcomes (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    market_id     uuid NOT NULL REFERENCES markets (id) ON DELETE CASCADE,
    name          text NOT NULL,
    position      int NOT NULL DEFAULT 0,
    total_points  bigint NOT NULL DEFAULT 0 CHECK (total_points >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (market_id, name)
);
CREATE INDEX idx_outcomes_market ON outcomes (market_id);

-- Displayed probabilities over time (one row per change, thinned for long ranges when read).
CREATE TABLE market_history (
    id             bigserial PRIMARY KEY,
    market_id      uuid NOT NULL REFERENCES markets (id) ON DELETE CASCADE,
    at             timestamptz NOT NULL DEFAULT now(),
    probabilities  jsonb NOT NULL
);
CREATE INDEX idx_market_history_market_at ON market_history (market_id, at);

CREATE TABLE watchlist (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    market_id   uuid NOT NULL REFERENCES markets (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, market_id)
);
CREATE INDEX idx_watchlist_market ON watchlist (market_id);

CREATE TABLE resolutions (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    market_id        uuid NOT NULL UNIQUE REFERENCES markets (id),
    outcome_id       uuid NOT NULL REFERENCES outcomes (id),
    resolved_by      uuid NOT NULL REFERENCES users (id),
    evidence_urls    text[] NOT NULL CHECK (array_length(evidence_urls, 1) >= 1),
    resolution_note  text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_resolutions_created_at ON resolutions (created_at DESC);
CREATE TRIGGER resolutions_immutable BEFORE UPDATE OR DELETE ON resolutions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- ---------------------------------------------------------------- forecasts
CREATE TABLE forecasts (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    market_id          uuid NOT NULL REFERENCES markets (id) ON DELETE CASCADE,
    outcome_id         uuid NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    points             bigint NOT NULL CHECK (points > 0),
    placements         int NOT NULL DEFAULT 1 CHECK (placements >= 1),
    crowd_probability  double precision NOT NULL CHECK (crowd_probability >= 0 AND crowd_probability <= 1),
    status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'won', 'lost', 'refunded')),
    payout             bigint CHECK (payout >= 0),
    skill_points       double precision,
    settled_at         timestamptz,
    is_flagged         boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, market_id)
);
CREATE INDEX idx_forecasts_user ON forecasts (user_id, created_at DESC);
CREATE INDEX idx_forecasts_market ON forecasts (market_id, created_at DESC);
CREATE INDEX idx_forecasts_outcome ON forecasts (outcome_id);
CREATE INDEX idx_forecasts_status ON forecasts (status);
CREATE INDEX idx_forecasts_settled_at ON forecasts (settled_at) WHERE settled_at IS NOT NULL;

-- ---------------------------------------------------------------- payments
CREATE TABLE purchases (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id              uuid NOT NULL REFERENCES users (id),
    amount_cents         bigint NOT NULL CHECK (amount_cents > 0),
    currency             text NOT NULL DEFAULT 'PHP',
    provider             text NOT NULL CHECK (provider IN ('stripe', 'gcash', 'paymaya')),
    chips_added          bigint NOT NULL CHECK (chips_added > 0),
    package_id           text,
    provider_tx_id       text,
    provider_payment_id  text,
    client_secret        text,
    checkout_url         text,
    status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'failed', 'refunded', 'disputed')),
    failure_reason       text,
    chips_reversed       bigint NOT NULL DEFAULT 0 CHECK (chips_reversed >= 0),
    debt_recorded        bigint NOT NULL DEFAULT 0 CHECK (debt_recorded >= 0),
    device_id            text,
    ip                   text,
    user_agent           text,
    is_flagged           boolean NOT NULL DEFAULT false,
    completed_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_purchases_user ON purchases (user_id, created_at DESC);
CREATE INDEX idx_purchases_status ON purchases (status);
CREATE INDEX idx_purchases_created_at ON purchases (created_at DESC);
CREATE UNIQUE INDEX idx_purchases_provider_tx ON purchases (provider, provider_tx_id) WHERE provider_tx_id IS NOT NULL;

-- Every verified provider event, once (replays are recognised by the provider's event id).
CREATE TABLE payment_events (
    id           bigserial PRIMARY KEY,
    provider     text NOT NULL,
    event_id     text NOT NULL,
    event_type   text NOT NULL,
    purchase_id  uuid REFERENCES purchases (id),
    outcome      text NOT NULL,
    payload      jsonb NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, event_id)
);
CREATE INDEX idx_payment_events_purchase ON payment_events (purchase_id);

-- ---------------------------------------------------------------- reputation, leaderboard
CREATE TABLE user_badges (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    badge       text NOT NULL,
    awarded_at  timestamptz NOT NULL DEFAULT now(),
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (user_id, badge)
);

CREATE TABLE leaderboard_entries (
    period      text NOT NULL CHECK (period IN ('weekly', 'monthly', 'all_time')),
    period_key  text NOT NULL,
    category    text NOT NULL,
    metric      text NOT NULL CHECK (metric IN ('skill', 'profit')),
    rank        int NOT NULL,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    score       double precision NOT NULL,
    forecasts   int NOT NULL,
    won         int NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (period, period_key, category, metric, rank)
);
CREATE INDEX idx_leaderboard_user ON leaderboard_entries (user_id);

-- ---------------------------------------------------------------- activity, notifications
CREATE TABLE activities (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid REFERENCES users (id) ON DELETE SET NULL,
    activity_type  text NOT NULL CHECK (activity_type IN ('forecast_placed', 'market_resolved', 'badge_earned', 'market_created', 'user_registered')),
    market_id      uuid REFERENCES markets (id) ON DELETE SET NULL,
    metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
    dedupe_key     text UNIQUE,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_activities_user ON activities (user_id, created_at DESC);
CREATE INDEX idx_activities_market ON activities (market_id, created_at DESC);
CREATE INDEX idx_activities_type ON activities (activity_type);
CREATE INDEX idx_activities_created_at ON activities (created_at DESC);

CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        text NOT NULL CHECK (type IN ('market_resolved', 'badge_earned', 'new_market', 'forecast_reminder')),
    message     text NOT NULL,
    read        boolean NOT NULL DEFAULT false,
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    dedupe_key  text UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX idx_notifications_read ON notifications (user_id, read);
CREATE INDEX idx_notifications_created_at ON notifications (created_at DESC);

CREATE TABLE notification_preferences (
    user_id            uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    market_resolved    boolean NOT NULL DEFAULT true,
    badge_earned       boolean NOT NULL DEFAULT true,
    new_market         boolean NOT NULL DEFAULT true,
    forecast_reminder  boolean NOT NULL DEFAULT true,
    new_market_categories text[] NOT NULL DEFAULT '{}',
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- moderation
CREATE TABLE flags (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    subject_type  text NOT NULL CHECK (subject_type IN ('user', 'forecast', 'purchase')),
    subject_id    uuid NOT NULL,
    user_id       uuid REFERENCES users (id) ON DELETE CASCADE,
    rule          text NOT NULL,
    evidence      jsonb NOT NULL DEFAULT '{}'::jsonb,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared')),
    cleared_by    uuid REFERENCES users (id),
    cleared_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_flags_status ON flags (status, created_at DESC);
CREATE INDEX idx_flags_user ON flags (user_id);
-- One open flag per rule and subject: the hourly job may see the same finding again.
CREATE UNIQUE INDEX idx_flags_open_unique ON flags (subject_type, subject_id, rule) WHERE status = 'open';

-- Append-only, hash-chained: each row carries the hash of the previous one.
CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    actor_id     uuid,
    action       text NOT NULL,
    target_type  text,
    target_id    text,
    details      jsonb NOT NULL DEFAULT '{}'::jsonb,
    ip           text,
    request_id   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    prev_hash    text NOT NULL,
    hash         text NOT NULL UNIQUE
);
CREATE INDEX idx_audit_log_created ON audit_log (created_at DESC);
CREATE INDEX idx_audit_log_actor ON audit_log (actor_id);

-- ---------------------------------------------------------------- platform
-- ShedLock: each scheduled job runs once across N instances.
CREATE TABLE shedlock (
    name        varchar(64) PRIMARY KEY,
    lock_until  timestamptz NOT NULL,
    locked_at   timestamptz NOT NULL,
    locked_by   varchar(255) NOT NULL
);

-- Spring Modulith's JDBC event publication registry (schema v2): durable, at-least-once listeners.
CREATE TABLE event_publication (
    id                      uuid NOT NULL PRIMARY KEY,
    listener_id             text NOT NULL,
    event_type              text NOT NULL,
    serialized_event        text NOT NULL,
    publication_date        timestamptz NOT NULL,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     int,
    last_resubmission_date  timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

CREATE TABLE event_publication_archive (
    id                      uuid NOT NULL PRIMARY KEY,
    listener_id             text NOT NULL,
    event_type              text NOT NULL,
    serialized_event        text NOT NULL,
    publication_date        timestamptz NOT NULL,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     int,
    last_resubmission_date  timestamptz
);
CREATE INDEX event_publication_archive_serialized_event_hash_idx ON event_publication_archive USING hash (serialized_event);
CREATE INDEX event_publication_archive_by_completion_date_idx ON event_publication_archive (completion_date);
