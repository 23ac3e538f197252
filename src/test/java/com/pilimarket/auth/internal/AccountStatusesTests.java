package com.pilimarket.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The account cache trusts its copies only while its polls of the account changes succeed, and drops
 * the accounts another instance changed. The database is replaced by two maps (the accounts and the
 * recent changes), the clock is stepped by hand and the polls run when the test says so.
 */
class AccountStatusesTests {

    private final UUID user = UUID.randomUUID();
    private final Map<UUID, AccountStatuses.Snapshot> accounts = new HashMap<>();
    private final List<UUID> recentChanges = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private boolean databaseDown;

    private final AccountChanges changes = new AccountChanges(null) {
        @Override
        List<UUID> changedWithin(Duration window) {
            if (databaseDown) {
                throw new IllegalStateException("database down");
            }
            return List.copyOf(recentChanges);
        }
    };

    private final SessionCutoffs cutoffs = new SessionCutoffs(null, changes) {
        @Override
        Optional<AccountStatuses.Snapshot> snapshot(UUID userId) {
            reads.incrementAndGet();
            return Optional.ofNullable(accounts.get(userId));
        }
    };

    private final AccountStatuses statuses = new AccountStatuses(cutoffs, changes, nanos::get, false);

    AccountStatusesTests() {
        accounts.put(user, snapshot(UserStatus.ACTIVE));
    }

    @Test
    void beforeTheFirstPollEveryReadGoesToTheDatabase() {
        statuses.of(user);
        statuses.of(user);

        assertThat(reads).hasValue(2);
    }

    @Test
    void afterAPollAnAccountIsReadOnce() {
        statuses.poll();
        step(Duration.ofMillis(1_500));

        statuses.of(user);
        statuses.of(user);

        assertThat(reads).hasValue(1);
    }

    @Test
    void anAccountChangedOnAnotherInstanceIsDroppedByTheNextPoll() {
        statuses.poll();
        assertThat(statuses.of(user).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);

        // Another instance bans the user: the row and the change record, no event here.
        accounts.put(user, snapshot(UserStatus.BANNED));
        recentChanges.add(user);
        assertThat(statuses.of(user).orElseThrow().status())
                .as("still this instance's copy until it polls")
                .isEqualTo(UserStatus.ACTIVE);

        step(Duration.ofSeconds(1));
        statuses.poll();

        assertThat(statuses.of(user).orElseThrow().status()).isEqualTo(UserStatus.BANNED);
    }

    @Test
    void withoutASuccessfulPollForTwoSecondsEveryReadGoesToTheDatabase() {
        statuses.poll();
        statuses.of(user);
        databaseDown = true;
        step(Duration.ofSeconds(1));
        statuses.poll();
        statuses.of(user);
        assertThat(reads)
                .as("trusted within two seconds of the last poll that succeeded")
                .hasValue(1);

        step(Duration.ofMillis(1_100));
        statuses.poll();
        accounts.put(user, snapshot(UserStatus.SUSPENDED));

        assertThat(statuses.of(user).orElseThrow().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(reads).hasValue(2);
    }

    @Test
    void theFirstPollAfterALongGapDropsTheWholeCache() {
        statuses.poll();
        statuses.of(user);
        // A change whose record the next poll no longer sees (older than its window).
        accounts.put(user, snapshot(UserStatus.SUSPENDED));
        databaseDown = true;
        step(Duration.ofSeconds(40));
        statuses.poll();
        databaseDown = false;

        statuses.poll();

        assertThat(statuses.of(user).orElseThrow().status()).isEqualTo(UserStatus.SUSPENDED);
    }

    @Test
    void aChangeOnThisInstanceTakesEffectAtOnce() {
        statuses.poll();
        statuses.of(user);
        accounts.put(user, snapshot(UserStatus.SUSPENDED));

        statuses.evict(user);

        assertThat(statuses.of(user).orElseThrow().status()).isEqualTo(UserStatus.SUSPENDED);
    }

    private void step(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static AccountStatuses.Snapshot snapshot(UserStatus status) {
        return new AccountStatuses.Snapshot(status, UserRole.USER, null);
    }
}
