package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.UserForecast;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.users.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's forecasts, newest first: their own ({@code /users/me/forecasts}, filterable by status)
 * and anyone's public list ({@code /users/{id}/forecasts}). A read-only query that names the market
 * and outcome in one round trip.
 */
@RestController
@Tag(name = "Forecasts")
class UserForecasts {

    private static final Set<String> STATUSES = Set.of("pending", "won", "lost", "refunded");

    private final JdbcClient jdbc;
    private final Users users;

    UserForecasts(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @SignedIn
    @GetMapping("/api/v1/users/me/forecasts")
    @Operation(summary = "The caller's forecasts, newest first; status=pending|won|lost|refunded filters")
    @Transactional(readOnly = true)
    ApiResponse<List<UserForecast>> mine(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(list(Callers.requireUserId(), status, PageQuery.of(page, limit)));
    }

    @GetMapping("/api/v1/users/{id}/forecasts")
    @Operation(summary = "A user's forecasts, newest first (public)")
    @Transactional(readOnly = true)
    ApiResponse<List<UserForecast>> ofUser(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        users.require(id);
        return ApiResponse.page(list(id, status, PageQuery.of(page, limit)));
    }

    Page<UserForecast> list(UUID userId, String status, PageQuery page) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "must be one of pending, won, lost, refunded");
        }
        long total = jdbc.sql("SELECT count(*) FROM forecasts WHERE user_id = :u AND (:s::text IS NULL OR status = :s)")
                .param("u", userId)
                .param("s", status)
                .query(Long.class)
                .single();
        List<UserForecast> items = jdbc.sql("""
                        SELECT f.id, f.market_id, m.slug, m.title, m.title_fil, m.status AS market_status, f.outcome_id,
                               o.name AS outcome_name, f.points, f.status, f.crowd_probability, f.payout,
                               f.created_at, f.updated_at, f.settled_at
                        FROM forecasts f
                        JOIN market_view m ON m.id = f.market_id
                        JOIN outcome_view o ON o.id = f.outcome_id
                        WHERE f.user_id = :u AND (:s::text IS NULL OR f.status = :s)
                        ORDER BY f.created_at DESC, f.id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("u", userId)
                .param("s", status)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(UserForecasts::map)
                .list();
        return Page.of(items, page, total);
    }

    private static UserForecast map(ResultSet rs, int n) throws SQLException {
        long payout = rs.getLong("payout");
        Long payoutOrNull = rs.wasNull() ? null : payout;
        return new UserForecast(
                rs.getObject("id", UUID.class),
                rs.getObject("market_id", UUID.class),
                new MarketRef(
                        rs.getObject("market_id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("title_fil")),
                rs.getString("market_status"),
                rs.getObject("outcome_id", UUID.class),
                rs.getString("outcome_name"),
                rs.getLong("points"),
                rs.getString("status"),
                rs.getDouble("crowd_probability"),
                payoutOrNull,
                time(rs.getTimestamp("created_at")),
                time(rs.getTimestamp("updated_at")),
                time(rs.getTimestamp("settled_at")));
    }

    private static OffsetDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
}
