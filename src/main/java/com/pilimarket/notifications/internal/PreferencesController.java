package com.pilimarket.notifications.internal;

import com.pilimarket.markets.MarketCategory;
import com.pilimarket.notifications.NotificationPreferences;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Which notifications the caller receives. */
@RestController
@Tag(name = "Notifications")
class PreferencesController {

    private final Notifier notifier;

    PreferencesController(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Omitted fields keep their current value. */
    record PreferencesRequest(
            @Nullable Boolean marketResolved,
            @Nullable Boolean badgeEarned,
            @Nullable Boolean newMarket,
            @Nullable Boolean forecastReminder,
            @Nullable List<String> newMarketCategories,
            @Nullable Boolean commentReply,
            @Nullable Boolean referralBonus,

            @Nullable @Schema(allowableValues = {"off", "instant", "weekly"})
            String emailFrequency,

            @Nullable Boolean push) {}

    @SignedIn
    @GetMapping("/api/v1/users/me/notification-preferences")
    @Operation(summary = "The caller's notification preferences")
    ApiResponse<NotificationPreferences> get() {
        return ApiResponse.ok(notifier.preferences(Callers.requireUserId()));
    }

    @SignedIn
    @PutMapping("/api/v1/users/me/notification-preferences")
    @Operation(
            summary = "Turns notification types on or off; new_market_categories opts in to new markets;"
                    + " email_frequency: off, instant or weekly; push: results and reminders on subscribed devices")
    ApiResponse<NotificationPreferences> put(@RequestBody PreferencesRequest request) {
        UUID caller = Callers.requireUserId();
        NotificationPreferences current = notifier.preferences(caller);
        List<String> categories = current.newMarketCategories();
        if (request.newMarketCategories() != null) {
            Set<String> valid = new LinkedHashSet<>();
            for (String category : request.newMarketCategories()) {
                valid.add(MarketCategory.parse(category)
                        .map(MarketCategory::value)
                        .orElseThrow(() -> ApiException.badRequest("new_market_categories", "unknown category")));
            }
            categories = List.copyOf(valid);
        }
        String emailFrequency = current.emailFrequency();
        if (request.emailFrequency() != null) {
            emailFrequency = switch (request.emailFrequency()) {
                case NotificationPreferences.OFF, NotificationPreferences.INSTANT, NotificationPreferences.WEEKLY ->
                    request.emailFrequency();
                default -> throw ApiException.badRequest("email_frequency", "must be one of off, instant, weekly");
            };
        }
        NotificationPreferences updated = new NotificationPreferences(
                pick(request.marketResolved(), current.marketResolved()),
                pick(request.badgeEarned(), current.badgeEarned()),
                pick(request.newMarket(), current.newMarket()),
                pick(request.forecastReminder(), current.forecastReminder()),
                categories,
                pick(request.commentReply(), current.commentReply()),
                pick(request.referralBonus(), current.referralBonus()),
                emailFrequency,
                pick(request.push(), current.push()));
        return ApiResponse.ok(notifier.savePreferences(caller, updated));
    }

    private static boolean pick(Boolean requested, boolean current) {
        return requested == null ? current : requested;
    }
}
