package com.pilimarket.markets.internal;

import com.pilimarket.markets.OutcomeView;
import com.pilimarket.markets.Probabilities;
import com.pilimarket.markets.internal.MarketRecords.OutcomeRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The configured odds ({@link Probabilities}): the prior and the house fee, and what they make of outcomes. */
@Component
class MarketOdds {

    private final JsonMapper json;
    private final long prior;
    private final BigDecimal feePercent;

    MarketOdds(
            JsonMapper json,
            @Value("${pilimarket.chips.probability-prior:100}") long prior,
            @Value("${pilimarket.chips.house-fee-percent:0}") BigDecimal feePercent) {
        this.json = json;
        this.prior = prior;
        this.feePercent = feePercent;
    }

    long prior() {
        return prior;
    }

    BigDecimal feePercent() {
        return feePercent;
    }

    /** The outcomes with their displayed probability, pool share and payout per chip. */
    List<OutcomeView> views(List<OutcomeRow> outcomes) {
        long[] totals = outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray();
        List<Probabilities.Odds> odds = Probabilities.of(totals, prior, feePercent);
        List<OutcomeView> views = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeRow o = outcomes.get(i);
            Probabilities.Odds odd = odds.get(i);
            views.add(new OutcomeView(
                    o.id(),
                    o.name(),
                    o.totalPoints(),
                    odd.probability(),
                    odd.poolShare(),
                    odd.payoutPerChip(),
                    o.nameFil()));
        }
        return views;
    }

    /** The displayed probabilities for these outcomes' totals, as a history point stores them. */
    String probabilitiesJson(List<UUID> outcomeIds, long[] totals) {
        List<Probabilities.Odds> odds = Probabilities.of(totals, prior, feePercent);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < outcomeIds.size(); i++) {
            probabilities.put(outcomeIds.get(i).toString(), odds.get(i).probability());
        }
        return json.writeValueAsString(probabilities);
    }

    /** {@link #probabilitiesJson} of the outcomes as they stand. */
    String probabilitiesJson(List<OutcomeRow> outcomes) {
        return probabilitiesJson(
                outcomes.stream().map(OutcomeRow::id).toList(),
                outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray());
    }
}
