package com.pilimarket.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Access tokens already verified on this instance, by their exact text: a client sends the same
 * token on every request until it expires, and checking its HMAC and parsing its JSON again each time
 * was about a tenth of an authenticated request's CPU (docs/PERFORMANCE.md, "Request overhead").
 *
 * <p>Only a token the full decoder accepted (signature, algorithm, claims, validation) enters the
 * cache, so a forged or altered token, being a different text, is always checked in full. A cached
 * token is validated again on every use (expiry with the validator's clock skew, issuer, the required
 * claims), exactly as a fresh one would be, and dropped once that fails. What the token does not decide
 * is not cached here: the account's status, role and session cutoff are read for every request
 * ({@link AccountStatuses}, {@link AccountStatusFilter}).
 */
final class VerifiedTokens implements JwtDecoder {

    /** Bounds memory (a decoded token is about a kilobyte); more active tokens only means more misses. */
    static final int MAX_TOKENS = 20_000;

    /** Past its {@code exp} a token fails validation anyway; the entry is kept until then plus the skew. */
    private static final Duration AFTER_EXPIRY = Duration.ofMinutes(1);

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * {@code decoder} verifies and validates a token in full; {@code validator} is the same validation,
     * run again on each use of a cached token.
     */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null) {
            if (!validator.validate(cached).hasErrors()) {
                return cached;
            }
            // Expired since: the full decoder below refuses it with the usual error.
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO; // never the case for a token that passed validation (exp is required)
        }
        Duration left = Duration.between(clock.instant(), expiresAt).plus(AFTER_EXPIRY);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
