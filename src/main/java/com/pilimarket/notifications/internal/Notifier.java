package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationPreferences;
import com.pilimarket.notifications.NotificationType;
import com.pilimarket.notifications.NotificationView;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** Creates, lists and marks notifications, and pushes changes to the user's stream after commit. */
@Service
class Notifier {

    private final NotificationRecords records;
    private final NotificationStream stream;
    private final JsonMapper json;

    Notifier(NotificationRecords records, NotificationStream stream, JsonMapper json) {
        this.records = records;
        this.stream = stream;
        this.json = json;
    }

    /** Notifies the user unless they turned the type off or {@code dedupeKey} was used; joins the caller's transaction. */
    @Transactional
    public Optional<NotificationView> notify(
            UUID userId, NotificationType type, String message, Map<String, Object> metadata, String dedupeKey) {
        Optional<NotificationView> created = records.insert(userId, type, message, metadata, dedupeKey);
        created.ifPresent(view -> afterCommit(() -> {
            stream.publish(userId, NotificationStream.NOTIFICATION, json.writeValueAsString(view));
            pushUnreadCount(userId);
        }));
        return created;
    }

    /**
     * Notifies many users at once (one statement; same rules as {@link #notify}) and, after
     * commit, pushes each new notification and its user's unread count (read for all of them in
     * one query) to their streams. Joins the caller's transaction; returns how many were added.
     */
    @Transactional
    public int notifyAll(NotificationType type, List<NotificationRecords.NewNotification> notifications) {
        List<Map.Entry<UUID, NotificationView>> created = records.insertAll(type, notifications);
        if (!created.isEmpty()) {
            afterCommit(() -> {
                Map<UUID, Long> unread = records.unreadCounts(
                        created.stream().map(Map.Entry::getKey).toList());
                for (Map.Entry<UUID, NotificationView> c : created) {
                    stream.publish(c.getKey(), NotificationStream.NOTIFICATION, json.writeValueAsString(c.getValue()));
                    stream.publish(
                            c.getKey(),
                            NotificationStream.UNREAD_COUNT,
                            "{\"count\":" + unread.getOrDefault(c.getKey(), 0L) + "}");
                }
            });
        }
        return created.size();
    }

    @Transactional(readOnly = true)
    public Page<NotificationView> list(UUID userId, boolean unreadOnly, PageQuery page) {
        return records.list(userId, unreadOnly, page);
    }

    @Transactional(readOnly = true)
    public long unreadCount(UUID userId) {
        return records.unreadCount(userId);
    }

    @Transactional
    public boolean markRead(UUID userId, UUID notificationId) {
        boolean changed = records.markRead(userId, notificationId);
        if (changed) {
            afterCommit(() -> pushUnreadCount(userId));
        }
        return changed;
    }

    @Transactional
    public int markAllRead(UUID userId) {
        int changed = records.markAllRead(userId);
        afterCommit(() -> pushUnreadCount(userId));
        return changed;
    }

    @Transactional(readOnly = true)
    public NotificationPreferences preferences(UUID userId) {
        return records.preferences(userId);
    }

    @Transactional
    public NotificationPreferences savePreferences(UUID userId, NotificationPreferences preferences) {
        records.savePreferences(userId, preferences);
        return records.preferences(userId);
    }

    String unreadCountJson(UUID userId) {
        return "{\"count\":" + records.unreadCount(userId) + "}";
    }

    private void pushUnreadCount(UUID userId) {
        stream.publish(userId, NotificationStream.UNREAD_COUNT, unreadCountJson(userId));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
