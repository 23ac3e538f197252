package com.pilimarket.users.internal;

import com.pilimarket.shared.Language;
import com.pilimarket.users.Badge;
import com.pilimarket.users.NewUser;
import com.pilimarket.users.ProfileUpdate;
import com.pilimarket.users.StoredCredentials;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserSignal;
import com.pilimarket.users.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the users table (except {@code chips}, which only the ledger writes) as the {@code Users} facade needs it.
 * The admin console's queries are in {@link AdminUserRecords}, the handles' in {@link HandleRecords}.
 */
@Repository
public class UserRecords {

    static final String COLUMNS =
            "id, email, display_name, handle, bio, avatar_url, chips, reputation, role, status, is_flagged, created_at,"
                    + " email_verified_at IS NOT NULL AS email_verified";

    static final RowMapper<UserAccount> MAPPER = UserRecords::map;

    private final JdbcClient jdbc;

    UserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UserAccount insert(NewUser user, String handle) {
        return jdbc.sql(
                        "INSERT INTO users (email, password_hash, display_name, handle, role, signup_ip, signup_device_id) "
                                + "VALUES (:email, :hash, :name, :handle, :role, :ip, :device) RETURNING " + COLUMNS)
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("name", user.displayName())
                .param("handle", handle)
                .param("role", (user.role() == null ? UserRole.USER : user.role()).value())
                .param("ip", user.signupIp())
                .param("device", user.signupDeviceId())
                .query(MAPPER)
                .single();
    }

