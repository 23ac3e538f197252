package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationPreferences;
import com.pilimarket.notifications.NotificationType;
import com.pilimarket.notifications.NotificationView;
import com.pilimarket.shared.EpochMicros;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for notifications, preferences and the category interests of users.
 *
 * <p>Long because who is notified (preferences, interests, reminders) is decided in the same
 * statements that write the notifications, so those reads live beside them.
 */
@Repository
class NotificationRecords {

    private static final String COLUMNS = "id, type, message, metadata, read, created_at";

    /**
     * The columns of {@link #COLUMNS} read through {@link #JOINED}: a notification's metadata is its
     * own fields plus, if it has one, the part it shares with the other notifications of its set.
     */
    private static final String JOINED_COLUMNS = "n.id, n.type, n.message,"
            + " coalesce(s.metadata || n.metadata, n.metadata) AS metadata, n.read, n.created_at";

    private static final String JOINED = " FROM notifications n LEFT JOIN notification_shared s ON s.id = n.shared_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NotificationRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds a notification unless the user turned its type off or one with the same {@code dedupeKey}
     * exists (a redelivered event notifies nobody twice); the new notification, if any.
     */
    Optional<NotificationView> insert(
            UUID userId, NotificationType type, String message, Map<String, Object> metadata, String dedupeKey) {
        // The column is chosen from the enum, never from input.
        String enabled = "coalesce((SELECT p." + type.value()
                + " FROM notification_preferences p WHERE p.user_id = :user), true)";
        return jdbc.sql("INSERT INTO notifications (user_id, type, message, metadata, dedupe_key) "
                        + "SELECT :user, :type, :message, CAST(:metadata AS jsonb), :dedupe WHERE " + enabled
                        + " ON CONFLICT (dedupe_key) DO NOTHING RETURNING " + COLUMNS)
                .param("user", userId)
                .param("type", type.value())
                .param("message", message)
                .param("metadata", json.writeValueAsString(metadata))
                .param("dedupe", dedupeKey)
                .query(this::view)
                .optional();
    }

    /**
     * One notification to add with {@link #insertAll}: its own fields of the metadata (the same keys
     * in every row of a call; values text, numbers, booleans or null), the rest being shared.
     */
    record NewNotification(UUID userId, String message, Map<String, Object> fields, String dedupeKey) {}

    /**
     * A notification {@link #insertAll} added, and the user it is for. Its view is built when first asked
     * for: of a settlement's 100,000 notifications only those pushed to a device or a stream need one.
     */
    static final class Created {

        private final UUID userId;
        private Supplier<NotificationView> build;
        private NotificationView view;

        Created(UUID userId, NotificationView view) {
            this.userId = userId;
            this.view = view;
        }

        Created(UUID userId, Supplier<NotificationView> build) {
            this.userId = userId;
            this.build = build;
        }

        UUID userId() {
            return userId;
        }

        NotificationView view() {
            if (view == null) {
                view = build.get();
                build = null;
            }
            return view;
        }
    }

