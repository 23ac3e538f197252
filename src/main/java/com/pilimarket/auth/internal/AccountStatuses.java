package com.pilimarket.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserRoleChanged;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.UserStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The current status, role and session cutoff of authenticated callers, cached: a ban, suspension,
 * demotion or password reset takes effect on this instance at once (the change evicts the entry) and on
 * every other instance within two seconds, whatever the access token still claims.
 *
 * <p>How the other instances learn of a change: it is recorded in {@code auth_account_changes} in its
 * own transaction ({@link AccountChanges}), and every instance polls the changes of the last
 * {@link #WINDOW} every {@link #POLL_EVERY}, dropping the cached copies of those accounts. A cached
 * copy is used only while the last successful poll started less than {@link #FRESHNESS} ago; otherwise
 * every read goes to the database, and the first poll that succeeds again drops the whole cache (it
 * cannot know what changed meanwhile). The window is much longer than the poll period so that a change
 * whose transaction commits a while after it was recorded is still seen, and re-evicting an account for
 * the window's length costs one read per poll.
 *
 * <p>Why not a two-second expiry, as before: with thousands of active users each caller's entry had
 * expired by its next request, so nearly every authenticated request read its account from the database
 * (in the benchmark of 1 Dec 2026 the database was at 35 % CPU while serving cached leaderboard pages).
 */
@Component
class AccountStatuses implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountStatuses.class);

    /** The longest a change takes to reach every instance; cached copies are trusted only this long after a poll. */
    static final Duration FRESHNESS = Duration.ofSeconds(2);

    /**
     * How often a poll starts (at a fixed rate): a quarter of {@link #FRESHNESS}, so that a poll slowed
     * down on a saturated machine still lands before the cache stops being trusted. Polling every second
     * with a fixed delay between polls left half a second of slack: under load a poll took longer, the
     * cache went untrusted and every request read its account from the database, adding to the load.
     */
    static final Duration POLL_EVERY = Duration.ofMillis(500);

    /** How far back each poll looks. */
    static final Duration WINDOW = Duration.ofSeconds(30);

    /** How long the change records are kept. */
    private static final Duration KEEP = Duration.ofHours(1);

    /** How many polls apart the old change records are deleted: about every ten minutes, whatever {@link #POLL_EVERY}. */
    private static final long POLLS_BETWEEN_CLEAN_UPS = Duration.ofMinutes(10).dividedBy(POLL_EVERY);

    /** {@code sessionsNotBefore}: access tokens issued before it are refused (null: none). */
    record Snapshot(UserStatus status, UserRole role, Instant sessionsNotBefore) {}

    private final SessionCutoffs cutoffs;
    private final AccountChanges changes;
    private final LongSupplier nanos;
    private final ScheduledExecutorService poller;
    private final Cache<UUID, Optional<Snapshot>> cache = Caffeine.newBuilder()
            // Bounds memory; freshness comes from the polls, not from this.
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    /**
     * The clock's reading ({@code nanos}) before which cached copies may be used: a successful poll's
     * start plus {@link #FRESHNESS}; at construction, already passed (nothing trusted before a poll).
     */
    private volatile long trustedUntil;

    private long polls;

    @Autowired
    AccountStatuses(SessionCutoffs cutoffs, AccountChanges changes) {
        this(cutoffs, changes, System::nanoTime, true);
    }

    /** With the clock given and, if {@code poll} is false, no poller thread: a test polls by hand. */
    AccountStatuses(SessionCutoffs cutoffs, AccountChanges changes, LongSupplier nanos, boolean poll) {
        this.cutoffs = cutoffs;
        this.changes = changes;
        this.nanos = nanos;
        this.trustedUntil = nanos.getAsLong();
        if (poll) {
            this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "account-changes-poll");
                thread.setDaemon(true);
                return thread;
            });
            long every = POLL_EVERY.toMillis();
            poller.scheduleAtFixedRate(this::poll, 0, every, TimeUnit.MILLISECONDS);
        } else {
            this.poller = null;
        }
    }

    /** Empty when the account no longer exists. */
    Optional<Snapshot> of(UUID userId) {
        if (!trusted(nanos.getAsLong())) {
            // No recent poll: another instance's change might not have reached this cache.
            return cutoffs.snapshot(userId);
        }
        return cache.get(userId, cutoffs::snapshot);
    }

    /**
     * Drops the cached copies of the accounts changed lately on any instance; the whole cache if no poll
     * succeeded for longer than {@link #FRESHNESS}. Never throws: a failed poll leaves the cache untrusted
     * once {@link #FRESHNESS} has passed.
     */
    void poll() {
        long started = nanos.getAsLong();
        try {
            List<UUID> changed = changes.changedWithin(WINDOW);
            if (!trusted(started)) {
                cache.invalidateAll();
            }
            cache.invalidateAll(changed);
            trustedUntil = started + FRESHNESS.toNanos();
            if (++polls % POLLS_BETWEEN_CLEAN_UPS == 0) {
                changes.deleteOlderThan(KEEP);
            }
        } catch (RuntimeException e) {
            log.debug("Could not poll the account changes ({}); reading accounts uncached", e.toString());
        }
    }

    /** Whether cached copies may be used at this reading of the clock (overflow-safe, as nanoTime needs). */
    private boolean trusted(long now) {
        return now - trustedUntil < 0;
    }

    /** After a change this instance made (a password reset): take effect at once here. */
    void evict(UUID userId) {
        cache.invalidate(userId);
    }

    @EventListener
    void on(UserStatusChanged event) {
        changes.record(event.userId());
        cache.invalidate(event.userId());
    }

    @EventListener
    void on(UserRoleChanged event) {
        changes.record(event.userId());
        cache.invalidate(event.userId());
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
