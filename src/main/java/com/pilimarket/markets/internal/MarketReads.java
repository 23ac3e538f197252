package com.pilimarket.markets.internal;

import static com.pilimarket.markets.internal.MarketFields.blankToNull;
import static com.pilimarket.markets.internal.MarketFields.error;
import static com.pilimarket.markets.internal.MarketFields.names;

import com.pilimarket.markets.HistoryPoint;
import com.pilimarket.markets.MarketCategory;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketQuery;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.markets.OutcomeRef;
import com.pilimarket.markets.Position;
import com.pilimarket.markets.internal.MarketHistoryRecords.HistoryRow;
import com.pilimarket.markets.internal.MarketListRecords.ListFilter;
import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reading markets: detail and lists (through {@link MarketCache}), related markets, history, refs. */
@Service
public class MarketReads {

    static final int HISTORY_POINTS = 200;

    private static final Map<String, String> SORTS = Map.of(
            "created_at", "m.created_at",
            "volume", "m.total_points",
            "closes_at", "m.closes_at",
            "forecasters", "m.forecaster_count");

    private final MarketRecords records;
    private final MarketListRecords lists;
    private final MarketHistoryRecords history;
    private final WatchlistRecords watchlist;
    private final MarketViews views;
    private final MarketCache cache;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final JsonMapper json;

    MarketReads(
            MarketRecords records,
            MarketListRecords lists,
            MarketHistoryRecords history,
            WatchlistRecords watchlist,
            MarketViews views,
            MarketCache cache,
            PlatformTransactionManager transactions,
            Clock clock,
            JsonMapper json) {
        this.records = records;
        this.lists = lists;
        this.history = history;
        this.watchlist = watchlist;
        this.views = views;
        this.cache = cache;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
        this.json = json;
    }

    /**
     * Served from {@link MarketCache} (no transaction, no connection on a hit); the viewer's position
     * is never cached and is read on each call.
     */
    public MarketDetail detail(String idOrSlug, UUID viewerId) {
        UUID id = idOrSlug == null ? null : cache.idOf(idOrSlug).orElse(null);
        MarketDetail market;
        if (id != null) {
            market = cache.detail(id, () -> readTx.execute(s -> views.detail(records.findOrThrow(id), null)));
        } else {
            // First sight of this id or slug: resolve it (ids first, then slugs), remember the answer.
            market = readTx.execute(s -> views.detail(find(idOrSlug), null));
            cache.rememberId(idOrSlug, market.id());
        }
        if (viewerId == null) {
            return market;
        }
        Position position = views.positionOf(viewerId, market.id());
        boolean watching = watchlist.watches(viewerId, market.id());
        return position == null && !watching ? market : MarketViews.forViewer(market, position, watching);
    }

