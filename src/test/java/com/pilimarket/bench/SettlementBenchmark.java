package com.pilimarket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settlement of a market with 100,000 forecasts, from the admin's resolve call to the pool being
 * empty (the asynchronous listener included). Not part of the normal build; run it with
 * {@code ./mvnw -B -o test -DskipFrontend -Djacoco.skip=true -Dtest=SettlementBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (set {@code -Dbench.forecasts=N} for another size).
 */
@IntegrationTest
class SettlementBenchmark {

    static final int FORECASTS = Integer.getInteger("bench.forecasts", 100_000);
    static final int CHUNK = 10_000;

    @Autowired
    Markets marketsApi;

    @Autowired
    TestMarkets markets;

    @Autowired
    Ledger ledger;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    MeterRegistry meters;

    @Test
    void settle_a_market_with_one_hundred_thousand_forecasts() throws Exception {
        UUID admin = users.admin().id();
        MarketDetail market = markets.open("Benchmark market", 1_000_000, "A", "B", "C");
        List<UUID> outcomes = market.outcomes().stream().map(o -> o.id()).toList();
        Random random = new Random(42);

        long setupStart = System.nanoTime();
        for (int from = 0; from < FORECASTS; from += CHUNK) {
            int size = Math.min(CHUNK, FORECASTS - from);
            int offset = from;
            tx.executeWithoutResult(status -> seedChunk(market.id(), outcomes, random, offset, size));
            template.execute("ANALYZE ledger_entries, ledger_transactions, ledger_accounts, users, forecasts");
        }
        template.update("""
                UPDATE outcomes o SET total_points = f.total
                FROM (SELECT outcome_id, sum(points) AS total FROM forecasts GROUP BY outcome_id) f
                WHERE o.id = f.outcome_id AND o.market_id = ?
                """, market.id());
        template.update("""
                UPDATE markets SET total_points = (SELECT sum(points) FROM forecasts WHERE market_id = ?),
                                   forecaster_count = (SELECT count(*) FROM forecasts WHERE market_id = ?)
                WHERE id = ?
                """, market.id(), market.id(), market.id());
        // Statistics as autovacuum would have them (it is off on the shared server): without them the
        // plans of the seeding's ledger checks, and of the settlement's statements, depend on when the
        // last ANALYZE ran (the seeding took 84 s in one run, 246 s in the next).
        template.execute("ANALYZE");
        System.out.printf(
                "BENCH setup of %,d forecasts: %,d ms%n", FORECASTS, (System.nanoTime() - setupStart) / 1_000_000);
        assertThat(invariants.check().violations()).isEmpty();
        long pool = ledger.balanceOf(Account.pool(market.id()));

        Map<String, long[]> tablesBefore = tableWrites();
        boolean statements = resetStatementStatistics();
        Map<String, double[]> jobsBefore = jobTimes();
        long appCpuBefore = appCpuNanos();
        Map<Long, Long> dbCpuBefore = databaseCpuTicks();
        long start = System.nanoTime();
        marketsApi.resolve(
                admin, market.id(), new ResolveMarket(outcomes.get(0), List.of("https://example.ph"), "Bench"));
        while (!settled(market.id())) {
            Thread.sleep(10);
        }
        long paidOut = (System.nanoTime() - start) / 1_000_000;
        // End to end: the listeners of every SettledBatch have finished too — reputation and skill
        // points, badges (reputation) and the market_resolved notifications (notifications) all written.
        // The last batch's publications were stored before the market was marked settled.
        while (listenersBusy()) {
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        double appCpuMs = (appCpuNanos() - appCpuBefore) / 1e6;
        double dbCpuMs = cpuMillis(dbCpuBefore, databaseCpuTicks());

        System.out.printf(
                "BENCH payouts of %,d forecasts (pool empty, won/lost written): %,d ms%n", FORECASTS, paidOut);
        // Per phase: the time each listener's work took (Jobs' timer; summed over runs, e.g. one
        // BadgesEarned per chunk), from the resolve call until the end.
        jobTimes().forEach((job, after) -> {
            double[] before = jobsBefore.getOrDefault(job, new double[2]);
            if (after[1] > before[1]) {
                System.out.printf(
                        "BENCH phase %s: %,.0f ms (%d runs)%n",
                        job, after[0] - before[0], (long) (after[1] - before[1]));
            }
        });
        System.out.printf(
                "BENCH settlement of %,d forecasts end to end (pool %,d chips; payouts, won/lost, reputation, skill"
                        + " points, badges, market_resolved notifications): %,d ms%n",
                FORECASTS, pool, millis);
        assertThat(count("SELECT count(*) FROM settled_forecasts WHERE market_id = ?", market.id()))
                .isEqualTo(FORECASTS);
        assertThat(count(
                        "SELECT count(*) FROM notifications WHERE dedupe_key LIKE ?", "resolved:" + market.id() + ":%"))
                .isEqualTo(FORECASTS);
        assertThat(count("SELECT count(*) FROM user_badges WHERE badge = 'first_win'", null))
                .isEqualTo(count("SELECT count(*) FROM forecasts WHERE status = 'won' AND market_id = ?", market.id()));
        for (Timer step : meters.find("pilimarket.reputation.scoring.step").timers()) {
            System.out.printf(
                    "BENCH reputation scoring step %s: %,.0f ms over %d chunks%n",
                    step.getId().getTag("step"), step.totalTime(TimeUnit.MILLISECONDS), step.count());
        }
        // Not part of "end to end" (issue 16 lists payouts, won/lost, reputation, skill points, badges and
        // market_resolved notifications): the board step after ForecastsScored, until the leaderboards show
        // the settlement (every pending forecast added, BoardsUpdated handled).
        while (boardsBusy()) {
            Thread.sleep(10);
        }
        long onBoards = (System.nanoTime() - start) / 1_000_000;
        Timer boards = meters.find("pilimarket.reputation.boards.chunk").timer();
        System.out.printf(
                "BENCH board step (after ForecastsScored): %,.0f ms over %d chunks; on the leaderboards %,d ms after"
                        + " the resolve call%n",
                boards == null ? 0 : boards.totalTime(TimeUnit.MILLISECONDS),
                boards == null ? 0 : boards.count(),
                onBoards);
        assertThat(count(
                        "SELECT count(*) FROM rank_totals WHERE period = 'all_time' AND category = 'all'"
                                + " AND user_id IN (SELECT user_id FROM settled_forecasts WHERE market_id = ?)",
                        market.id()))
                .isEqualTo(FORECASTS);
        printTableWrites(tablesBefore, tableWrites());
        if (statements) {
            printStatements();
        }
        System.out.printf(
                "BENCH settlement CPU: app %,.0f ms (%.3f ms per settled forecast), database %,.0f ms (%.3f ms per"
                        + " settled forecast; this database's backends)%n",
                appCpuMs, appCpuMs / FORECASTS, dbCpuMs, dbCpuMs / FORECASTS);
        System.out.printf(
                "BENCH settlement wrote %,d badges; users with reputation > 0: %,d%n",
                count("SELECT count(*) FROM user_badges WHERE awarded_at > now() - interval '1 hour'", null),
                count("SELECT count(*) FROM users WHERE reputation > 0", null));
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isZero();
        assertThat(invariants.check().violations()).isEmpty();
    }

    private void seedChunk(UUID marketId, List<UUID> outcomes, Random random, int offset, int size) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = jdbc.sql("""
                        INSERT INTO users (email, password_hash, display_name)
                        SELECT 'bench-' || :run || '-' || g || '@bench.ph', 'x', 'Bench ' || g
                        FROM generate_series(1, :n) g
                        RETURNING id
                        """)
                .param("run", run)
                .param("n", size)
                .query(UUID.class)
                .list();
        List<Transfer> grants = new ArrayList<>(size);
        List<Transfer> stakes = new ArrayList<>(size);
        UUID[] forecastIds = new UUID[size];
        UUID[] outcomeIds = new UUID[size];
        Long[] points = new Long[size];
        for (int i = 0; i < size; i++) {
            UUID user = ids.get(i);
            forecastIds[i] = UUID.randomUUID();
            outcomeIds[i] = outcomes.get((offset + i) % outcomes.size());
            points[i] = 1L + random.nextInt(1_000);
            grants.add(Transfer.move("bench-grant:" + user, "test grant", Account.MINT, Account.user(user), 1_000));
            stakes.add(Transfer.move(
                    "forecast:" + forecastIds[i] + ":1",
                    "forecast",
                    Account.user(user),
                    Account.pool(marketId),
                    points[i]));
        }
        ledger.postAll(grants);
        ledger.postAll(stakes);
        UUID[] userIds = ids.toArray(UUID[]::new);
        template.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO forecasts (id, user_id, market_id, outcome_id, points, crowd_probability)
                    SELECT f, u, ?, o, p, 0.3333 FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[]) AS t(f, u, o, p)
                    """);
            ps.setObject(1, marketId);
            ps.setArray(2, con.createArrayOf("uuid", forecastIds));
            ps.setArray(3, con.createArrayOf("uuid", userIds));
            ps.setArray(4, con.createArrayOf("uuid", outcomeIds));
            ps.setArray(5, con.createArrayOf("bigint", points));
            return ps;
        });
    }

    /** The tables a settlement writes, by the rows it inserts and updates (HOT or not). */
    private static final List<String> WRITTEN_TABLES = List.of(
            "users",
            "forecasts",
            "ledger_transactions",
            "ledger_entries",
            "settled_forecasts",
            "board_pending",
            "rank_totals",
            "user_badges",
            "notifications",
            "event_publication");

    /**
     * Per table: rows inserted, updated, of those HOT-updated, and its indexes' size in pages. A backend
     * reports its counters when it goes idle, after at most 10 s ({@code PGSTAT_IDLE_INTERVAL}), so this
     * waits that long first.
     */
    private Map<String, long[]> tableWrites() throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, long[]> writes = new HashMap<>();
        jdbc.sql("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, pg_indexes_size(relid) / 8192"
                        + " FROM pg_stat_user_tables WHERE relname IN (:tables)")
                .param("tables", WRITTEN_TABLES)
                .query(rs -> {
                    writes.put(
                            rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return writes;
    }

    private static void printTableWrites(Map<String, long[]> before, Map<String, long[]> after) {
        for (String table : WRITTEN_TABLES) {
            long[] b = before.getOrDefault(table, new long[4]);
            long[] a = after.getOrDefault(table, new long[4]);
            long updated = a[1] - b[1];
            long hot = a[2] - b[2];
            System.out.printf(
                    "BENCH table %s: %,d inserted, %,d updated, %,d HOT (%.0f %%), index pages %,d -> %,d%n",
                    table, a[0] - b[0], updated, hot, updated == 0 ? 0.0 : 100.0 * hot / updated, b[3], a[3]);
        }
    }

    /**
     * Resets {@code pg_stat_statements} when the server preloads it (the profiling server of
     * docs/PERFORMANCE.md does; the machine's does not), so that {@link #printStatements} lists the
     * settlement's statements alone.
     */
    private boolean resetStatementStatistics() {
        try {
            template.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            template.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (RuntimeException notPreloaded) {
            System.out.println("BENCH statements: not listed (pg_stat_statements is not preloaded on this server)");
            return false;
        }
    }

    /** This database's statements since the reset, by time inside PostgreSQL (wall time, cores shared). */
    private void printStatements() {
        String thisDatabase = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
        jdbc.sql("SELECT calls, rows, total_exec_time, wal_bytes, wal_fpi,"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements"
                        + " WHERE " + thisDatabase + " ORDER BY total_exec_time DESC LIMIT 25")
                .query(rs -> {
                    System.out.printf(
                            "BENCH statement %,9.0f ms %,8d calls %,9d rows %,7.1f MB WAL %,6d FPI | %s%n",
                            rs.getDouble("total_exec_time"),
                            rs.getLong("calls"),
                            rs.getLong("rows"),
                            rs.getLong("wal_bytes") / 1e6,
                            rs.getLong("wal_fpi"),
                            rs.getString("query"));
                });
        jdbc.sql("SELECT sum(total_exec_time), sum(calls), sum(wal_bytes) FROM pg_stat_statements WHERE "
                        + thisDatabase)
                .query(rs -> {
                    System.out.printf(
                            "BENCH statements in all: %,.0f ms, %,d calls, %,.1f MB WAL%n",
                            rs.getDouble(1), rs.getLong(2), rs.getLong(3) / 1e6);
                });
    }

    /** Per job of {@code Jobs}: total milliseconds and runs so far. */
    private Map<String, double[]> jobTimes() {
        Map<String, double[]> times = new java.util.TreeMap<>();
        for (Timer timer : meters.find("pilimarket.job.duration").timers()) {
            double[] t = times.computeIfAbsent(timer.getId().getTag("job"), job -> new double[2]);
            t[0] += timer.totalTime(TimeUnit.MILLISECONDS);
            t[1] += timer.count();
        }
        return times;
    }

    /** CPU time of this JVM (the app and the test thread, which only polls). */
    private static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** User + system clock ticks of each backend of this database, from /proc (PostgreSQL runs on this machine). */
    private Map<Long, Long> databaseCpuTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        for (Long pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND backend_type = 'client backend'")
                .query(Long.class)
                .list()) {
            try {
                String[] f = Files.readString(Path.of("/proc", pid.toString(), "stat"))
                        .replaceFirst("^.*\\) ", "")
                        .split(" ");
                // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) → 11 and 12 here.
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (IOException | RuntimeException gone) {
                // a backend that ended, or /proc not readable: left out
            }
        }
        return ticks;
    }

    private static double cpuMillis(Map<Long, Long> before, Map<Long, Long> after) {
        long ticks = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    private boolean listenersBusy() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND (event_type LIKE '%SettledBatch' OR event_type LIKE '%MarketSettled'"
                                + " OR event_type LIKE '%MarketResolved')")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean boardsBusy() {
        return jdbc.sql("SELECT (SELECT count(*) FROM board_pending) + (SELECT count(*) FROM event_publication"
                                + " WHERE completion_date IS NULL AND (event_type LIKE '%ForecastsScored'"
                                + " OR event_type LIKE '%BoardsUpdated'))")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long count(String sql, Object arg) {
        return arg == null ? template.queryForObject(sql, Long.class) : template.queryForObject(sql, Long.class, arg);
    }

    private boolean settled(UUID marketId) {
        return jdbc.sql("SELECT settled_at IS NOT NULL FROM markets WHERE id = :m")
                .param("m", marketId)
                .query(Boolean.class)
                .single();
    }
}
