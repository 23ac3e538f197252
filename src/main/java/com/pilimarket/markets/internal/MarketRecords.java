package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.OutcomeRef;
import com.pilimarket.markets.ResolutionView;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.ValidationException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the markets module: markets, outcomes, history, watchlist and resolutions. */
@Repository
class MarketRecords {

    private static final String COLUMNS = """
            m.id, m.slug, m.title, m.description, m.category, m.status, m.metadata::text AS metadata,
            m.closes_at, m.resolves_at, m.created_at, m.max_points_per_user, m.total_points,
            m.forecaster_count, m.cancel_reason, m.settled_at, m.created_by, m.resolution_outcome, m.title_fil,
            m.description_fil
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MarketRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The market's row; 404 for an unknown market. */
    MarketRow findOrThrow(UUID marketId) {
        return find(marketId).orElseThrow(() -> ApiException.notFound("Market"));
    }

    /** The market's row, locked until the transaction ends; 400 without an id, 404 for an unknown market. */
    MarketRow lockOrThrow(UUID marketId) {
        if (marketId == null) {
            throw ValidationException.of("market_id", "is required");
        }
        return lock(marketId).orElseThrow(() -> ApiException.notFound("Market"));
    }

    /** A row of {@code markets}. */
    record MarketRow(
            UUID id,
            String slug,
            String title,
            String description,
            String category,
            MarketStatus status,
            String metadataJson,
            OffsetDateTime closesAt,
            OffsetDateTime resolvesAt,
            OffsetDateTime createdAt,
            long maxPointsPerUser,
            long totalPoints,
            int forecasterCount,
            String cancelReason,
            OffsetDateTime settledAt,
            UUID createdBy,
            UUID winningOutcomeId,
            String titleFil,
            String descriptionFil) {

        Market toDomain() {
            return new Market(
                    id,
                    status,
                    closesAt.toInstant(),
                    forecasterCount,
                    new Market.About(title, category, createdAt.toInstant()));
        }
    }

    /** A row of {@code outcomes}. */
    record OutcomeRow(UUID id, UUID marketId, String name, int position, long totalPoints, String nameFil) {}

    private static MarketRow market(ResultSet rs, int n) throws SQLException {
        return new MarketRow(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("category"),
                MarketStatus.of(rs.getString("status")),
                rs.getString("metadata"),
                rs.getObject("closes_at", OffsetDateTime.class),
                rs.getObject("resolves_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("max_points_per_user"),
                rs.getLong("total_points"),
                rs.getInt("forecaster_count"),
                rs.getString("cancel_reason"),
                rs.getObject("settled_at", OffsetDateTime.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("resolution_outcome", UUID.class),
                rs.getString("title_fil"),
                rs.getString("description_fil"));
    }

    private static OutcomeRow outcome(ResultSet rs, int n) throws SQLException {
        return new OutcomeRow(
                rs.getObject("id", UUID.class),
                rs.getObject("market_id", UUID.class),
                rs.getString("name"),
                rs.getInt("position"),
                rs.getLong("total_points"),
                rs.getString("name_fil"));
    }

    /** Serialises concurrent creations of the same base slug, so the suffix search cannot race. */
    void lockSlug(String base) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('market-slug:' || :base))")
                .param("base", base)
                .query((rs, n) -> 1)
                .list();
    }

    List<String> slugsLike(String base) {
        return jdbc.sql("SELECT slug FROM markets WHERE slug = :base OR slug LIKE :prefix")
                .param("base", base)
                .param("prefix", base.replace("_", "\\_").replace("%", "\\%") + "-%")
                .query(String.class)
                .list();
    }

    UUID insert(
            String slug,
            String title,
            String description,
            String category,
            String metadataJson,
            OffsetDateTime closesAt,
            OffsetDateTime resolvesAt,
            long maxPointsPerUser,
            UUID createdBy) {
        return jdbc.sql("""
                        INSERT INTO markets (slug, title, description, category, metadata, closes_at, resolves_at,
                                             max_points_per_user, created_by)
                        VALUES (:slug, :title, :description, :category, CAST(:metadata AS jsonb), :closesAt,
                                :resolvesAt, :max, :createdBy)
                        RETURNING id
                        """)
                .param("slug", slug)
                .param("title", title)
                .param("description", description)
                .param("category", category)
                .param("metadata", metadataJson)
                .param("closesAt", closesAt)
                .param("resolvesAt", resolvesAt)
                .param("max", maxPointsPerUser)
                .param("createdBy", createdBy)
                .query(UUID.class)
                .single();
    }

    void insertOutcomes(UUID marketId, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("INSERT INTO outcomes (market_id, name, position) VALUES (:market, :name, :position)")
                    .param("market", marketId)
                    .param("name", names.get(i))
                    .param("position", i)
                    .update();
        }
    }

    /** The market's Filipino title and description (null: none). */
    void updateFilipinoText(UUID marketId, String titleFil, String descriptionFil) {
        jdbc.sql(
                        "UPDATE markets SET title_fil = :title, description_fil = :description, updated_at = now() WHERE id = :id")
                .param("title", titleFil)
                .param("description", descriptionFil)
                .param("id", marketId)
                .update();
    }

    /** The outcomes' Filipino names, in outcome order (null: none). */
    void updateOutcomeNamesFil(UUID marketId, List<String> namesFil) {
        for (int i = 0; i < namesFil.size(); i++) {
            jdbc.sql("UPDATE outcomes SET name_fil = :name WHERE market_id = :market AND position = :position")
                    .param("name", namesFil.get(i))
                    .param("market", marketId)
                    .param("position", i)
                    .update();
        }
    }

    void deleteOutcomes(UUID marketId) {
        jdbc.sql("DELETE FROM outcomes WHERE market_id = :market")
                .param("market", marketId)
                .update();
    }

    Optional<MarketRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM markets m WHERE m.id = :id")
                .param("id", id)
                .query(MarketRecords::market)
                .optional();
    }

    Optional<MarketRow> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM markets m WHERE m.slug = :slug")
                .param("slug", slug)
                .query(MarketRecords::market)
                .optional();
    }

    /**
     * Reads a market and locks its row until the transaction ends. Every transaction that changes a
     * market's money or state takes this lock first (then the forecast row, then ledger accounts), so
     * concurrent placements, resolutions and cancellations are serialised and cannot deadlock.
     */
    Optional<MarketRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM markets m WHERE m.id = :id FOR NO KEY UPDATE")
                .param("id", id)
                .query(MarketRecords::market)
                .optional();
    }

    /** Locks many markets' rows as {@link #lock} does, in PostgreSQL's order, in one statement. */
    void lockAll(Collection<UUID> ids) {
        jdbc.sql("SELECT m.id FROM markets m WHERE m.id = ANY(:ids) ORDER BY m.id FOR NO KEY UPDATE")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> 1)
                .list();
    }

    List<OutcomeRow> outcomes(UUID marketId) {
        return jdbc.sql(
                        "SELECT id, market_id, name, position, total_points, name_fil FROM outcomes WHERE market_id = :m ORDER BY position, id")
                .param("m", marketId)
                .query(MarketRecords::outcome)
                .list();
    }

    Map<UUID, List<OutcomeRow>> outcomesOf(Collection<UUID> marketIds) {
        Map<UUID, List<OutcomeRow>> byMarket = new HashMap<>();
        if (marketIds.isEmpty()) {
            return byMarket;
        }
        jdbc.sql("""
                        SELECT id, market_id, name, position, total_points, name_fil FROM outcomes
                        WHERE market_id = ANY(:ids) ORDER BY market_id, position, id
                        """)
                .param("ids", marketIds.toArray(UUID[]::new))
                .query(MarketRecords::outcome)
                .list()
                .forEach(row -> byMarket.computeIfAbsent(row.marketId(), k -> new ArrayList<>())
                        .add(row));
        return byMarket;
    }

    void updateStatus(UUID id, MarketStatus status) {
        jdbc.sql("UPDATE markets SET status = :status, updated_at = now() WHERE id = :id")
                .param("status", status.value())
                .param("id", id)
                .update();
    }

    /** Marks the market resolved and fixes the house fee its settlement will use, whatever the setting later. */
    void markResolved(UUID id, UUID outcomeId, Instant at, BigDecimal feePercent) {
        jdbc.sql("""
                        UPDATE markets SET status = 'resolved', resolution_outcome = :outcome, resolution_time = :at,
                               settlement_fee_percent = :fee, updated_at = now()
                        WHERE id = :id
                        """)
                .param("outcome", outcomeId)
                .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("fee", feePercent)
                .param("id", id)
                .update();
    }

    /**
     * The house fee fixed for this market's settlement; a market resolved before the fee was recorded
     * gets {@code current} fixed now (in the caller's transaction, which posts the house share).
     */
    BigDecimal fixSettlementFee(UUID id, BigDecimal current) {
        return jdbc.sql("""
                        UPDATE markets SET settlement_fee_percent = coalesce(settlement_fee_percent, :fee)
                        WHERE id = :id RETURNING settlement_fee_percent
                        """)
                .param("fee", current)
                .param("id", id)
                .query(BigDecimal.class)
                .single();
    }

    void markCancelled(UUID id, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE markets SET status = 'cancelled', cancel_reason = :reason, cancelled_at = :at,
                               updated_at = now()
                        WHERE id = :id
                        """)
                .param("reason", reason)
                .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    /** True if this call set {@code settled_at}; a second call (a re-run) changes nothing. */
    boolean markSettled(UUID id) {
        return jdbc.sql(
                                "UPDATE markets SET settled_at = now(), updated_at = now() WHERE id = :id AND settled_at IS NULL")
                        .param("id", id)
                        .update()
                == 1;
    }

    void updateDetails(
            UUID id,
            String title,
            String description,
            String category,
            OffsetDateTime closesAt,
            OffsetDateTime resolvesAt,
            long maxPointsPerUser,
            String metadataJson) {
        jdbc.sql("""
                        UPDATE markets SET title = :title, description = :description, category = :category,
                               closes_at = :closesAt, resolves_at = :resolvesAt, max_points_per_user = :max,
                               metadata = CAST(:metadata AS jsonb), updated_at = now()
                        WHERE id = :id
                        """)
                .param("title", title)
                .param("description", description)
                .param("category", category)
                .param("closesAt", closesAt)
                .param("resolvesAt", resolvesAt)
                .param("max", maxPointsPerUser)
                .param("metadata", metadataJson)
                .param("id", id)
                .update();
    }

    /** Adds placed stakes to the outcome and market totals (under the market lock): two statements. */
    void addStakes(UUID marketId, Map<UUID, Long> pointsByOutcome, int newForecasters) {
        UUID[] outcomes = pointsByOutcome.keySet().toArray(UUID[]::new);
        Long[] points = pointsByOutcome.values().toArray(Long[]::new);
        int updated = template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    UPDATE outcomes o SET total_points = o.total_points + d.points
                    FROM unnest(?::uuid[], ?::bigint[]) AS d(id, points)
                    WHERE o.id = d.id AND o.market_id = ?
                    """);
            ps.setArray(1, con.createArrayOf("uuid", outcomes));
            ps.setArray(2, con.createArrayOf("bigint", points));
            ps.setObject(3, marketId);
            return ps;
        });
        if (updated != outcomes.length) {
            throw new IllegalStateException("not all of " + pointsByOutcome.keySet() + " are outcomes of " + marketId);
        }
        long total =
                pointsByOutcome.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        jdbc.sql("""
                        UPDATE markets SET total_points = total_points + :points,
                               forecaster_count = forecaster_count + :newForecasters, updated_at = now()
                        WHERE id = :market
                        """)
                .param("points", total)
                .param("newForecasters", newForecasters)
                .param("market", marketId)
                .update();
    }

    /**
     * One history point per element, in order, in one statement. clock_timestamp(), not now(): now()
     * is when the transaction started, and placements commit in the order of the market lock, not
     * in the order they started; WITH ORDINALITY keeps the points in the order given.
     */
    void insertHistory(UUID marketId, List<String> probabilitiesJson) {
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO market_history (market_id, at, probabilities)
                    SELECT ?, clock_timestamp(), CAST(p AS jsonb)
                    FROM unnest(?::text[]) WITH ORDINALITY AS h(p, n)
                    ORDER BY n
                    """);
            ps.setObject(1, marketId);
            ps.setArray(2, con.createArrayOf("text", probabilitiesJson.toArray(String[]::new)));
            return ps;
        });
    }

    /**
     * Sets the market's created_at to {@code from} and spreads its history points over
     * [from, to): the n-th of c points lands at a random moment in the n-th of c equal slices, so
     * the order is kept, the gaps look irregular and the last point stays the current odds.
     */
    void backdateHistory(UUID marketId, OffsetDateTime from, OffsetDateTime to) {
        jdbc.sql("UPDATE markets SET created_at = :from WHERE id = :m")
                .param("from", from)
                .param("m", marketId)
                .update();
        jdbc.sql("""
                        WITH h AS (
                            SELECT id, row_number() OVER (ORDER BY at, id) AS rn, count(*) OVER () AS c
                            FROM market_history WHERE market_id = :m
                        )
                        UPDATE market_history mh
                        SET at = CAST(:from AS timestamptz)
                                 + (CAST(:to AS timestamptz) - CAST(:from AS timestamptz))
                                   * ((h.rn - 1 + 0.15 + 0.7 * random()) / h.c)
                        FROM h WHERE mh.id = h.id
                        """).param("m", marketId).param("from", from).param("to", to).update();
    }

    /** A point of history: when, and the probabilities as stored (JSON). */
    record HistoryRow(OffsetDateTime at, String probabilitiesJson) {}

    /** History since {@code from} (all when null), thinned evenly to at most about {@code maxPoints} rows. */
    List<HistoryRow> history(UUID marketId, OffsetDateTime from, int maxPoints) {
        return jdbc.sql("""
                        WITH h AS (
                            SELECT at, probabilities::text AS p,
                                   row_number() OVER (ORDER BY at, id) AS rn, count(*) OVER () AS c
                            FROM market_history
                            WHERE market_id = :m AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                        )
                        SELECT at, p FROM h
                        WHERE c <= :max OR (rn - 1) % ceil(c / CAST(:max - 1 AS numeric)) = 0 OR rn = c
                        ORDER BY rn
                        """)
                .param("m", marketId)
                .param("from", from)
                .param("max", maxPoints)
                .query((rs, n) -> new HistoryRow(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
                .list();
    }

    Optional<ResolutionView> resolution(UUID marketId) {
        return jdbc.sql("""
                        SELECT outcome_id, evidence_urls, resolution_note, resolved_by, created_at
                        FROM resolutions WHERE market_id = :m
                        """)
                .param("m", marketId)
                .query((rs, n) -> {
                    Array urls = rs.getArray(2);
                    return new ResolutionView(
                            rs.getObject(1, UUID.class),
                            Arrays.asList((String[]) urls.getArray()),
                            rs.getString(3),
                            rs.getObject(4, UUID.class),
                            rs.getObject(5, OffsetDateTime.class));
                })
                .optional();
    }

    void insertResolution(UUID marketId, UUID outcomeId, UUID resolvedBy, List<String> urls, String note) {
        jdbc.sql("""
                        INSERT INTO resolutions (market_id, outcome_id, resolved_by, evidence_urls, resolution_note)
                        VALUES (:m, :o, :by, :urls, :note)
                        """)
                .param("m", marketId)
                .param("o", outcomeId)
                .param("by", resolvedBy)
                .param("urls", urls.toArray(String[]::new))
                .param("note", note)
                .update();
    }

    boolean watch(UUID userId, UUID marketId) {
        return jdbc.sql("INSERT INTO watchlist (user_id, market_id) VALUES (:u, :m) ON CONFLICT DO NOTHING")
                        .param("u", userId)
                        .param("m", marketId)
                        .update()
                == 1;
    }

    boolean unwatch(UUID userId, UUID marketId) {
        return jdbc.sql("DELETE FROM watchlist WHERE user_id = :u AND market_id = :m")
                        .param("u", userId)
                        .param("m", marketId)
                        .update()
                == 1;
    }

    boolean watches(UUID userId, UUID marketId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM watchlist WHERE user_id = :u AND market_id = :m)")
                .param("u", userId)
                .param("m", marketId)
                .query(Boolean.class)
                .single();
    }

    /** The markets on a user's watchlist, the most recently watched first. */
    Page<MarketRow> watchlist(UUID userId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM watchlist WHERE user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .single();
        List<MarketRow> rows = jdbc.sql("SELECT " + COLUMNS + """
                        FROM watchlist w JOIN markets m ON m.id = w.market_id
                        WHERE w.user_id = :u
                        ORDER BY w.created_at DESC, m.id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("u", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(MarketRecords::market)
                .list();
        return Page.of(rows, page, total);
    }

    List<UUID> openAndDue(Instant now) {
        return jdbc.sql("SELECT id FROM markets WHERE status = 'open' AND closes_at <= :now ORDER BY closes_at")
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .query(UUID.class)
                .list();
    }

    /** The rows of these markets (unknown ids are left out), in no particular order. */
    List<MarketRow> rows(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM markets m WHERE m.id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(MarketRecords::market)
                .list();
    }

    /**
     * Open markets still taking forecasts that share a category with {@code categories} or a word of
     * {@code words} with their title: score = 1 for the category + 2 per shared word; the best first,
     * then the busiest, then the soonest to close. Markets in {@code excluded} are left out.
     */
    List<MarketRow> similar(
            Collection<String> categories, Collection<String> words, Collection<UUID> excluded, int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replace("m.", "s.") + """
                        FROM (
                            SELECT m.*,
                                   (CASE WHEN m.category = ANY(:categories) THEN 1 ELSE 0 END)
                                   + 2 * (SELECT count(*) FROM unnest(:words::text[]) w
                                          WHERE w = ANY(regexp_split_to_array(
                                              lower(pm_unaccent(m.title)), '[^a-z0-9]+'))) AS score
                            FROM markets m
                            WHERE m.status = 'open' AND m.closes_at > now() AND NOT (m.id = ANY(:excluded))
                        ) s
                        WHERE s.score > 0
                        ORDER BY s.score DESC, s.forecaster_count DESC, s.closes_at ASC, s.id
                        LIMIT :limit
                        """)
                .param("categories", categories.toArray(String[]::new))
                .param("words", words.toArray(String[]::new))
                .param("excluded", excluded.toArray(UUID[]::new))
                .param("limit", limit)
                .query(MarketRecords::market)
                .list();
    }

    Map<UUID, MarketRef> refs(Collection<UUID> ids) {
        Map<UUID, MarketRef> refs = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        jdbc.sql("SELECT id, slug, title, title_fil FROM markets WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) ->
                        new MarketRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .forEach(ref -> refs.put(ref.id(), ref));
        return refs;
    }

    Map<UUID, OutcomeRef> outcomeRefs(Collection<UUID> ids) {
        Map<UUID, OutcomeRef> refs = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        jdbc.sql("SELECT id, name FROM outcomes WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new OutcomeRef(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .forEach(ref -> refs.put(ref.id(), ref));
        return refs;
    }

    /** The filters of a list, already validated; the ORDER BY expression comes from a fixed list. */
    record ListFilter(String category, String status, String search, String orderBy) {}

    Page<MarketRow> list(ListFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (filter.category() != null) {
            where.append(" AND m.category = :category");
            params.put("category", filter.category());
        }
        if (filter.status() != null) {
            where.append(" AND m.status = :status");
            params.put("status", filter.status());
        }
        if (filter.search() != null) {
            // Same expression as idx_markets_search, so the trigram index serves it.
            where.append(" AND lower(pm_unaccent(m.title || ' ' || coalesce(m.description, '')))"
                    + " LIKE '%' || lower(pm_unaccent(:q)) || '%'");
            params.put("q", escapeLike(filter.search()));
        }
        long total = jdbc.sql("SELECT count(*) FROM markets m" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<MarketRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM markets m" + where + " ORDER BY "
                        + filter.orderBy() + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(MarketRecords::market)
                .list();
        return Page.of(rows, page, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
