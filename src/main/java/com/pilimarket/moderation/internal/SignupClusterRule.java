package com.pilimarket.moderation.internal;

import com.pilimarket.moderation.internal.Finding.Repeat;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * More than N accounts signed up on the same value of a signup column (device id or IP) within a
 * window: every account of such a cluster is flagged. Runs over all clusters hourly, and for one
 * account's own device and IP when it registers or buys chips.
 */
abstract class SignupClusterRule implements FraudRule {

    /** Evidence lists at most this many account ids. */
    static final int MAX_LISTED = 50;

    private final JdbcClient jdbc;
    private final FraudProperties.MultiAccount settings;
    private final String column;
    private final String evidenceKey;

    SignupClusterRule(JdbcClient jdbc, FraudProperties properties, String column, String evidenceKey) {
        this.jdbc = jdbc;
        this.settings = properties.multiAccount();
        this.column = column;
        this.evidenceKey = evidenceKey;
    }

    private record Cluster(String key, List<UUID> userIds) {}

    @Override
    public List<Finding> scan(Instant now) {
        return findings(clusters(now, null));
    }

    /** The clusters the account's own signup device or IP belongs to. */
    List<Finding> checkUser(UUID userId, Instant now) {
        return findings(clusters(now, userId));
    }

    private List<Cluster> clusters(Instant now, UUID userId) {
        String ofUser =
                userId == null ? "" : " AND " + column + " = (SELECT " + column + " FROM user_view WHERE id = :user)";
        var sql = jdbc.sql("SELECT " + column + ", array_agg(id ORDER BY created_at, id) FROM user_view WHERE " + column
                        + " IS NOT NULL AND created_at >= :since" + ofUser + " GROUP BY " + column
                        + " HAVING count(*) > :max")
                .param("since", OffsetDateTime.ofInstant(now.minus(settings.window()), ZoneOffset.UTC))
                .param("max", settings.maxAccounts());
        if (userId != null) {
            sql = sql.param("user", userId);
        }
        return sql.query((rs, n) -> new Cluster(rs.getString(1), uuids(rs.getArray(2)))).list().stream()
                .filter(c -> !ignored(c.key()))
                .toList();
    }

    boolean ignored(String key) {
        return false;
    }

    FraudProperties.MultiAccount settings() {
        return settings;
    }

    private List<Finding> findings(List<Cluster> clusters) {
        List<Finding> found = new ArrayList<>();
        for (Cluster cluster : clusters) {
            for (UUID user : cluster.userIds()) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put(evidenceKey, cluster.key());
                evidence.put("accounts", cluster.userIds().size());
                evidence.put("max_accounts", settings.maxAccounts());
                evidence.put("window_hours", settings.window().toHours());
                evidence.put(
                        "user_ids",
                        cluster.userIds().stream()
                                .limit(MAX_LISTED)
                                .map(UUID::toString)
                                .toList());
                found.add(Finding.user(user, name(), evidence, Repeat.UNLESS_CLEARED));
            }
        }
        return found;
    }

    static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                .toList();
    }
}
