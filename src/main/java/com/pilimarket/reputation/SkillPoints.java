package com.pilimarket.reputation;

/**
 * Skill points of a settled forecast: {@code s = 100 × (o − q)}, where {@code o} is 1 if its outcome
 * won and {@code q} the crowd probability when it was placed. Refunds score 0 (they say nothing).
 */
public final class SkillPoints {

    private SkillPoints() {}

    public static double of(boolean won, double crowdProbability) {
        return 100.0 * ((won ? 1.0 : 0.0) - crowdProbability);
    }

    public static double of(boolean won, boolean refunded, double crowdProbability) {
        return refunded ? 0.0 : of(won, crowdProbability);
    }
}
