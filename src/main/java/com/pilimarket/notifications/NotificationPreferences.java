package com.pilimarket.notifications;

import java.util.List;

/**
 * Which notification types a user receives (all on by default); {@code newMarketCategories} opts in to
 * new_market notifications for categories the user has not forecast in yet.
 */
public record NotificationPreferences(
        boolean marketResolved,
        boolean badgeEarned,
        boolean newMarket,
        boolean forecastReminder,
        List<String> newMarketCategories,
        boolean commentReply) {

    public static final NotificationPreferences DEFAULTS =
            new NotificationPreferences(true, true, true, true, List.of(), true);
}
