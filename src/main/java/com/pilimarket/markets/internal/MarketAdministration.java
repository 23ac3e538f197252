package com.pilimarket.markets.internal;

import static com.pilimarket.markets.internal.MarketFields.error;
import static com.pilimarket.markets.internal.MarketFields.utc;

import com.pilimarket.markets.MarketCreated;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketEdit;
import com.pilimarket.markets.MarketPositions;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.markets.internal.MarketRecords.OutcomeRow;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's commands on markets (PRODUCT.md §3): create, edit, suspend, resume, close, resolve and
 * cancel, and the scheduled close. {@link Market} decides whether a transition is allowed and which
 * event it implies; this class validates the request, writes, audits, publishes and broadcasts.
 * It stays one class of about 300 lines because each command is that same sequence, ending in the
 * shared {@code finish} or {@code saveTransition}; the field rules are {@link MarketFields}.
 */
@Service
public class MarketAdministration {

    static final String RESOLVER_HAS_POSITION = "RESOLVER_HAS_POSITION";

    private final MarketRecords records;
    private final MarketAdminRecords writes;
    private final MarketHistoryRecords history;
    private final MarketViews views;
    private final MarketOdds odds;
    private final MarketBroadcast broadcast;
    private final MarketAudit audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<MarketPositions> positions;
    private final MarketCache cache;
    private final Clock clock;
    private final JsonMapper json;

