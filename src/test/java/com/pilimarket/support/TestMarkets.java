package com.pilimarket.support;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.OutcomeView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Markets for tests in one line: {@code markets.open("Who wins?", "Yes", "No")}. A plain helper (not a
 * bean) so that using it does not change the Spring test context.
 */
public final class TestMarkets {

    private final Markets markets;
    private final UUID adminId;

    public TestMarkets(Markets markets, UUID adminId) {
        this.markets = markets;
        this.adminId = adminId;
    }

    public MarketDetail open(String title, String... outcomes) {
        return open(title, 10_000, outcomes);
    }

    public MarketDetail open(String title, long maxPointsPerUser, String... outcomes) {
        return markets.create(
                adminId,
                new NewMarket(
                        title,
                        "Test market",
                        "sports",
                        List.of(outcomes),
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(7),
                        null,
                        maxPointsPerUser,
                        Map.of()));
    }

    public static UUID outcome(MarketDetail market, int index) {
        return market.outcomes().get(index).id();
    }

    public static long total(MarketDetail market, int index) {
        OutcomeView outcome = market.outcomes().get(index);
        return outcome.totalPoints();
    }
}
