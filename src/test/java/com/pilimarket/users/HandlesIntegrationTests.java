package com.pilimarket.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class HandlesIntegrationTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private Result register(String displayName, String handle) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", unique("h") + "@test.ph");
        body.put("password", PASSWORD);
        body.put("display_name", displayName);
        if (handle != null) {
            body.put("handle", handle);
        }
        return http.post("/api/v1/auth/register", body).send();
    }

    @Test
    void a_handle_chosen_at_registration_is_kept_lower_cased_and_found_by_handle() {
        String handle = unique("Ana_");
        Result result = register("Ana Reyes", handle);

        assertThat(result.status()).isEqualTo(201);
        String saved = result.data().get("user").get("handle").asString();
        assertThat(saved).isEqualTo(handle.toLowerCase());

        Result profile =
                http.get("/api/v1/users/by-handle/" + handle.toUpperCase()).send();
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.data().get("handle").asString()).isEqualTo(saved);
        assertThat(profile.data().get("display_name").asString()).isEqualTo("Ana Reyes");
        assertThat(profile.data().has("email")).isFalse();
    }

    @Test
    void without_a_choice_the_handle_comes_from_the_display_name_with_a_number_when_taken() {
        String name = unique("Niño dela Cruz ");
        String base = ("nino_dela_cruz_" + name.substring("Niño dela Cruz ".length())).substring(0, 20);

        String first = register(name, null).data().get("user").get("handle").asString();
        String second = register(name, null).data().get("user").get("handle").asString();
        String third = register(name, null).data().get("user").get("handle").asString();

        assertThat(first).isEqualTo(base);
        // The base is cut to 15 characters for the suffix, without a dangling underscore.
        assertThat(second).isEqualTo("nino_dela_cruz2");
        assertThat(third).isEqualTo("nino_dela_cruz3");
    }

    @Test
    void a_name_that_makes_no_handle_still_gets_a_valid_one() {
        assertThat(register("李小龍 ✨", null).data().get("user").get("handle").asString())
                .matches("forecaster[0-9]*");
        assertThat(register("Jo", null).data().get("user").get("handle").asString())
                .matches("user_jo[0-9]*");
    }

    @Test
    void a_taken_handle_is_refused_at_registration_without_creating_the_account() {
        String handle = unique("taken_");
        assertThat(register("First", handle).status()).isEqualTo(201);
        long before = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();

        Result again = register("Second", handle.toUpperCase());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("HANDLE_TAKEN");
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void malformed_and_reserved_handles_are_refused_on_the_handle_field() {
        for (String bad :
                new String[] {"ab", "a".repeat(21), "ana reyes", "ana-reyes", "<b>x</b>", "ana\u0000x", "ñino"}) {
            Result result = register("Bad Handle", bad);
            assertThat(result.status()).as(bad).isEqualTo(400);
            assertThat(result.body().get("errors").get(0).get("field").asString())
                    .as(bad)
                    .isEqualTo("handle");
        }
        Result reserved = register("Sneaky", "Admin");
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.body().get("errors").get(0).get("message").asString())
                .contains("reserved");
    }

    @Test
    void a_handle_changes_once_a_month() {
        var user = users.create(0);
        String first = unique("first_");
        String second = unique("second_");

        Result changed = http.patch("/api/v1/users/me", Map.of("handle", first))
                .bearer(user.token())
                .send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data().get("handle").asString()).isEqualTo(first);

        Result tooSoon = http.patch("/api/v1/users/me", Map.of("handle", second, "bio", "changed"))
                .bearer(user.token())
                .header("Accept-Language", "fil")
                .send();
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.errorCode()).isEqualTo("HANDLE_CHANGE_TOO_SOON");
        assertThat(tooSoon.body().get("errors").get(0).get("message").asString())
                .startsWith("Isang beses lang kada buwan");
        Result me = http.get("/api/v1/users/me").bearer(user.token()).send();
        assertThat(me.data().get("handle").asString()).isEqualTo(first);
        assertThat(me.data().get("bio").isNull())
                .as("nothing of a refused change is written")
                .isTrue();

        Result same = http.patch("/api/v1/users/me", Map.of("handle", first.toUpperCase()))
                .bearer(user.token())
                .send();
        assertThat(same.status()).as("keeping one's handle is no change").isEqualTo(200);

        jdbc.sql("UPDATE users SET handle_changed_at = now() - interval '31 days' WHERE id = :id")
                .param("id", user.id())
                .update();
        Result later = http.patch("/api/v1/users/me", Map.of("handle", second))
                .bearer(user.token())
                .send();
        assertThat(later.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/by-handle/" + first).send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/by-handle/" + second)
                        .send()
                        .data()
                        .get("id")
                        .asString())
                .isEqualTo(user.id().toString());
    }

    @Test
    void another_users_handle_cannot_be_taken_by_a_change() {
        var owner = users.create(0);
        var other = users.create(0);

        Result result = http.patch(
                        "/api/v1/users/me", Map.of("handle", owner.account().handle()))
                .bearer(other.token())
                .send();

        assertThat(result.status()).isEqualTo(409);
        assertThat(result.errorCode()).isEqualTo("HANDLE_TAKEN");
    }

    @Test
    void an_unknown_or_impossible_handle_is_not_found() {
        assertThat(http.get("/api/v1/users/by-handle/nobody_here_zz9").send().status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/users/by-handle/x").send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/by-handle/%27%20OR%201=1").send().status())
                .isEqualTo(404);
    }

    @Test
    void public_user_references_carry_the_handle() {
        var user = users.create(0);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Result feed = http.get("/api/v1/activity?user_id=" + user.id()).send();
            assertThat(feed.data()).isNotEmpty();
            assertThat(feed.data().get(0).get("user").get("handle").asString())
                    .isEqualTo(user.account().handle());
        });
    }
}
