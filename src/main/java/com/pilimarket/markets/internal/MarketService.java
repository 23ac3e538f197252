package com.pilimarket.markets.internal;

import com.pilimarket.markets.HistoryPoint;
import com.pilimarket.markets.MarketCancelled;
import com.pilimarket.markets.MarketCategory;
import com.pilimarket.markets.MarketCreated;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketEdit;
import com.pilimarket.markets.MarketPositions;
import com.pilimarket.markets.MarketQuery;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.MarketResolved;
import com.pilimarket.markets.MarketSnapshot;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.OutcomeRef;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.markets.Position;
import com.pilimarket.markets.Probabilities;
import com.pilimarket.markets.ResolutionView;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.markets.Stake;
import com.pilimarket.markets.internal.MarketRecords.HistoryRow;
import com.pilimarket.markets.internal.MarketRecords.ListFilter;
import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.markets.internal.MarketRecords.OutcomeRow;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The markets module's implementation behind {@link com.pilimarket.markets.Markets}. */
@Service
public class MarketService {

    static final int MIN_OUTCOMES = 2;
    static final int MAX_OUTCOMES = 20;
    static final long DEFAULT_MAX_POINTS = 10_000;
    static final long MAX_POINTS_LIMIT = 1_000_000_000L;
    static final int HISTORY_POINTS = 200;
    static final String RESOLVER_HAS_POSITION = "RESOLVER_HAS_POSITION";

    private static final Map<String, String> SORTS = Map.of(
            "created_at", "m.created_at",
            "volume", "m.total_points",
            "closes_at", "m.closes_at",
            "forecasters", "m.forecaster_count");

    private final MarketRecords records;
    private final MarketStream stream;
    private final MarketAudit audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<MarketPositions> positions;
    private final MarketCache cache;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final JsonMapper json;
    private final long prior;
    private final BigDecimal feePercent;

    MarketService(
            MarketRecords records,
            MarketStream stream,
            MarketAudit audit,
            ApplicationEventPublisher events,
            ObjectProvider<MarketPositions> positions,
            MarketCache cache,
            PlatformTransactionManager transactions,
            Clock clock,
            JsonMapper json,
            @Value("${pilimarket.chips.probability-prior:100}") long prior,
            @Value("${pilimarket.chips.house-fee-percent:0}") BigDecimal feePercent) {
        this.records = records;
        this.stream = stream;
        this.audit = audit;
        this.events = events;
        this.positions = positions;
        this.cache = cache;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
        this.json = json;
        this.prior = prior;
        this.feePercent = feePercent;
    }

    public long prior() {
        return prior;
    }

    public BigDecimal feePercent() {
        return feePercent;
    }

    // ------------------------------------------------------------------ admin

