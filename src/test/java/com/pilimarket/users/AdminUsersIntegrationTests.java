package com.pilimarket.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        assertThat(grant(user, user, 5, "me").status()).isEqualTo(403);
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

    @ParameterizedTest(name = "a change {0} is refused")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            without a reason         | banned | none    | none  | reason
            with a blank reason      | banned | none    | '   ' | reason
            with an unknown status   | frozen | none    | x     | status
            with an unknown role     | none   | emperor | x     | role
            """)
    void changes_need_a_reason_and_a_known_value(
            String name, String status, String role, String reason, String refusedField) {
        var moderator = users.create(0, UserRole.MODERATOR);
        var user = users.create(0);
        Map<String, Object> body = new HashMap<>();
        // A value left out of the row is left out of the request, as a client that does not send it.
        if (status != null) {
            body.put("status", status);
        }
        if (role != null) {
            body.put("role", role);
        }
        if (reason != null) {
            body.put("reason", reason);
        }

        Result refused = change(moderator, user, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo(refusedField);
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

        Result grant = grant(admin, user, 400, "contest");
        assertThat(grant.status()).isEqualTo(200);
        assertThat(grant.data().get("balance").asLong()).isEqualTo(500);
        assertThat(grant.data().get("reference").asString()).startsWith("grant:");

        Result burn = grant(admin, user, -150, "abuse");
        assertThat(burn.data().get("balance").asLong()).isEqualTo(350);

        Result tooMuch = grant(admin, user, -10_000, "abuse");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.errorCode()).isEqualTo("INSUFFICIENT_CHIPS");
        assertThat(grant(admin, user, 0, "x").status()).isEqualTo(400);

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

    Result grant(TestUsers.TestUser actor, TestUsers.TestUser target, long chips) {
        return grant(actor, target, chips, "x");
    }

    Result grant(TestUsers.TestUser actor, TestUsers.TestUser target, long chips, String reason) {
        return http.post("/api/v1/admin/users/" + target.id() + "/grant", Map.of("chips", chips, "reason", reason))
                .bearer(actor.token())
                .send();
    }

    Result grantWithKey(TestUsers.TestUser actor, TestUsers.TestUser target, long chips, String key) {
        return http.post("/api/v1/admin/users/" + target.id() + "/grant", Map.of("chips", chips, "reason", "x"))
                .bearer(actor.token())
                .header("Idempotency-Key", key)
                .send();
    }

    long chipsOf(TestUsers.TestUser user) {
        return jdbc.sql("SELECT chips FROM users WHERE id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    @Test
    void nobody_grants_to_themselves_or_to_an_equal_or_higher_rank() {
        var admin = users.create(100, UserRole.ADMIN);
        var otherAdmin = users.create(100, UserRole.ADMIN);
        var superadmin = users.create(100, UserRole.SUPERADMIN);

        for (var target : java.util.List.of(admin, otherAdmin, superadmin)) {
            for (long chips : new long[] {500, -50}) {
                Result refused = grant(admin, target, chips);
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
            }
        }
        // A superadmin may not grant to themselves either.
        assertThat(grant(superadmin, superadmin, 500).status()).isEqualTo(403);

        assertThat(chipsOf(admin)).isEqualTo(100);
        assertThat(chipsOf(otherAdmin)).isEqualTo(100);
        assertThat(chipsOf(superadmin)).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE reference LIKE 'grant:%'"
                                + " AND (metadata->>'actor_id') IN (:a, :s)")
                        .param("a", admin.id().toString())
                        .param("s", superadmin.id().toString())
                        .query(Long.class)
                        .single())
                .isZero();
        // Below their own rank it works.
        assertThat(grant(admin, users.create(0, UserRole.MODERATOR), 5).status())
                .isEqualTo(200);
    }

    @Test
    void a_double_submitted_grant_with_one_idempotency_key_grants_once() throws Exception {
        var admin = users.create(0, UserRole.ADMIN);
        var user = users.create(100);
        String key = "grant-" + java.util.UUID.randomUUID();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = pool.invokeAll(java.util.Collections.nCopies(
                    4, (java.util.concurrent.Callable<Result>) () -> grantWithKey(admin, user, 400, key)));
            java.util.Set<String> references = new java.util.HashSet<>();
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                references.add(answer.get().data().get("reference").asString());
            }
            assertThat(references).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(grantWithKey(admin, user, 400, key).data().get("balance").asLong())
                .isEqualTo(500);

        assertThat(chipsOf(user)).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE reference LIKE 'grant:%'"
                                + " AND metadata->>'actor_id' = :a")
                        .param("a", admin.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The same key with another amount is a conflict, not a second grant.
        Result reused = grantWithKey(admin, user, 401, key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(chipsOf(user)).isEqualTo(500);
        assertThat(invariants.check().holds()).isTrue();
    }

    @Test
    void grants_beyond_the_per_grant_or_the_daily_ceiling_are_refused_with_422() {
        var admin = users.create(0, UserRole.ADMIN);
        var user = users.create(0);

        Result tooBig = grant(admin, user, 100_001);
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.errorCode()).isEqualTo("GRANT_LIMIT_EXCEEDED");
        assertThat(grant(admin, user, -100_001).status()).isEqualTo(422);

        for (int i = 0; i < 10; i++) {
            assertThat(grant(admin, users.create(0), 100_000).status()).isEqualTo(200);
        }
        Result overTheDay = grant(admin, user, 1);
        assertThat(overTheDay.status()).isEqualTo(422);
        assertThat(overTheDay.errorCode()).isEqualTo("GRANT_LIMIT_EXCEEDED");
        assertThat(chipsOf(user)).isZero();
        // Another admin has their own allowance.
        assertThat(grant(users.create(0, UserRole.ADMIN), user, 1).status()).isEqualTo(200);
    }

    @Test
    void suspended_staff_lose_the_console_and_its_emails_and_signup_addresses() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var admin = users.create(0, UserRole.ADMIN);
        var user = users.create(0);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id IN (:m, :a)")
                .param("m", moderator.id())
                .param("a", admin.id())
                .update();

        for (var staff : java.util.List.of(moderator, admin)) {
            for (String path :
                    new String[] {"/api/v1/admin/users", "/api/v1/admin/users/" + user.id(), "/api/v1/admin/flags"}) {
                Result refused = http.get(path).bearer(staff.token()).send();
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.errorCode()).as(path).isEqualTo("ACCOUNT_SUSPENDED");
                assertThat(refused.raw().body()).doesNotContain("@test.ph");
            }
        }
        assertThat(http.get("/api/v1/admin/audit-log")
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(403);
        // Their own account still reads as before.
        assertThat(http.get("/api/v1/users/me").bearer(moderator.token()).send().status())
                .isEqualTo(200);
    }

    @Test
    void a_moderator_cannot_grant_chips() {
        var moderator = users.create(0, UserRole.MODERATOR);
        var user = users.create(0);
        assertThat(grant(moderator, user, 5, "gift").status()).isEqualTo(403);
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