    MarketAdministration(
            MarketRecords records,
            MarketAdminRecords writes,
            MarketHistoryRecords history,
            MarketViews views,
            MarketOdds odds,
            MarketBroadcast broadcast,
            MarketAudit audit,
            ApplicationEventPublisher events,
            ObjectProvider<MarketPositions> positions,
            MarketCache cache,
            Clock clock,
            JsonMapper json) {
        this.records = records;
        this.writes = writes;
        this.history = history;
        this.views = views;
        this.odds = odds;
        this.broadcast = broadcast;
        this.audit = audit;
        this.events = events;
        this.positions = positions;
        this.cache = cache;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public MarketDetail create(UUID actorId, NewMarket request) {
        Instant now = clock.instant();
        List<ApiError> errors = new ArrayList<>();
        String title = MarketFields.title(request.title(), errors);
        String description = MarketFields.description(request.description(), errors);
        String category = MarketFields.category(request.category(), errors);
        List<String> outcomes = MarketFields.outcomes(request.outcomes(), errors);
        OffsetDateTime closesAt = utc(request.closesAt());
        OffsetDateTime resolvesAt = utc(request.resolvesAt());
        if (closesAt == null) {
            errors.add(error("closes_at", "is required"));
        } else {
            MarketFields.checkClosesInFuture(closesAt, now, errors);
        }
        MarketFields.checkResolvesAfterCloses(closesAt, resolvesAt, errors);
        long maxPoints =
                request.maxPointsPerUser() == null ? MarketFields.DEFAULT_MAX_POINTS : request.maxPointsPerUser();
        MarketFields.checkMaxPoints(maxPoints, errors);
        String metadata = MarketFields.metadata(request.metadata(), json, errors);
        String titleFil = FilipinoText.title(request.titleFil(), errors);
        String descriptionFil = FilipinoText.description(request.descriptionFil(), errors);
        List<String> outcomesFil = FilipinoText.outcomeNames(request.outcomesFil(), outcomes.size(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String base = Slugs.of(title);
        writes.lockSlug(base);
        String slug = Slugs.unique(base, new HashSet<>(writes.slugsLike(base)));
        UUID id = writes.insert(slug, title, description, category, metadata, closesAt, resolvesAt, maxPoints, actorId);
        writeTextAndOutcomes(id, titleFil, descriptionFil, outcomes, outcomesFil);
        MarketRow row = records.find(id).orElseThrow();
        audit.record(actorId, "market.create", id, Map.of("slug", slug, "title", title));
        events.publishEvent(new MarketCreated(
                id, slug, title, category, actorId, row.createdAt().toInstant()));
        cache.invalidateAfterCommit(id);
        return views.detail(row, null);
    }

    @Transactional
    public MarketDetail edit(UUID actorId, UUID marketId, MarketEdit edit) {
        MarketRow row = records.lockOrThrow(marketId);
        Market market = row.toDomain();
        market.requireEditable();
        List<ApiError> errors = new ArrayList<>();
        String title = edit.title() == null ? row.title() : MarketFields.title(edit.title(), errors);
        String description =
                edit.description() == null ? row.description() : MarketFields.description(edit.description(), errors);
        String category = edit.category() == null ? row.category() : MarketFields.category(edit.category(), errors);
        OffsetDateTime closesAt = row.closesAt();
        if (edit.closesAt() != null) {
            if (market.status() != MarketStatus.OPEN) {
                throw ApiException.invalidState("The closing time can change only while the market is open");
            }
            closesAt = utc(edit.closesAt());
            MarketFields.checkClosesInFuture(closesAt, clock.instant(), errors);
        }
        OffsetDateTime resolvesAt = edit.resolvesAt() == null ? row.resolvesAt() : utc(edit.resolvesAt());
        MarketFields.checkResolvesAfterCloses(closesAt, resolvesAt, errors);
        long maxPoints = row.maxPointsPerUser();
        if (edit.maxPointsPerUser() != null) {
            maxPoints = edit.maxPointsPerUser();
            MarketFields.checkMaxPoints(maxPoints, errors);
        }
        String metadata =
                edit.metadata() == null ? row.metadataJson() : MarketFields.metadata(edit.metadata(), json, errors);
        List<String> outcomes = edit.outcomes() == null ? null : MarketFields.outcomes(edit.outcomes(), errors);
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
        writes.updateDetails(marketId, title, description, category, closesAt, resolvesAt, maxPoints, metadata);
        if (outcomes != null) {
            writes.deleteOutcomes(marketId);
        }
        writeTextAndOutcomes(marketId, titleFil, descriptionFil, outcomes, outcomesFil);
        audit.record(actorId, "market.edit", marketId, Map.of("title", title));
        broadcast.changed(marketId);
        return views.detail(records.find(marketId).orElseThrow(), null);
    }

    @Transactional
    public MarketDetail suspend(UUID actorId, UUID marketId) {
        Market market = records.lockOrThrow(marketId).toDomain();
        market.suspend();
        return saveTransition(actorId, market, "market.suspend");
    }

    @Transactional
    public MarketDetail resume(UUID actorId, UUID marketId) {
        Market market = records.lockOrThrow(marketId).toDomain();
        market.resume(clock.instant());
        return saveTransition(actorId, market, "market.resume");
    }

    @Transactional
    public MarketDetail close(UUID actorId, UUID marketId) {
        Market market = records.lockOrThrow(marketId).toDomain();
        market.close();
        return saveTransition(actorId, market, "market.close");
    }

    /** Closes every open market whose closing time has passed; returns how many. */
    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (UUID id : writes.openAndDue(now)) {
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

    /** Resolves the market and publishes {@code MarketResolved}; a resolver holding a forecast there is refused. */
    @Transactional
    public MarketDetail resolve(UUID actorId, UUID marketId, ResolveMarket request) {
        MarketRow row = records.lockOrThrow(marketId);
        Resolution resolution = Resolution.of(
                request, records.outcomes(marketId).stream().map(OutcomeRow::id).toList());
        Instant now = clock.instant();
        var resolved = row.toDomain().resolve(resolution, actorId, now);
        MarketPositions lookup = positions.getIfAvailable();
        if (lookup != null && lookup.positionOf(actorId, marketId).isPresent()) {
            throw ApiException.unprocessable(
                    RESOLVER_HAS_POSITION, "You hold a forecast in this market, so someone else must resolve it");
        }
        writes.insertResolution(
                marketId, resolution.outcomeId(), actorId, resolution.evidenceUrls(), resolution.note());
        writes.markResolved(marketId, resolution.outcomeId(), now, odds.feePercent());
        return finish(
                actorId,
                marketId,
                "market.resolve",
                Map.of(
                        "outcome_id",
                        resolution.outcomeId().toString(),
                        "evidence_urls",
                        resolution.evidenceUrls(),
                        "note",
                        resolution.note()),
                resolved);
    }

    /** Cancels the market and publishes {@code MarketCancelled}; refunds follow asynchronously. */
    @Transactional
    public MarketDetail cancel(UUID actorId, UUID marketId, String reason) {
        MarketRow row = records.lockOrThrow(marketId);
        Cancellation cancellation = Cancellation.of(reason);
        Instant now = clock.instant();
        var cancelled = row.toDomain().cancel(cancellation, actorId, now);
        writes.markCancelled(marketId, cancellation.reason(), now);
        return finish(actorId, marketId, "market.cancel", Map.of("reason", cancellation.reason()), cancelled);
    }

    /**
     * For seeded demo data only: moves the market's opening to {@code openedAt} and spreads its
     * recorded history points between then and now.
     */
    @Transactional
    public void backdateHistory(UUID marketId, OffsetDateTime openedAt) {
        records.findOrThrow(marketId);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (!openedAt.isBefore(now)) {
            throw new IllegalArgumentException("openedAt must be in the past");
        }
        history.backdateHistory(marketId, utc(openedAt), now);
        cache.invalidateAfterCommit(marketId);
    }

    /** The common end of a final transition: audit, publish its event, broadcast, answer with the market. */
    private MarketDetail finish(UUID actorId, UUID marketId, String action, Map<String, Object> details, Object event) {
        audit.record(actorId, action, marketId, details);
        events.publishEvent(event);
        broadcast.changed(marketId);
        return views.detail(records.find(marketId).orElseThrow(), actorId);
    }

    private MarketDetail saveTransition(UUID actorId, Market market, String action) {
        writes.updateStatus(market.id(), market.status());
        audit.record(
                actorId, action, market.id(), Map.of("status", market.status().value()));
        broadcast.changed(market.id());
        return views.detail(records.find(market.id()).orElseThrow(), null);
    }

    /**
     * The writes create and edit share: the Filipino text; the outcomes when given (null: unchanged),
     * with a first history point at their opening odds; and the outcomes' Filipino names when given.
     */
    private void writeTextAndOutcomes(
            UUID marketId, String titleFil, String descriptionFil, List<String> outcomes, List<String> outcomesFil) {
        writes.updateFilipinoText(marketId, titleFil, descriptionFil);
        if (outcomes != null) {
            writes.insertOutcomes(marketId, outcomes);
            history.insertHistory(List.of(
                    new MarketHistoryRecords.Point(marketId, odds.probabilitiesJson(records.outcomes(marketId)))));
        }
        if (outcomesFil != null) {
            writes.updateOutcomeNamesFil(marketId, outcomesFil);
        }
    }
}
