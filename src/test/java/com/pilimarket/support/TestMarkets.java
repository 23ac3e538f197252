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
import org.springframework.stereotype.Component;

/**
 * Markets for tests in one line: {@code markets.open("Who wins?", "Yes", "No")}, created by an admin of its
 * own (made on first use).
 */
@Component
public class TestMarkets {

    private final Markets markets;
    private final OwnAdmin admin;

    public TestMarkets(Markets markets, TestUsers users) {
        this.markets = markets;
        this.admin = new OwnAdmin(users);
    }

    public MarketDetail open(String title, String... outcomes) {
        return open(title, 10_000, outcomes);
    }

    public MarketDetail open(String title, long maxPointsPerUser, String... outcomes) {
        return markets.create(
                admin.id(),
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

    /** One admin per test context, created when the first market is opened. */
    private static final class OwnAdmin {

        private final TestUsers users;
        private UUID id;

        OwnAdmin(TestUsers users) {
            this.users = users;
        }

        synchronized UUID id() {
            if (id == null) {
                id = users.admin().id();
            }
            return id;
        }
    }
}
