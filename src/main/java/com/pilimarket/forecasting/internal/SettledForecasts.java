package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.MarketSettled;
import com.pilimarket.forecasting.internal.SettlementRecords.SettledRow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The settled forecasts of a market, read in chunks for the listeners of {@link MarketSettled}
 * (which no longer carries them).
 */
@Service
public class SettledForecasts {

    private final SettlementRecords records;

    SettledForecasts(SettlementRecords records) {
        this.records = records;
    }

    /**
     * Keyset pages of at most {@code size} forecasts ordered by user id in PostgreSQL's order: one
     * forecast per user and market ({@code UNIQUE (user_id, market_id)}), so a chunk holds distinct
     * users, already in the order rows are locked in. Each chunk is read by one statement after the
     * previous one was handled, so no more than one chunk is held in memory.
     */
    public void forEachChunk(MarketSettled settled, int size, Consumer<List<ForecastSettled>> chunk) {
        int limit = Math.max(1, size);
        UUID after = null;
        while (true) {
            List<SettledRow> rows = records.settledAfter(settled.marketId(), after, limit);
            if (rows.isEmpty()) {
                return;
            }
            List<ForecastSettled> forecasts = new ArrayList<>(rows.size());
            for (SettledRow row : rows) {
                forecasts.add(new ForecastSettled(
                        row.userId(),
                        row.id(),
                        settled.marketId(),
                        settled.category(),
                        row.outcomeId(),
                        "won".equals(row.status()),
                        "refunded".equals(row.status()),
                        row.points(),
                        row.payout(),
                        row.crowdProbability(),
                        row.createdAt(),
                        settled.marketCreatedAt(),
                        row.settledAt() == null ? settled.settledAt() : row.settledAt(),
                        row.flagged()));
            }
            chunk.accept(forecasts);
            if (rows.size() < limit) {
                return;
            }
            after = rows.get(rows.size() - 1).userId();
        }
    }
}
