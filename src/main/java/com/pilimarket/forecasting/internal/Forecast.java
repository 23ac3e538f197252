package com.pilimarket.forecasting.internal;

import com.pilimarket.shared.ApiException;
import java.util.UUID;

/**
 * The rules of a position (PRODUCT.md §4): one forecast per user per market, topped up only on the
 * same outcome, never above the market's stake cap; its crowd probability is the stake-weighted mean
 * of the displayed probability just before each placement.
 */
final class Forecast {

    static final String OUTCOME_SWITCH_NOT_ALLOWED = "OUTCOME_SWITCH_NOT_ALLOWED";
    static final String MAX_POINTS_EXCEEDED = "MAX_POINTS_EXCEEDED";

    private final UUID outcomeId;
    private long points;
    private int placements;
    private double crowdProbability;

    private Forecast(UUID outcomeId, long points, int placements, double crowdProbability) {
        this.outcomeId = outcomeId;
        this.points = points;
        this.placements = placements;
        this.crowdProbability = crowdProbability;
    }

    static Forecast existing(UUID outcomeId, long points, int placements, double crowdProbability) {
        return new Forecast(outcomeId, points, placements, crowdProbability);
    }

    /** A first placement of {@code points} at displayed probability {@code q}. */
    static Forecast open(UUID outcomeId, long points, double q, long maxPointsPerUser) {
        requireWithinCap(points, maxPointsPerUser);
        return new Forecast(outcomeId, points, 1, q);
    }

    /** Adds {@code more} chips at displayed probability {@code q}. */
    void topUp(UUID outcome, long more, double q, long maxPointsPerUser) {
        if (!outcomeId.equals(outcome)) {
            throw ApiException.conflict(
                    OUTCOME_SWITCH_NOT_ALLOWED, "You already back another outcome here; you can only top it up");
        }
        long total = Math.addExact(points, more);
        requireWithinCap(total, maxPointsPerUser);
        crowdProbability = (crowdProbability * points + q * more) / total;
        points = total;
        placements++;
    }

    private static void requireWithinCap(long total, long maxPointsPerUser) {
        if (total > maxPointsPerUser) {
            throw ApiException.unprocessable(
                    MAX_POINTS_EXCEEDED,
                    "At most " + maxPointsPerUser + " chips per person in this market (this would make " + total + ")");
        }
    }

    long points() {
        return points;
    }

    int placements() {
        return placements;
    }

    double crowdProbability() {
        return crowdProbability;
    }
}
