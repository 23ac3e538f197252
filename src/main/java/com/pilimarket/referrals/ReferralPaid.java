package com.pilimarket.referrals;

import java.util.UUID;

/** A referral bonus was paid: {@code referrerBonus} is 0 when the referrer had reached the monthly cap. */
public record ReferralPaid(UUID referrerId, UUID inviteeId, long referrerBonus, long inviteeBonus) {}
