package com.pilimarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the chaos run found when a request dies half-way, replayed deterministically. */
@IntegrationTest
class PartialFailureIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_purchase_whose_checkout_never_started_is_finished_by_the_retry_and_cannot_be_paid_before() {
        TestUser buyer = users.create(0);
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("package_id", "starter", "provider", "gcash");
        Result first = http.post("/api/v1/purchases", body)
                .bearer(buyer.token())
                .header("Idempotency-Key", key)
                .send();
        assertThat(first.status()).isEqualTo(201);
        String id = first.data().get("id").asString();
        // The connection was cut after the purchase committed and before its checkout was attached.
        jdbc.sql("UPDATE purchases SET provider_tx_id = NULL, checkout_url = NULL WHERE id = ?::uuid")
                .param(id)
                .update();

        Result pay = http.post("/sandbox/checkout/" + id + "/pay", null)
                .header("Accept", "text/html")
                .send();
        assertThat(pay.status()).isEqualTo(409);

        Result retry = http.post("/api/v1/purchases", body)
                .bearer(buyer.token())
                .header("Idempotency-Key", key)
                .send();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.data().get("id").asString()).isEqualTo(id);
        assertThat(retry.data().get("checkout_url").asString()).isEqualTo("/sandbox/checkout/" + id);
        assertThat(http.post("/sandbox/checkout/" + id + "/pay", null)
                        .header("Accept", "text/html")
                        .send()
                        .status())
                .isEqualTo(303);
        assertThat(http.get("/api/v1/users/me")
                        .bearer(buyer.token())
                        .send()
                        .data()
                        .get("chips")
                        .asLong())
                .isEqualTo(100);
    }
}
