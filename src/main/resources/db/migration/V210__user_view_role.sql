-- auth reads an account's status, role and session cutoff in one query (AccountStatuses, on most
-- authenticated requests): the published view gains the role. A view may only gain columns at its end.
CREATE OR REPLACE VIEW user_view AS
    SELECT id, display_name, email, status, is_flagged, chip_debt, signup_ip, signup_device_id, last_active,
           created_at, role
    FROM users;
