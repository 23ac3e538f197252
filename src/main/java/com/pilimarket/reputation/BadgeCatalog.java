package com.pilimarket.reputation;

import com.pilimarket.markets.MarketCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every badge a user can earn, with its display name and rule. */
public final class BadgeCatalog {

    public static final String FIRST_FORECAST = "first_forecast";
    public static final String FIRST_WIN = "first_win";
    public static final String SHARP_10 = "sharp_10";
    public static final String STREAK_5 = "streak_5";
    public static final String CONTRARIAN = "contrarian";
    public static final String EARLY_BIRD = "early_bird";
    public static final String HIGH_ROLLER = "high_roller";
    public static final String TOP10_MONTHLY = "top10_monthly";
    public static final String CATEGORY_EXPERT_PREFIX = "category_expert_";

    private static final Map<String, BadgeInfo> BADGES;

    static {
        Map<String, BadgeInfo> badges = new LinkedHashMap<>();
        put(badges, FIRST_FORECAST, "First forecast", "Placed a first forecast.");
        put(badges, FIRST_WIN, "First win", "Won a first forecast.");
        put(badges, SHARP_10, "Sharp", "Won 10 forecasts.");
        put(badges, STREAK_5, "On a streak", "Won 5 forecasts in a row (refunds neither break nor count).");
        put(badges, CONTRARIAN, "Contrarian", "Won a forecast the crowd gave less than 25%.");
        put(badges, EARLY_BIRD, "Early bird", "Won a forecast placed within an hour of the market opening.");
        put(badges, HIGH_ROLLER, "High roller", "Staked 10,000 chips in total.");
        put(badges, TOP10_MONTHLY, "Top 10 of the month", "Finished a calendar month in the top 10 by skill.");
        for (MarketCategory category : MarketCategory.values()) {
            String name = Character.toUpperCase(category.value().charAt(0))
                    + category.value().substring(1);
            put(
                    badges,
                    categoryExpert(category.value()),
                    name + " expert",
                    "At least 10 settled " + category.value() + " forecasts with positive total skill.");
        }
        BADGES = Collections.unmodifiableMap(badges);
    }

    private BadgeCatalog() {}

    private static void put(Map<String, BadgeInfo> badges, String id, String name, String description) {
        badges.put(id, new BadgeInfo(id, name, description));
    }

    public static String categoryExpert(String category) {
        return CATEGORY_EXPERT_PREFIX + category;
    }

    public static List<BadgeInfo> all() {
        return new ArrayList<>(BADGES.values());
    }

    public static Optional<BadgeInfo> find(String id) {
        return Optional.ofNullable(BADGES.get(id));
    }

    /** The display name of a badge (its id if the catalogue does not know it). */
    public static String name(String id) {
        return find(id).map(BadgeInfo::name).orElse(id);
    }
}
