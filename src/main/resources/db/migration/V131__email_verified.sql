-- users: when the account's current address was confirmed (a verification link, a password reset link
-- or a confirmed email change); null = unverified. Notification emails go only to verified addresses.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