    public List<UserAccount> findAllById(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(MAPPER)
                .list();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** Locks the row until the transaction ends (admin changes to one account happen one at a time). */
    public Optional<UserAccount> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> findByHandle(String handle) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE handle = :handle")
                .param("handle", handle)
                .query(MAPPER)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email)
                .query(MAPPER)
                .optional();
    }

    public Optional<StoredCredentials> credentials(String email) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM users WHERE email = :email")
                .param("email", email)
                .query((rs, row) -> new StoredCredentials(map(rs, row), rs.getString("password_hash")))
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    public Optional<String> sharedDevice(UUID a, UUID b) {
        return jdbc.sql("""
                        WITH devices_a AS (
                            SELECT signup_device_id AS device FROM users WHERE id = :a
                            UNION SELECT device_id FROM user_signals WHERE user_id = :a),
                        devices_b AS (
                            SELECT signup_device_id AS device FROM users WHERE id = :b
                            UNION SELECT device_id FROM user_signals WHERE user_id = :b)
                        SELECT device FROM devices_a WHERE device IS NOT NULL
                        INTERSECT SELECT device FROM devices_b WHERE device IS NOT NULL
                        LIMIT 1
                        """).param("a", a).param("b", b).query(String.class).optional();
    }

    public void insertSignal(UUID userId, UserSignal signal) {
        jdbc.sql("INSERT INTO user_signals (user_id, event, device_id, ip, user_agent) "
                        + "VALUES (:user, :event, :device, :ip, :agent)")
                .param("user", userId)
                .param("event", signal.event())
                .param("device", signal.deviceId())
                .param("ip", signal.ip())
                .param("agent", signal.userAgent())
                .update();
    }

    public List<Badge> badges(UUID userId) {
        return jdbc.sql("SELECT badge, awarded_at FROM user_badges WHERE user_id = :user ORDER BY awarded_at, badge")
                .param("user", userId)
                .query((rs, row) -> new Badge(rs.getString("badge"), rs.getObject("awarded_at", OffsetDateTime.class)))
                .list();
    }

    public Optional<Language> language(UUID userId) {
        return jdbc.sql("SELECT language FROM users WHERE id = :id AND language IS NOT NULL")
                .param("id", userId)
                .query(String.class)
                .optional()
                .flatMap(Language::fromTag);
    }

    public Map<UUID, Language> languages(Collection<UUID> userIds) {
        Map<UUID, Language> languages = new HashMap<>();
        record Saved(UUID id, String language) {}
        jdbc.sql("SELECT id, language FROM users WHERE id = ANY(:ids) AND language IS NOT NULL")
                .param("ids", userIds.toArray(UUID[]::new))
                .query((rs, n) -> new Saved(rs.getObject("id", UUID.class), rs.getString("language")))
                .list()
                .forEach(saved -> Language.fromTag(saved.language()).ifPresent(l -> languages.put(saved.id(), l)));
        return languages;
    }

    public void updateLanguage(UUID userId, Language language) {
        jdbc.sql("UPDATE users SET language = :language, updated_at = now() WHERE id = :id")
                .param("language", language.value())
                .param("id", userId)
                .update();
    }

    public void updateProfile(UUID userId, ProfileUpdate update) {
        jdbc.sql("""
                        UPDATE users SET
                            display_name = coalesce(:name, display_name),
                            bio = CASE WHEN :bioSet THEN :bio ELSE bio END,
                            avatar_url = CASE WHEN :avatarSet THEN :avatar ELSE avatar_url END,
                            updated_at = now()
                        WHERE id = :id
                        """)
                .param("name", update.displayName())
                .param("bioSet", update.bioSet())
                .param("bio", update.bio())
                .param("avatarSet", update.avatarUrlSet())
                .param("avatar", update.avatarUrl())
                .param("id", userId)
                .update();
    }

    /** Reads and locks these users' rows in PostgreSQL's order, in one statement; unknown ids are left out. */
    public List<UserAccount> lockAllById(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE")
                .param("ids", ids.toArray(UUID[]::new))
                .query(MAPPER)
                .list();
    }

    /** Locks these users' rows in PostgreSQL's order (the ledger's), until the transaction ends. */
    public void lockInOrder(Collection<UUID> ids) {
        jdbc.sql("SELECT id FROM users WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> 1)
                .list();
    }

    /** Sets many users' reputation in one statement (their rows already locked by {@link #lockInOrder}). */
    public void updateReputations(Map<UUID, Double> reputations) {
        jdbc.sql("""
                        UPDATE users u SET reputation = r.reputation, updated_at = now()
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:reputations AS float8[])) AS r(id, reputation)
                        WHERE u.id = r.id AND u.reputation IS DISTINCT FROM r.reputation
                        """)
                .param("ids", reputations.keySet().toArray(UUID[]::new))
                .param("reputations", reputations.values().toArray(Double[]::new))
                .update();
    }

    public void updateReputation(UUID userId, double reputation) {
        jdbc.sql("UPDATE users SET reputation = :reputation, updated_at = now() WHERE id = :id")
                .param("reputation", reputation)
                .param("id", userId)
                .update();
    }

    public boolean updateFlagged(UUID userId, boolean flagged) {
        return jdbc.sql(
                                "UPDATE users SET is_flagged = :flagged, updated_at = now() WHERE id = :id AND is_flagged <> :flagged")
                        .param("flagged", flagged)
                        .param("id", userId)
                        .update()
                > 0;
    }

    public void addChipDebt(UUID userId, long debt) {
        jdbc.sql("UPDATE users SET chip_debt = chip_debt + :debt, updated_at = now() WHERE id = :id")
                .param("debt", debt)
                .param("id", userId)
                .update();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("handle"),
                rs.getString("bio"),
                rs.getString("avatar_url"),
                rs.getLong("chips"),
                rs.getDouble("reputation"),
                UserRole.of(rs.getString("role")),
                UserStatus.of(rs.getString("status")),
                rs.getBoolean("is_flagged"),
                rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC),
                rs.getBoolean("email_verified"));
    }

    /** Marks the address verified, only while it is still the account's address. */
    public boolean markEmailVerified(UUID userId, String email) {
        return jdbc.sql("""
                        UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
                        WHERE id = :id AND email = :email
                        """).param("id", userId).param("email", email).update() > 0;
    }

    /** A confirmed new address: it is verified by the confirmation itself. */
    public boolean changeEmail(UUID userId, String email) {
        return jdbc.sql("""
                        UPDATE users SET email = :email, email_verified_at = now(), updated_at = now()
                        WHERE id = :id
                        """).param("id", userId).param("email", email).update() > 0;
    }

    public boolean updatePasswordHash(UUID userId, String hash) {
        return jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
                        .param("id", userId)
                        .param("hash", hash)
                        .update()
                > 0;
    }
}
