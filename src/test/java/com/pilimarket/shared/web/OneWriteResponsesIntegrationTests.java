package com.pilimarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A {@code ResponseEntity} answer goes out whole, with its length (Spring MVC's flush after writing it
 * would have sent it chunked, in two socket writes, and compressed however small); streams keep their
 * flushes.
 */
@IntegrationTest
class OneWriteResponsesIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Test
    void a_placement_is_answered_with_its_length_not_in_chunks_and_not_compressed() {
        TestUser player = users.create(1_000);
        MarketDetail market = markets.open("One write", "Yes", "No");

        TestHttp.Result placed = http.post(
                        "/api/v1/forecasts",
                        Map.of(
                                "market_id", market.id().toString(),
                                "outcome_id", TestMarkets.outcome(market, 0).toString(),
                                "points", 10))
                .bearer(player.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Accept-Encoding", "gzip")
                .send();

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.header("Transfer-Encoding")).isNull();
        assertThat(placed.header("Content-Encoding")).isNull();
        int bodyBytes = placed.raw().body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(placed.header("Content-Length")).isEqualTo(String.valueOf(bodyBytes));
    }

    @Test
    void a_synchronous_flush_is_left_to_the_container() throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("application/json");

        new OneWriteResponses.FlushAtEnd(new MockHttpServletRequest(), response).flushBuffer();

        assertThat(response.isCommitted()).isFalse();
    }

    @Test
    void an_event_stream_is_flushed_when_asked() throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/event-stream;charset=UTF-8");

        new OneWriteResponses.FlushAtEnd(new MockHttpServletRequest(), response).flushBuffer();

        assertThat(response.isCommitted()).isTrue();
    }

    @Test
    void an_asynchronous_response_is_flushed_when_asked() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAsyncSupported(true);
        request.startAsync();
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("application/json");

        new OneWriteResponses.FlushAtEnd(request, response).flushBuffer();

        assertThat(response.isCommitted()).isTrue();
    }
}
