package com.pilimarket.moderation.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.moderation.ForecastFlagsChanged;
import com.pilimarket.moderation.internal.FlagRecords.FlagRow;
import com.pilimarket.payments.Payments;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises and clears flags. The marks other modules read follow the open flags: a subject is flagged
 * while it has an open flag, an account while any open flag concerns it. Raising and clearing are
 * audited in the same transaction; changes to forecast marks announce {@link ForecastFlagsChanged}.
 */
@Service
class Flagging {

    private static final Pattern RULE = Pattern.compile("^[a-z_]{1,50}$");

    private final FlagRecords flags;
    private final Users users;
    private final Forecasts forecasts;
    private final Payments payments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    Flagging(
            FlagRecords flags,
            Users users,
            Forecasts forecasts,
            Payments payments,
            AuditLog audit,
            ApplicationEventPublisher events,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.flags = flags;
        this.users = users;
        this.forecasts = forecasts;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /** Raises every finding not already flagged, in one transaction; returns the new flags' ids. */
    @Transactional
    List<UUID> raise(List<Finding> findings) {
        List<UUID> raised = new ArrayList<>();
        Set<UUID> forecastIds = new LinkedHashSet<>();
        Set<UUID> accounts = new LinkedHashSet<>();
        for (Finding finding : findings) {
            Optional<UUID> id = flags.insert(finding, json.writeValueAsString(finding.evidence()));
            if (id.isEmpty()) {
                continue;
            }
            raised.add(id.get());
            switch (finding.subjectType()) {
                case USER -> users.setFlagged(finding.subjectId(), true);
                case FORECAST -> forecastIds.add(finding.subjectId());
                case PURCHASE -> payments.setFlagged(finding.subjectId(), true, finding.rule());
            }
            if (finding.userId() != null) {
                accounts.add(finding.userId());
                users.setFlagged(finding.userId(), true);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rule", finding.rule());
            details.put("subject_type", finding.subjectType().value());
            details.put("subject_id", finding.subjectId().toString());
            details.put(
                    "user_id",
                    finding.userId() == null ? null : finding.userId().toString());
            audit.record(null, "flag.raised", "flag", id.get().toString(), details);
            meters.counter("pilimarket.moderation.flags.raised", "rule", finding.rule())
                    .increment();
        }
        if (!forecastIds.isEmpty()) {
            forecasts.setFlagged(forecastIds, true);
            announce(forecastIds, accounts, true);
        }
        return raised;
    }

    @Transactional(readOnly = true)
    Page<FlagView> queue(String status, String rule, String userId, PageQuery page) {
        String wantedStatus =
                status == null || status.isBlank() ? "open" : status.strip().toLowerCase(Locale.ROOT);
        if (!wantedStatus.equals("open") && !wantedStatus.equals("cleared") && !wantedStatus.equals("all")) {
            throw ValidationException.of("status", "must be open, cleared or all");
        }
        String wantedRule = rule == null || rule.isBlank() ? null : rule.strip().toLowerCase(Locale.ROOT);
        if (wantedRule != null && !RULE.matcher(wantedRule).matches()) {
            throw ValidationException.of("rule", "is not a rule name");
        }
        UUID user = null;
        if (userId != null && !userId.isBlank()) {
            try {
                user = UUID.fromString(userId.strip());
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("user_id", "must be a UUID");
            }
        }
        return flags.queue(wantedStatus.equals("all") ? null : wantedStatus, wantedRule, user, page)
                .map(row -> FlagView.of(row, json));
    }

    /** What clearing did: the flag as it is now, and any flags of the same finding cleared with it. */
    record Cleared(FlagView flag, List<UUID> alsoCleared) {}

    /**
     * Clears an open flag with a reason. Clearing an account's flag also clears that finding's flags
     * on the account's forecasts and purchases; each subject left without open flags is un-flagged.
     */
    @Transactional
    Cleared clear(UUID actorId, UUID flagId, String rawReason) {
        String reason = Text.cleanLine(rawReason);
        if (reason == null || reason.isEmpty() || reason.length() > 500) {
            throw ValidationException.of("reason", "a reason of 1 to 500 characters is required");
        }
        FlagRow flag = flags.lock(flagId).orElseThrow(() -> ApiException.notFound("Flag"));
        if (!flag.status().equals("open")) {
            throw ApiException.invalidState("This flag is already cleared");
        }
        if (actorId.equals(flag.userId())) {
            throw ApiException.forbidden("You cannot clear a flag on your own account");
        }
        List<FlagRow> cleared = new ArrayList<>();
        cleared.add(flag);
        if (flag.subjectType() == SubjectType.USER && flag.userId() != null) {
            cleared.addAll(flags.lockOpenOfSameFinding(flag.userId(), flag.rule(), flag.id()));
        }
        Set<UUID> unflaggedForecasts = new LinkedHashSet<>();
        Set<UUID> accounts = new LinkedHashSet<>();
        for (FlagRow row : cleared) {
            flags.clear(row.id(), actorId, reason);
        }
        for (FlagRow row : cleared) {
            if (!flags.openOnSubject(row.subjectType(), row.subjectId())) {
                switch (row.subjectType()) {
                    case USER -> {
                        if (!flags.openOnUser(row.subjectId())) {
                            users.setFlagged(row.subjectId(), false);
                        }
                    }
                    case FORECAST -> unflaggedForecasts.add(row.subjectId());
                    case PURCHASE -> payments.setFlagged(row.subjectId(), false, row.rule());
                }
            }
            if (row.userId() != null) {
                accounts.add(row.userId());
                if (!flags.openOnUser(row.userId())) {
                    users.setFlagged(row.userId(), false);
                }
            }
        }
        List<UUID> alsoCleared = cleared.stream().skip(1).map(FlagRow::id).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", flag.rule());
        details.put("subject_type", flag.subjectType().value());
        details.put("subject_id", flag.subjectId().toString());
        details.put("user_id", flag.userId() == null ? null : flag.userId().toString());
        details.put("reason", reason);
        details.put("also_cleared", alsoCleared.stream().map(UUID::toString).toList());
        audit.record(actorId, "flag.cleared", "flag", flag.id().toString(), details);
        if (!unflaggedForecasts.isEmpty()) {
            forecasts.setFlagged(unflaggedForecasts, false);
            announce(unflaggedForecasts, accounts, false);
        }
        meters.counter("pilimarket.moderation.flags.cleared", "rule", flag.rule())
                .increment();
        FlagView view =
                flags.queueRow(flagId).map(row -> FlagView.of(row, json)).orElseThrow();
        return new Cleared(view, alsoCleared);
    }

    private void announce(Set<UUID> forecastIds, Set<UUID> accounts, boolean flagged) {
        Set<UUID> markets = new LinkedHashSet<>(flags.marketsOf(forecastIds));
        events.publishEvent(new ForecastFlagsChanged(
                Set.copyOf(forecastIds), Set.copyOf(markets), Set.copyOf(accounts), flagged, clock.instant()));
    }
}
