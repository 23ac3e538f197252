-- auth: failed logins per account, keyed by the SHA-256 of the normalised email (so unknown emails are
-- throttled the same way and the answer does not reveal which accounts exist). A row lives while its
-- failures count.
CREATE TABLE login_throttle (
    account_key     text PRIMARY KEY,
    failures        integer NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX idx_login_throttle_last_failure ON login_throttle (last_failure_at);
