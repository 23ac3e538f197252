-- Changes to an account's status, role or session cutoff, recorded in the transaction that makes them,
-- so that every instance drops its cached copy within a second (AccountStatuses polls the last 30 s of
-- them every second) instead of reading each authenticated caller's account every two seconds. Old
-- rows are deleted by the poll after an hour.
CREATE TABLE auth_account_changes (
    id         bigserial PRIMARY KEY,
    user_id    uuid        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX idx_auth_account_changes_changed_at ON auth_account_changes (changed_at);
