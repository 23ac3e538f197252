package com.pilimarket.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UsersIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void me_is_the_private_view_with_badges() {
        var user = users.create(250);
        jdbc.sql("INSERT INTO user_badges (user_id, badge) VALUES (:id, 'first_forecast')")
                .param("id", user.id())
                .update();

        Result me = http.get("/api/v1/users/me").bearer(user.token()).send();

        assertThat(me.status()).isEqualTo(200);
        var data = me.data();
        assertThat(data.get("id").asString()).isEqualTo(user.id().toString());
        assertThat(data.get("email").asString()).isEqualTo(user.account().email());
        assertThat(data.get("chips").asLong()).isEqualTo(250);
        assertThat(data.get("badges").get(0).get("badge").asString()).isEqualTo("first_forecast");
        assertThat(data.get("badges").get(0).get("awarded_at").asString()).isNotBlank();
        for (String field :
                new String[] {"display_name", "bio", "avatar_url", "reputation", "role", "status", "created_at"}) {
            assertThat(data.has(field)).as(field).isTrue();
        }
        assertThat(data.has("password_hash")).isFalse();
    }

    @Test
    void me_needs_a_login() {
        Result result = http.get("/api/v1/users/me").send();
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void another_users_profile_is_the_public_view_without_email_or_chips() {
        var me = users.create(0);
        var other = users.create(777);

        Result result =
                http.get("/api/v1/users/" + other.id()).bearer(me.token()).send();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("display_name").asString()).isEqualTo("Tester");
        assertThat(result.data().has("email")).isFalse();
        assertThat(result.data().has("chips")).isFalse();
        assertThat(result.raw().body()).doesNotContain(other.account().email()).doesNotContain("777");
    }

    @Test
    void nobody_reads_another_users_statement() {
        var me = users.create(100);
        var other = users.create(900);

        Result mine =
                http.get("/api/v1/users/me/transactions").bearer(me.token()).send();
        assertThat(mine.data()).hasSize(1);
        assertThat(mine.data().get(0).get("balance_after").asLong()).isEqualTo(100);
        assertThat(mine.raw().body()).doesNotContain(other.id().toString());

        assertThat(http.get("/api/v1/users/" + other.id() + "/transactions")
                        .bearer(me.token())
                        .send()
                        .status())
                .isIn(403, 404);
        assertThat(http.get("/api/v1/users/me/transactions?user_id=" + other.id())
                        .bearer(me.token())
                        .send()
                        .raw()
                        .body())
                .doesNotContain(other.id().toString());
    }

    @Test
    void the_statement_is_paged_newest_first() {
        var user = users.create(100);
        Result result = http.get("/api/v1/users/me/transactions?page=1&limit=5")
                .bearer(user.token())
                .send();

        assertThat(result.body().get("pagination").get("limit").asInt()).isEqualTo(5);
        var row = result.data().get(0);
        for (String field : new String[] {"id", "amount", "balance_after", "reason", "reference", "created_at"}) {
            assertThat(row.has(field)).as(field).isTrue();
        }
        assertThat(http.get("/api/v1/users/me/transactions?limit=500")
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_user_edits_their_profile_with_sanitised_text() {
        var user = users.create(0);

        Result result = http.patch(
                        "/api/v1/users/me",
                        Map.of(
                                "display_name", "  Ana <b>Reyes</b> ",
                                "bio", "<script>alert(1)</script>I forecast elections.",
                                "avatar_url", "https://cdn.example.ph/ana.png"))
                .bearer(user.token())
                .send();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("display_name").asString()).isEqualTo("Ana Reyes");
        assertThat(result.data().get("bio").asString()).isEqualTo("I forecast elections.");
        assertThat(result.data().get("avatar_url").asString()).isEqualTo("https://cdn.example.ph/ana.png");

        Result cleared = http.patch("/api/v1/users/me", Map.of("avatar_url", ""))
                .bearer(user.token())
                .send();
        assertThat(cleared.data().get("avatar_url").isNull()).isTrue();
        assertThat(cleared.data().get("bio").asString()).isEqualTo("I forecast elections.");
    }

    @Test
    void bad_profile_fields_are_refused_and_nothing_changes() {
        var user = users.create(0);

        Result result = http.patch(
                        "/api/v1/users/me",
                        Map.of("display_name", "A", "bio", "x".repeat(501), "avatar_url", "javascript:alert(1)"))
                .bearer(user.token())
                .send();

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("display_name", "bio", "avatar_url");
        assertThat(http.get("/api/v1/users/me")
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("display_name")
                        .asString())
                .isEqualTo("Tester");
    }

    @Test
    void chips_role_reputation_and_status_cannot_be_set_through_the_profile() {
        var user = users.create(100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bio", "honest");
        body.put("chips", 1_000_000);
        body.put("role", "superadmin");
        body.put("reputation", 9999);
        body.put("status", "active");
        body.put("email", "hijack@example.ph");
        body.put("id", "00000000-0000-0000-0000-000000000000");

        Result result =
                http.patch("/api/v1/users/me", body).bearer(user.token()).send();

        assertThat(result.status()).isEqualTo(200);
        var me = http.get("/api/v1/users/me").bearer(user.token()).send().data();
        assertThat(me.get("bio").asString()).isEqualTo("honest");
        assertThat(me.get("chips").asLong()).isEqualTo(100);
        assertThat(me.get("role").asString()).isEqualTo("user");
        assertThat(me.get("reputation").asDouble()).isZero();
        assertThat(me.get("email").asString()).isEqualTo(user.account().email());
        assertThat(me.get("id").asString()).isEqualTo(user.id().toString());
        assertThat(http.get("/api/v1/admin/users").bearer(user.token()).send().status())
                .isEqualTo(403);
    }

    @Test
    void an_unknown_user_is_404_and_a_bad_id_is_400() {
        var user = users.create(0);
        assertThat(http.get("/api/v1/users/" + java.util.UUID.randomUUID())
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/users/not-a-uuid").send().status()).isEqualTo(400);
    }
}
