package com.pilimarket.chaos;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded database survives a crash ({@code ./mvnw -Pchaos verify}): the packaged jar on the
 * EMBEDDED PostgreSQL (no datasource URL) is killed with {@code kill -9} right after resolving a market
 * with many forecasts (settlement in 3-forecast batches, so it dies mid-settlement). Its PostgreSQL
 * survives the JVM, as it does after the OOM killer, and still holds the data directory. The jar is
 * started again on the same data directory: it must stop that orphan, recover, come up, finish the
 * settlement, and keep every invariant ({@code ops/invariants.sql}). Finally a normal stop must leave
 * no PostgreSQL behind.
 */
class EmbeddedDatabaseCrashChaos {

    private static final String ADMIN_EMAIL = "crash-admin@pilimarket.ph";
    private static final String ADMIN_PASSWORD = "crash-admin-password-2026";
    private static final int PLAYERS = 30;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path work = Path.of("target", "chaos-embedded").toAbsolutePath();
    private final Path dataDir = work.resolve("data");
    private final Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
    private final List<String> log = new ArrayList<>();

    private int appPort;
    private int dbPort;
    private Process app;
    private int starts;

    @Test
    void after_a_kill_9_mid_settlement_the_next_start_recovers_and_everything_settles() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        appPort = freePort();
        dbPort = freePort();
        try {
            startApp();
            String admin = login();
            UUID market = createMarket(admin);
            List<UUID> outcomes = outcomesOf(market);
            for (int i = 0; i < PLAYERS; i++) {
                forecast(register(i), market, outcomes.get(i % outcomes.size()), 10 + i);
            }

            Answer resolved = post(
                    "/api/v1/admin/markets/" + market + "/resolve",
                    admin,
                    "{\"outcome_id\":\"" + outcomes.get(0)
                            + "\",\"evidence_urls\":[\"https://example.com/r\"],\"resolution_note\":\"Crash test\"}");
            assertThat(resolved.status()).isEqualTo(200);
            // Settlement runs after the commit, in 3-forecast batches: kill as soon as the first batch is in.
            Instant settling = Instant.now().plusSeconds(30);
            while (settled(market) == 0 && Instant.now().isBefore(settling)) {
                Thread.sleep(10);
            }
            app.destroyForcibly(); // SIGKILL, like the OOM killer
            app.waitFor(10, TimeUnit.SECONDS);
            long orphan = postmasterPid();
            note("kill -9 during the settlement of a market with " + PLAYERS + " forecasts: "
                    + settled(market) + " settled at the kill; PostgreSQL PID " + orphan + " left running: "
                    + alive(orphan));
            assertThat(alive(orphan))
                    .as("the embedded PostgreSQL outlives a kill -9 of the JVM (the case under test)")
                    .isTrue();

            startApp();
            assertThat(alive(orphan))
                    .as("the orphan was stopped by the new start")
                    .isFalse();

            Instant deadline = Instant.now().plusSeconds(120);
            while (!(settled(market) == PLAYERS && marketSettled(market))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(1_000);
            }
            assertThat(settled(market))
                    .as("every forecast of the market settled")
                    .isEqualTo(PLAYERS);
            assertThat(marketSettled(market)).isTrue();
            assertThat(invariantViolations()).as("ops/invariants.sql").isEmpty();
            note("after the restart: " + settled(market) + " forecasts settled, invariants hold");

            long server = postmasterPid();
            app.destroy(); // SIGTERM: a normal stop
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app stops").isTrue();
            assertThat(alive(server)).as("no PostgreSQL outlives a normal stop").isFalse();
            assertThat(pidFile).doesNotExist();
        } finally {
            if (app != null && app.isAlive()) {
                app.destroyForcibly();
                app.waitFor(10, TimeUnit.SECONDS);
            }
            stopAnyPostgres();
            System.out.println("\n===== EMBEDDED CRASH CHAOS =====\n" + String.join("\n", log) + "\n(app logs: " + work
                    + "/app-*.log)\n================================\n");
        }
    }

    // --- the app ----------------------------------------------------------------------------------

    private void startApp() throws Exception {
        starts++;
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                findJar().getAbsolutePath());
        Map<String, String> env = builder.environment();
        env.remove("SPRING_DATASOURCE_URL");
        env.remove("SPRING_DATA_REDIS_URL");
        env.put("SERVER_PORT", Integer.toString(appPort));
        env.put("PILIMARKET_DATA_DIR", dataDir.toString());
        env.put("PILIMARKET_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        env.put("PILIMARKET_DEMO_DATA", "false");
        env.put("PILIMARKET_RATE_LIMITS_ENABLED", "false");
        env.put("PILIMARKET_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("PILIMARKET_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Small batches make settlement long enough to be killed in the middle of it.
        env.put("PILIMARKET_SETTLEMENT_BATCH_SIZE", "3");
        env.put("PILIMARKET_EVENTS_RESUBMIT_AFTER", "10s");
        env.put("PILIMARKET_EVENTS_RESUBMIT_INTERVAL", "5s");
        env.put("PILIMARKET_EVENTS_STALE_AFTER", "20s");
        env.put("PILIMARKET_EVENTS_STALE_CHECK_INTERVAL", "5s");
        Path output = work.resolve("app-" + starts + ".log");
        app = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // Generous: a cold start on a busy 2-core machine is slow, and crash recovery comes on top.
        Instant deadline = Instant.now().plusSeconds(420);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("start #" + starts + " failed; see " + output + ":\n" + tail(output));
            }
            if (get("/actuator/health/readiness").status() == 200) {
                note("start #" + starts + " ready");
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("start #" + starts + " not ready within 420 s; see " + output);
    }

    private File findJar() {
        File[] jars =
                new File("target").listFiles((dir, name) -> name.startsWith("pilimarket-") && name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no target/pilimarket-*.jar: run through the chaos profile");
        }
        return jars[0];
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Never leave a server behind, whatever failed: the data dir's own postmaster only. */
    private void stopAnyPostgres() {
        try {
            if (Files.exists(pidFile)) {
                long pid = postmasterPid();
                if (alive(pid)) {
                    note("cleanup: stopping PostgreSQL PID " + pid + " left after the test");
                    new ProcessBuilder("kill", "-INT", Long.toString(pid))
                            .start()
                            .waitFor(5, TimeUnit.SECONDS);
                    ProcessHandle.of(pid)
                            .ifPresent(p ->
                                    p.onExit().orTimeout(20, TimeUnit.SECONDS).join());
                }
            }
        } catch (Exception e) {
            note("cleanup failed: " + e);
        }
    }

    // --- the workload -----------------------------------------------------------------------------

    private String login() {
        Answer answer = post(
                "/api/v1/auth/login",
                null,
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(answer.status()).as("admin login").isEqualTo(200);
        return answer.data().get("access_token").asString();
    }

    private UUID createMarket(String admin) {
        Answer answer = post(
                "/api/v1/admin/markets",
                admin,
                "{\"title\":\"Crash market " + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"description\":\"Embedded crash recovery\",\"category\":\"other\","
                        + "\"outcomes\":[\"Yes\",\"No\",\"Maybe\"],\"closes_at\":\""
                        + OffsetDateTime.now(ZoneOffset.UTC).plusDays(2) + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return UUID.fromString(answer.data().get("id").asString());
    }

    private List<UUID> outcomesOf(UUID market) {
        List<UUID> ids = new ArrayList<>();
        get("/api/v1/markets/" + market)
                .data()
                .get("outcomes")
                .forEach(o -> ids.add(UUID.fromString(o.get("id").asString())));
        return ids;
    }

    private String register(int i) {
        Answer answer = post(
                "/api/v1/auth/register",
                null,
                "{\"email\":\"crash" + i + "-" + UUID.randomUUID().toString().substring(0, 6)
                        + "@chaos.ph\",\"password\":\"crash-password-123\",\"display_name\":\"Crash " + i + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.data().get("access_token").asString();
    }

    private void forecast(String token, UUID market, UUID outcome, long points) {
        Answer answer = post(
                "/api/v1/forecasts",
                token,
                "{\"market_id\":\"" + market + "\",\"outcome_id\":\"" + outcome + "\",\"points\":" + points + "}");
        assertThat(answer.status()).isEqualTo(201);
    }

    // --- the database -----------------------------------------------------------------------------

    private long settled(UUID market) throws SQLException {
        return count("SELECT count(*) FROM forecasts WHERE market_id = '" + market + "' AND status <> 'pending'");
    }

    private boolean marketSettled(UUID market) throws SQLException {
        return count("SELECT count(*) FROM markets WHERE id = '" + market + "' AND settled_at IS NOT NULL") == 1;
    }

    private List<String> invariantViolations() throws Exception {
        String sql = Files.readString(Path.of("ops", "invariants.sql"))
                .replaceAll("(?m)^--.*$", "")
                .strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        List<String> violations = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                violations.add(rs.getString(1) + ": " + rs.getString(2));
            }
        }
        return violations;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", "");
    }

    // --- HTTP -------------------------------------------------------------------------------------

    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }
    }

    private Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    private Answer post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + appPort + path);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(response.statusCode(), isJson ? json.readTree(response.body()) : null);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private void note(String line) {
        log.add(line);
        System.out.println("[embedded-crash] " + line);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
