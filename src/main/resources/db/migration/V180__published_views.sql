-- Published views: the only way one module's SQL reads another module's data (docs/ARCHITECTURE.md,
-- "Data"). Each view belongs to the module that owns its tables and names the columns that module
-- promises to others; SqlOwnershipTests fails when a module names another module's table, or reads a
-- view of a module it may not depend on. PostgreSQL expands a view into the query that uses it, so
-- reading through one plans exactly as the join on the table did.

-- markets: markets, their outcomes, and who watches which market.
CREATE VIEW market_view AS
    SELECT id, slug, title, title_fil, category, status, closes_at, created_at, total_points, forecaster_count,
           resolution_time, cancelled_at, settled_at
    FROM markets;

CREATE VIEW outcome_view AS
    SELECT id, market_id, name, total_points
    FROM outcomes;

CREATE VIEW watchlist_view AS
    SELECT user_id, market_id, created_at
    FROM watchlist;

-- forecasting: forecasts, their stake and status.
CREATE VIEW forecast_view AS
    SELECT id, user_id, market_id, outcome_id, points, crowd_probability, status, payout, is_flagged,
           created_at, updated_at, settled_at
    FROM forecasts;

-- ledger: account balances, and every posting with its transaction's reference (a transaction without
-- entries still shows, with null entry columns).
CREATE VIEW ledger_balance_view AS
    SELECT code, balance
    FROM ledger_accounts;

CREATE VIEW ledger_posting_view AS
    SELECT t.id AS transaction_id, t.reference, e.id AS entry_id, e.account, e.user_id, e.amount, e.balance_after,
           e.created_at
    FROM ledger_transactions t
    LEFT JOIN ledger_entries e ON e.transaction_id = t.id;

-- users: what moderation and operators see of an account, and when an account was seen.
CREATE VIEW user_view AS
    SELECT id, display_name, email, status, is_flagged, chip_debt, signup_ip, signup_device_id, last_active,
           created_at
    FROM users;

CREATE VIEW user_signal_view AS
    SELECT user_id, event, created_at
    FROM user_signals;

-- payments: purchases without their provider secrets.
CREATE VIEW purchase_view AS
    SELECT id, user_id, provider, status, amount_cents, chips_added, is_flagged, created_at
    FROM purchases;
