package com.pilimarket.referrals;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Referral figures for the admin overview: sign-ups through referral links (all time, and the last 7
 * days), how many are in each state, and the chips minted as referral bonuses.
 */
public record ReferralStats(
        long signups,
        @JsonProperty("signups_7d") long signups7d,
        long pending,
        long paid,
        long capped,
        long refused,
        long bonusChips) {}
