package com.pilimarket.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Which notification types a user receives (all on by default); {@code newMarketCategories} opts in to
 * new_market notifications for categories the user has not forecast in yet; {@code emailFrequency} how
 * market results and closing-soon reminders reach a verified address: {@code weekly} (a digest, the
 * default), {@code instant} or {@code off}; {@code push} whether they also reach the user's subscribed
 * devices as Web Push notifications (on by default; nothing is pushed before a device subscribes).
 */
public record NotificationPreferences(
        boolean marketResolved,
        boolean badgeEarned,
        boolean newMarket,
        boolean forecastReminder,
        List<String> newMarketCategories,
        boolean commentReply,
        boolean referralBonus,

        @Schema(allowableValues = {"off", "instant", "weekly"})
        String emailFrequency,

        boolean push) {

    /** Market results, closing-soon reminders and replies by email: a weekly digest unless the user chose otherwise. */
    public static final String WEEKLY = "weekly";

    public static final String INSTANT = "instant";
    public static final String OFF = "off";

    public static final NotificationPreferences DEFAULTS =
            new NotificationPreferences(true, true, true, true, List.of(), true, true, WEEKLY, true);
}
