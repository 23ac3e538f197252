package com.pilimarket.moderation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pilimarket.moderation.internal.FlagRecords.QueueRow;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A flag as the review queue shows it: the rule, its evidence, the account and a summary of the subject. */
record FlagView(
        UUID id,
        String rule,
        String status,
        String subjectType,
        UUID subjectId,
        FlagUser user,
        Subject subject,
        JsonNode evidence,
        OffsetDateTime createdAt,
        UUID clearedBy,
        OffsetDateTime clearedAt,
        String clearedReason) {

    /** The account the flag concerns. */
    record FlagUser(
            UUID id,
            String displayName,
            String email,
            String status,
            @JsonProperty("is_flagged") Boolean isFlagged) {}

    /** What the flagged thing is: only the fields of its type are present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subject(
            String type,
            UUID id,
            UUID marketId,
            String marketTitle,
            String marketSlug,
            String outcome,
            Long points,
            Double crowdProbability,
            String forecastStatus,
            Long amountCents,
            Long chips,
            String provider,
            String purchaseStatus,
            @JsonProperty("is_flagged") Boolean isFlagged) {}

    static FlagView of(QueueRow row, JsonMapper json) {
        var flag = row.flag();
        FlagUser user = flag.userId() == null
                ? null
                : new FlagUser(
                        flag.userId(), row.userDisplayName(), row.userEmail(), row.userStatus(), row.userFlagged());
        Subject subject = switch (flag.subjectType()) {
            case USER ->
                new Subject(
                        "user",
                        flag.subjectId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        row.userFlagged());
            case FORECAST ->
                new Subject(
                        "forecast",
                        flag.subjectId(),
                        row.marketId(),
                        row.marketTitle(),
                        row.marketSlug(),
                        row.outcomeName(),
                        row.forecastPoints(),
                        row.crowdProbability(),
                        row.forecastStatus(),
                        null,
                        null,
                        null,
                        null,
                        row.forecastFlagged());
            case PURCHASE ->
                new Subject(
                        "purchase",
                        flag.subjectId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        row.amountCents(),
                        row.purchaseChips(),
                        row.provider(),
                        row.purchaseStatus(),
                        row.purchaseFlagged());
        };
        return new FlagView(
                flag.id(),
                flag.rule(),
                flag.status(),
                flag.subjectType().value(),
                flag.subjectId(),
                user,
                subject,
                json.readTree(flag.evidence()),
                flag.createdAt(),
                flag.clearedBy(),
                flag.clearedAt(),
                flag.clearedReason());
    }
}