    /**
     * Adds many notifications of one type in one statement, with the rules of {@link #insert} (a
     * user who turned the type off gets none, a used {@code dedupeKey} adds nothing); returns the
     * notifications added, each with its user. Each metadata is {@code shared} plus the row's
     * {@code fields}. The shared part is stored once, in {@code notification_shared} under the digest
     * of its JSON (the same content is the same row, so a redelivered event finds it), and each row
     * keeps only its own fields, built by PostgreSQL from a typed array per field: no JSON is written
     * or parsed per row, and a row carries ~100 bytes of metadata instead of ~400 (measured: the
     * metadata was a third of the database's CPU for inserting a settlement's notifications).
     */
    List<Created> insertAll(NotificationType type, Map<String, Object> shared, List<NewNotification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        int n = notifications.size();
        List<String> keys = List.copyOf(notifications.get(0).fields().keySet());
        UUID[] users = new UUID[n];
        String[] messages = new String[n];
        String[] dedupe = new String[n];
        Object[][] columns = new Object[keys.size()][n];
        for (int i = 0; i < n; i++) {
            NewNotification row = notifications.get(i);
            if (!row.fields().keySet().equals(notifications.get(0).fields().keySet())) {
                throw new IllegalArgumentException("notifications of one call need the same fields: " + keys);
            }
            users[i] = row.userId();
            messages[i] = row.message();
            dedupe[i] = row.dedupeKey();
            for (int k = 0; k < keys.size(); k++) {
                columns[k][i] = row.fields().get(keys.get(k));
            }
        }
        String[] sqlTypes = new String[keys.size()];
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder build = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            sqlTypes[k] = sqlType(columns[k]);
            arrays.append(", CAST(:f")
                    .append(k)
                    .append(" AS ")
                    .append(sqlTypes[k])
                    .append("[])");
            names.append(", f").append(k);
            // The keys come from the listeners' code, never from input; quoted as SQL literals all the same.
            build.append(k == 0 ? "" : ", ")
                    .append('\'')
                    .append(keys.get(k).replace("'", "''"))
                    .append("', t.f")
                    .append(k);
        }
        boolean hasShared = !shared.isEmpty();
        // The shared row's id is computed once per statement (an InitPlan), not once per inserted row.
        // The column is chosen from the enum, never from input. A join rather than a lookup per row.
        var statement = jdbc.sql((hasShared
                                ? "WITH part AS (SELECT CAST(:shared AS jsonb) AS metadata),"
                                        + " shared AS (SELECT md5(CAST(metadata AS text))::uuid AS id, metadata FROM part),"
                                        + " stored AS (INSERT INTO notification_shared (id, metadata)"
                                        + " SELECT id, metadata FROM shared ON CONFLICT (id) DO NOTHING) "
                                : "")
                        + "INSERT INTO notifications (user_id, type, message, metadata, dedupe_key, shared_id)"
                        + " SELECT t.u, :type, t.m, jsonb_build_object(" + build + "), t.d, "
                        + (hasShared ? "(SELECT id FROM shared)" : "NULL::uuid")
                        + " FROM unnest(CAST(:users AS uuid[]), CAST(:messages AS text[]), CAST(:dedupe AS text[])"
                        + arrays + ") AS t(u, m, d" + names + ")"
                        + " LEFT JOIN notification_preferences p ON p.user_id = t.u"
                        + " WHERE coalesce(p." + type.value() + ", true)"
                        + " ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, read,"
                        + " (extract(epoch FROM created_at) * 1000000)::bigint AS created_micros, dedupe_key")
                .param("type", type.value())
                .param("shared", json.writeValueAsString(shared))
                .param("users", users)
                .param("messages", messages)
                .param("dedupe", dedupe);
        for (int k = 0; k < keys.size(); k++) {
            statement = statement.param("f" + k, arrayOf(sqlTypes[k], columns[k]));
        }
        Map<String, NewNotification> byDedupeKey = new HashMap<>();
        notifications.forEach(row -> byDedupeKey.putIfAbsent(row.dedupeKey(), row));
        // The views are built from what was inserted (only id, read, time and the dedupe key to match
        // them come back), and only when asked for: no metadata read back and parsed per row.
        return statement
                .query((rs, row) -> {
                    NewNotification added = byDedupeKey.get(rs.getString("dedupe_key"));
                    UUID id = rs.getObject("id", UUID.class);
                    boolean read = rs.getBoolean("read");
                    // As microseconds: a Timestamp parsed from text per row, for views that are mostly never built.
                    long createdMicros = rs.getLong("created_micros");
                    return new Created(added.userId(), () -> {
                        Map<String, Object> metadata = new LinkedHashMap<>(shared);
                        metadata.putAll(added.fields());
                        return view(
                                id,
                                type.value(),
                                added.message(),
                                metadata,
                                read,
                                Timestamp.from(EpochMicros.toInstant(createdMicros)));
                    });
                })
                .list();
    }

    /** The SQL type of a field's values: boolean, bigint, double precision or (anything else) text. */
    private static String sqlType(Object[] values) {
        String type = null;
        for (Object value : values) {
            String of = value == null
                    ? null
                    : value instanceof Boolean
                            ? "boolean"
                            : value instanceof Long || value instanceof Integer || value instanceof Short
                                    ? "bigint"
                                    : value instanceof Number ? "double precision" : "text";
            if (of != null && type != null && !of.equals(type)) {
                return "text";
            }
            type = of == null ? type : of;
        }
        return type == null ? "text" : type;
    }

    /** The values as a Java array of {@code sqlType}, the type {@link #sqlType} chose for them, for the driver. */
    private static Object[] arrayOf(String sqlType, Object[] values) {
        return switch (sqlType) {
            case "boolean" -> Arrays.copyOf(values, values.length, Boolean[].class);
            case "bigint" ->
                Arrays.stream(values)
                        .map(v -> v == null ? null : ((Number) v).longValue())
                        .toArray(Long[]::new);
            case "double precision" ->
                Arrays.stream(values)
                        .map(v -> v == null ? null : ((Number) v).doubleValue())
                        .toArray(Double[]::new);
            default ->
                Arrays.stream(values).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
        };
    }

    /** Unread notifications per user, for many users in one query (users with none are absent). */
    Map<UUID, Long> unreadCounts(List<UUID> userIds) {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql("SELECT user_id, count(*) FROM notifications WHERE user_id = ANY(:users) AND NOT read"
                        + " GROUP BY user_id")
                .param("users", userIds.toArray(UUID[]::new))
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        return counts;
    }

    Page<NotificationView> list(UUID userId, boolean unreadOnly, PageQuery page) {
        String filter = " WHERE n.user_id = :user" + (unreadOnly ? " AND NOT n.read" : "");
        long total = jdbc.sql("SELECT count(*) FROM notifications n" + filter)
                .param("user", userId)
                .query(Long.class)
                .single();
        List<NotificationView> items = jdbc.sql("SELECT " + JOINED_COLUMNS + JOINED + filter
                        + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(this::view)
                .list();
        return Page.of(items, page, total);
    }

    long unreadCount(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND NOT read")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Marks the user's own notification read; false if it is not theirs (or does not exist). */
    boolean markRead(UUID userId, UUID notificationId) {
        return jdbc.sql("UPDATE notifications SET read = true WHERE id = :id AND user_id = :user")
                        .param("id", notificationId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    int markAllRead(UUID userId) {
        return jdbc.sql("UPDATE notifications SET read = true WHERE user_id = :user AND NOT read")
                .param("user", userId)
                .update();
    }

    NotificationPreferences preferences(UUID userId) {
        return jdbc.sql(
                        "SELECT market_resolved, badge_earned, new_market, forecast_reminder, new_market_categories,"
                                + " comment_reply, referral_bonus, email_frequency, push FROM notification_preferences WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new NotificationPreferences(
                        rs.getBoolean("market_resolved"),
                        rs.getBoolean("badge_earned"),
                        rs.getBoolean("new_market"),
                        rs.getBoolean("forecast_reminder"),
                        strings(rs.getArray("new_market_categories")),
                        rs.getBoolean("comment_reply"),
                        rs.getBoolean("referral_bonus"),
                        rs.getString("email_frequency"),
                        rs.getBoolean("push")))
                .optional()
                .orElse(NotificationPreferences.DEFAULTS);
    }

    void savePreferences(UUID userId, NotificationPreferences p) {
        jdbc.sql("""
                        INSERT INTO notification_preferences (user_id, market_resolved, badge_earned, new_market,
                            forecast_reminder, new_market_categories, comment_reply, referral_bonus, email_frequency,
                            push, updated_at)
                        VALUES (:user, :resolved, :badge, :newMarket, :reminder, string_to_array(:categories, ','),
                            :commentReply, :referralBonus, :email, :push, now())
                        ON CONFLICT (user_id) DO UPDATE SET market_resolved = excluded.market_resolved,
                            badge_earned = excluded.badge_earned, new_market = excluded.new_market,
                            forecast_reminder = excluded.forecast_reminder, comment_reply = excluded.comment_reply,
                            referral_bonus = excluded.referral_bonus,
                            new_market_categories = excluded.new_market_categories,
                            email_frequency = excluded.email_frequency, push = excluded.push, updated_at = now()
                        """)
                .param("user", userId)
                .param("resolved", p.marketResolved())
                .param("badge", p.badgeEarned())
                .param("newMarket", p.newMarket())
                .param("reminder", p.forecastReminder())
                .param("commentReply", p.commentReply())
                .param("referralBonus", p.referralBonus())
                .param("categories", String.join(",", p.newMarketCategories()))
                .param("email", p.emailFrequency())
                .param("push", p.push())
                .update();
    }

    /** Stops notification emails for the user (one-click unsubscribe); other preferences stay. */
    void turnOffEmail(UUID userId) {
        jdbc.sql("""
                        INSERT INTO notification_preferences (user_id, email_frequency) VALUES (:user, 'off')
                        ON CONFLICT (user_id) DO UPDATE SET email_frequency = 'off', updated_at = now()
                        """).param("user", userId).update();
    }

    /** A notification waiting to be emailed, with its owner. */
    record ToEmail(UUID userId, NotificationView view) {}

    /**
     * Notifications of the emailed types not emailed yet, created since {@code since}, of users whose
     * email frequency is {@code frequency} (no preferences row counts as weekly), oldest first.
     */
    List<ToEmail> toEmail(String frequency, OffsetDateTime since, int limit) {
        return jdbc.sql("SELECT n.user_id, " + JOINED_COLUMNS + JOINED
                        + " LEFT JOIN notification_preferences p ON p.user_id = n.user_id"
                        + " WHERE n.emailed_at IS NULL AND n.type IN ('market_resolved', 'forecast_reminder', 'comment_reply')"
                        + " AND n.created_at >= :since AND coalesce(p.email_frequency, 'weekly') = :frequency"
                        + " ORDER BY n.created_at LIMIT :limit")
                .param("since", since)
                .param("frequency", frequency)
                .param("limit", limit)
                .query((rs, n) -> new ToEmail(rs.getObject("user_id", UUID.class), view(rs, n)))
                .list();
    }

    void markEmailed(Collection<UUID> notificationIds, OffsetDateTime at) {
        if (notificationIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE notifications SET emailed_at = :at WHERE id = ANY(:ids) AND emailed_at IS NULL")
                .param("at", at)
                .param("ids", notificationIds.toArray(UUID[]::new))
                .update();
    }

    /** A user who forecast in a category (so is told about new markets in it). */
    record Interest(UUID userId, String category) {}

    /** Records many interests in one statement; those already known change nothing. */
    void recordInterests(List<Interest> interests) {
        if (interests.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO notification_interests (user_id, category)
                        SELECT * FROM unnest(CAST(:users AS uuid[]), CAST(:categories AS text[]))
                        ON CONFLICT DO NOTHING
                        """)
                .param("users", interests.stream().map(Interest::userId).toArray(UUID[]::new))
                .param("categories", interests.stream().map(Interest::category).toArray(String[]::new))
                .update();
    }

    /** Users to tell about a new market in {@code category}: they forecast in it before, or opted in. */
    List<UUID> interestedIn(String category, UUID except) {
        return jdbc.sql("""
                        SELECT user_id FROM notification_interests WHERE category = :category
                        UNION
                        SELECT user_id FROM notification_preferences WHERE :category = ANY (new_market_categories)
                        """).param("category", category).query(UUID.class).list().stream()
                .filter(id -> !id.equals(except))
                .toList();
    }

    /**
     * Watchers of open markets closing within the next 24 h who hold no forecast there, in one
     * statement over the views the markets and forecasting modules publish (never per watcher).
     */
    List<Reminder> reminderCandidates(Instant now, Instant until) {
        return jdbc.sql("""
                        SELECT w.user_id, m.id, m.slug, m.title, m.title_fil, m.closes_at
                        FROM watchlist_view w JOIN market_view m ON m.id = w.market_id
                        WHERE m.status = 'open' AND m.closes_at > :now AND m.closes_at <= :until
                          AND NOT EXISTS (SELECT 1 FROM forecast_view f WHERE f.user_id = w.user_id AND f.market_id = m.id)
                          AND NOT EXISTS (SELECT 1 FROM notifications n
                                          WHERE n.dedupe_key = 'reminder:' || m.id || ':' || w.user_id)
                        ORDER BY m.closes_at
                        LIMIT 10000
                        """)
                .param("now", java.sql.Timestamp.from(now))
                .param("until", java.sql.Timestamp.from(until))
                .query((rs, n) -> new Reminder(
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("title_fil"),
                        rs.getTimestamp("closes_at").toInstant()))
                .list();
    }

    /** A watcher to remind about a market closing soon. */
    record Reminder(UUID userId, UUID marketId, String slug, String title, String titleFil, Instant closesAt) {}

    private NotificationView view(ResultSet rs, int n) throws SQLException {
        return view(
                rs.getObject("id", UUID.class),
                rs.getString("type"),
                rs.getString("message"),
                json.readValue(rs.getString("metadata"), new TypeReference<Map<String, Object>>() {}),
                rs.getBoolean("read"),
                rs.getTimestamp("created_at"));
    }

    private static NotificationView view(
            UUID id, String type, String message, Map<String, Object> metadata, boolean read, Timestamp createdAt) {
        Object market = metadata.get("market_id");
        Object slug = metadata.get("slug");
        UUID marketId = market == null ? null : UUID.fromString(market.toString());
        String link = slug != null ? "/markets/" + slug : marketId != null ? "/markets/" + marketId : null;
        Object comment = metadata.get("comment_id");
        if (link != null && comment != null) {
            // A reply's notification opens the market page at that comment.
            link += "#comment-" + comment;
        }
        return new NotificationView(
                id,
                type,
                null,
                message,
                metadata,
                marketId,
                link,
                read,
                createdAt.toInstant().atOffset(ZoneOffset.UTC));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
