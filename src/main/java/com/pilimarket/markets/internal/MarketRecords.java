package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.OutcomeRef;
import com.pilimarket.markets.ResolutionView;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ValidationException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code markets}, {@code outcomes} and {@code resolutions} as the whole module reads
 * them: by id or slug, locked, and as references. The module's other SQL is split by job:
 * {@link MarketAdminRecords} (admin commands), {@link MarketStakeRecords} (stakes and settlement),
 * {@link MarketHistoryRecords}, {@link WatchlistRecords} and {@link MarketListRecords}.
 */
@Repository
class MarketRecords {

    static final String COLUMNS = """
            m.id, m.slug, m.title, m.description, m.category, m.status, m.metadata::text AS metadata,
            m.closes_at, m.resolves_at, m.created_at, m.max_points_per_user, m.total_points,
            m.forecaster_count, m.cancel_reason, m.settled_at, m.created_by, m.resolution_outcome, m.title_fil,
            m.description_fil
            """;

    private final JdbcClient jdbc;

    MarketRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    static MarketRow market(ResultSet rs, int n) throws SQLException {
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

    /**
     * Reads and locks many markets' rows as {@link #lock} does, in PostgreSQL's order, in one
     * statement; unknown ids are left out.
     */
    List<MarketRow> lockAll(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM markets m WHERE m.id = ANY(:ids) ORDER BY m.id FOR NO KEY UPDATE")
                .param("ids", ids.toArray(UUID[]::new))
                .query(MarketRecords::market)
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
}
