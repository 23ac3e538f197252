package com.pilimarket.markets;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Markets carry optional Filipino text, set in the admin console and shown in summaries and details. */
@IntegrationTest
class MarketFilipinoTextIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
    }

    @Test
    void an_admin_gives_a_market_filipino_text_and_every_reader_gets_both_languages() {
        Result created = create(Map.of(
                "title_fil", "Uulan ba sa Davao sa Sabado?",
                "description_fil", "OO ang resulta kung umulan ayon sa PAGASA.",
                "outcomes_fil", Arrays.asList("Oo", null)));
        assertThat(created.status()).isEqualTo(201);
        JsonNode detail = created.data();
        assertThat(detail.get("title_fil").asString()).isEqualTo("Uulan ba sa Davao sa Sabado?");
        assertThat(detail.get("description_fil").asString()).isEqualTo("OO ang resulta kung umulan ayon sa PAGASA.");
        assertThat(detail.get("outcomes").get(0).get("name_fil").asString()).isEqualTo("Oo");
        assertThat(detail.get("outcomes").get(1).get("name_fil").isNull()).isTrue();

        JsonNode read = http.get("/api/v1/markets/" + detail.get("slug").asString())
                .send()
                .data();
        assertThat(read.get("title").asString()).isEqualTo("Will it rain in Davao on Saturday?");
        assertThat(read.get("title_fil").asString()).isEqualTo("Uulan ba sa Davao sa Sabado?");
        JsonNode summary = summary(detail.get("id").asString());
        assertThat(summary.get("title_fil").asString()).isEqualTo("Uulan ba sa Davao sa Sabado?");
        assertThat(summary.get("outcomes").get(0).get("name_fil").asString()).isEqualTo("Oo");
    }

    @Test
    void filipino_text_is_optional_can_be_edited_and_cleared() {
        JsonNode plain = create(Map.of()).data();
        assertThat(plain.get("title_fil").isNull()).isTrue();
        String id = plain.get("id").asString();

        Result edited = http.patch(
                        "/api/v1/admin/markets/" + id,
                        Map.of("title_fil", "Uulan ba sa Davao?", "outcomes_fil", List.of("Oo", "Hindi")))
                .bearer(admin.token())
                .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.data().get("title_fil").asString()).isEqualTo("Uulan ba sa Davao?");
        assertThat(edited.data().get("outcomes").get(1).get("name_fil").asString())
                .isEqualTo("Hindi");

        Result cleared = http.patch("/api/v1/admin/markets/" + id, Map.of("title_fil", ""))
                .bearer(admin.token())
                .send();
        assertThat(cleared.data().get("title_fil").isNull()).isTrue();
        assertThat(cleared.data().get("outcomes").get(0).get("name_fil").asString())
                .isEqualTo("Oo");
    }

    @Test
    void filipino_outcome_names_must_match_the_outcomes_and_a_refusal_changes_nothing() {
        String title = "Will it snow in Baguio this year " + System.nanoTime();
        Result refused = create(title, Map.of("outcomes_fil", List.of("Oo", "Hindi", "Ewan")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("outcomes_fil");
        Result tooShort = create(title, Map.of("title_fil", "Oo"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().get("errors").get(0).get("field").asString()).isEqualTo("title_fil");
        assertThat(http.get("/api/v1/markets?q=" + title.replace(' ', '+'))
                        .send()
                        .data()
                        .size())
                .isZero();
    }

    private Result create(Map<String, Object> filipino) {
        return create("Will it rain in Davao on Saturday?", filipino);
    }

    private Result create(String title, Map<String, Object> filipino) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                title,
                "description",
                "Resolves YES if PAGASA reports rain.",
                "category",
                "other",
                "outcomes",
                List.of("Yes", "No"),
                "closes_at",
                OffsetDateTime.now().plusDays(3).toString()));
        body.putAll(filipino);
        return http.post("/api/v1/admin/markets", body).bearer(admin.token()).send();
    }

    private JsonNode summary(String id) {
        for (JsonNode market : http.get("/api/v1/markets?limit=100").send().data()) {
            if (market.get("id").asString().equals(id)) {
                return market;
            }
        }
        throw new AssertionError("market " + id + " is not listed");
    }
}
