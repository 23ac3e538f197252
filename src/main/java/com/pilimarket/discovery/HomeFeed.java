package com.pilimarket.discovery;

import com.pilimarket.markets.MarketSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The first screen's sections ({@code GET /markets/feed}), each at most a handful of markets:
 * {@code watchlist} and {@code forYou} are null for an anonymous caller (and may be empty lists for
 * a signed-in one); {@code forYou} never holds a market the caller already has a forecast in.
 */
public record HomeFeed(
        List<TrendingMarket> trending,
        List<MarketSummary> closingSoon,
        List<MarketSummary> newMarkets,
        @Nullable List<MarketSummary> watchlist,
        @Nullable List<MarketSummary> forYou) {}
