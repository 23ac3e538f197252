package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.users.UserRole;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Markup wrapped in entities and invisible names, through the real endpoints that store text. */
@IntegrationTest
class UntrustedTextIntegrationTests {

    /** The review's example: five layers of entities around an event handler. */
    static final String NESTED = "&amp;amp;amp;amp;lt;svg onload=alert(1)&amp;amp;amp;amp;gt;";

    static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF\u3164";

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Result register(String displayName) {
        return http.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                "t" + UUID.randomUUID().toString().substring(0, 10) + "@example.ph",
                                "password",
                                "correct horse battery",
                                "display_name",
                                displayName))
                .send();
    }

    @Test
    void a_display_name_of_nested_entities_around_markup_is_refused_and_nothing_is_stored() {
        long before = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();

        Result result = register(NESTED);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE display_name LIKE '%<%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void nested_markup_in_a_display_name_and_bio_is_stripped_from_the_profile() {
        var user = users.create(0);

        Result result = http.patch(
                        "/api/v1/users/me",
                        Map.of("display_name", "Ana " + NESTED + " Reyes", "bio", "Hello " + NESTED + "world"))
                .bearer(user.token())
                .send();

        assertThat(result.status()).isEqualTo(200);
        String stored = jdbc.sql("SELECT display_name || ' ' || bio FROM users WHERE id = :id")
                .param("id", user.id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("<", "onload", "&");
        assertThat(result.data().get("display_name").asString()).isEqualTo("Ana Reyes");
    }

    @Test
    void nested_markup_in_market_text_is_stripped() {
        var admin = users.create(0, UserRole.ADMIN);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Who wins the finals? " + NESTED);
        body.put("description", "Read this " + NESTED);
        body.put("category", "sports");
        body.put("outcomes", List.of("Ginebra " + NESTED, "San Miguel"));
        body.put("closes_at", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());

        Result result =
                http.post("/api/v1/admin/markets", body).bearer(admin.token()).send();

        assertThat(result.status()).isEqualTo(201);
        String stored = jdbc.sql("SELECT m.title || ' ' || m.description || ' ' || string_agg(o.name, ' ')"
                        + " FROM markets m JOIN outcomes o ON o.market_id = m.id WHERE m.id = :id"
                        + " GROUP BY m.id")
                .param("id", UUID.fromString(result.data().get("id").asString()))
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("<", "onload", "&");
    }

    @Test
    void a_display_name_of_only_invisible_characters_is_refused() {
        Result registered = register(INVISIBLE);
        assertThat(registered.status()).isEqualTo(400);
        assertThat(registered.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(registered.body().at("/errors/0/field").asString()).isEqualTo("display_name");

        var user = users.create(0);
        Result renamed = http.patch("/api/v1/users/me", Map.of("display_name", "\u00A0\u2800\u200B\u200D\u3164"))
                .bearer(user.token())
                .send();
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void market_titles_and_outcomes_of_only_invisible_characters_are_refused() {
        var admin = users.create(0, UserRole.ADMIN);
        Map<String, Object> body = new HashMap<>();
        body.put("title", INVISIBLE + INVISIBLE);
        body.put("category", "sports");
        body.put("outcomes", List.of("Yes", "\u200B\u3164\u2800"));
        body.put("closes_at", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());

        Result result =
                http.post("/api/v1/admin/markets", body).bearer(admin.token()).send();

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new java.util.ArrayList<>();
        result.body().get("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("title", "outcomes[1]");
    }
}
