package com.pilimarket.referrals;

/** What became of an invitation (docs/SOCIAL.md). */
public enum ReferralStatus {
    /** Waiting for the invitee's first forecast. */
    PENDING,
    /** Both got the bonus. */
    PAID,
    /** The invitee got the bonus; the referrer had reached the monthly cap. */
    CAPPED,
    /** Nobody got it: the accounts are tied, or the referrer may no longer act. */
    REFUSED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ReferralStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
