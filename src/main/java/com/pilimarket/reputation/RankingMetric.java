package com.pilimarket.reputation;

import java.util.Locale;
import java.util.Optional;

/** What a ranking orders by: Σ skill points, or profit (payouts − stakes) in chips. */
public enum RankingMetric {
    SKILL,
    PROFIT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RankingMetric> parse(String value) {
        for (RankingMetric metric : values()) {
            if (metric.value().equals(value)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
