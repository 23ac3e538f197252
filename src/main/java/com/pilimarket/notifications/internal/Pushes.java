package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationType;
import com.pilimarket.notifications.NotificationView;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.LanguagePreferences;
import com.pilimarket.shared.Texts;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts Web Push notifications in the push queue, in the transaction that creates the notifications:
 * market results (cancellations and refunds too) and closing-soon reminders, for users with a
 * subscribed device and the push channel on. A type the user turned off has no notification, so no
 * push either. The payload {@code {title, body, url, tag}} is written in the recipient's saved language.
 */
@Component
class Pushes {

    static final Set<NotificationType> PUSHED =
            EnumSet.of(NotificationType.MARKET_RESOLVED, NotificationType.FORECAST_REMINDER);

    private final PushRecords records;
    private final PushKeys keys;
    private final NotificationTexts notificationTexts;
    private final Texts texts;
    private final LanguagePreferences languages;
    private final JsonMapper json;

    Pushes(
            PushRecords records,
            PushKeys keys,
            NotificationTexts notificationTexts,
            Texts texts,
            LanguagePreferences languages,
            JsonMapper json) {
        this.records = records;
        this.keys = keys;
        this.notificationTexts = notificationTexts;
        this.texts = texts;
        this.languages = languages;
        this.json = json;
    }

    /** Queues a push per device for each new notification of a pushed type; returns how many were queued. */
    int enqueue(NotificationType type, List<NotificationRecords.Created> created) {
        if (!keys.enabled() || !PUSHED.contains(type) || created.isEmpty()) {
            return 0;
        }
        Set<UUID> recipients = new HashSet<>();
        created.forEach(c -> recipients.add(c.userId()));
        Set<UUID> pushable = new HashSet<>(records.pushable(recipients));
        if (pushable.isEmpty()) {
            return 0;
        }
        Map<UUID, Language> saved = languages.savedLanguages(pushable);
        Map<UUID, String> payloads = new LinkedHashMap<>();
        for (NotificationRecords.Created c : created) {
            if (pushable.contains(c.userId())) {
                payloads.put(c.userId(), payload(c.view(), saved.getOrDefault(c.userId(), Language.EN)));
            }
        }
        return records.enqueue(payloads);
    }

    /** {@code {title, body, url, tag}}: the notification's text, the page it opens, one tag per market and type. */
    String payload(NotificationView view, Language language) {
        NotificationTexts.Rendered text =
                notificationTexts.render(view.type(), view.metadata(), view.message(), language);
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("title", text.title() == null ? texts.get(language, "push.title") : text.title());
        payload.put("body", text.message());
        payload.put("url", view.link() != null ? view.link() : "/notifications");
        payload.put("tag", view.type() + ":" + (view.marketId() != null ? view.marketId() : view.id()));
        return json.writeValueAsString(payload);
    }
}
