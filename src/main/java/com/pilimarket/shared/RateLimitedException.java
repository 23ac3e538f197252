package com.pilimarket.shared;

import org.springframework.http.HttpStatus;

/** 429 {@code RATE_LIMITED}; the web layer adds {@code Retry-After}. */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                ErrorCodes.RATE_LIMITED,
                "Too many requests; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
