package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketPositions;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.markets.Position;
import com.pilimarket.markets.ResolutionView;
import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.markets.internal.MarketRecords.OutcomeRow;
import com.pilimarket.shared.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows as the API shows them: a market's detail (with a viewer's position) and list summaries. */
@Component
class MarketViews {

    private final MarketRecords records;
    private final WatchlistRecords watchlist;
    private final MarketOdds odds;
    private final ObjectProvider<MarketPositions> positions;
    private final JsonMapper json;

    MarketViews(
            MarketRecords records,
            WatchlistRecords watchlist,
            MarketOdds odds,
            ObjectProvider<MarketPositions> positions,
            JsonMapper json) {
        this.records = records;
        this.watchlist = watchlist;
        this.odds = odds;
        this.positions = positions;
        this.json = json;
    }

    /** The viewer's position in the market, if the forecasting module is there to say. */
    Position positionOf(UUID viewerId, UUID marketId) {
        MarketPositions lookup = positions.getIfAvailable();
        return viewerId == null || lookup == null
                ? null
                : lookup.positionOf(viewerId, marketId).orElse(null);
    }

    MarketDetail detail(MarketRow row, UUID viewerId) {
        ResolutionView resolution = records.resolution(row.id()).orElse(null);
        Map<String, Object> metadata = json.readValue(row.metadataJson(), new TypeReference<>() {});
        return new MarketDetail(
                row.id(),
                row.slug(),
                row.title(),
                row.description(),
                row.category(),
                row.status().value(),
                row.closesAt(),
                row.resolvesAt(),
                row.createdAt(),
                row.maxPointsPerUser(),
                row.totalPoints(),
                row.forecasterCount(),
                odds.views(records.outcomes(row.id())),
                resolution,
                positionOf(viewerId, row.id()),
                metadata,
                row.cancelReason(),
                row.settledAt(),
                viewerId != null && watchlist.watches(viewerId, row.id()),
                row.titleFil(),
                row.descriptionFil());
    }

    /** A cached (viewer-less) detail with the viewer's position and watch flag filled in. */
    static MarketDetail forViewer(MarketDetail m, Position position, boolean watching) {
        return new MarketDetail(
                m.id(),
                m.slug(),
                m.title(),
                m.description(),
                m.category(),
                m.status(),
                m.closesAt(),
                m.resolvesAt(),
                m.createdAt(),
                m.maxPointsPerUser(),
                m.totalPoints(),
                m.forecasterCount(),
                m.outcomes(),
                m.resolution(),
                position,
                m.metadata(),
                m.cancelReason(),
                m.settledAt(),
                watching,
                m.titleFil(),
                m.descriptionFil());
    }

    List<MarketSummary> summaries(List<MarketRow> rows) {
        Map<UUID, List<OutcomeRow>> outcomes =
                records.outcomesOf(rows.stream().map(MarketRow::id).toList());
        return rows.stream().map(row -> summary(row, outcomes)).toList();
    }

    Page<MarketSummary> summaries(Page<MarketRow> rows) {
        Map<UUID, List<OutcomeRow>> outcomes =
                records.outcomesOf(rows.items().stream().map(MarketRow::id).toList());
        return rows.map(row -> summary(row, outcomes));
    }

    private MarketSummary summary(MarketRow row, Map<UUID, List<OutcomeRow>> outcomes) {
        return new MarketSummary(
                row.id(),
                row.slug(),
                row.title(),
                row.description(),
                row.category(),
                row.status().value(),
                row.closesAt(),
                row.resolvesAt(),
                row.createdAt(),
                row.totalPoints(),
                row.forecasterCount(),
                odds.views(outcomes.getOrDefault(row.id(), List.of())),
                row.winningOutcomeId(),
                row.titleFil(),
                row.descriptionFil());
    }
}
