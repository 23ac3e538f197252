package com.pilimarket.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AdminUsersIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

    Result change(TestUsers.TestUser actor, TestUsers.TestUser target, Map<String, Object> body) {
        return http.patch("/api/v1/admin/users/" + target.id(), body)
                .bearer(actor.token())
                .send();
    }

    @Test
    void moderators_search_users_and_see_flags() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var flagged = users.create(0);
        jdbc.sql("UPDATE users SET is_flagged = true, display_name = 'Flaggy McFlag' WHERE id = :id")
                .param("id", flagged.id())
                .update();

        Result result = http.get("/api/v1/admin/users?q=flaggy&status=active&role=user")
                .bearer(moderator.token())
                .send();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data()).hasSize(1);
        assertThat(result.data().get(0).get("id").asString())
                .isEqualTo(flagged.id().toString());
        assertThat(result.data().get(0).get("is_flagged").asBoolean()).isTrue();
        assertThat(result.body().get("pagination").get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/admin/users?status=sleeping")
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void plain_users_cannot_use_the_console() {
        var user = users.create(0);
        var other = users.create(0);
        assertThat(http.get("/api/v1/admin/users").bearer(user.token()).send().status())
                .isEqualTo(403);
        assertThat(change(user, other, Map.of("status", "banned", "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/admin/users/" + user.id() + "/grant", Map.of("chips", 5, "reason", "me"))
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_moderator_changes_status_but_not_roles_and_not_their_betters() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var user = users.create(0);
        var admin = users.create(0, UserRole.ADMIN);

        Result suspended = change(moderator, user, Map.of("status", "suspended", "reason", "spam"));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.data().get("status").asString()).isEqualTo("suspended");

        assertThat(change(moderator, user, Map.of("role", "moderator", "reason", "promote"))
                        .status())
                .isEqualTo(403);
        assertThat(change(moderator, admin, Map.of("status", "banned", "reason", "coup"))
                        .status())
                .isEqualTo(403);
        assertThat(change(moderator, moderator, Map.of("status", "active", "reason", "self"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void changes_need_a_reason_and_a_known_value() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var user = users.create(0);

        Result noReason = change(moderator, user, Map.of("status", "banned"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(change(moderator, user, Map.of("status", "frozen", "reason", "x"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void only_a_superadmin_changes_roles_and_never_their_own() {
        var superadmin = users.create(0, UserRole.SUPERADMIN);
        var admin = users.create(0, UserRole.ADMIN);
        var user = users.create(0);

        assertThat(change(admin, user, Map.of("role", "moderator", "reason", "help"))
                        .status())
                .isEqualTo(403);
        Result promoted = change(superadmin, user, Map.of("role", "moderator", "reason", "help"));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.data().get("role").asString()).isEqualTo("moderator");
        assertThat(change(superadmin, superadmin, Map.of("role", "user", "reason", "retire"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void admins_grant_and_take_back_chips_through_the_ledger_and_it_is_audited() {
        var admin = users.create(0, UserRole.ADMIN);
        var user = users.create(100);

        Result grant = http.post(
                        "/api/v1/admin/users/" + user.id() + "/grant", Map.of("chips", 400, "reason", "contest"))
                .bearer(admin.token())
                .send();
        assertThat(grant.status()).isEqualTo(200);
        assertThat(grant.data().get("balance").asLong()).isEqualTo(500);
        assertThat(grant.data().get("reference").asString()).startsWith("grant:");

        Result burn = http.post("/api/v1/admin/users/" + user.id() + "/grant", Map.of("chips", -150, "reason", "abuse"))
                .bearer(admin.token())
                .send();
        assertThat(burn.data().get("balance").asLong()).isEqualTo(350);

        Result tooMuch = http.post(
                        "/api/v1/admin/users/" + user.id() + "/grant", Map.of("chips", -10_000, "reason", "abuse"))
                .bearer(admin.token())
                .send();
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.errorCode()).isEqualTo("INSUFFICIENT_CHIPS");
        assertThat(http.post("/api/v1/admin/users/" + user.id() + "/grant", Map.of("chips", 0, "reason", "x"))
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(400);

        var statement = http.get("/api/v1/users/me/transactions")
                .bearer(user.token())
                .send()
                .data();
        assertThat(statement.get(0).get("amount").asLong()).isEqualTo(-150);
        assertThat(statement.get(1).get("amount").asLong()).isEqualTo(400);
        assertThat(invariants.check().holds()).isTrue();

        var audit = http.get("/api/v1/admin/audit-log?target_id=" + user.id())
                .bearer(admin.token())
                .send()
                .data();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("user.chips_granted");
        assertThat(audit.get(0).get("details").get("chips").asLong()).isEqualTo(-150);
        assertThat(audit.get(0).get("actor_id").asString()).isEqualTo(admin.id().toString());
        assertThat(audit.get(0).get("request_id").asString()).isNotBlank();
        assertThat(audit.get(0).get("ip").asString()).isNotBlank();
    }

    @Test
    void a_moderator_cannot_grant_chips() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var user = users.create(0);
        assertThat(http.post("/api/v1/admin/users/" + user.id() + "/grant", Map.of("chips", 5, "reason", "gift"))
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void status_changes_are_audited_with_the_reason() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var user = users.create(0);
        var admin = users.create(0, UserRole.ADMIN);

        change(moderator, user, Map.of("status", "banned", "reason", "bot farm"));

        var entry = http.get("/api/v1/admin/audit-log?target_id=" + user.id())
                .bearer(admin.token())
                .send()
                .data()
                .get(0);
        assertThat(entry.get("action").asString()).isEqualTo("user.status_changed");
        assertThat(entry.get("details").get("reason").asString()).isEqualTo("bot farm");
        assertThat(entry.get("details").get("to").asString()).isEqualTo("banned");
    }

    @Test
    void once_only_one_superadmin_is_left_nobody_can_demote_suspend_or_ban_them() {
        var first = users.create(0, UserRole.SUPERADMIN);
        var second = users.create(0, UserRole.SUPERADMIN);
        var admin = users.create(0, UserRole.ADMIN);

        assertThat(change(first, second, Map.of("role", "admin", "reason", "handover"))
                        .status())
                .isEqualTo(200);

        // The demoted superadmin (now an admin) and any admin are refused; nobody acts on themselves.
        assertThat(change(second, first, Map.of("role", "user", "reason", "revenge"))
                        .status())
                .isEqualTo(403);
        assertThat(change(admin, first, Map.of("status", "banned", "reason", "coup"))
                        .status())
                .isEqualTo(403);
        assertThat(change(first, first, Map.of("status", "suspended", "reason", "holiday"))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT role FROM users WHERE id = :id")
                        .param("id", first.id())
                        .query(String.class)
                        .single())
                .isEqualTo("superadmin");
    }

    @Test
    void moderators_filter_the_user_list_by_flag() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var flagged = users.create(0);
        var clean = users.create(0);
        jdbc.sql("UPDATE users SET is_flagged = true WHERE id = :id")
                .param("id", flagged.id())
                .update();

        var onlyFlagged = http.get("/api/v1/admin/users?flagged=true&limit=100")
                .bearer(moderator.token())
                .send()
                .data();
        assertThat(onlyFlagged).allMatch(u -> u.get("is_flagged").asBoolean());
        assertThat(onlyFlagged)
                .anyMatch(u -> u.get("id").asString().equals(flagged.id().toString()));
        assertThat(onlyFlagged)
                .noneMatch(u -> u.get("id").asString().equals(clean.id().toString()));
    }
}
