-- Referrals (referrals module): who invited whom through a referral link (/r/{handle}), and what became
-- of the bonus. One row per invitee; settled once, on the invitee's first forecast (docs/SOCIAL.md).
--   pending  waiting for the invitee's first forecast
--   paid     both got the bonus (ledger reference referral:{invitee_id})
--   capped   the invitee got it; the referrer had reached the monthly cap
--   refused  nobody got it: the accounts are tied (same device, a flagged account) or the referrer
--            may no longer act
CREATE TABLE referrals (
    invitee_id      uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    referrer_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code            text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'capped', 'refused')),
    refusal_reason  text CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
    referrer_bonus  bigint NOT NULL DEFAULT 0 CHECK (referrer_bonus >= 0),
    invitee_bonus   bigint NOT NULL DEFAULT 0 CHECK (invitee_bonus >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    settled_at      timestamptz,
    CHECK (referrer_id <> invitee_id),
    CHECK ((status = 'pending') = (settled_at IS NULL))
);
CREATE INDEX idx_referrals_referrer ON referrals (referrer_id, created_at DESC);
CREATE INDEX idx_referrals_pending ON referrals (invitee_id) WHERE status = 'pending';
