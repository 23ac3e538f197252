-- A user row written without a handle (an import, a script, a test's direct INSERT) still gets a valid,
-- unique one: "user_" and 12 hex digits of a random UUID (17 characters of a-z 0-9 _). Registration
-- always sets the handle it chose or derived, so the default applies only to such rows.
ALTER TABLE users ALTER COLUMN handle SET DEFAULT ('user_' || left(replace(gen_random_uuid()::text, '-', ''), 12));
