package com.pilimarket.markets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.markets.MarketCancelled;
import com.pilimarket.markets.MarketResolved;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.shared.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MarketLifecycleTests {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static final UUID ADMIN = UUID.randomUUID();
    static final Resolution RESOLUTION =
            new Resolution(UUID.randomUUID(), List.of("https://comelec.gov.ph/results"), "Official count");
    static final Cancellation CANCELLATION = new Cancellation("The event was called off");
    static final Market.About ABOUT = new Market.About("Who wins?", "politics", NOW.minusSeconds(86_400));

    static Market market(MarketStatus status) {
        return new Market(UUID.randomUUID(), status, NOW.plusSeconds(3600), 0, ABOUT);
    }

    static String codeOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (ApiException e) {
            return e.code();
        }
    }

    @Test
    void an_open_market_can_be_suspended_resumed_closed_and_resolved() {
        Market market = market(MarketStatus.OPEN);
        market.suspend();
        assertThat(market.status()).isEqualTo(MarketStatus.SUSPENDED);
        market.resume(NOW);
        assertThat(market.status()).isEqualTo(MarketStatus.OPEN);
        market.close();
        assertThat(market.status()).isEqualTo(MarketStatus.CLOSED);
        market.resolve(RESOLUTION, ADMIN, NOW);
        assertThat(market.status()).isEqualTo(MarketStatus.RESOLVED);
    }

    @Test
    void resuming_after_the_closing_time_closes_the_market() {
        Market market = market(MarketStatus.SUSPENDED);
        market.resume(NOW.plusSeconds(7200));
        assertThat(market.status()).isEqualTo(MarketStatus.CLOSED);
    }

    @Test
    void illegal_transitions_are_refused_with_invalid_state() {
        assertThat(codeOf(() -> market(MarketStatus.SUSPENDED).suspend())).isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.OPEN).resume(NOW))).isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.CLOSED).suspend())).isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.CLOSED).close())).isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.CANCELLED).resolve(RESOLUTION, ADMIN, NOW)))
                .isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.RESOLVED).cancel(CANCELLATION, ADMIN, NOW)))
                .isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.CANCELLED).cancel(CANCELLATION, ADMIN, NOW)))
                .isEqualTo("INVALID_STATE");
        assertThat(codeOf(() -> market(MarketStatus.RESOLVED).close())).isEqualTo("INVALID_STATE");
    }

    @Test
    void a_second_resolution_is_a_conflict() {
        assertThatThrownBy(() -> market(MarketStatus.RESOLVED).resolve(RESOLUTION, ADMIN, NOW))
                .isInstanceOf(ApiException.class)
                .extracting(
                        e -> ((ApiException) e).code(),
                        e -> ((ApiException) e).status().value())
                .containsExactly("ALREADY_RESOLVED", 409);
    }

    @Test
    void suspended_and_closed_markets_can_be_resolved_or_cancelled() {
        for (MarketStatus status :
                new MarketStatus[] {MarketStatus.OPEN, MarketStatus.SUSPENDED, MarketStatus.CLOSED}) {
            Market resolved = market(status);
            resolved.resolve(RESOLUTION, ADMIN, NOW);
            assertThat(resolved.status()).isEqualTo(MarketStatus.RESOLVED);
            Market cancelled = market(status);
            cancelled.cancel(CANCELLATION, ADMIN, NOW);
            assertThat(cancelled.status()).isEqualTo(MarketStatus.CANCELLED);
        }
    }

    @Test
    void forecasts_are_refused_when_not_open_or_past_the_closing_time_even_before_the_job_runs() {
        assertThat(codeOf(() -> market(MarketStatus.OPEN).requireOpenForForecasts(NOW)))
                .isNull();
        assertThat(codeOf(() -> market(MarketStatus.OPEN).requireOpenForForecasts(NOW.plusSeconds(3600))))
                .isEqualTo("MARKET_NOT_OPEN");
        assertThat(codeOf(() -> market(MarketStatus.SUSPENDED).requireOpenForForecasts(NOW)))
                .isEqualTo("MARKET_NOT_OPEN");
    }

    @Test
    void the_scheduled_close_only_closes_open_markets_that_are_due() {
        Market due = market(MarketStatus.OPEN);
        assertThat(due.closeIfDue(NOW)).isFalse();
        assertThat(due.closeIfDue(NOW.plusSeconds(3600))).isTrue();
        assertThat(due.status()).isEqualTo(MarketStatus.CLOSED);
        assertThat(market(MarketStatus.SUSPENDED).closeIfDue(NOW.plusSeconds(3600)))
                .isFalse();
    }

    @Test
    void resolving_returns_the_event_it_implies() {
        Market market = market(MarketStatus.CLOSED);
        MarketResolved resolved = market.resolve(RESOLUTION, ADMIN, NOW);
        assertThat(resolved)
                .isEqualTo(new MarketResolved(
                        market.id(), RESOLUTION.outcomeId(), ADMIN, "Who wins?", "politics", ABOUT.createdAt(), NOW));
    }

    @Test
    void cancelling_returns_the_event_it_implies() {
        Market market = market(MarketStatus.SUSPENDED);
        MarketCancelled cancelled = market.cancel(CANCELLATION, ADMIN, NOW);
        assertThat(cancelled)
                .isEqualTo(new MarketCancelled(
                        market.id(),
                        "The event was called off",
                        ADMIN,
                        "Who wins?",
                        "politics",
                        ABOUT.createdAt(),
                        NOW));
    }
}
