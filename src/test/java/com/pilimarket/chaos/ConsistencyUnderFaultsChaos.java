package com.pilimarket.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.TestServices;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consistency test under faults ({@code ./mvnw -Pchaos verify}): starts the packaged jar against a
 * fresh database on the tests' PostgreSQL ({@code PILIMARKET_TEST_PG}, or the one embedded in the test
 * JVM, see {@link TestServices}) and a PRIVATE redis-server (embedded-redis's binary) on a free loopback
 * port — never a shared Redis, since the test stops it — runs a
 * concurrent random workload over real HTTP — registrations, forecasts and top-ups with
 * Idempotency-Key retries, sandbox purchases paid twice concurrently / failed then paid / paid then
 * failed, admin market creation, resolutions and cancellations — while injecting faults: the app's
 * database connections terminated ({@code pg_terminate_backend}), Redis shut down and restarted, and
 * the app killed with {@code kill -9} right after resolving a market with many forecasts, then
 * restarted. At the end every invariant of PRODUCT.md §2 holds ({@code ops/invariants.sql}), every
 * final market settled exactly once, every idempotency key replays to the same answer, and no request
 * got a 5xx other than a 503 while a dependency was down. Prints a summary; any violation fails.
 *
 * <p>Tunables (system properties): {@code chaos.seconds} (workload duration, default 90),
 * {@code chaos.workers} (default 6), {@code chaos.seed}, {@code chaos.start-seconds} (how long to wait for
 * the app to become ready, default 300).
 */
class ConsistencyUnderFaultsChaos {

    private static final String PG = TestServices.postgres();
    private static final String PG_USER = System.getenv().getOrDefault("PILIMARKET_TEST_PG_USER", "postgres");
    private static final String ADMIN_EMAIL = "chaos-admin@pilimarket.ph";
    private static final String ADMIN_PASSWORD = "chaos-admin-password-2026";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Path work = Path.of("target", "chaos").toAbsolutePath();
    private final int seconds = Integer.getInteger("chaos.seconds", 90);
    private final int workers = Integer.getInteger("chaos.workers", 6);
    // A cold JVM starts the app in ~15 s on an idle 2-core machine, but several minutes when other
    // builds share the cores; this is only an upper bound on waiting.
    private final int startSeconds = Integer.getInteger("chaos.start-seconds", 300);

    private String database;
    private String jdbcUrl;
    private int appPort;
    private int redisPort;
    private Process app;
    private Process redis;
    private int appStarts;
    private Instant started;

    // What happened.
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final List<Window> outageWindows = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<ServerError> serverErrors = new CopyOnWriteArrayList<>();
    private final LongAdder unreachable = new LongAdder();

    // What the workload knows.
    private final List<Player> players = new CopyOnWriteArrayList<>();
    private final Map<UUID, Market> markets = new ConcurrentHashMap<>();
    private final Map<String, UUID> positions = new ConcurrentHashMap<>();
    private final List<Replay> replays = new CopyOnWriteArrayList<>();
    private volatile String adminToken;
    private volatile UUID bigMarket;

    record Player(UUID id, String token) {}

    record Market(UUID id, List<UUID> outcomes, LongAdder forecasts) {}

    record Replay(String op, String token, String path, String key, String body, int status, JsonNode data) {}

    record Window(Instant from, Instant to) {}

    record ServerError(Instant at, String op, int status, String body) {}

    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body == null ? null : body.get("data");
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @Test
    void chips_stay_consistent_under_concurrent_load_and_faults() throws Exception {
        started = Instant.now();
        Files.createDirectories(work);
        try {
            createDatabase();
            startRedis();
            appPort = freePort();
            startApp();
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
            for (int i = 0; i < 4; i++) {
                createMarket();
            }
            bigMarket = createMarket();
            for (int i = 0; i < 12; i++) {
                register();
            }
            runWorkloadWithFaults();
            awaitSettlements();
            checkInvariants();
            checkFinalMarketsSettled();
            checkReplays();
            checkServerErrors();
            checkJsonLogs();
            stopAppGracefully();
        } finally {
            destroy(app);
            destroy(redis);
            printSummary();
        }
        assertThat(violations).as("chaos violations (see the summary above)").isEmpty();
    }

    // --- workload ---------------------------------------------------------------------------------

    private void runWorkloadWithFaults() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(workers + 2);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            tasks.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        step(pool);
                    } catch (RuntimeException e) {
                        violations.add("workload step threw " + e);
                    }
                }
            }));
        }
        injectFaults();
        running.set(false);
        for (Future<?> task : tasks) {
            task.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void step(ExecutorService pool) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 8 || players.size() < 5) {
            register();
        } else if (dice < 55) {
            forecast();
        } else if (dice < 70) {
            purchase(pool);
        } else if (dice < 74) {
            createMarket();
        } else if (dice < 79) {
            resolveOrCancel(ThreadLocalRandom.current().nextInt(3) > 0);
        } else {
            read();
        }
    }

    private void register() {
        String email = "p" + UUID.randomUUID().toString().substring(0, 12) + "@chaos.ph";
        String body = "{\"email\":\"" + email + "\",\"password\":\"chaos-password-123\",\"display_name\":\"Chaos "
                + email.substring(1, 7) + "\"}";
        Answer answer = call("register", "POST", "/api/v1/auth/register", null, body, null);
        if (answer.status() == 201) {
            players.add(new Player(
                    UUID.fromString(answer.data().at("/user/id").asString()),
                    answer.data().get("access_token").asString()));
        }
    }

    private void forecast() {
        Player player = random(players);
        Market market = ThreadLocalRandom.current().nextInt(3) == 0 && bigMarket != null
                ? markets.get(bigMarket)
                : random(new ArrayList<>(markets.values()));
        if (player == null || market == null) {
            return;
        }
        String position = player.id() + ":" + market.id();
        UUID outcome = positions.getOrDefault(position, random(market.outcomes()));
        long points = 1 + ThreadLocalRandom.current().nextInt(40);
        String body =
                "{\"market_id\":\"" + market.id() + "\",\"outcome_id\":\"" + outcome + "\",\"points\":" + points + "}";
        String key = UUID.randomUUID().toString();
        Answer answer = withRetries("forecast", "POST", "/api/v1/forecasts", player.token(), body, key);
        if (answer.ok()) {
            positions.put(position, outcome);
            market.forecasts().increment();
            replays.add(new Replay(
                    "forecast", player.token(), "/api/v1/forecasts", key, body, answer.status(), answer.data()));
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                // A client that never saw the answer sends the same request again.
                Answer again = call("forecast-retry", "POST", "/api/v1/forecasts", player.token(), body, key);
                compareReplay("forecast immediate retry", answer, again);
            }
        }
    }

    private void purchase(ExecutorService pool) {
        Player player = random(players);
        if (player == null) {
            return;
        }
        String provider = ThreadLocalRandom.current().nextBoolean() ? "gcash" : "stripe";
        String body = "{\"package_id\":\"starter\",\"provider\":\"" + provider + "\"}";
        String key = UUID.randomUUID().toString();
        Answer created = withRetries("purchase", "POST", "/api/v1/purchases", player.token(), body, key);
        if (created.status() != 201) {
            return;
        }
        replays.add(new Replay("purchase", player.token(), "/api/v1/purchases", key, body, 201, created.data()));
        String id = created.data().get("id").asString();
        String pay = "/sandbox/checkout/" + id + "/pay";
        String fail = "/sandbox/checkout/" + id + "/fail";
        switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> { // the same payment confirmed twice at once
                Future<Answer> first = pool.submit(() -> withRetries("sandbox-pay", "POST", pay, null, "", null));
                withRetries("sandbox-pay", "POST", pay, null, "", null);
                try {
                    first.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    violations.add("concurrent pay failed: " + e);
                }
            }
            case 1 -> { // failed, then paid after all
                withRetries("sandbox-fail", "POST", fail, null, "", null);
                withRetries("sandbox-pay", "POST", pay, null, "", null);
            }
            case 2 -> { // paid, then a late failure that must change nothing
                withRetries("sandbox-pay", "POST", pay, null, "", null);
                withRetries("sandbox-fail", "POST", fail, null, "", null);
            }
            default -> { // paid, and the webhook delivered again later
                withRetries("sandbox-pay", "POST", pay, null, "", null);
                withRetries("sandbox-pay", "POST", pay, null, "", null);
            }
        }
    }

    private UUID createMarket() {
        int outcomes = 2 + ThreadLocalRandom.current().nextInt(3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outcomes; i++) {
            names.add("\"Outcome " + (char) ('A' + i) + "\"");
        }
        String body = "{\"title\":\"Chaos market "
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"description\":\"Fault injection\",\"category\":\"other\",\"outcomes\":" + names
                + ",\"closes_at\":\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(2) + "\"}";
        Answer answer = withRetries("create-market", "POST", "/api/v1/admin/markets", adminToken, body, null);
        if (answer.status() != 201) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        answer.data()
                .get("outcomes")
                .forEach(o -> ids.add(UUID.fromString(o.get("id").asString())));
        UUID id = UUID.fromString(answer.data().get("id").asString());
        markets.put(id, new Market(id, ids, new LongAdder()));
        return id;
    }

    private void resolveOrCancel(boolean resolve) {
        List<Market> candidates = markets.values().stream()
                .filter(m -> !m.id().equals(bigMarket) && m.forecasts().sum() > 0)
                .toList();
        Market market = random(candidates);
        if (market == null || markets.size() < 3) {
            return;
        }
        markets.remove(market.id());
        finalize(market, resolve, "resolve");
        createMarket();
    }

    private Answer finalize(Market market, boolean resolve, String op) {
        String path = "/api/v1/admin/markets/" + market.id() + (resolve ? "/resolve" : "/cancel");
        String body = resolve
                ? "{\"outcome_id\":\"" + random(market.outcomes())
                        + "\",\"evidence_urls\":[\"https://example.com/result\"],\"resolution_note\":\"Chaos result\"}"
                : "{\"reason\":\"Chaos cancellation\"}";
        return withRetries(resolve ? op : "cancel", "POST", path, adminToken, body, null);
    }

    private void read() {
        Player player = random(players);
        Market market = random(new ArrayList<>(markets.values()));
        switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> call("read", "GET", "/api/v1/markets?limit=20", null, null, null);
            case 1 -> {
                if (market != null) {
                    call("read", "GET", "/api/v1/markets/" + market.id(), null, null, null);
                }
            }
            default -> {
                if (player != null) {
                    call("read", "GET", "/api/v1/users/me/transactions", player.token(), null, null);
                }
            }
        }
    }

    // --- faults -----------------------------------------------------------------------------------

    /**
     * The fault schedule, relative to the workload's start (D = chaos.seconds). The workload goes on
     * throughout and ends 10 s after the last fault, so a slow restart never squeezes the run.
     */
    private void injectFaults() throws Exception {
        long d = seconds * 1000L;
        Instant t0 = Instant.now();
        sleepUntil(t0.plusMillis(d * 15 / 100));
        terminateDatabaseConnections();

        sleepUntil(t0.plusMillis(d * 30 / 100));
        Instant redisDown = Instant.now();
        stopRedis();
        sleep(Math.max(5_000, d * 10 / 100));
        startRedisProcess();
        outageWindows.add(new Window(redisDown, Instant.now().plusSeconds(10)));
        faults.add(at() + " Redis shut down (nosave) for "
                + Duration.between(redisDown, Instant.now()).toSeconds() + " s, then restarted");

        sleepUntil(t0.plusMillis(d * 50 / 100));
        killMidSettlement();

        sleep(3_000);
        terminateDatabaseConnections();
        Instant afterRestart = Instant.now();
        sleepUntil(max(t0.plusMillis(d * 85 / 100), afterRestart.plusSeconds(10)));
        terminateDatabaseConnections();
        sleep(10_000);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void terminateDatabaseConnections() throws SQLException {
        Instant at = Instant.now();
        int killed;
        try (Connection c = DriverManager.getConnection(PG + "postgres", PG_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = '" + database + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            killed = rs.getInt(1);
        }
        outageWindows.add(new Window(at, at.plusSeconds(10)));
        faults.add(at() + " pg_terminate_backend: " + killed + " connections of the app killed");
    }

    /** Resolves the market with the most forecasts and kills the app at once, then restarts it. */
    private void killMidSettlement() throws Exception {
        Market big = markets.remove(bigMarket);
        long forecasts = count("SELECT count(*) FROM forecasts WHERE market_id = '" + big.id() + "'");
        Instant at = Instant.now();
        Answer resolved = finalize(big, true, "resolve-big");
        app.destroyForcibly(); // SIGKILL
        app.waitFor(10, TimeUnit.SECONDS);
        long settledAtKill =
                count("SELECT count(*) FROM forecasts WHERE market_id = '" + big.id() + "' AND status <> 'pending'");
        boolean marketSettled =
                count("SELECT count(*) FROM markets WHERE id = '" + big.id() + "' AND settled_at IS NOT NULL") > 0;
        faults.add(at() + " kill -9 right after resolving a market with " + forecasts + " forecasts (answer "
                + resolved.status() + "): " + settledAtKill + " of them settled when the process died"
                + (marketSettled ? " (settlement had finished)" : " (settlement interrupted)"));
        startApp();
        outageWindows.add(new Window(at, Instant.now().plusSeconds(10)));
        faults.add(at() + " app restarted (start #" + appStarts + ")");
        createMarket();
    }

    // --- final checks -----------------------------------------------------------------------------

    private void awaitSettlements() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        long pending;
        do {
            pending = count(
                    "SELECT count(*) FROM markets WHERE status IN ('resolved', 'cancelled') AND settled_at IS NULL");
            if (pending == 0) {
                return;
            }
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        violations.add(pending + " resolved/cancelled markets were not settled within 120 s of the end of the run");
    }

    private void checkInvariants() throws Exception {
        String sql = Files.readString(Path.of("ops", "invariants.sql")).strip();
        sql = sql.replaceAll("(?m)^--.*$", "").strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        int found = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, PG_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found++;
                violations.add("invariant '" + rs.getString(1) + "': " + rs.getString(2));
            }
        }
        faults.add("(check) ops/invariants.sql: " + (found == 0 ? "all hold" : found + " violations"));
    }

    private void checkFinalMarketsSettled() throws Exception {
        long finals = count("SELECT count(*) FROM markets WHERE status IN ('resolved', 'cancelled')");
        long settled = count("SELECT count(*) FROM markets WHERE settled_at IS NOT NULL");
        faults.add("(check) " + finals + " resolved/cancelled markets, " + settled + " settled (pool 0, one"
                + " payout/refund per winner: ops/invariants.sql)");
        if (finals != settled) {
            violations.add(finals + " final markets but " + settled + " settled");
        }
    }

    private void checkReplays() {
        int checked = 0;
        for (Replay replay : replays) {
            Answer again = withRetries(
                    "replay-" + replay.op(), "POST", replay.path(), replay.token(), replay.body(), replay.key());
            checked++;
            if (again.status() != replay.status()) {
                violations.add("replay of " + replay.op() + " key " + replay.key() + ": status " + again.status()
                        + ", first " + replay.status());
            } else if (replay.op().equals("forecast") && !again.data().equals(replay.data())) {
                violations.add("replay of forecast key " + replay.key() + " answered " + again.data() + ", first "
                        + replay.data());
            } else if (replay.op().equals("purchase")
                    && !again.data().get("id").equals(replay.data().get("id"))) {
                violations.add("replay of purchase key " + replay.key() + " created another purchase");
            }
        }
        faults.add("(check) " + checked + " idempotency keys replayed");
    }

    private void compareReplay(String what, Answer first, Answer again) {
        if (again.status() < 0 || again.status() == 503) {
            return; // the retry itself hit an outage; the final replay pass covers the key
        }
        if (again.status() != first.status() || !first.data().equals(again.data())) {
            violations.add(
                    what + ": " + again.status() + " " + again.data() + " vs " + first.status() + " " + first.data());
        }
    }

    private void checkServerErrors() {
        for (ServerError error : serverErrors) {
            boolean duringOutage = outageWindows.stream()
                    .anyMatch(w -> !error.at().isBefore(w.from()) && !error.at().isAfter(w.to()));
            boolean enveloped = error.body().contains("\"success\":false");
            if (error.status() != 503 || !duringOutage || !enveloped) {
                violations.add("5xx outside the rules: " + error.status() + " on " + error.op() + " at +"
                        + Duration.between(started, error.at()).toSeconds() + " s: " + error.body());
            }
        }
    }

    private void checkJsonLogs() throws IOException {
        Path log = work.resolve("app-1.log");
        long withUser = Files.readAllLines(log).stream()
                .filter(l -> l.startsWith("{") && l.contains("\"user_id\""))
                .count();
        long withRequest = Files.readAllLines(log).stream()
                .filter(l -> l.startsWith("{") && l.contains("\"request_id\""))
                .count();
        faults.add("(check) JSON log lines with request_id: " + withRequest + ", with user_id: " + withUser);
    }

    private void stopAppGracefully() throws Exception {
        Instant at = Instant.now();
        app.destroy(); // SIGTERM
        boolean stopped = app.waitFor(40, TimeUnit.SECONDS);
        faults.add("(check) graceful stop (SIGTERM) took "
                + Duration.between(at, Instant.now()).toMillis() + " ms");
        if (!stopped) {
            violations.add("the app did not stop within 40 s of SIGTERM");
        }
    }

    // --- processes --------------------------------------------------------------------------------

    private void createDatabase() throws SQLException, IOException {
        database = "pm_chaos_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(PG + "postgres", PG_USER, "");
                Statement s = c.createStatement()) {
            // Keep only the newest chaos database (ops/backup-restore.sh can be tried on it).
            List<String> old = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'pm_chaos_%'")) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
            for (String name : old) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            s.execute("CREATE DATABASE " + database);
        }
        jdbcUrl = PG + database;
        Files.writeString(work.resolve("database.txt"), database + "\n");
    }

    private void startRedis() throws Exception {
        redisPort = freePort();
        startRedisProcess();
    }

    private void startRedisProcess() throws Exception {
        redis = new ProcessBuilder(
                        TestServices.redisServerBinary().getAbsolutePath(),
                        "--port",
                        Integer.toString(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--daemonize",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("redis.log").toFile()))
                .start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try (var socket = new java.net.Socket("127.0.0.1", redisPort)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("private redis-server did not start on port " + redisPort);
    }

    private void stopRedis() throws Exception {
        // Only our private instance: never a shared Redis. SIGTERM with no save points configured is
        // redis-server's "shutdown nosave".
        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
    }

    private void startApp() throws Exception {
        appStarts++;
        File jar = findJar();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.getAbsolutePath());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(appPort));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", PG_USER);
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:" + redisPort);
        env.put("PILIMARKET_DB_POOL_SIZE", "12");
        env.put("PILIMARKET_DATA_DIR", work.resolve("data").toString());
        env.put("PILIMARKET_DEMO_DATA", "false");
        env.put("PILIMARKET_RATE_LIMITS_ENABLED", "false");
        env.put("PILIMARKET_PAYMENTS_SANDBOX", "true");
        env.put("PILIMARKET_PAYMENTS_VELOCITY_MAX_ATTEMPTS", "100000");
        env.put("PILIMARKET_PAYMENTS_DAILY_LIMIT_CENTS", "1000000000");
        env.put("PILIMARKET_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("PILIMARKET_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PILIMARKET_JWT_SECRET", "chaos-secret-chaos-secret-chaos-secret-0123");
        env.put("PILIMARKET_LOG_FORMAT", "json");
        // Small settlement batches make settlement long enough to be killed in the middle of it.
        env.put("PILIMARKET_SETTLEMENT_BATCH_SIZE", "3");
        env.put("PILIMARKET_EVENTS_RESUBMIT_AFTER", "10s");
        env.put("PILIMARKET_EVENTS_RESUBMIT_INTERVAL", "5s");
        env.put("PILIMARKET_EVENTS_STALE_AFTER", "20s");
        env.put("PILIMARKET_EVENTS_STALE_CHECK_INTERVAL", "5s");
        app = builder.redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + appStarts + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(startSeconds);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException(
                        "the app exited while starting; see " + work.resolve("app-" + appStarts + ".log"));
            }
            Answer ready = raw("GET", "/actuator/health/readiness", null, null, null);
            if (ready.status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not become ready within " + startSeconds + " s");
    }

    private File findJar() {
        File[] jars =
                new File("target").listFiles((dir, name) -> name.startsWith("pilimarket-") && name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException(
                    "no target/pilimarket-*.jar: run through the chaos profile (after package)");
        }
        return jars[0];
    }

    private static void destroy(Process process) {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    // --- HTTP -------------------------------------------------------------------------------------

    private String login(String email, String password) {
        Answer answer = call(
                "login",
                "POST",
                "/api/v1/auth/login",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                null);
        assertThat(answer.status()).as("admin login").isEqualTo(200);
        return answer.data().get("access_token").asString();
    }

    /** A client that retries (same Idempotency-Key) while the server is unreachable or answers 503. */
    private Answer withRetries(String op, String method, String path, String token, String body, String key) {
        Answer answer = call(op, method, path, token, body, key);
        for (int attempt = 0; attempt < 60 && (answer.status() < 0 || answer.status() == 503); attempt++) {
            sleep(500);
            answer = call(op + "-retry", method, path, token, body, key);
        }
        return answer;
    }

    private Answer call(String op, String method, String path, String token, String body, String key) {
        operations.computeIfAbsent(op, k -> new LongAdder()).increment();
        Answer answer = raw(method, path, token, body, key);
        statuses.computeIfAbsent(answer.status(), k -> new LongAdder()).increment();
        if (answer.status() < 0) {
            unreachable.increment();
        } else if (answer.status() >= 500) {
            serverErrors.add(new ServerError(
                    Instant.now(), op + " " + method + " " + path, answer.status(), String.valueOf(answer.body())));
        }
        return answer;
    }

    private Answer raw(String method, String path, String token, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header(
                    "Content-Type",
                    path.startsWith("/sandbox/") ? "application/x-www-form-urlencoded" : "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")
                    && !response.body().isEmpty()) {
                parsed = json.readTree(response.body());
            }
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, PG_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T> T random(List<T> list) {
        if (list.isEmpty()) {
            return null;
        }
        try {
            return list.get(ThreadLocalRandom.current().nextInt(list.size()));
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    private String at() {
        return "+" + Duration.between(started, Instant.now()).toSeconds() + " s";
    }

    private static void sleepUntil(Instant when) {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            sleep(ms);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void printSummary() {
        StringBuilder out = new StringBuilder("\n========== CHAOS SUMMARY ==========\n");
        out.append("database ")
                .append(database)
                .append(", app port ")
                .append(appPort)
                .append(", private redis port ")
                .append(redisPort)
                .append(", ")
                .append(workers)
                .append(" workers, workload ")
                .append(seconds)
                .append(" s, total ")
                .append(Duration.between(started, Instant.now()).toSeconds())
                .append(" s\n");
        out.append("operations:\n");
        new TreeMap<>(operations).forEach((op, n) -> out.append(String.format("  %-22s %6d%n", op, n.sum())));
        out.append("answers by status: ");
        new TreeMap<>(statuses)
                .forEach((s, n) -> out.append(s < 0 ? "unreachable" : s)
                        .append('=')
                        .append(n.sum())
                        .append(' '));
        out.append("\nplayers ")
                .append(players.size())
                .append(", markets created ")
                .append(count(() -> "SELECT count(*) FROM markets"))
                .append(", forecasts ")
                .append(count(() -> "SELECT count(*) FROM forecasts"))
                .append(", purchases completed ")
                .append(count(() -> "SELECT count(*) FROM purchases WHERE status = 'completed'"))
                .append(", ledger transactions ")
                .append(count(() -> "SELECT count(*) FROM ledger_transactions"))
                .append('\n');
        out.append("faults and checks:\n");
        faults.forEach(f -> out.append("  ").append(f).append('\n'));
        out.append("5xx answers: ")
                .append(serverErrors.size())
                .append(" (")
                .append(serverErrors.stream().filter(e -> e.status() == 503).count())
                .append(" × 503)\n");
        out.append(violations.isEmpty() ? "RESULT: no violations\n" : "RESULT: " + violations.size() + " VIOLATIONS\n");
        violations.stream().limit(50).forEach(v -> out.append("  ✗ ").append(v).append('\n'));
        out.append("===================================\n");
        System.out.println(out);
        try {
            Files.writeString(work.resolve("summary.txt"), out.toString());
        } catch (IOException ignored) {
            // The summary was printed.
        }
    }

    private String count(java.util.concurrent.Callable<String> sql) {
        try {
            return Long.toString(count(sql.call()));
        } catch (Exception e) {
            return "?";
        }
    }
}
