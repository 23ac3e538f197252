-- The read models every placement and every settlement write, without foreign keys to the tables of
-- the modules they copy from (issue 16; V291 did the same for notifications and settled_forecasts).
-- A foreign key costs a check per inserted row: a lookup of the referenced row and a FOR KEY SHARE
-- lock on it. Each placement adds an activity, a discovery stake, a reputation forecast and (the first
-- time in a category) an interest, so it paid five such checks, two of them on its market's row, which
-- the group commit is updating at the same moment: a share lock on a row another transaction holds for
-- update turns the lock into a multixact. A settlement of 100,000 forecasts paid 66,669 of them for
-- the badge activities. The checks guard nothing that can happen: no user or market row is ever
-- deleted (every registered user has ledger entries, which reference users without a cascade, and
-- markets are cancelled, never deleted), and these rows take their ids from events about existing
-- users, markets and forecasts. Read models of other modules' data keep no constraint on the owner's
-- table; a module's own tables keep theirs (user_badges, follows, comments, ...).
ALTER TABLE activities DROP CONSTRAINT IF EXISTS activities_user_id_fkey;
ALTER TABLE activities DROP CONSTRAINT IF EXISTS activities_market_id_fkey;
ALTER TABLE discovery_stakes DROP CONSTRAINT IF EXISTS discovery_stakes_user_id_fkey;
ALTER TABLE discovery_stakes DROP CONSTRAINT IF EXISTS discovery_stakes_market_id_fkey;
ALTER TABLE rep_forecasts DROP CONSTRAINT IF EXISTS rep_forecasts_user_id_fkey;
ALTER TABLE notification_interests DROP CONSTRAINT IF EXISTS notification_interests_user_id_fkey;

-- No statement filters activities by type alone (the feed reads by market, by users or by time), and
-- every placement and badge paid an entry in it.
DROP INDEX IF EXISTS idx_activities_type;
