package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of a resolved or cancelled market's forecasts has been settled: marked won, lost or refunded
 * and paid out, in the transaction that publishes this event. Settlement works in batches of a few
 * thousand forecasts, and every forecast is in exactly one published batch (a re-run after a crash
 * publishes only the forecasts it settled itself). Listeners (reputation's scoring, the
 * {@code market_resolved} notifications) handle each batch as it is paid, beside the next batch's
 * payouts, instead of waiting for the whole market ({@link MarketSettled}, published after the last
 * batch). They read the batch's forecasts through {@link Forecasts#settledIn}: the event carries only
 * their ids, so what is serialised into the publication table stays small. {@code winningOutcomeId} is
 * null for a cancelled market; {@code refunded} is true when every stake is refunded; {@code
 * marketForecasts} is how many forecasts the whole market has, so that a listener can tell when it has
 * handled the market's last batch.
 */
public record SettledBatch(
        UUID marketId,
        String category,
        UUID winningOutcomeId,
        boolean cancelled,
        boolean refunded,
        Instant marketCreatedAt,
        Instant settledAt,
        int marketForecasts,
        List<UUID> forecastIds) {

    public SettledBatch {
        forecastIds = List.copyOf(forecastIds);
    }
}
