-- The part of their metadata that a set of notifications shares, stored once (issue 16). A settlement
-- notifies every forecaster of the market: 100,000 rows that each carried the same market id, slug,
-- English and Filipino title, winning outcome and cancelled flag (~300 of their ~400 bytes of jsonb).
-- Now the set's shared part is one row here, keyed by the md5 of its JSON text (the same content is
-- the same row, so a redelivered event reuses it), and each notification keeps only its own fields
-- and points at the shared part; reads join it back (shared || own), so the API sees the same
-- metadata. Rows here are never deleted (one per settled market), so shared_id needs no foreign key,
-- which would cost a check per notification. NULL shared_id: the row's metadata is all of it.
CREATE TABLE notification_shared (
    id        uuid PRIMARY KEY,
    metadata  jsonb NOT NULL
);
ALTER TABLE notifications ADD COLUMN shared_id uuid;
