package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.shared.idempotency.IdempotentRequests;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A key claimed by a transaction that has not ended holds back every other request with that key: it
 * replays the stored answer if that transaction commits, and runs itself if it rolls back. The claim is
 * a lock, and the key's row is written once, with its answer.
 */
@IntegrationTest
class IdempotentRequestsIntegrationTests {

    private static final String SCOPE = "test-scope";

    @Autowired
    IdempotentRequests idempotency;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_request_waits_for_the_transaction_holding_its_key_and_replays_what_it_stored() throws Exception {
        UUID user = users.create(0).id();
        IdempotentRequests.KeyedRequest first = new IdempotentRequests.KeyedRequest(user, "k-1", Map.of("n", 1));
        AtomicInteger secondRan = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = holdTheKey(
                first,
                release,
                tx -> idempotency.storeAll(
                        SCOPE,
                        List.of(first),
                        List.of(ResponseEntity.status(201).body(Map.of("answer", "first")))));
        CompletableFuture<ResponseEntity<?>> second =
                CompletableFuture.supplyAsync(() -> idempotency.execute(user, SCOPE, "k-1", Map.of("n", 1), () -> {
                    secondRan.incrementAndGet();
                    return ResponseEntity.ok(Map.of("answer", "second"));
                }));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() > 0);
        assertThat(second).as("held back while the key's transaction runs").isNotDone();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        ResponseEntity<?> replayed = second.get(10, TimeUnit.SECONDS);
        assertThat(secondRan).hasValue(0);
        assertThat(replayed.getStatusCode().value()).isEqualTo(201);
        assertThat(replayed.getBody().toString()).contains("first");
        assertThat(rows(user)).as("one row, written once with its answer").containsExactly("201");
    }

    @Test
    void a_request_runs_itself_when_the_transaction_holding_its_key_rolls_back() throws Exception {
        UUID user = users.create(0).id();
        IdempotentRequests.KeyedRequest first = new IdempotentRequests.KeyedRequest(user, "k-2", Map.of("n", 2));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder =
                holdTheKey(first, release, TransactionStatus::setRollbackOnly); // refused: nothing stored
        CompletableFuture<ResponseEntity<?>> second = CompletableFuture.supplyAsync(() -> idempotency.execute(
                user, SCOPE, "k-2", Map.of("n", 2), () -> ResponseEntity.ok(Map.of("answer", "second"))));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() > 0);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(second.get(10, TimeUnit.SECONDS).getBody().toString()).contains("second");
        assertThat(rows(user)).containsExactly("200");
    }

    /**
     * Claims {@code request}'s key in a transaction on another thread and returns once it holds the key;
     * when {@code release} opens, does {@code atEnd} in that transaction and ends it.
     */
    private CompletableFuture<Void> holdTheKey(
            IdempotentRequests.KeyedRequest request, CountDownLatch release, Consumer<TransactionStatus> atEnd) {
        CountDownLatch claimed = new CountDownLatch(1);
        CompletableFuture<Void> holder =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    assertThat(idempotency.claimAll(SCOPE, List.of(request))).containsExactly(true);
                    claimed.countDown();
                    await(release);
                    atEnd.accept(tx);
                }));
        await(claimed);
        return holder;
    }

    private long waitingForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                .query(Long.class)
                .single();
    }

    private List<String> rows(UUID user) {
        return jdbc.sql("SELECT response_status::text FROM idempotency_keys WHERE user_id = :user AND scope = :scope")
                .param("user", user)
                .param("scope", SCOPE)
                .query(String.class)
                .list();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
