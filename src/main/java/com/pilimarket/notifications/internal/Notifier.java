package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationPreferences;
import com.pilimarket.notifications.NotificationType;
import com.pilimarket.notifications.NotificationView;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.LanguagePreferences;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, lists and marks notifications, queues their Web Push (in the same transaction), and pushes
 * changes to the user's stream after commit.
 */
@Service
class Notifier {

    private final NotificationRecords records;
    private final NotificationStream stream;
    private final JsonMapper json;
    private final NotificationTexts texts;
    private final LanguagePreferences languages;
    private final Pushes pushes;

    Notifier(
            NotificationRecords records,
            NotificationStream stream,
            JsonMapper json,
            NotificationTexts texts,
            LanguagePreferences languages,
            Pushes pushes) {
        this.records = records;
        this.stream = stream;
        this.json = json;
        this.texts = texts;
        this.languages = languages;
        this.pushes = pushes;
    }

    /** Notifies the user unless they turned the type off or {@code dedupeKey} was used; joins the caller's transaction. */
    @Transactional
    public Optional<NotificationView> notify(
            UUID userId, NotificationType type, String message, Map<String, Object> metadata, String dedupeKey) {
        Optional<NotificationView> created = records.insert(userId, type, message, metadata, dedupeKey);
        // Web Push for the user's devices, queued in this transaction (sent by PushSender).
        created.ifPresent(view -> pushes.enqueue(type, List.of(new NotificationRecords.Created(userId, view))));
        created.ifPresent(view -> afterCommit(() -> {
            // Pushed outside any request: in the language the recipient saved.
            Language language = languages.savedLanguage(userId).orElse(Language.EN);
            stream.publish(userId, NotificationStream.NOTIFICATION, json.writeValueAsString(rendered(view, language)));
            pushUnreadCount(userId);
        }));
        return created.map(view -> rendered(view, Texts.current()));
    }

    /**
     * Notifies many users at once (one statement; same rules as {@link #notify}), each with the
     * {@code shared} metadata plus the notification's own fields, and, after commit, pushes each new
     * notification and its user's unread count to the users a stream can reach ({@link
     * NotificationStream#reachable}: connected here, or present in Redis), read, rendered and
     * serialised only for those: a settlement notifies 100,000 users, most of them not connected.
     * Joins the caller's transaction; returns how many were added.
     */
    @Transactional
    public int notifyAll(
            NotificationType type,
            Map<String, Object> shared,
            List<NotificationRecords.NewNotification> notifications) {
        List<NotificationRecords.Created> created = records.insertAll(type, shared, notifications);
        pushes.enqueue(type, created);
        if (!created.isEmpty()) {
            afterCommit(() -> {
                Set<UUID> connected = stream.reachable(created.stream()
                        .map(NotificationRecords.Created::userId)
                        .toList());
                List<NotificationRecords.Created> reachable = created.stream()
                        .filter(c -> connected.contains(c.userId()))
                        .toList();
                if (reachable.isEmpty()) {
                    return;
                }
                List<UUID> recipients = reachable.stream()
                        .map(NotificationRecords.Created::userId)
                        .toList();
                Map<UUID, Long> unread = records.unreadCounts(recipients);
                // Pushed outside any request: in the language each recipient saved.
                Map<UUID, Language> languages = this.languages.savedLanguages(recipients);
                List<NotificationStream.Event> events = new ArrayList<>(reachable.size() * 2);
                for (NotificationRecords.Created c : reachable) {
                    Language language = languages.getOrDefault(c.userId(), Language.EN);
                    events.add(new NotificationStream.Event(
                            c.userId(),
                            NotificationStream.NOTIFICATION,
                            json.writeValueAsString(rendered(c.view(), language))));
                    events.add(new NotificationStream.Event(
                            c.userId(),
                            NotificationStream.UNREAD_COUNT,
                            "{\"count\":" + unread.getOrDefault(c.userId(), 0L) + "}"));
                }
                stream.publishAll(events);
            });
        }
        return created.size();
    }

    @Transactional(readOnly = true)
    public Page<NotificationView> list(UUID userId, boolean unreadOnly, PageQuery page) {
        Language language = Texts.current();
        return records.list(userId, unreadOnly, page).map(view -> rendered(view, language));
    }

    private NotificationView rendered(NotificationView view, Language language) {
        NotificationTexts.Rendered text = texts.render(view.type(), view.metadata(), view.message(), language);
        return view.withText(text.title(), text.message());
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
