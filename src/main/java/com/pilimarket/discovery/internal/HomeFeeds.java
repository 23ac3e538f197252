package com.pilimarket.discovery.internal;

import com.pilimarket.discovery.HomeFeed;
import com.pilimarket.discovery.TrendingMarket;
import com.pilimarket.discovery.internal.PlacementLog.Activity;
import com.pilimarket.markets.MarketQuery;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.PageQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Builds the home feed from the markets facade (lists, watchlist, related markets) and the placement
 * log (24-hour activity, the markets a user holds). Only open markets, whose closing time has not
 * passed, appear in the trending, closing-soon, new and for-you sections.
 */
@Service
class HomeFeeds {

    static final int SECTION_SIZE = 6;
    static final Duration TRENDING_WINDOW = Duration.ofHours(24);
    /** How many of the user's most recent markets seed "for you". */
    static final int INTEREST_SEEDS = 50;

    private final Markets markets;
    private final PlacementLog log;
    private final Clock clock;

    HomeFeeds(Markets markets, PlacementLog log, Clock clock) {
        this.markets = markets;
        this.log = log;
        this.clock = clock;
    }

    HomeFeed feed(UUID viewerId) {
        Instant now = clock.instant();
        List<MarketSummary> watchlist = null;
        List<MarketSummary> forYou = null;
        if (viewerId != null) {
            watchlist =
                    markets.watchlist(viewerId, PageQuery.first(SECTION_SIZE)).items();
            forYou = forYou(viewerId);
        }
        return new HomeFeed(trending(now), closingSoon(now), newest(now), watchlist, forYou);
    }

    private List<TrendingMarket> trending(Instant now) {
        List<Activity> busiest = log.busiestSince(now.minus(TRENDING_WINDOW), SECTION_SIZE * 4);
        Map<UUID, MarketSummary> byId =
                markets.summaries(busiest.stream().map(Activity::marketId).toList());
        List<TrendingMarket> trending = new ArrayList<>();
        for (Activity activity : busiest) {
            MarketSummary market = byId.get(activity.marketId());
            if (market != null && takesForecasts(market, now) && trending.size() < SECTION_SIZE) {
                trending.add(new TrendingMarket(market, activity.volume(), activity.forecasters()));
            }
        }
        return trending;
    }

    private List<MarketSummary> closingSoon(Instant now) {
        return open("closes_at", "asc", now);
    }

    private List<MarketSummary> newest(Instant now) {
        return open("created_at", "desc", now);
    }

    private List<MarketSummary> open(String sort, String order, Instant now) {
        // A few more than shown: open markets past their closing time wait for the close job.
        return markets
                .list(
                        new MarketQuery(null, MarketStatus.OPEN.value(), null, sort, order),
                        PageQuery.first(SECTION_SIZE * 3))
                .items()
                .stream()
                .filter(m -> takesForecasts(m, now))
                .limit(SECTION_SIZE)
                .toList();
    }

    private List<MarketSummary> forYou(UUID viewerId) {
        List<UUID> held = log.marketsOf(viewerId, Integer.MAX_VALUE);
        if (held.isEmpty()) {
            return List.of();
        }
        return markets.similar(held.subList(0, Math.min(INTEREST_SEEDS, held.size())), held, SECTION_SIZE);
    }

    private static boolean takesForecasts(MarketSummary market, Instant now) {
        return MarketStatus.OPEN.value().equals(market.status())
                && market.closesAt().toInstant().isAfter(now);
    }
}
