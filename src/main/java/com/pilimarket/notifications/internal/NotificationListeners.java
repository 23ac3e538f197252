package com.pilimarket.notifications.internal;

import com.pilimarket.comments.CommentPosted;
import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.markets.MarketCreated;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.notifications.NotificationType;
import com.pilimarket.referrals.ReferralPaid;
import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.BadgeEarned;
import com.pilimarket.reputation.BadgesEarned;
import com.pilimarket.shared.Chips;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into notifications. Each has a dedupe key ({@code resolved:{market}:{user}},
 * {@code badge:{badge}:{user}}, {@code new_market:{market}:{user}}), so a redelivered event adds nothing.
 */
@Component
class NotificationListeners {

    /**
     * The stored text of the notifications a settlement writes in bulk (market_resolved, badge_earned):
     * none. Every reader (list, stream, Web Push, e-mail) renders their text from the metadata in the
     * reader's language ({@link NotificationTexts}), which never falls back to the stored text for these
     * two shapes; the English text built per row was the widest column (~150 of a row's ~400 bytes)
     * and a string built in Java for each of a settlement's 166,668 notifications.
     */
    static final String RENDERED_WHEN_READ = "";

    private final Notifier notifier;
    private final NotificationRecords records;
    private final Markets markets;
    private final Jobs jobs;
    private final Users users;
    private final Forecasts forecasts;

    NotificationListeners(
            Notifier notifier,
            NotificationRecords records,
            Markets markets,
            Jobs jobs,
            Users users,
            Forecasts forecasts) {
        this.forecasts = forecasts;
        this.notifier = notifier;
        this.records = records;
        this.markets = markets;
        this.jobs = jobs;
        this.users = users;
    }

