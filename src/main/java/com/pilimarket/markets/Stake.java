package com.pilimarket.markets;

import java.util.UUID;

/**
 * A stake placed on an outcome, as the market's totals see it: {@code newForecaster} when it opened
 * a forecast (the market's forecaster count grows) rather than topped one up.
 */
public record Stake(UUID outcomeId, long points, boolean newForecaster) {}
