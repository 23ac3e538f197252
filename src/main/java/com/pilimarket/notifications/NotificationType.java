package com.pilimarket.notifications;

import java.util.Locale;

/** The kinds of notification; each can be turned off in the preferences. */
public enum NotificationType {
    MARKET_RESOLVED,
    BADGE_EARNED,
    NEW_MARKET,
    FORECAST_REMINDER,
    COMMENT_REPLY,
    REFERRAL_BONUS;

    /** The API value, which is also the preference column's name. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
