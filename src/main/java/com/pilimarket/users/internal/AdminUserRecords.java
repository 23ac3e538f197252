package com.pilimarket.users.internal;

import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the admin console's user management: the searchable user list, status and role changes. */
@Repository
class AdminUserRecords {

    private static final String ADMIN_COLUMNS = UserRecords.COLUMNS + ", signup_ip, signup_device_id, last_active";

    private final JdbcClient jdbc;

    AdminUserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void updateStatus(UUID userId, UserStatus status) {
        jdbc.sql("UPDATE users SET status = :status, updated_at = now() WHERE id = :id")
                .param("status", status.value())
                .param("id", userId)
                .update();
    }

    void updateRole(UUID userId, UserRole role) {
        jdbc.sql("UPDATE users SET role = :role, updated_at = now() WHERE id = :id")
                .param("role", role.value())
                .param("id", userId)
                .update();
    }

    /** Superadmins who may still act, locked so two demotions cannot both pass the last-one check. */
    long lockActiveSuperadmins() {
        return jdbc.sql("SELECT id FROM users WHERE role = 'superadmin' AND status = 'active' FOR UPDATE")
                .query(UUID.class)
                .list()
                .size();
    }

    /** One row of the admin user list. */
    record AdminRow(UserAccount account, String signupIp, String signupDeviceId, OffsetDateTime lastActive) {}

    Optional<AdminRow> adminRow(UUID id) {
        return jdbc.sql("SELECT " + ADMIN_COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(AdminUserRecords::mapRow)
                .optional();
    }

    Page<AdminRow> search(String q, UserStatus status, UserRole role, Boolean flagged, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            where.add("(lower(display_name || ' ' || email) LIKE :q OR id::text = :exact)");
            params.put("q", "%" + likeEscape(q.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
            params.put("exact", q.strip());
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.value());
        }
        if (role != null) {
            where.add("role = :role");
            params.put("role", role.value());
        }
        if (flagged != null) {
            where.add("is_flagged = :flagged");
            params.put("flagged", flagged);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM users" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<AdminRow> rows = jdbc.sql("SELECT " + ADMIN_COLUMNS + " FROM users" + filter
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(AdminUserRecords::mapRow)
                .list();
        return Page.of(rows, page, total);
    }

    private static AdminRow mapRow(ResultSet rs, int n) throws SQLException {
        return new AdminRow(
                UserRecords.map(rs, n),
                rs.getString("signup_ip"),
                rs.getString("signup_device_id"),
                rs.getObject("last_active", OffsetDateTime.class));
    }

    private static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
