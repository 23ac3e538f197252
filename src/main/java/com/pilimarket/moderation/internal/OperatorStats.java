package com.pilimarket.moderation.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pilimarket.ledger.Circulation;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.referrals.ReferralStats;
import com.pilimarket.referrals.Referrals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator overview: accounts, activity, markets, where the chips are, purchases and the review
 * queue, read in one snapshot. Counting reads other modules' tables (read-only reporting).
 */
@Service
class OperatorStats {

    private static final List<String> USER_STATUSES = List.of("active", "suspended", "banned");
    private static final List<String> MARKET_STATUSES = List.of("open", "suspended", "closed", "resolved", "cancelled");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final FlagRecords flags;
    private final Referrals referrals;
    private final Clock clock;

    OperatorStats(JdbcClient jdbc, Ledger ledger, FlagRecords flags, Referrals referrals, Clock clock) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.ledger = ledger;
        this.flags = flags;
        this.clock = clock;
    }

    /** Chips by holder, plus what accounts owe after chargebacks. */
    record ChipStats(long users, long pools, long house, long total, long minted, long debt) {}

    /** Purchases of one provider in one status. */
    record PurchaseGroup(String provider, String status, long count, long amountCents, long chips) {}

    /** The overview; {@code active_users} is the 24-hour figure (what the console shows). */
    record Stats(
            long users,
            Map<String, Long> usersByStatus,
            long newUsers24h,
            long newUsers7d,
            long activeUsers,
            @JsonProperty("active_users_24h") long activeUsers24h,
            @JsonProperty("active_users_7d") long activeUsers7d,
            long markets,
            Map<String, Long> marketsByStatus,
            long chipsInCirculation,
            ChipStats chips,
            long purchases,
            List<PurchaseGroup> purchasesByProvider,
            long revenueCents,
            long openFlags,
            Map<String, Long> openFlagsByRule,
            ReferralStats referrals,
            OffsetDateTime generatedAt) {}

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Stats stats() {
        Instant now = clock.instant();
        OffsetDateTime day = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC);
        OffsetDateTime week = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(7)), ZoneOffset.UTC);

        Map<String, Long> usersByStatus =
                counts("SELECT status, count(*) FROM user_view GROUP BY status", USER_STATUSES);
        long users = usersByStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> marketsByStatus =
                counts("SELECT status, count(*) FROM market_view GROUP BY status", MARKET_STATUSES);
        long markets =
                marketsByStatus.values().stream().mapToLong(Long::longValue).sum();

        Circulation circulation = ledger.circulation();
        long debt = jdbc.sql("SELECT coalesce(sum(chip_debt), 0) FROM user_view")
                .query(Long.class)
                .single();
        List<PurchaseGroup> purchases = jdbc.sql("""
                        SELECT provider, status, count(*), coalesce(sum(amount_cents), 0), coalesce(sum(chips_added), 0)
                        FROM purchase_view GROUP BY provider, status ORDER BY provider, status
                        """)
                .query((rs, n) -> new PurchaseGroup(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();

        return new Stats(
                users,
                usersByStatus,
                newUsers(day),
                newUsers(week),
                activeUsers(day),
                activeUsers(day),
                activeUsers(week),
                markets,
                marketsByStatus,
                circulation.total(),
                new ChipStats(
                        circulation.users(),
                        circulation.pools(),
                        circulation.house(),
                        circulation.total(),
                        circulation.minted(),
                        debt),
                purchases.stream().mapToLong(PurchaseGroup::count).sum(),
                purchases,
                purchases.stream()
                        .filter(p -> p.status().equals("completed"))
                        .mapToLong(PurchaseGroup::amountCents)
                        .sum(),
                flags.countOpen(),
                flags.openByRule(),
                referrals.stats(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    private Map<String, Long> counts(String sql, List<String> keys) {
        Map<String, Long> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, 0L));
        jdbc.sql(sql)
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
                .list();
        return result;
    }

    private long newUsers(OffsetDateTime since) {
        return jdbc.sql("SELECT count(*) FROM user_view WHERE created_at >= :since")
                .param("since", since)
                .query(Long.class)
                .single();
    }

    /** Accounts that signed in, registered, bought chips or placed a forecast since then. */
    private long activeUsers(OffsetDateTime since) {
        return jdbc.sql("""
                        SELECT count(DISTINCT user_id) FROM (
                            SELECT user_id FROM user_signal_view WHERE created_at >= :since
                            UNION ALL SELECT user_id FROM forecast_view WHERE updated_at >= :since
                            UNION ALL SELECT id FROM user_view WHERE last_active >= :since
                        ) seen
                        """).param("since", since).query(Long.class).single();
    }
}
