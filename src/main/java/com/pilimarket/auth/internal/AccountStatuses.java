package com.pilimarket.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserRoleChanged;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.UserStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The current status, role and session cutoff of authenticated callers, cached for two seconds at most: a ban,
 * suspension or demotion takes effect on this instance at once (the change evicts the entry) and
 * on every other instance within two seconds, whatever the access token still claims.
 */
@Component
class AccountStatuses {

    static final Duration TTL = Duration.ofSeconds(2);

    /** {@code sessionsNotBefore}: access tokens issued before it are refused (null: none). */
    record Snapshot(UserStatus status, UserRole role, Instant sessionsNotBefore) {}

    private final SessionCutoffs cutoffs;
    private final Cache<UUID, Optional<Snapshot>> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();

    AccountStatuses(SessionCutoffs cutoffs) {
        this.cutoffs = cutoffs;
    }

    /** Empty when the account no longer exists. */
    Optional<Snapshot> of(UUID userId) {
        return cache.get(userId, cutoffs::snapshot);
    }

    /** After a change this instance made (a password reset): take effect at once here. */
    void evict(UUID userId) {
        cache.invalidate(userId);
    }

    @EventListener
    void on(UserStatusChanged event) {
        cache.invalidate(event.userId());
    }

    @EventListener
    void on(UserRoleChanged event) {
        cache.invalidate(event.userId());
    }
}