    public Page<MarketSummary> list(MarketQuery query, PageQuery page) {
        List<ApiError> errors = new ArrayList<>();
        String category = blankToNull(query.category());
        if (category != null && MarketCategory.parse(category).isEmpty()) {
            errors.add(error("category", "must be one of " + names(MarketCategory.values())));
        }
        String status = blankToNull(query.status());
        if (status != null && MarketStatus.parse(status).isEmpty()) {
            errors.add(error("status", "must be one of " + names(MarketStatus.values())));
        }
        String sort = query.sort() == null || query.sort().isBlank() ? "created_at" : query.sort();
        if (!SORTS.containsKey(sort)) {
            errors.add(error("sort", "must be one of created_at, volume, closes_at, forecasters"));
        }
        String order = query.order() == null || query.order().isBlank()
                ? ("closes_at".equals(sort) ? "asc" : "desc")
                : query.order().toLowerCase(Locale.ROOT);
        if (!order.equals("asc") && !order.equals("desc")) {
            errors.add(error("order", "must be asc or desc"));
        }
        String search = blankToNull(Text.cleanLine(query.q()));
        if (search != null && search.length() > 200) {
            errors.add(error("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String direction = order.toUpperCase(Locale.ROOT);
        String orderBy = SORTS.get(sort) + " " + direction + ", m.id " + direction;
        ListFilter filter = new ListFilter(category, status, search, orderBy);
        String key = String.join(
                "\u0000",
                String.valueOf(category),
                String.valueOf(status),
                String.valueOf(search),
                orderBy,
                Integer.toString(page.page()),
                Integer.toString(page.limit()));
        return cache.list(key, () -> readTx.execute(s -> views.summaries(lists.list(filter, page))));
    }

    /** Open markets related to this one (404 for an unknown market). */
    @Transactional(readOnly = true)
    public List<MarketSummary> related(UUID marketId, int limit) {
        records.findOrThrow(marketId);
        return similar(List.of(marketId), List.of(marketId), limit);
    }

    /** These markets as lists show them, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, MarketSummary> summaries(Collection<UUID> marketIds) {
        Map<UUID, MarketSummary> byId = new LinkedHashMap<>();
        for (MarketSummary summary : views.summaries(records.rows(Set.copyOf(marketIds)))) {
            byId.put(summary.id(), summary);
        }
        return byId;
    }

    /**
     * Open markets near {@code seeds}: the same category or a shared word in the title (see
     * {@link TitleWords}), the closest first; {@code excluded} markets are left out.
     */
    @Transactional(readOnly = true)
    public List<MarketSummary> similar(Collection<UUID> seeds, Collection<UUID> excluded, int limit) {
        if (seeds.isEmpty()) {
            return List.of();
        }
        List<MarketRow> seedRows = records.rows(Set.copyOf(seeds));
        if (seedRows.isEmpty() || limit <= 0) {
            return List.of();
        }
        Set<String> categories = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        for (MarketRow row : seedRows) {
            categories.add(row.category());
            words.addAll(TitleWords.of(row.title()));
        }
        return views.summaries(lists.similar(categories, TitleWords.capped(words), Set.copyOf(excluded), limit));
    }

    @Transactional(readOnly = true)
    public List<HistoryPoint> history(UUID marketId, String range) {
        records.findOrThrow(marketId);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime from = switch (range == null || range.isBlank() ? "all" : range) {
            case "1h" -> now.minus(Duration.ofHours(1));
            case "24h" -> now.minus(Duration.ofHours(24));
            case "7d" -> now.minusDays(7);
            case "30d" -> now.minusDays(30);
            case "all" -> null;
            default -> throw ValidationException.of("range", "must be one of 1h, 24h, 7d, 30d, all");
        };
        List<HistoryPoint> points = new ArrayList<>();
        for (HistoryRow row : history.history(marketId, from, HISTORY_POINTS)) {
            Map<String, Double> raw = json.readValue(row.probabilitiesJson(), new TypeReference<>() {});
            Map<UUID, Double> probabilities = new LinkedHashMap<>();
            raw.forEach((k, v) -> probabilities.put(UUID.fromString(k), v));
            points.add(new HistoryPoint(row.at().withOffsetSameInstant(ZoneOffset.UTC), probabilities));
        }
        return points;
    }

    /** The markets the user watches, the most recently watched first. */
    @Transactional(readOnly = true)
    public Page<MarketSummary> watchlist(UUID userId, PageQuery page) {
        return views.summaries(watchlist.watchlist(userId, page));
    }

    @Transactional(readOnly = true)
    public Map<UUID, MarketRef> refs(Collection<UUID> marketIds) {
        return records.refs(marketIds);
    }

    @Transactional(readOnly = true)
    public Map<UUID, OutcomeRef> outcomeRefs(Collection<UUID> outcomeIds) {
        return records.outcomeRefs(outcomeIds);
    }

    private MarketRow find(String idOrSlug) {
        Optional<MarketRow> row = Optional.empty();
        if (idOrSlug != null && idOrSlug.length() == 36) {
            try {
                row = records.find(UUID.fromString(idOrSlug));
            } catch (IllegalArgumentException notAUuid) {
                // fall through to the slug
            }
        }
        if (row.isEmpty() && idOrSlug != null && idOrSlug.length() <= 200) {
            row = records.findBySlug(idOrSlug);
        }
        return row.orElseThrow(() -> ApiException.notFound("Market"));
    }
}
