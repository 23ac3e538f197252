package com.pilimarket.reputation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user's forecasting record: {@code forecasts} placed, {@code settled} (won or lost; refunds do not
 * count), {@code won}, {@code accuracy} = won / settled (null before the first), {@code profit} =
 * payouts − stakes over settled forecasts, and a calibration table by crowd probability.
 */
public record UserStats(
        long forecasts,
        long settled,
        long won,
        @Nullable Double accuracy,
        double reputation,
        long profit,
        long totalStaked,
        List<CalibrationBucket> calibration) {

    /** Settled forecasts whose crowd probability fell in {@code bucket} (e.g. "10-20%"), and how many won. */
    public record CalibrationBucket(String bucket, long forecasts, long won) {}
}
