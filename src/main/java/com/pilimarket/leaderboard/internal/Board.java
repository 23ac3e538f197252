package com.pilimarket.leaderboard.internal;

import com.pilimarket.reputation.RankingMetric;

/** One stored leaderboard: period and its key (e.g. 2026-W05), category ("all" or one), metric. */
record Board(Period period, String periodKey, String category, RankingMetric metric) {

    static final String ALL = "all";
}
