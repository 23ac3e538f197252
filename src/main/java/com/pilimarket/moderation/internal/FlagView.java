package com.pilimarket.moderation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pilimarket.comments.CommentSummary;
import com.pilimarket.moderation.internal.FlagRecords.QueueRow;
import com.pilimarket.users.UserStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A flag as the review queue shows it: the rule, its evidence, the account and a summary of the subject. */
record FlagView(
        UUID id,
        String rule,
        @Schema(allowableValues = {"open", "cleared"}) String status,

        @Schema(allowableValues = {"user", "forecast", "purchase", "comment"})
        String subjectType,

        UUID subjectId,
        @Nullable FlagUser user,
        Subject subject,
        JsonNode evidence,
        OffsetDateTime createdAt,
        @Nullable UUID clearedBy,
        @Nullable OffsetDateTime clearedAt,
        @Nullable String clearedReason) {

    /** The account the flag concerns. */
    record FlagUser(
            UUID id,
            String displayName,
            String email,
            @Schema(implementation = UserStatus.class) String status,
            @JsonProperty("is_flagged") Boolean isFlagged) {}

    /** What the flagged thing is: only the fields of its type are present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subject(
            @Schema(allowableValues = {"user", "forecast", "purchase", "comment"})
            String type,

            UUID id,
            @Nullable UUID marketId,
            @Nullable String marketTitle,
            @Nullable String marketSlug,
            @Nullable String outcome,
            @Nullable Long points,
            @Nullable Double crowdProbability,
            @Nullable String forecastStatus,
            @Nullable Long amountCents,
            @Nullable Long chips,
            @Nullable String provider,
            @Nullable String purchaseStatus,
            @JsonProperty("is_flagged") @Nullable Boolean isFlagged,
            @Nullable String commentBody,
            @Nullable Boolean commentHidden,
            @Nullable Boolean commentDeleted,
            @Nullable Integer commentReports) {}

    static FlagView of(QueueRow row, JsonMapper json) {
        return of(row, json, null);
    }

    /** {@code comment} summarises the reported comment of a comment flag (null for other subjects, or if it is gone). */
    static FlagView of(QueueRow row, JsonMapper json, @Nullable CommentSummary comment) {
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
                        row.userFlagged(),
                        null,
                        null,
                        null,
                        null);
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
                        row.forecastFlagged(),
                        null,
                        null,
                        null,
                        null);
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
                        row.purchaseFlagged(),
                        null,
                        null,
                        null,
                        null);
            case COMMENT ->
                new Subject(
                        "comment",
                        flag.subjectId(),
                        comment == null ? null : comment.marketId(),
                        comment == null ? null : comment.marketTitle(),
                        comment == null ? null : comment.marketSlug(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        comment == null ? null : comment.body(),
                        comment == null ? null : comment.hidden(),
                        comment == null ? null : comment.deleted(),
                        comment == null ? null : comment.reports());
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
