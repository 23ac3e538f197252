package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the admin commands on markets: creating and editing a market, its status, resolution and cancellation. */
@Repository
class MarketAdminRecords {

    private final JdbcClient jdbc;

    MarketAdminRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    List<UUID> openAndDue(Instant now) {
        return jdbc.sql("SELECT id FROM markets WHERE status = 'open' AND closes_at <= :now ORDER BY closes_at")
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .query(UUID.class)
                .list();
    }
}
