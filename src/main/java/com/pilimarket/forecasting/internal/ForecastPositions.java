package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.internal.ForecastRecords.ForecastRow;
import com.pilimarket.markets.MarketPositions;
import com.pilimarket.markets.Position;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the markets module who holds a forecast in a market. */
@Component
class ForecastPositions implements MarketPositions {

    private final ForecastRecords records;

    ForecastPositions(ForecastRecords records) {
        this.records = records;
    }

    @Override
    public Optional<Position> positionOf(UUID userId, UUID marketId) {
        if (userId == null) {
            return Optional.empty();
        }
        return records.findByUserAndMarket(userId, marketId).map(ForecastPositions::position);
    }

    private static Position position(ForecastRow row) {
        return new Position(
                row.id(),
                row.marketId(),
                row.outcomeId(),
                row.points(),
                row.status(),
                row.crowdProbability(),
                row.payout(),
                row.createdAt(),
                row.updatedAt());
    }
}
