package com.pilimarket.auth.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed-login record of one account and its rule: after {@code maxFailures} failures in a row
 * (within {@code window} of each other) the account is locked for {@code baseDelay}, doubling with
 * each further failure up to {@code maxDelay}. While locked, attempts are refused without checking
 * the password and do not count. A success clears the record.
 */
record LoginBackoff(int failures, Instant lastFailureAt, Instant lockedUntil) {

    static final LoginBackoff NONE = new LoginBackoff(0, Instant.EPOCH, null);

    /** Seconds until the account may try again, or 0 if it may try now. */
    long retryAfterSeconds(Instant now) {
        if (lockedUntil == null || !lockedUntil.isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, lockedUntil).toSeconds() + 1);
    }

    /** The record after one more attempt that is counted as a failure until it succeeds. */
    LoginBackoff afterFailure(Instant now, LoginThrottleProperties rule) {
        int previous = lastFailureAt.plus(rule.window()).isBefore(now) ? 0 : failures;
        int count = previous + 1;
        Instant locked = null;
        if (count >= rule.maxFailures()) {
            int doublings = Math.min(count - rule.maxFailures(), 20);
            Duration delay = rule.baseDelay().multipliedBy(1L << doublings);
            locked = now.plus(delay.compareTo(rule.maxDelay()) > 0 ? rule.maxDelay() : delay);
        }
        return new LoginBackoff(count, now, locked);
    }
}
