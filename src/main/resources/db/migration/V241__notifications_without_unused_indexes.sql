-- Every notification written paid for seven index entries; a settlement writes 100,000 of them in one
-- listener. Two indexes serve no query: the unread counts and lists use idx_notifications_unread
-- (user_id, created_at DESC) WHERE NOT read and idx_notifications_user (user_id, created_at DESC),
-- the e-mail digest idx_notifications_to_email, single rows the primary key and the dedupe key
-- (NotificationRecords holds every statement on this table). Five entries per notification remain.
DROP INDEX IF EXISTS idx_notifications_read;        -- (user_id, read): covered by idx_notifications_unread
DROP INDEX IF EXISTS idx_notifications_created_at;  -- (created_at DESC): no statement reads by time alone
