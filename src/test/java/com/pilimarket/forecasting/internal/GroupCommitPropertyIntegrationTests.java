package com.pilimarket.forecasting.internal;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.internal.PlacementBatcher.Pending;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.shared.Uuids;
import com.pilimarket.shared.idempotency.IdempotentRequests;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The property behind group commit: over random mixes of new placements, top-ups, refusals (above
 * the stake cap, switching sides, not a stake) and {@code Idempotency-Key}s (fresh, repeated with the
 * same body — a replay — or with another body), a batch applied by {@link PlacementBatcher} answers
 * every request exactly as applying the same requests one by one would, and leaves the same chips.
 *
 * <p>jqwik generates the scripts (sampled: the Spring context is JUnit's, so the property runs as
 * a loop over generated cases; a failing case prints its script).
 */
@IntegrationTest
class GroupCommitPropertyIntegrationTests {

    private static final long CAP = 5_000;
    private static final int CASES = Integer.getInteger("groupcommit.cases", 12);

    @Autowired
    ForecastService service;

    @Autowired
    PlacementBatcher batcher;

    @Autowired
    IdempotentRequests idempotency;

    @Autowired
    TestUsers users;

    @Autowired
    Ledger ledger;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestMarkets markets;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactions);
    }

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    /** One request: which user (by index), which outcome, how many chips, and its key (0 = none). */
    record Step(int user, int outcome, long points, int key) {}

    /** What a caller can tell apart: placed (created?, stake, odds, chips after) or refused (status, code). */
    record Answer(boolean created, long points, double crowdProbability, long chips, int status, String code) {}

    static Arbitrary<List<Step>> scripts() {
        Arbitrary<Long> points = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(1, 900)),
                Tuple.of(1, Arbitraries.longs().between(CAP, 2 * CAP)), // above the cap: refused
                Tuple.of(1, Arbitraries.just(0L))); // not a stake: 400
        return Combinators.combine(
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 1),
                        points,
                        Arbitraries.integers().between(0, 3))
                .as(Step::new)
                .list()
                .ofMinSize(2)
                .ofMaxSize(14);
    }

    @Test
    void a_batch_answers_every_request_as_one_by_one_would() throws Exception {
        // jqwik's sampling works outside its own engine; a failing case prints its script.
        List<List<Step>> cases = scripts().sampleStream().limit(CASES).toList();
        for (int c = 0; c < cases.size(); c++) {
            List<Step> script = cases.get(c);
            try {
                check(script, c);
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + ": " + script, e);
            }
        }
    }

    private void check(List<Step> script, int c) throws Exception {
        MarketDetail alone = markets.open("One by one " + c, CAP, "Yes", "No");
        MarketDetail asSet = markets.open("As a batch " + c, CAP, "Yes", "No");
        List<TestUser> aloneUsers = crowd(alone);
        List<TestUser> setUsers = crowd(asSet);

        // The batch, as the writer would take it from its queue.
        List<Pending> batch = new ArrayList<>();
        for (Step step : script) {
            batch.add(pending(setUsers.get(step.user()), asSet, step));
        }
        List<Pending> submitted = List.copyOf(batch);
        batcher.apply(batch);

        // The same requests one by one, in the order the batch applied them: sorted by user (in
        // PostgreSQL's order), each user's first request in the set, then the rest, in that order.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> setUsers.get(script.get(i).user()).id(), Uuids.POSTGRES_ORDER));
        List<Integer> firsts = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i : order) {
            (seen.add(script.get(i).user()) ? firsts : rest).add(i);
        }
        Map<Integer, Answer> expected = new LinkedHashMap<>();
        for (int i : concat(firsts, rest)) {
            expected.put(i, aloneAnswer(aloneUsers.get(script.get(i).user()), alone, script.get(i)));
        }

        for (int i = 0; i < script.size(); i++) {
            assertThat(answerOf(submitted.get(i).result()))
                    .as("request %d: %s", i, script.get(i))
                    .isEqualTo(expected.get(i));
        }
        for (int u = 0; u < 8; u++) {
            assertThat(ledger.balanceOf(Account.user(setUsers.get(u).id())))
                    .as("chips of user %d", u)
                    .isEqualTo(ledger.balanceOf(Account.user(aloneUsers.get(u).id())));
        }
        assertThat(ledger.balanceOf(Account.pool(asSet.id()))).isEqualTo(ledger.balanceOf(Account.pool(alone.id())));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The answer a request gets on its own: its own transaction, through its key if it has one. */
    private Answer aloneAnswer(TestUser user, MarketDetail market, Step step) {
        PlaceForecast command = new PlaceForecast(market.id(), outcome(market, step.outcome()), step.points());
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            if (step.key() == 0) {
                result.complete(tx.execute(s -> service.place(user.id(), command)));
            } else {
                result.complete(tx.execute(s -> idempotency.execute(
                        user.id(),
                        PlacementBatcher.SCOPE,
                        "k" + step.key(),
                        command,
                        () -> respond(service.place(user.id(), command)))));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return answerOf(result);
    }

    private static Pending pending(TestUser user, MarketDetail market, Step step) {
        PlaceForecast command = new PlaceForecast(market.id(), outcome(market, step.outcome()), step.points());
        if (step.key() == 0) {
            return new Pending(user.id(), command);
        }
        return new Pending(
                user.id(),
                command,
                new PlacementBatcher.Keyed("k" + step.key(), GroupCommitPropertyIntegrationTests::respond),
                new CompletableFuture<>());
    }

    /** A keyed placement's stored response: everything the answer compares. */
    private static ResponseEntity<?> respond(ForecastPlacement p) {
        return ResponseEntity.status(p.created() ? 201 : 200)
                .body(Map.of(
                        "created", p.created(),
                        "points", p.forecast().points(),
                        "q", p.forecast().crowdProbability(),
                        "chips", p.chips()));
    }

    private static Answer answerOf(CompletableFuture<Object> result) {
        try {
            Object value = result.get();
            if (value instanceof ForecastPlacement p) {
                return new Answer(
                        p.created(), p.forecast().points(), p.forecast().crowdProbability(), p.chips(), 0, null);
            }
            Object body = ((ResponseEntity<?>) value).getBody();
            if (body instanceof Map<?, ?> m) {
                return new Answer(
                        (Boolean) m.get("created"),
                        ((Number) m.get("points")).longValue(),
                        ((Number) m.get("q")).doubleValue(),
                        ((Number) m.get("chips")).longValue(),
                        0,
                        null);
            }
            JsonNode json = (JsonNode) body; // a replay of the stored response
            return new Answer(
                    json.get("created").asBoolean(),
                    json.get("points").asLong(),
                    json.get("q").asDouble(),
                    json.get("chips").asLong(),
                    0,
                    null);
        } catch (ExecutionException e) {
            ApiException refused = (ApiException) e.getCause();
            return new Answer(false, 0, 0, 0, refused.status().value(), refused.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<TestUser> crowd(MarketDetail market) {
        List<TestUser> crowd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            crowd.add(users.create(i % 3 == 2 ? 12_000 : 3_000));
        }
        // Users 3 and 4 already back "No" (a "Yes" from them is a refused switch, a "No" a top-up).
        service.place(crowd.get(3).id(), new PlaceForecast(market.id(), outcome(market, 1), 100));
        service.place(crowd.get(4).id(), new PlaceForecast(market.id(), outcome(market, 1), 100));
        return crowd;
    }
}
