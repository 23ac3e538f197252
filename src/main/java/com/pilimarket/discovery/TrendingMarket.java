package com.pilimarket.discovery;

import com.pilimarket.markets.MarketSummary;

/** A market in the feed's trending section with its chips staked and distinct forecasters in the last 24 hours ({@code recent_*}). */
public record TrendingMarket(MarketSummary market, long recentVolume, int recentForecasters) {}