    /**
     * The {@code market_resolved} notifications of a settled batch, written as the batch is paid (beside
     * the next batch's payouts), in one statement. Their dedupe keys are per market and user, so a
     * redelivered batch adds nothing.
     */
    @ApplicationModuleListener
    void on(SettledBatch event) {
        jobs.run("notifications-market-settled", () -> {
            MarketDetail market = market(event.marketId());
            String title = market == null ? "A market you forecast on" : market.title();
            OutcomeView winning = event.winningOutcomeId() == null || market == null
                    ? null
                    : market.outcomes().stream()
                            .filter(o -> o.id().equals(event.winningOutcomeId()))
                            .findFirst()
                            .orElse(null);
            String winner = winning == null ? "as decided" : winning.name();
            // The metadata all these notifications share, serialised once; each row adds its own fields.
            Map<String, Object> shared = new LinkedHashMap<>();
            shared.put("market_id", event.marketId().toString());
            shared.put("slug", market == null ? null : market.slug());
            shared.put("title", title);
            // The parameters the text is rendered from when read, in the reader's language.
            shared.put("title_fil", market == null ? null : market.titleFil());
            shared.put(
                    "winning_outcome_id",
                    event.winningOutcomeId() == null
                            ? null
                            : event.winningOutcomeId().toString());
            shared.put("winning_outcome", winner);
            shared.put("winning_outcome_fil", winning == null ? null : winning.nameFil());
            shared.put("cancelled", event.cancelled());
            List<ForecastSettled> settled = forecasts.settledIn(event);
            List<NotificationRecords.NewNotification> notifications = new ArrayList<>(settled.size());
            for (ForecastSettled forecast : settled) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("forecast_id", forecast.forecastId().toString());
                fields.put("won", forecast.won());
                fields.put("refunded", forecast.refunded());
                fields.put("stake", forecast.stake());
                fields.put("payout", forecast.payout());
                notifications.add(new NotificationRecords.NewNotification(
                        forecast.userId(),
                        RENDERED_WHEN_READ,
                        fields,
                        "resolved:" + event.marketId() + ":" + forecast.userId()));
            }
            notifier.notifyAll(NotificationType.MARKET_RESOLVED, shared, notifications);
        });
    }

    /** The market, or null if it is gone (the notification still goes out, with less detail). */
    private MarketDetail market(UUID marketId) {
        // Looked up first: a 404 thrown inside the markets module would mark this transaction rollback-only.
        if (!markets.refs(List.of(marketId)).containsKey(marketId)) {
            return null;
        }
        return markets.detail(marketId.toString(), null);
    }

    /**
     * A badge's notifications share all their metadata ({@code badge} and its {@code name}): stored once
     * per badge in {@code notification_shared}, as market_resolved's shared part is (V290), and each row
     * keeps an empty object of its own. A settlement of 100,000 forecasts awards 66,668 badges in a handful
     * of kinds, so one statement per kind instead of a {@code {badge, name}} object built per row.
     */
    @ApplicationModuleListener
    void on(BadgesEarned earned) {
        jobs.run("notifications-badge-earned", () -> {
            Map<String, List<NotificationRecords.NewNotification>> byBadge = new LinkedHashMap<>();
            for (BadgeEarned event : earned.badges()) {
                byBadge.computeIfAbsent(event.badge(), badge -> new ArrayList<>())
                        .add(new NotificationRecords.NewNotification(
                                event.userId(),
                                RENDERED_WHEN_READ,
                                Map.of(),
                                "badge:" + event.badge() + ":" + event.userId()));
            }
            byBadge.forEach((badge, notifications) -> {
                Map<String, Object> shared = new LinkedHashMap<>();
                shared.put("badge", badge);
                shared.put("name", BadgeCatalog.name(badge));
                notifier.notifyAll(NotificationType.BADGE_EARNED, shared, notifications);
            });
        });
    }

    @ApplicationModuleListener
    void on(MarketCreated event) {
        jobs.run("notifications-new-market", () -> {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("market_id", event.marketId().toString());
            metadata.put("slug", event.slug());
            metadata.put("title", event.title());
            MarketDetail market = market(event.marketId());
            metadata.put("title_fil", market == null ? null : market.titleFil());
            metadata.put("category", event.category());
            String message = "New " + event.category() + " market: “" + event.title() + "”";
            for (UUID userId : records.interestedIn(event.category(), event.createdBy())) {
                notifier.notify(
                        userId,
                        NotificationType.NEW_MARKET,
                        message,
                        metadata,
                        "new_market:" + event.marketId() + ":" + userId);
            }
        });
    }

    /** A reply notifies the author of the comment it answers (not someone answering themselves). */
    @ApplicationModuleListener
    void on(CommentPosted event) {
        UUID recipient = event.repliedToAuthorId();
        if (recipient == null || recipient.equals(event.authorId())) {
            return;
        }
        jobs.run("notifications-comment-reply", () -> {
            MarketDetail market = market(event.marketId());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("market_id", event.marketId().toString());
            metadata.put("slug", market == null ? null : market.slug());
            metadata.put("title", market == null ? null : market.title());
            metadata.put("title_fil", market == null ? null : market.titleFil());
            metadata.put("comment_id", event.commentId().toString());
            metadata.put(
                    "parent_id",
                    event.parentId() == null ? null : event.parentId().toString());
            metadata.put("replier_id", event.authorId().toString());
            metadata.put("replier", event.authorName());
            metadata.put("excerpt", event.excerpt());
            String title = market == null ? "a market" : market.title();
            notifier.notify(
                    recipient,
                    NotificationType.COMMENT_REPLY,
                    event.authorName() + " replied to your comment on “" + title + "”: “" + event.excerpt() + "”",
                    metadata,
                    "comment_reply:" + event.commentId());
        });
    }

    /**
     * A paid referral bonus tells both people what they got: the invitee always, the inviter only when
     * they were paid too (not when they had reached the monthly cap).
     */
    @ApplicationModuleListener
    void on(ReferralPaid event) {
        jobs.run("notifications-referral-paid", () -> {
            String referrer =
                    users.find(event.referrerId()).map(UserAccount::displayName).orElse("?");
            String invitee =
                    users.find(event.inviteeId()).map(UserAccount::displayName).orElse("?");
            if (event.referrerBonus() > 0) {
                referralBonus(event.referrerId(), event, "referrer", invitee, event.referrerBonus());
            }
            if (event.inviteeBonus() > 0) {
                referralBonus(event.inviteeId(), event, "invitee", referrer, event.inviteeBonus());
            }
        });
    }

    private void referralBonus(UUID recipient, ReferralPaid event, String role, String other, long bonus) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("role", role);
        metadata.put("other", other);
        metadata.put("bonus", bonus);
        metadata.put("referrer_id", event.referrerId().toString());
        metadata.put("invitee_id", event.inviteeId().toString());
        String message = "referrer".equals(role)
                ? other + " placed a first forecast: you earned " + Chips.describe(bonus) + " for inviting them"
                : "Welcome bonus: you earned " + Chips.describe(bonus) + " for joining through " + other
                        + "’s invitation";
        notifier.notify(
                recipient,
                NotificationType.REFERRAL_BONUS,
                message,
                metadata,
                "referral_bonus:" + event.inviteeId() + ":" + role);
    }

    /**
     * Runs in the placement feed's drain transaction (a plain listener: no publication, no transaction
     * of its own), so it commits with the deletion of the feed rows: if it fails, the drain rolls back
     * and the placements wait in the feed for the next one.
     */
    @EventListener
    void on(ForecastsPlaced placed) {
        records.recordInterests(placed.placements().stream()
                .map(event -> new NotificationRecords.Interest(event.userId(), event.category()))
                .distinct()
                .toList());
    }
}
