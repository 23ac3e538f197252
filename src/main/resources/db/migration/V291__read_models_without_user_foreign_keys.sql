-- A settlement of 100,000 forecasts writes 100,000 settled_forecasts rows (reputation's read model)
-- and 166,668 notifications; each foreign key to users cost a check per row (a lookup and a FOR KEY
-- SHARE lock on the user's row, which the scoring transactions update beside them): measured 12-17 %
-- of the database CPU of inserting a settlement's notifications (issue 16). What the keys guarded
-- cannot happen: their ON DELETE CASCADE never fires, because every registered user has ledger entries
-- (the signup bonus) and ledger_entries references users without a cascade, so no user row with a
-- history can be deleted; and both tables take their user ids from events about existing forecasts
-- and users. Read models of other modules' data keep no constraint on the owner's table.
ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_user_id_fkey;
ALTER TABLE settled_forecasts DROP CONSTRAINT IF EXISTS settled_forecasts_user_id_fkey;
