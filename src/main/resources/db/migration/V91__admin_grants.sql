-- users: every admin grant or debit, so the daily ceiling per admin is one indexed sum (the chips
-- themselves move only through the ledger, under the reference kept here).
CREATE TABLE admin_grants (
    reference   text PRIMARY KEY,
    actor_id    uuid NOT NULL REFERENCES users (id),
    target_id   uuid NOT NULL REFERENCES users (id),
    chips       bigint NOT NULL CHECK (chips <> 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_admin_grants_actor_day ON admin_grants (actor_id, created_at);
