package com.pilimarket.markets.internal;

import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the market lists: the filtered, searched and sorted list, and markets similar to others. */
@Repository
class MarketListRecords {

    private final JdbcClient jdbc;

    MarketListRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open markets still taking forecasts that share a category with {@code categories} or a word of
     * {@code words} with their title: score = 1 for the category + 2 per shared word; the best first,
     * then the busiest, then the soonest to close. Markets in {@code excluded} are left out.
     */
    List<MarketRow> similar(
            Collection<String> categories, Collection<String> words, Collection<UUID> excluded, int limit) {
        return jdbc.sql("SELECT " + MarketRecords.COLUMNS.replace("m.", "s.") + """
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
        List<MarketRow> rows = jdbc.sql("SELECT " + MarketRecords.COLUMNS + " FROM markets m" + where + " ORDER BY "
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
