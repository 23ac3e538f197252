package com.pilimarket.reputation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board totals of the current week, month and all time as comparable lines, in a fixed order, for
 * the tests that compare boards (added step by step against rebuilt), and the keys of those windows as
 * the leaderboard names them (ISO week with Monday start, month, in Asia/Manila).
 */
final class CurrentBoards {

    private static final String LINES = """
            SELECT period || ' ' || period_key || ' ' || category || ' ' || user_id || ' ' || skill::text
                   || ' ' || profit || ' ' || forecasts || ' ' || won
            FROM rank_totals WHERE (period = 'all_time' OR period_key IN (:week, :month))
            """;

    private static final String ORDER = " ORDER BY period, period_key, category, user_id";

    private CurrentBoards() {}

    /** Every user's lines. */
    static List<String> lines(JdbcClient jdbc, Instant now) {
        return jdbc.sql(LINES + ORDER)
                .param("week", weekKey(now))
                .param("month", monthKey(now))
                .query(String.class)
                .list();
    }

    /** These users' lines. */
    static List<String> lines(JdbcClient jdbc, Instant now, Collection<UUID> users) {
        return jdbc.sql(LINES + " AND user_id IN (:users)" + ORDER)
                .param("week", weekKey(now))
                .param("month", monthKey(now))
                .param("users", users)
                .query(String.class)
                .list();
    }

    static String weekKey(Instant now) {
        var day = now.atZone(ZoneId.of("Asia/Manila")).toLocalDate();
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format(Locale.ROOT, "%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String monthKey(Instant now) {
        var day = now.atZone(ZoneId.of("Asia/Manila")).toLocalDate();
        return String.format(Locale.ROOT, "%d-%02d", day.getYear(), day.getMonthValue());
    }
}