    @Transactional
    public MarketDetail create(UUID actorId, NewMarket request) {
        Instant now = clock.instant();
        List<ApiError> errors = new ArrayList<>();
        String title = title(request.title(), errors);
        String description = description(request.description(), errors);
        String category = category(request.category(), true, errors);
        List<String> outcomes = outcomes(request.outcomes(), errors);
        OffsetDateTime closesAt = utc(request.closesAt());
        OffsetDateTime resolvesAt = utc(request.resolvesAt());
        if (closesAt == null) {
            errors.add(error("closes_at", "is required"));
        } else if (!closesAt.toInstant().isAfter(now)) {
            errors.add(error("closes_at", "must be in the future"));
        }
        if (resolvesAt != null && closesAt != null && resolvesAt.isBefore(closesAt)) {
            errors.add(error("resolves_at", "must not be before closes_at"));
        }
        long maxPoints = request.maxPointsPerUser() == null ? DEFAULT_MAX_POINTS : request.maxPointsPerUser();
        checkMaxPoints(maxPoints, errors);
        String metadata = metadata(request.metadata(), errors);
        String titleFil = FilipinoText.title(request.titleFil(), errors);
        String descriptionFil = FilipinoText.description(request.descriptionFil(), errors);
        List<String> outcomesFil = FilipinoText.outcomeNames(request.outcomesFil(), outcomes.size(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String base = Slugs.of(title);
        records.lockSlug(base);
        String slug = Slugs.unique(base, new HashSet<>(records.slugsLike(base)));
        UUID id =
                records.insert(slug, title, description, category, metadata, closesAt, resolvesAt, maxPoints, actorId);
        records.insertOutcomes(id, outcomes);
        records.updateFilipinoText(id, titleFil, descriptionFil);
        if (outcomesFil != null) {
            records.updateOutcomeNamesFil(id, outcomesFil);
        }
        recordHistory(id);
        MarketRow row = records.find(id).orElseThrow();
        audit.record(actorId, "market.create", id, Map.of("slug", slug, "title", title));
        events.publishEvent(new MarketCreated(
                id, slug, title, category, actorId, row.createdAt().toInstant()));
        cache.invalidateAfterCommit(id);
        return detailOf(row, null);
    }

    @Transactional
    public MarketDetail edit(UUID actorId, UUID marketId, MarketEdit edit) {
        MarketRow row = lockRow(marketId);
        Market market = row.toDomain();
        market.requireEditable();
        List<ApiError> errors = new ArrayList<>();
        String title = edit.title() == null ? row.title() : title(edit.title(), errors);
        String description = edit.description() == null ? row.description() : description(edit.description(), errors);
        String category = edit.category() == null ? row.category() : category(edit.category(), true, errors);
        OffsetDateTime closesAt = row.closesAt();
        if (edit.closesAt() != null) {
            if (market.status() != MarketStatus.OPEN) {
                throw ApiException.invalidState("The closing time can change only while the market is open");
            }
            closesAt = utc(edit.closesAt());
            if (!closesAt.toInstant().isAfter(clock.instant())) {
                errors.add(error("closes_at", "must be in the future"));
            }
        }
        OffsetDateTime resolvesAt = edit.resolvesAt() == null ? row.resolvesAt() : utc(edit.resolvesAt());
        if (resolvesAt != null && resolvesAt.isBefore(closesAt)) {
            errors.add(error("resolves_at", "must not be before closes_at"));
        }
        long maxPoints = row.maxPointsPerUser();
        if (edit.maxPointsPerUser() != null) {
            maxPoints = edit.maxPointsPerUser();
            checkMaxPoints(maxPoints, errors);
        }
        String metadata = edit.metadata() == null ? row.metadataJson() : metadata(edit.metadata(), errors);
        List<String> outcomes = edit.outcomes() == null ? null : outcomes(edit.outcomes(), errors);
        String titleFil = edit.titleFil() == null ? row.titleFil() : FilipinoText.title(edit.titleFil(), errors);
        String descriptionFil = edit.descriptionFil() == null
                ? row.descriptionFil()
                : FilipinoText.description(edit.descriptionFil(), errors);
        int outcomeCount =
                outcomes != null ? outcomes.size() : records.outcomes(marketId).size();
        List<String> outcomesFil = FilipinoText.outcomeNames(edit.outcomesFil(), outcomeCount, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (maxPoints < row.maxPointsPerUser()) {
            // Someone may already hold more than a lowered cap; raising is always safe.
            market.requireNoForecasts("The stake cap can only be raised: it");
        }
        if (outcomes != null) {
            market.requireNoForecasts("Outcomes");
        }
        records.updateDetails(marketId, title, description, category, closesAt, resolvesAt, maxPoints, metadata);
        records.updateFilipinoText(marketId, titleFil, descriptionFil);
        if (outcomes != null) {
            records.deleteOutcomes(marketId);
            records.insertOutcomes(marketId, outcomes);
            recordHistory(marketId);
        }
        if (outcomesFil != null) {
            records.updateOutcomeNamesFil(marketId, outcomesFil);
        }
        audit.record(actorId, "market.edit", marketId, Map.of("title", title));
        broadcast(marketId);
        return detailOf(records.find(marketId).orElseThrow(), null);
    }

    @Transactional
    public MarketDetail suspend(UUID actorId, UUID marketId) {
        Market market = lockRow(marketId).toDomain();
        market.suspend();
        return saveTransition(actorId, market, "market.suspend");
    }

    @Transactional
    public MarketDetail resume(UUID actorId, UUID marketId) {
        Market market = lockRow(marketId).toDomain();
        market.resume(clock.instant());
        return saveTransition(actorId, market, "market.resume");
    }

    @Transactional
    public MarketDetail close(UUID actorId, UUID marketId) {
        Market market = lockRow(marketId).toDomain();
        market.close();
        return saveTransition(actorId, market, "market.close");
    }

    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (UUID id : records.openAndDue(now)) {
            Optional<MarketRow> row = records.lock(id);
            if (row.isEmpty()) {
                continue;
            }
            Market market = row.get().toDomain();
            if (market.closeIfDue(now)) {
                saveTransition(null, market, "market.close.scheduled");
                closed++;
            }
        }
        return closed;
    }

    @Transactional
    public MarketDetail resolve(UUID actorId, UUID marketId, ResolveMarket request) {
        MarketRow row = lockRow(marketId);
        List<ApiError> errors = new ArrayList<>();
        if (request.outcomeId() == null) {
            errors.add(error("outcome_id", "is required"));
        } else if (records.outcomes(marketId).stream().noneMatch(o -> o.id().equals(request.outcomeId()))) {
            errors.add(error("outcome_id", "is not an outcome of this market"));
        }
        List<String> urls = new ArrayList<>();
        if (request.evidenceUrls() == null || request.evidenceUrls().isEmpty()) {
            errors.add(error("evidence_urls", "needs at least one http(s) URL"));
        } else if (request.evidenceUrls().size() > 20) {
            errors.add(error("evidence_urls", "takes at most 20 URLs"));
        } else {
            for (int i = 0; i < request.evidenceUrls().size(); i++) {
                String url = request.evidenceUrls().get(i);
                if (!Text.isHttpUrl(url)) {
                    errors.add(error("evidence_urls[" + i + "]", "must be an http(s) URL"));
                } else {
                    urls.add(url.strip());
                }
            }
        }
        String note = Text.clean(request.resolutionNote());
        if (note == null || note.isEmpty()) {
            errors.add(error("resolution_note", "is required"));
        } else if (note.length() > 5_000) {
            errors.add(error("resolution_note", "must be at most 5000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Market market = row.toDomain();
        market.resolve();
        MarketPositions lookup = positions.getIfAvailable();
        if (lookup != null && lookup.positionOf(actorId, marketId).isPresent()) {
            throw ApiException.unprocessable(
                    RESOLVER_HAS_POSITION, "You hold a forecast in this market, so someone else must resolve it");
        }
        Instant now = clock.instant();
        records.insertResolution(marketId, request.outcomeId(), actorId, urls, note);
        records.markResolved(marketId, request.outcomeId(), now, feePercent);
        audit.record(
                actorId,
                "market.resolve",
                marketId,
                Map.of("outcome_id", request.outcomeId().toString(), "evidence_urls", urls, "note", note));
        events.publishEvent(new MarketResolved(
                marketId,
                request.outcomeId(),
                actorId,
                row.title(),
                row.category(),
                row.createdAt().toInstant(),
                now));
        broadcast(marketId);
        return detailOf(records.find(marketId).orElseThrow(), actorId);
    }

    @Transactional
    public MarketDetail cancel(UUID actorId, UUID marketId, String reason) {
        MarketRow row = lockRow(marketId);
        String cleaned = Text.clean(reason);
        if (cleaned == null || cleaned.isEmpty()) {
            throw ValidationException.of("reason", "is required");
        }
        if (cleaned.length() > 2_000) {
            throw ValidationException.of("reason", "must be at most 2000 characters");
        }
        Market market = row.toDomain();
        market.cancel();
        Instant now = clock.instant();
        records.markCancelled(marketId, cleaned, now);
        audit.record(actorId, "market.cancel", marketId, Map.of("reason", cleaned));
        events.publishEvent(new MarketCancelled(
                marketId,
                cleaned,
                actorId,
                row.title(),
                row.category(),
                row.createdAt().toInstant(),
                now));
        broadcast(marketId);
        return detailOf(records.find(marketId).orElseThrow(), actorId);
    }

    // ------------------------------------------------------------------ placement and settlement

    @Transactional
    public MarketSnapshot lockForForecast(UUID marketId, UUID outcomeId) {
        MarketRow row = lockRow(marketId);
        List<OutcomeRow> outcomes = records.outcomes(marketId);
        if (outcomes.stream().noneMatch(o -> o.id().equals(outcomeId))) {
            throw ValidationException.of("outcome_id", "is not an outcome of this market");
        }
        row.toDomain().requireOpenForForecasts(clock.instant());
        return snapshot(row, outcomes);
    }

    /** Locks these markets' rows in PostgreSQL's order (placements of many markets in one transaction). */
    @Transactional
    public void lockAll(Collection<UUID> marketIds) {
        records.lockAll(marketIds);
    }

    /** Empty (and nothing thrown, so the caller's transaction goes on) if the market is unknown or not open. */
    @Transactional
    public Optional<MarketSnapshot> lockIfTakingForecasts(UUID marketId) {
        return records.lock(marketId)
                .filter(row -> row.toDomain().takesForecasts(clock.instant()))
                .map(row -> snapshot(row, records.outcomes(marketId)));
    }

    /**
     * Four statements whatever the number of stakes: read the totals (under the market lock the
     * caller holds), add all stakes, and write one history point per stake with the odds right
     * after it, as if each had been recorded on its own.
     */
    @Transactional
    public void recordStakes(UUID marketId, List<Stake> stakes) {
        if (stakes.isEmpty()) {
            return;
        }
        List<OutcomeRow> outcomes = records.outcomes(marketId);
        List<UUID> ids = outcomes.stream().map(OutcomeRow::id).toList();
        long[] totals = outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray();
        Map<UUID, Long> added = new LinkedHashMap<>();
        int newForecasters = 0;
        List<String> history = new ArrayList<>(stakes.size());
        for (Stake stake : stakes) {
            int index = ids.indexOf(stake.outcomeId());
            if (index < 0) {
                throw new IllegalStateException("outcome " + stake.outcomeId() + " is not in market " + marketId);
            }
            totals[index] = Math.addExact(totals[index], stake.points());
            added.merge(stake.outcomeId(), stake.points(), Math::addExact);
            newForecasters += stake.newForecaster() ? 1 : 0;
            history.add(probabilitiesJson(ids, totals));
        }
        records.addStakes(marketId, added, newForecasters);
        records.insertHistory(marketId, history);
        broadcast(marketId);
    }

    @Transactional
    public MarketSnapshot lockForSettlement(UUID marketId) {
        MarketRow row = lockRow(marketId);
        return snapshot(row, records.outcomes(marketId));
    }

    /** The house fee of this market's settlement, fixed at resolution (see {@link MarketRecords#fixSettlementFee}). */
    @Transactional
    public BigDecimal settlementFeePercent(UUID marketId) {
        return records.fixSettlementFee(marketId, feePercent);
    }

    @Transactional
    public boolean markSettled(UUID marketId) {
        boolean first = records.markSettled(marketId);
        if (first) {
            broadcast(marketId);
        }
        return first;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Served from {@link MarketCache} (no transaction, no connection on a hit); the viewer's position
     * is never cached and is read on each call.
     */
    public MarketDetail detail(String idOrSlug, UUID viewerId) {
        UUID id = idOrSlug == null ? null : cache.idOf(idOrSlug).orElse(null);
        MarketDetail market;
        if (id != null) {
            market = cache.detail(id, () -> readTx.execute(s -> detailOf(requireRow(id), null)));
        } else {
            // First sight of this id or slug: resolve it (ids first, then slugs), remember the answer.
            market = readTx.execute(s -> detailOf(findRow(idOrSlug), null));
            cache.rememberId(idOrSlug, market.id());
        }
        if (viewerId == null) {
            return market;
        }
        MarketPositions lookup = positions.getIfAvailable();
        Position position =
                lookup == null ? null : lookup.positionOf(viewerId, market.id()).orElse(null);
        boolean watching = records.watches(viewerId, market.id());
        return position == null && !watching ? market : forViewer(market, position, watching);
    }

    private static MarketDetail forViewer(MarketDetail m, Position position, boolean watching) {
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
        return cache.list(key, () -> readTx.execute(s -> listPage(filter, page)));
    }

    private Page<MarketSummary> listPage(ListFilter filter, PageQuery page) {
        return summaries(records.list(filter, page));
    }

    private List<MarketSummary> summaryList(List<MarketRow> rows) {
        Map<UUID, List<OutcomeRow>> outcomes =
                records.outcomesOf(rows.stream().map(MarketRow::id).toList());
        return rows.stream().map(row -> summary(row, outcomes)).toList();
    }

    private Page<MarketSummary> summaries(Page<MarketRow> rows) {
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
                views(outcomes.getOrDefault(row.id(), List.of())),
                row.winningOutcomeId(),
                row.titleFil(),
                row.descriptionFil());
    }

    /** Open markets related to this one (404 for an unknown market). */
    @Transactional(readOnly = true)
    public List<MarketSummary> related(UUID marketId, int limit) {
        requireRow(marketId);
        return similar(List.of(marketId), List.of(marketId), limit);
    }

    /** These markets as lists show them, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, MarketSummary> summaries(Collection<UUID> marketIds) {
        Map<UUID, MarketSummary> byId = new LinkedHashMap<>();
        for (MarketSummary summary : summaryList(records.rows(Set.copyOf(marketIds)))) {
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
        return summaryList(records.similar(categories, TitleWords.capped(words), Set.copyOf(excluded), limit));
    }

    @Transactional(readOnly = true)
    public List<HistoryPoint> history(UUID marketId, String range) {
        requireRow(marketId);
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
        for (HistoryRow row : records.history(marketId, from, HISTORY_POINTS)) {
            Map<String, Double> raw = json.readValue(row.probabilitiesJson(), new TypeReference<>() {});
            Map<UUID, Double> probabilities = new LinkedHashMap<>();
            raw.forEach((k, v) -> probabilities.put(UUID.fromString(k), v));
            points.add(new HistoryPoint(row.at().withOffsetSameInstant(ZoneOffset.UTC), probabilities));
        }
        return points;
    }

    @Transactional
    public void backdateHistory(UUID marketId, OffsetDateTime openedAt) {
        requireRow(marketId);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (!openedAt.isBefore(now)) {
            throw new IllegalArgumentException("openedAt must be in the past");
        }
        records.backdateHistory(marketId, utc(openedAt), now);
        cache.invalidateAfterCommit(marketId);
    }

    @Transactional
    public void watch(UUID userId, UUID marketId) {
        requireRow(marketId);
        records.watch(userId, marketId);
    }

    @Transactional
    public void unwatch(UUID userId, UUID marketId) {
        requireRow(marketId);
        records.unwatch(userId, marketId);
    }

    /** The markets the user watches, the most recently watched first. */
    @Transactional(readOnly = true)
    public Page<MarketSummary> watchlist(UUID userId, PageQuery page) {
        return summaries(records.watchlist(userId, page));
    }

    @Transactional(readOnly = true)
    public boolean isWatching(UUID userId, UUID marketId) {
        return records.watches(userId, marketId);
    }

    @Transactional(readOnly = true)
    public Map<UUID, MarketRef> refs(Collection<UUID> marketIds) {
        return records.refs(marketIds);
    }

    @Transactional(readOnly = true)
    public Map<UUID, OutcomeRef> outcomeRefs(Collection<UUID> outcomeIds) {
        return records.outcomeRefs(outcomeIds);
    }

    /** The live state pushed on the SSE stream, as JSON. */
    @Transactional(readOnly = true)
    public void streamAfterCommit(UUID marketId, String event, Supplier<String> data) {
        if (event == null || !event.matches("[a-z_]{1,30}") || event.equals(MarketStream.EVENT)) {
            throw new IllegalArgumentException("not an event name another module may send: " + event);
        }
        stream.publishEventAfterCommit(marketId, event, data);
    }

    public String streamState(UUID marketId) {
        MarketRow row = requireRow(marketId);
        return json.writeValueAsString(tick(row, records.outcomes(marketId)));
    }

    // ------------------------------------------------------------------ helpers

    /** What a {@code market} SSE event carries. */
    record MarketTick(
            UUID marketId,
            String status,
            long totalPoints,
            int forecasterCount,
            List<OutcomeView> outcomes,
            OffsetDateTime at) {}

    private MarketTick tick(MarketRow row, List<OutcomeRow> outcomes) {
        return new MarketTick(
                row.id(),
                row.status().value(),
                row.totalPoints(),
                row.forecasterCount(),
                views(outcomes),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    private void broadcast(UUID marketId) {
        // Every write to a market comes through here: drop cached reads first, then tell SSE clients.
        cache.invalidateAfterCommit(marketId);
        stream.publishAfterCommit(marketId, () -> streamState(marketId));
    }

    private MarketDetail saveTransition(UUID actorId, Market market, String action) {
        records.updateStatus(market.id(), market.status());
        audit.record(
                actorId, action, market.id(), Map.of("status", market.status().value()));
        broadcast(market.id());
        return detailOf(records.find(market.id()).orElseThrow(), null);
    }

    private void recordHistory(UUID marketId) {
        List<OutcomeRow> outcomes = records.outcomes(marketId);
        records.insertHistory(
                marketId,
                List.of(probabilitiesJson(
                        outcomes.stream().map(OutcomeRow::id).toList(),
                        outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray())));
    }

    /** The displayed probabilities for these totals, as a history point stores them. */
    private String probabilitiesJson(List<UUID> outcomeIds, long[] totals) {
        List<Probabilities.Odds> odds = Probabilities.of(totals, prior, feePercent);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < outcomeIds.size(); i++) {
            probabilities.put(outcomeIds.get(i).toString(), odds.get(i).probability());
        }
        return json.writeValueAsString(probabilities);
    }

    private List<OutcomeView> views(List<OutcomeRow> outcomes) {
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

    private MarketDetail detailOf(MarketRow row, UUID viewerId) {
        ResolutionView resolution = records.resolution(row.id()).orElse(null);
        Position position = null;
        MarketPositions lookup = positions.getIfAvailable();
        if (viewerId != null && lookup != null) {
            position = lookup.positionOf(viewerId, row.id()).orElse(null);
        }
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
                views(records.outcomes(row.id())),
                resolution,
                position,
                metadata,
                row.cancelReason(),
                row.settledAt(),
                viewerId != null && records.watches(viewerId, row.id()),
                row.titleFil(),
                row.descriptionFil());
    }

    private MarketSnapshot snapshot(MarketRow row, List<OutcomeRow> outcomes) {
        return new MarketSnapshot(
                row.id(),
                row.status(),
                row.category(),
                row.closesAt().toInstant(),
                row.createdAt().toInstant(),
                row.maxPointsPerUser(),
                outcomes.stream().map(OutcomeRow::id).toList(),
                outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray());
    }

    private MarketRow findRow(String idOrSlug) {
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

    private MarketRow requireRow(UUID marketId) {
        return records.find(marketId).orElseThrow(() -> ApiException.notFound("Market"));
    }

    private MarketRow lockRow(UUID marketId) {
        if (marketId == null) {
            throw ValidationException.of("market_id", "is required");
        }
        return records.lock(marketId).orElseThrow(() -> ApiException.notFound("Market"));
    }

    private static String title(String raw, List<ApiError> errors) {
        String title = Text.cleanLine(raw);
        if (title == null || !Text.hasVisibleCharacters(title)) {
            errors.add(error("title", "is required"));
        } else if (title.length() < 3 || title.length() > 200) {
            errors.add(error("title", "must be 3 to 200 characters"));
        }
        return title;
    }

    private static String description(String raw, List<ApiError> errors) {
        String description = Text.clean(raw);
        if (description != null && description.length() > 5_000) {
            errors.add(error("description", "must be at most 5000 characters"));
        }
        return description == null || description.isEmpty() ? null : description;
    }

    private static String category(String raw, boolean required, List<ApiError> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(error("category", "is required"));
            }
            return null;
        }
        Optional<MarketCategory> category = MarketCategory.parse(raw.strip().toLowerCase(Locale.ROOT));
        if (category.isEmpty()) {
            errors.add(error("category", "must be one of " + names(MarketCategory.values())));
            return null;
        }
        return category.get().value();
    }

    private static List<String> outcomes(List<String> raw, List<ApiError> errors) {
        if (raw == null || raw.size() < MIN_OUTCOMES || raw.size() > MAX_OUTCOMES) {
            errors.add(error("outcomes", "needs " + MIN_OUTCOMES + " to " + MAX_OUTCOMES + " outcomes"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = Text.cleanLine(raw.get(i));
            if (name == null || !Text.hasVisibleCharacters(name)) {
                errors.add(error("outcomes[" + i + "]", "must not be blank"));
            } else if (name.length() > 100) {
                errors.add(error("outcomes[" + i + "]", "must be at most 100 characters"));
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(error("outcomes[" + i + "]", "repeats another outcome"));
            }
            names.add(name);
        }
        return names;
    }

    private static void checkMaxPoints(long maxPoints, List<ApiError> errors) {
        if (maxPoints < 1 || maxPoints > MAX_POINTS_LIMIT) {
            errors.add(error("max_points_per_user", "must be between 1 and " + MAX_POINTS_LIMIT));
        }
    }

    private String metadata(Map<String, Object> metadata, List<ApiError> errors) {
        // Free-form, but still user text: no markup or control characters are stored in it either.
        String text = json.writeValueAsString(metadata == null ? Map.of() : Text.cleanDeep(metadata));
        if (text.length() > 10_000) {
            errors.add(error("metadata", "must be at most 10,000 characters of JSON"));
        }
        return text;
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ApiError error(String field, String message) {
        return new ApiError(ErrorCodes.VALIDATION_FAILED, field, message);
    }

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
