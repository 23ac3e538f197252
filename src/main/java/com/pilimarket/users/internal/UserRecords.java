package com.pilimarket.users.internal;

import com.pilimarket.users.NewUser;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the users table (except {@code chips}, which only the ledger writes). */
@Repository
public class UserRecords {

    static final String COLUMNS =
            "id, email, display_name, bio, avatar_url, chips, reputation, role, status, is_flagged, created_at";

    static final RowMapper<UserAccount> MAPPER = UserRecords::map;

    private final JdbcClient jdbc;

    UserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UserAccount insert(NewUser user) {
        return jdbc.sql("INSERT INTO users (email, password_hash, display_name, role, signup_ip, signup_device_id) "
                        + "VALUES (:email, :hash, :name, :role, :ip, :device) RETURNING " + COLUMNS)
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("name", user.displayName())
                .param("role", (user.role() == null ? UserRole.USER : user.role()).value())
                .param("ip", user.signupIp())
                .param("device", user.signupDeviceId())
                .query(MAPPER)
                .single();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email)
                .query(MAPPER)
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("bio"),
                rs.getString("avatar_url"),
                rs.getLong("chips"),
                rs.getDouble("reputation"),
                UserRole.of(rs.getString("role")),
                UserStatus.of(rs.getString("status")),
                rs.getBoolean("is_flagged"),
                rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC));
    }
}
