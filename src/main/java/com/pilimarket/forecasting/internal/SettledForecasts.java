package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.forecasting.internal.SettlementRecords.SettledRow;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** The forecasts of a settled batch, read for the listeners of {@link SettledBatch} (which carries only their ids). */
@Service
public class SettledForecasts {

    private final SettlementRecords records;

    SettledForecasts(SettlementRecords records) {
        this.records = records;
    }

    /**
     * The batch's forecasts ordered by user id in PostgreSQL's order: one forecast per user and market
     * ({@code UNIQUE (user_id, market_id)}), so they are distinct users, already in the order rows are
     * locked in. One statement through the primary key.
     */
    public List<ForecastSettled> of(SettledBatch batch) {
        List<SettledRow> rows = records.settledAmong(batch.marketId(), batch.forecastIds());
        List<ForecastSettled> forecasts = new ArrayList<>(rows.size());
        for (SettledRow row : rows) {
            forecasts.add(new ForecastSettled(
                    row.userId(),
                    row.id(),
                    batch.marketId(),
                    batch.category(),
                    row.outcomeId(),
                    "won".equals(row.status()),
                    "refunded".equals(row.status()),
                    row.points(),
                    row.payout(),
                    row.crowdProbability(),
                    row.createdAt(),
                    batch.marketCreatedAt(),
                    row.settledAt() == null ? batch.settledAt() : row.settledAt(),
                    row.flagged()));
        }
        return forecasts;
    }
}
