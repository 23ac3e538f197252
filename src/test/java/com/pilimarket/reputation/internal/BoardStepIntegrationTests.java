package com.pilimarket.reputation.internal;

import static com.pilimarket.support.TestEvents.lose;
import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.reputation.ForecastsScored;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board step (pending settled forecasts added to {@code rank_totals} after scoring) adds each
 * settled forecast exactly once: redelivered, interrupted by a rebuild, or stopped between chunks and
 * resumed, the boards end equal to the boards a rebuild computes from every settled forecast.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6", "pilimarket.test.context=ranks"})
class BoardStepIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reputation reputation;

    @Autowired
    ReputationRecords records;

    @Autowired
    RankTotals rankTotals;

    @Autowired
    TransactionTemplate tx;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final List<UUID> forecasters = new ArrayList<>();

    @BeforeEach
    void forecasters() {
        events.awaitListeners();
        for (int i = 0; i < 6; i++) {
            forecasters.add(users.create(0).id());
        }
    }

    @Test
    void a_redelivered_settlement_or_board_step_counts_each_forecast_once() {
        SettledBatch settled = marketOfThree();
        events.publishAndWait(settled);
        List<String> once = boards();
        assertThat(once).hasSize(3 * 6);
        assertThat(once).allMatch(line -> line.matches(".* 1 [01]"), "each forecaster counted once on each board");

        events.publishAndWait(settled);
        events.publishAndWait(new ForecastsScored(settled.marketId(), settled.settledAt()));

        assertThat(boards()).containsExactlyElementsOf(once);
        assertThat(rankTotals.pending()).isZero();
        assertThat(boards()).containsExactlyElementsOf(rebuilt());
    }

    @Test
    void a_market_goes_on_the_boards_once_its_last_batch_is_scored() {
        SettledBatch whole = marketOfThree();
        // Settlement announces the market in two batches; both name the market's three forecasts in all.
        List<UUID> ids = whole.forecastIds();

        events.publishAndWaitLeavingBoardsPending(batchOf(whole, ids.subList(0, 2)));
        assertThat(rankTotals.pending()).as("scored, not yet on the boards").isEqualTo(2);
        assertThat(boards()).isEmpty();

        events.publishAndWait(batchOf(whole, ids.subList(2, 3)));
        assertThat(rankTotals.pending()).isZero();
        assertThat(boards()).hasSize(3 * 6).containsExactlyElementsOf(rebuilt());
    }

    private static SettledBatch batchOf(SettledBatch market, List<UUID> forecastIds) {
        return new SettledBatch(
                market.marketId(),
                market.category(),
                market.winningOutcomeId(),
                market.cancelled(),
                market.refunded(),
                market.marketCreatedAt(),
                market.settledAt(),
                market.marketForecasts(),
                forecastIds);
    }

    /** A settled market (stored, not published) where the first three forecasters won, won and lost. */
    private SettledBatch marketOfThree() {
        return events.settlement(
                UUID.randomUUID(),
                now,
                win(forecasters.get(0), 0.2),
                win(forecasters.get(1), 0.6),
                lose(forecasters.get(2), 0.3));
    }

    @Test
    void a_rebuild_between_chunks_neither_loses_nor_double_counts() {
        UUID market = UUID.randomUUID();
        store(settled(market, 0, 1, 2, 3));
        assertThat(rankTotals.pending()).isEqualTo(4);
        assertThat((int) tx.execute(status -> rankTotals.addPending(2))).isEqualTo(2);

        // The rebuild counts all four (two added, two still pending): the two must not be added again.
        reputation.rebuildBoards(CurrentBoards.weekKey(now), CurrentBoards.monthKey(now));
        assertThat(rankTotals.pending()).isZero();
        // Stored after the rebuild: not counted by it, so still to be added.
        store(settled(UUID.randomUUID(), 4, 5, 0));
        assertThat(rankTotals.pending()).isEqualTo(3);
        events.publishAndWait(new ForecastsScored(market, now));

        assertThat(rankTotals.pending()).isZero();
        List<String> added = boards();
        assertThat(added).anyMatch(line -> line.contains(forecasters.get(0) + " ") && line.endsWith(" 2 2"));
        assertThat(added).containsExactlyElementsOf(rebuilt());
    }

    @Test
    void a_board_step_that_died_between_chunks_is_finished_by_the_next() {
        UUID market = UUID.randomUUID();
        store(settled(market, 0, 1, 2, 3, 4, 5));
        assertThat((int) tx.execute(status -> rankTotals.addPending(2))).isEqualTo(2);
        // Dies inside the next chunk: its transaction rolls back, the forecasts stay pending.
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    rankTotals.addPending(2);
                    throw new IllegalStateException("process died");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rankTotals.pending()).isEqualTo(4);

        // The event is redelivered (or another settlement's step runs): the rest is added, once.
        events.publishAndWait(new ForecastsScored(market, now));

        assertThat(rankTotals.pending()).isZero();
        List<String> added = boards();
        assertThat(added).hasSize(6 * 6).allMatch(line -> line.endsWith(" 1 1"));
        assertThat(added).containsExactlyElementsOf(rebuilt());
    }

    /** Stores settled forecasts as a scoring chunk does (marking them pending), without the board step. */
    private void store(List<ForecastSettled> chunk) {
        tx.executeWithoutResult(status -> records.recordSettled(chunk));
    }

    /** One winning forecast each of these forecasters (by index) in {@code market}, settled now. */
    private List<ForecastSettled> settled(UUID market, int... forecasterIndexes) {
        List<ForecastSettled> chunk = new ArrayList<>();
        for (int i : forecasterIndexes) {
            chunk.add(new ForecastSettled(
                    forecasters.get(i),
                    UUID.randomUUID(),
                    market,
                    "sports",
                    UUID.randomUUID(),
                    true,
                    false,
                    100,
                    150 + i,
                    0.25,
                    now.minusSeconds(3_600),
                    now.minusSeconds(86_400),
                    now,
                    false));
        }
        return chunk;
    }

    /** These forecasters' lines on the boards, rebuilt from every settled forecast (the rebuild is the reference). */
    private List<String> rebuilt() {
        reputation.rebuildBoards(CurrentBoards.weekKey(now), CurrentBoards.monthKey(now));
        return boards();
    }

    /** These forecasters' lines on the current week's, month's and all-time boards, in a fixed order. */
    private List<String> boards() {
        return CurrentBoards.lines(jdbc, now, forecasters);
    }
}
