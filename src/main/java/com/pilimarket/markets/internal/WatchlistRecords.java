package com.pilimarket.markets.internal;

import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the watchlist: who watches which market. */
@Repository
class WatchlistRecords {

    private final JdbcClient jdbc;

    WatchlistRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        List<MarketRow> rows = jdbc.sql("SELECT " + MarketRecords.COLUMNS + """
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
}
