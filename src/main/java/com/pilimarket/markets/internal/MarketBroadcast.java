package com.pilimarket.markets.internal;

import com.pilimarket.markets.OutcomeView;
import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.shared.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * After every write to a market: drop its cached reads, then push its live state to the SSE
 * clients of {@code GET /markets/{id}/stream} (after commit). Other modules add their own events
 * to that stream through {@link #streamAfterCommit}.
 */
@Component
public class MarketBroadcast {

    private final MarketRecords records;
    private final MarketStream stream;
    private final MarketCache cache;
    private final MarketOdds odds;
    private final JsonMapper json;
    private final Clock clock;

    MarketBroadcast(
            MarketRecords records,
            MarketStream stream,
            MarketCache cache,
            MarketOdds odds,
            JsonMapper json,
            Clock clock) {
        this.records = records;
        this.stream = stream;
        this.cache = cache;
        this.odds = odds;
        this.json = json;
        this.clock = clock;
    }

    /** What a {@code market} SSE event carries. */
    record MarketTick(
            UUID marketId,
            String status,
            long totalPoints,
            int forecasterCount,
            List<OutcomeView> outcomes,
            OffsetDateTime at) {}

    /** Every write to a market comes through here: drop cached reads first, then tell SSE clients. */
    void changed(UUID marketId) {
        cache.invalidateAfterCommit(marketId);
        stream.publishAfterCommit(marketId, () -> state(marketId));
    }

    /** The live state pushed on the SSE stream, as JSON; 404 for an unknown market. */
    public String state(UUID marketId) {
        MarketRow row = records.find(marketId).orElseThrow(() -> ApiException.notFound("Market"));
        MarketTick tick = new MarketTick(
                row.id(),
                row.status().value(),
                row.totalPoints(),
                row.forecasterCount(),
                odds.views(records.outcomes(marketId)),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return json.writeValueAsString(tick);
    }

    /** Another module's event on the market's live stream, sent after the caller's transaction commits. */
    @Transactional(readOnly = true)
    public void streamAfterCommit(UUID marketId, String event, Supplier<String> data) {
        if (event == null || !event.matches("[a-z_]{1,30}") || event.equals(MarketStream.EVENT)) {
            throw new IllegalArgumentException("not an event name another module may send: " + event);
        }
        stream.publishEventAfterCommit(marketId, event, data);
    }
}
