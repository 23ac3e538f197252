-- Moderation (issue 8): why a flag was cleared, and the lookups the review queue and fraud rules make.
ALTER TABLE flags ADD COLUMN cleared_reason text;

-- "Is anything still open on this subject / this account?" when a flag is cleared.
CREATE INDEX idx_flags_subject ON flags (subject_type, subject_id);
CREATE INDEX idx_flags_user_open ON flags (user_id) WHERE status = 'open';
CREATE INDEX idx_flags_rule_status ON flags (rule, status, created_at DESC);

-- Multi-account rules count recent sign-ups per device and IP; the operator overview counts
-- recently active accounts from their signals.
CREATE INDEX idx_users_created_at ON users (created_at);
CREATE INDEX idx_user_signals_created ON user_signals (created_at);
