package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationType;
import com.pilimarket.shared.Chips;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A notification's title and text in the reader's language, made when it is read from the type
 * and parameters stored with it (the {@code metadata}). Rows written before the texts were rendered
 * this way carry the same parameters, so they render too; a type or shape this class does not know
 * keeps the English text stored with it.
 */
@Component
class NotificationTexts {

    private final Texts texts;

    NotificationTexts(Texts texts) {
        this.texts = texts;
    }

    record Rendered(String title, String message) {}

    Rendered render(String type, Map<String, Object> params, String storedMessage, Language language) {
        NotificationType kind = parse(type);
        if (kind == null) {
            return new Rendered(null, storedMessage);
        }
        return switch (kind) {
            case MARKET_RESOLVED -> marketSettled(params, storedMessage, language);
            case BADGE_EARNED ->
                new Rendered(
                        texts.get(language, "notification.badge_earned.title"),
                        texts.get(language, "notification.badge_earned", badgeName(params, language)));
            case NEW_MARKET ->
                new Rendered(
                        texts.get(language, "notification.new_market.title"),
                        texts.get(
                                language,
                                "notification.new_market",
                                category(params, language),
                                title(params, language)));
            case FORECAST_REMINDER ->
                new Rendered(
                        texts.get(language, "notification.forecast_reminder.title"),
                        texts.get(language, "notification.forecast_reminder", title(params, language)));
            case COMMENT_REPLY ->
                new Rendered(
                        texts.get(language, "notification.comment_reply.title"),
                        texts.get(
                                language,
                                "notification.comment_reply",
                                String.valueOf(params.getOrDefault("replier", "?")),
                                title(params, language),
                                String.valueOf(params.getOrDefault("excerpt", ""))));
            case REFERRAL_BONUS ->
                new Rendered(
                        texts.get(language, "notification.referral_bonus.title"),
                        texts.get(
                                language,
                                "referrer".equals(params.get("role"))
                                        ? "notification.referral_bonus.referrer"
                                        : "notification.referral_bonus.invitee",
                                String.valueOf(params.getOrDefault("other", "?")),
                                Chips.describe(number(params.get("bonus")))));
        };
    }

    private Rendered marketSettled(Map<String, Object> params, String storedMessage, Language language) {
        String title = title(params, language);
        long stake = number(params.get("stake"));
        if (isTrue(params.get("cancelled"))) {
            return new Rendered(
                    texts.get(language, "notification.market_cancelled.title"),
                    texts.get(language, "notification.market_cancelled", title, Chips.describe(stake)));
        }
        String heading = texts.get(language, "notification.market_resolved.title");
        if (!params.containsKey("won") || !params.containsKey("stake")) {
            return new Rendered(heading, storedMessage);
        }
        String winner = localized(params, "winning_outcome", language);
        if (winner == null || winner.isBlank()) {
            winner = texts.get(language, "notification.as_decided");
        }
        if (isTrue(params.get("refunded"))) {
            return new Rendered(
                    heading,
                    texts.get(language, "notification.market_resolved.refunded", title, winner, Chips.describe(stake)));
        }
        if (isTrue(params.get("won"))) {
            return new Rendered(
                    heading,
                    texts.get(
                            language,
                            "notification.market_resolved.won",
                            title,
                            winner,
                            Chips.peso(number(params.get("payout"))),
                            Chips.describe(stake)));
        }
        return new Rendered(
                heading,
                texts.get(language, "notification.market_resolved.lost", title, winner, Chips.describe(stake)));
    }

    /** The market's title in the reader's language (its Filipino title when it has one). */
    private String title(Map<String, Object> params, Language language) {
        String title = localized(params, "title", language);
        return title == null ? texts.get(language, "notification.market_fallback") : title;
    }

    private String badgeName(Map<String, Object> params, Language language) {
        Object badge = params.get("badge");
        String name = badge == null ? null : texts.find(language, "badge." + badge);
        if (name != null) {
            return name;
        }
        Object stored = params.get("name");
        return stored == null ? String.valueOf(badge) : stored.toString();
    }

    private String category(Map<String, Object> params, Language language) {
        Object category = params.get("category");
        String name = category == null ? null : texts.find(language, "category." + category);
        return name != null ? name : String.valueOf(category);
    }

    /** {@code key_fil} in Filipino when present and not blank, else {@code key}. */
    private static String localized(Map<String, Object> params, String key, Language language) {
        if (language == Language.FIL && params.get(key + "_fil") instanceof String fil && !fil.isBlank()) {
            return fil;
        }
        Object value = params.get(key);
        return value == null ? null : value.toString();
    }

    private static NotificationType parse(String type) {
        for (NotificationType t : NotificationType.values()) {
            if (t.value().equals(type)) {
                return t;
            }
        }
        return null;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
