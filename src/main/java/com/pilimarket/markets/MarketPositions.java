package com.pilimarket.markets;

import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a position in a market. Markets needs it (a resolver may not hold one; the detail shows
 * the caller's) but forecasts live in the forecasting module, which implements this interface — so
 * the dependency still points from forecasting to markets.
 */
public interface MarketPositions {

    Optional<Position> positionOf(UUID userId, UUID marketId);
}
