-- auth: the secrets of links sent by email (only their SHA-256 is stored). A password reset link is
-- single-use and valid 30 minutes; an email change link carries the new address (email) it confirms.
CREATE TABLE auth_email_tokens (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset', 'email_change')),
    token_hash  text NOT NULL UNIQUE,
    email       text NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_auth_email_tokens_user ON auth_email_tokens (user_id, purpose, created_at DESC);

-- auth: access tokens issued before not_before are refused (a password reset ends every session,
-- including the access tokens that would otherwise live out their 15 minutes).
CREATE TABLE auth_session_cutoffs (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    not_before  timestamptz NOT NULL
);
