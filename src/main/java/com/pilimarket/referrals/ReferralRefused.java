package com.pilimarket.referrals;

import java.util.Map;
import java.util.UUID;

/**
 * A referral bonus was refused because the fraud signals tie the two accounts ({@code reason}:
 * {@code same_device} or {@code flagged_account}); the moderation module flags both for review.
 */
public record ReferralRefused(UUID referrerId, UUID inviteeId, String reason, Map<String, Object> evidence) {}
