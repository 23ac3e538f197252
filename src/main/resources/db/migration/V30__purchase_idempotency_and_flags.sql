-- Payments: Idempotency-Key on POST /purchases (same key + same body → the same purchase), and why a
-- purchase was flagged (velocity, amount mismatch) so the admin queue can show the rule.
ALTER TABLE purchases
    ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    ADD COLUMN request_hash    text,
    ADD COLUMN flag_reason     text;

CREATE UNIQUE INDEX idx_purchases_user_idempotency ON purchases (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- Velocity and daily-limit checks read a user's recent purchases.
CREATE INDEX idx_purchases_user_status_created ON purchases (user_id, status, created_at);
