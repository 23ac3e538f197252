package com.pilimarket.moderation.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.comments.CommentSummary;
import com.pilimarket.comments.Comments;
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
    private final Comments comments;
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
            Comments comments,
            AuditLog audit,
            ApplicationEventPublisher events,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.flags = flags;
        this.users = users;
        this.forecasts = forecasts;
        this.payments = payments;
        this.comments = comments;
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
                case COMMENT -> {
                    // A comment carries no mark of its own: its author's account is flagged below.
                }
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
        Page<FlagRecords.QueueRow> rows =
                flags.queue(wantedStatus.equals("all") ? null : wantedStatus, wantedRule, user, page);
        Map<UUID, CommentSummary> reported = comments.summaries(rows.items().stream()
                .filter(r -> r.flag().subjectType() == SubjectType.COMMENT)
                .map(r -> r.flag().subjectId())
                .toList());
        return rows.map(row -> view(row, reported));
    }

    private FlagView view(FlagRecords.QueueRow row, Map<UUID, CommentSummary> reported) {
        return FlagView.of(row, json, reported.get(row.flag().subjectId()));
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
                    case COMMENT -> {
                        // No mark on the comment itself.
                    }
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
        FlagRecords.QueueRow row = flags.queueRow(flagId).orElseThrow();
        FlagView view = view(
                row,
                row.flag().subjectType() == SubjectType.COMMENT
                        ? comments.summaries(List.of(row.flag().subjectId()))
                        : Map.of());
        return new Cleared(view, alsoCleared);
    }

    /**
     * Clears every open flag on a subject that was dealt with elsewhere (a reported comment a
     * moderator hid), in the caller's transaction, audited as that moderator's; un-flags accounts
     * left without open flags. Returns the cleared flags' ids.
     */
    @Transactional
    List<UUID> clearSubject(SubjectType type, UUID subjectId, UUID actorId, String reason) {
        List<FlagRow> open = flags.lockOpenOnSubject(type, subjectId);
        List<UUID> cleared = new ArrayList<>();
        for (FlagRow row : open) {
            flags.clear(row.id(), actorId, reason);
            cleared.add(row.id());
        }
        for (FlagRow row : open) {
            if (row.userId() != null && !flags.openOnUser(row.userId())) {
                users.setFlagged(row.userId(), false);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rule", row.rule());
            details.put("subject_type", row.subjectType().value());
            details.put("subject_id", row.subjectId().toString());
            details.put("user_id", row.userId() == null ? null : row.userId().toString());
            details.put("reason", reason);
            details.put("also_cleared", List.of());
            audit.record(actorId, "flag.cleared", "flag", row.id().toString(), details);
            meters.counter("pilimarket.moderation.flags.cleared", "rule", row.rule())
                    .increment();
        }
        return cleared;
    }

    private void announce(Set<UUID> forecastIds, Set<UUID> accounts, boolean flagged) {
        Set<UUID> markets = new LinkedHashSet<>(flags.marketsOf(forecastIds));
        events.publishEvent(new ForecastFlagsChanged(
                Set.copyOf(forecastIds), Set.copyOf(markets), Set.copyOf(accounts), flagged, clock.instant()));
    }
}
