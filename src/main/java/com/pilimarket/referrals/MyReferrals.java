package com.pilimarket.referrals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller's referral link and invitees ({@code GET /users/me/referrals}): {@code code} is their
 * handle (their link is {@code /r/{code}} on the app's address), {@code bonus} what each side earns, {@code monthly_cap} how
 * many bonuses the referrer can earn a month (Manila time) and {@code paid_this_month} how many they
 * have; {@code invitees} newest first.
 */
public record MyReferrals(
        String code,
        long bonus,
        int monthlyCap,
        long paidThisMonth,
        long chipsEarned,
        long inviteeCount,
        List<Invitee> invitees) {

    /** One invitee: their public face, the state of the bonus, what the referrer earned from it. */
    public record Invitee(
            UUID id,
            String displayName,
            String handle,
            @Nullable String avatarUrl,
            @Schema(implementation = ReferralStatus.class) String status,

            @Nullable @Schema(description = "why it was refused: same_device, flagged_account, referrer_inactive")
            String refusalReason,

            long referrerBonus,
            OffsetDateTime joinedAt,
            @Nullable OffsetDateTime settledAt) {}
}
