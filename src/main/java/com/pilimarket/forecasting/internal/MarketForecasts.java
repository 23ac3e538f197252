package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.Forecaster;
import com.pilimarket.forecasting.MarketForecast;
import com.pilimarket.forecasting.internal.ForecastRecords.MarketForecastRow;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.Users;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public list of a market's forecasts, each with its forecaster. */
@Service
public class MarketForecasts {

    private final ForecastRecords records;
    private final Markets markets;
    private final Users users;

    MarketForecasts(ForecastRecords records, Markets markets, Users users) {
        this.records = records;
        this.markets = markets;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Page<MarketForecast> ofMarket(UUID marketId, PageQuery page) {
        if (markets.refs(Set.of(marketId)).isEmpty()) {
            throw ApiException.notFound("Market");
        }
        Page<MarketForecastRow> rows = records.ofMarket(marketId, page);
        Map<UUID, Forecaster> people = new HashMap<>();
        for (MarketForecastRow row : rows.items()) {
            people.computeIfAbsent(
                    row.userId(),
                    id -> users.find(id)
                            .map(u -> new Forecaster(u.id(), u.displayName(), u.handle(), u.avatarUrl()))
                            .orElse(new Forecaster(id, null, null, null)));
        }
        return rows.map(row -> new MarketForecast(
                row.id(),
                people.get(row.userId()),
                row.outcomeId(),
                row.points(),
                row.status(),
                row.payout(),
                row.createdAt(),
                row.updatedAt()));
    }
}
