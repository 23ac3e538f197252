package com.pilimarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.users.UserRole;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input over the whole API. The operations come from the server's own OpenAPI document, so
 * an endpoint added later is fuzzed without touching this class. For every body field and query
 * parameter the suite sends wrong types, extreme and overflowing numbers, unicode edge cases (RTL,
 * zero-width, emoji, NUL), SQL-injection and markup; for every body, malformed and oversized JSON.
 * Whatever comes in: never a 5xx, always the envelope, nothing changed by a refusal, nothing stored
 * with markup or NUL in it.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text that must never be stored as is. */
    static final List<String> HOSTILE_TEXT = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "\"><svg/onload=alert(1)>",
            "&amp;amp;amp;amp;lt;svg onload=alert(1)&amp;amp;amp;amp;gt;",
            "' OR '1'='1'; DROP TABLE users; --",
            "Robert'); DELETE FROM ledger_entries;--",
            "nul\u0000byte",
            "\u0000",
            "\u202Eevil\u202C right-to-left",
            "zero\u200Bwidth\uFEFF",
            "emoji 🇵🇭 👨‍👩‍👧 🎲",
            "\uD800 lone surrogate",
            "%00%27%22",
            "   ",
            "",
            "x".repeat(5_000));

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    private TestUser root;
    private TestUser player;
    private TestUser target;
    private MarketDetail traded;
    private MarketDetail quiet;

    /**
     * The state after the last refused request sent through {@code refusedWithoutChange}: nothing has run since
     * (a snapshot waits for every listener), so it is the state before the next one, and a run of refusals
     * takes one snapshot per request, not two. Any other request in between must clear it.
     */
    private Snapshot lastSnapshot;

    @BeforeEach
    void fixtures() {
        lastSnapshot = null;
        root = users.create(1_000_000, UserRole.SUPERADMIN);
        player = users.create(10_000);
        target = users.create(500);
        traded = markets.open("Traded market " + UUID.randomUUID(), "Yes", "No");
        // Admin actions are fuzzed on a market nobody forecasts on: a fuzzed resolution that succeeds
        // then settles nothing in the background, so the "nothing changed" snapshots stay exact.
        quiet = markets.open("Quiet market " + UUID.randomUUID(), "Yes", "No");
        Result placed = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", traded.id(), "outcome_id", TestMarkets.outcome(traded, 0), "points", 10))
                .bearer(player.token())
                .send();
        assertThat(placed.status()).isEqualTo(201);
    }

    @Test
    void malformed_missing_and_oddly_shaped_bodies_are_a_4xx_envelope_on_every_write_endpoint() {
        List<String> bodies = List.of(
                "{bad",
                "",
                "null",
                "[]",
                "\"text\"",
                "42",
                "{\"a\":",
                "{}",
                "{\"a\":1,\"a\":2}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"x\":" + "{\"x\":".repeat(3_000) + "1" + "}".repeat(3_001),
                "{\"points\": NaN}",
                "{\"email\": \"\\ud800\"}",
                "\u0000");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations()) {
            if (!op.hasBody()) {
                continue;
            }
            for (String body : bodies) {
                failures.addAll(refusedWithoutChange(op, () -> send(op, body, root)));
                sent++;
            }
            // Invalid UTF-8 and the wrong media type.
            failures.addAll(refusedWithoutChange(
                    op, () -> sendBytes(op, new byte[] {'{', '"', (byte) 0xC3, '"', '}'})));
            failures.addAll(refusedWithoutChange(
                    op,
                    () -> http.post(op.concretePath(this), null)
                            .rawBody("a=b")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .bearer(root.token())
                            .send()));
            sent += 2;
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void every_body_field_survives_wrong_types_extreme_numbers_unicode_and_injection() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations()) {
            if (!op.hasBody()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : op.fields().entrySet()) {
                for (JsonNode value : hostileValues(field.getValue())) {
                    ObjectNode body = baseBody(op);
                    body.set(field.getKey(), value);
                    String text = json.writeValueAsString(body);
                    // Sent once: a refusal must also have changed nothing, an acceptance must be well formed.
                    failures.addAll(refusedWithoutChange(op, text, () -> send(op, text, actorFor(op))));
                    sent++;
                }
            }
        }
        assertThat(sent).isGreaterThan(300);
        assertThat(failures).isEmpty();
        assertNothingStoredUnsanitized();
    }

    @Test
    void every_query_parameter_survives_hostile_values() {
        List<String> values = new ArrayList<>(List.of(
                "-1",
                "0",
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999999999",
                "1e400",
                "NaN",
                "not-a-uuid",
                "00000000-0000-0000-0000-000000000000",
                "true",
                "[]",
                "x".repeat(2_000)));
        HOSTILE_TEXT.stream().filter(v -> v.length() < 100).forEach(values::add);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations()) {
            for (String param : op.queryParams()) {
                for (String value : values) {
                    String path = op.concretePath(this) + "?" + param + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    Result result = http.get(path).bearer(root.token()).send();
                    sent++;
                    failures.addAll(problems(op, param + "=" + abbreviate(value), result));
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /**
     * Query strings that cannot be decoded (a lone {@code %}, bytes that are not UTF-8, a truncated
     * emoji, characters Tomcat refuses in a request line). The JDK client will not send some of
     * these, so they go over a raw socket exactly as written.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void undecodable_query_parameters_are_a_400_envelope_without_a_stack_trace(CapturedOutput output) throws Exception {
        List<String> targets = List.of(
                "/api/v1/markets?q=100%",
                "/api/v1/markets?q=%FF%FE",
                "/api/v1/leaderboard?period=%FF%FE",
                "/api/v1/activity?market_id=%C0%AF",
                "/api/v1/markets?limit=%F0%9F%98",
                "/api/v1/markets?page=%F0%9F%98%80%ZZ",
                "/api/v1/markets?q=\\",
                "/api/v1/markets?q=%",
                "/api/v1/markets?%FF=1",
                "/api/v1/users/me?x=%E2%82");
        List<String> failures = new ArrayList<>();
        for (String target : targets) {
            RawAnswer answer = rawGet(target);
            JsonNode body = null;
            try {
                body = json.readTree(answer.body());
            } catch (Exception e) {
                // not JSON: reported below
            }
            if (answer.status() != 400
                    || body == null
                    || !"MALFORMED_REQUEST".equals(body.at("/errors/0/code").asString())) {
                failures.add(target + " → " + answer.status() + " " + abbreviate(answer.body()));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(output.getAll()).doesNotContain("InvalidParameterException", " ERROR ", "\tat org.apache");

        RawAnswer error = rawGet("/error");
        assertThat(error.status()).isEqualTo(404);
        assertThat(json.readTree(error.body()).at("/errors/0/code").asString()).isEqualTo("NOT_FOUND");
    }

    /**
     * Requests refused before any controller (by Tomcat, or by the security firewall) answer in the
     * caller's language too, with a sentence rather than the reason phrase "Bad Request".
     */
    @Test
    void a_path_refused_before_any_controller_is_answered_in_filipino() throws Exception {
        for (String target : List.of("/api/v1/markets/%zz", "/api/v1/markets//activity", "/api/v1/markets/a;b")) {
            RawAnswer answer = rawGet(target, "Accept-Language: fil\r\n");

            assertThat(answer.status()).as(target).isEqualTo(400);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.at("/errors/0/code").asString()).as(target).isEqualTo("MALFORMED_REQUEST");
            assertThat(body.at("/errors/0/message").asString())
                    .as(target)
                    .isEqualTo("Hindi mabasa ang request; suriin ang address at mga parameter nito");
        }
        assertThat(json.readTree(rawGet("/api/v1/markets/%zz", "").body())
                        .at("/errors/0/message")
                        .asString())
                .isEqualTo("The request could not be read; check its address and parameters");
    }

    record RawAnswer(int status, String body) {}

    private RawAnswer rawGet(String target) throws Exception {
        return rawGet(target, "");
    }

    /** One request over a plain socket: the request line is sent byte for byte as given. */
    private RawAnswer rawGet(String target, String extraHeaders) throws Exception {
        URI base = URI.create(http.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + extraHeaders + "Authorization: Bearer " + root.token() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawAnswer(status, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            // Chunk sizes count bytes; these bodies are ASCII JSON, so characters and bytes agree.
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    @Test
    void a_body_over_64_kib_is_refused_with_413_whether_its_length_is_declared_or_streamed() {
        String huge = "{\"display_name\":\"" + "a".repeat(70 * 1024) + "\"}";

        Result declared = http.patch("/api/v1/users/me", null)
                .rawBody(huge)
                .bearer(player.token())
                .send();
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        Result streamed = sendChunked("/api/v1/users/me", "PATCH", huge, player);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        Result register = sendChunked(
                "/api/v1/auth/register",
                "POST",
                "{\"email\":\"big@test.ph\",\"password\":\"" + "p".repeat(80_000) + "\",\"display_name\":\"Big\"}",
                null);
        assertThat(register.status()).isEqualTo(413);
        assertThat(countUsersWithEmail("big@test.ph")).isZero();

        assertThat(displayNameOf(player)).isEqualTo("Tester");
        // Just under the limit is still an ordinary answer (here: the name is too long).
        Result under = http.patch("/api/v1/users/me", Map.of("display_name", "a".repeat(60 * 1024)))
                .bearer(player.token())
                .send();
        assertThat(under.status()).isEqualTo(400);
    }

    @Test
    void markup_and_nul_in_every_text_field_are_stored_as_plain_text_or_refused() {
        String xss = "Hi <script>alert('x')</script><img src=x onerror=alert(1)> there";
        String nul = "Hi \u0000there";

        Result registered = http.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                "xss" + UUID.randomUUID().toString().substring(0, 8) + "@test.ph",
                                "password",
                                "correct horse battery",
                                "display_name",
                                xss))
                .send();
        assertThat(registered.status()).isIn(201, 400);
        if (registered.status() == 201) {
            assertClean(registered.data().at("/user/display_name").asString());
        }

        Result profile = http.patch("/api/v1/users/me", Map.of("display_name", xss, "bio", xss))
                .bearer(player.token())
                .send();
        assertThat(profile.status()).isIn(200, 400);
        Result me = http.get("/api/v1/users/me").bearer(player.token()).send();
        assertClean(me.data().get("display_name").asString());
        assertClean(me.data().get("bio").isNull() ? "" : me.data().get("bio").asString());

        Map<String, Object> market = new LinkedHashMap<>();
        market.put("title", "Will it rain? " + xss);
        market.put("description", xss);
        market.put("category", "sports");
        market.put("outcomes", List.of("Yes " + xss, "No <b onmouseover=alert(1)>"));
        market.put("closes_at", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
        market.put("metadata", Map.of("source", xss, "<script>alert(2)</script>", List.of(xss)));
        Result created =
                http.post("/api/v1/admin/markets", market).bearer(root.token()).send();
        assertThat(created.status()).isEqualTo(201);
        JsonNode detail = created.data();
        assertClean(detail.get("title").asString());
        assertClean(detail.get("description").asString());
        detail.get("outcomes").forEach(o -> assertClean(o.get("name").asString()));

        // NUL is stripped from text (Text.clean) or refused with 400 where it would reach the database raw.
        market.put("title", "NUL market " + nul);
        market.put("metadata", Map.of("source", nul, "k\u0000", "v"));
        Result withNul =
                http.post("/api/v1/admin/markets", market).bearer(root.token()).send();
        assertThat(withNul.status()).isIn(201, 400);
        for (Map<String, String> body : List.of(
                Map.of("email", "nul\u0000@test.ph", "password", "correct horse battery"),
                Map.of("email", "nul@test.ph", "password", "pass\u0000word-long-enough"))) {
            assertThat(http.post("/api/v1/auth/login", body).send().status()).isIn(400, 401);
        }
        assertThat(http.get("/api/v1/markets?q=%00").send().status()).isIn(200, 400);
        assertThat(http.get("/api/v1/admin/audit-log?action=%00")
                        .bearer(root.token())
                        .send()
                        .status())
                .isIn(200, 400);

        Result resolved = http.post(
                        "/api/v1/admin/markets/" + quiet.id() + "/resolve",
                        Map.of(
                                "outcome_id",
                                TestMarkets.outcome(quiet, 0),
                                "evidence_urls",
                                List.of("https://example.com/a?<script>"),
                                "resolution_note",
                                xss))
                .bearer(root.token())
                .send();
        assertThat(resolved.status()).isIn(200, 400);

        Result grant = http.post("/api/v1/admin/users/" + target.id() + "/grant", Map.of("chips", 5, "reason", xss))
                .bearer(root.token())
                .send();
        assertThat(grant.status()).isIn(200, 201, 400);

        Result status = http.patch("/api/v1/admin/users/" + target.id(), Map.of("status", "suspended", "reason", xss))
                .bearer(root.token())
                .send();
        assertThat(status.status()).isIn(200, 400);

        // A market without stakes: its refund settlement moves no chips after this test has finished.
        MarketDetail toCancel = markets.open("Cancelled " + UUID.randomUUID(), "A", "B");
        Result cancelled = http.post("/api/v1/admin/markets/" + toCancel.id() + "/cancel", Map.of("reason", xss))
                .bearer(root.token())
                .send();
        assertThat(cancelled.status()).isIn(200, 400);

        assertNothingStoredUnsanitized();
    }

    @Test
    void chip_amounts_at_the_edges_of_a_long_never_overflow_a_balance() {
        Snapshot before = snapshot();
        for (String chips :
                List.of("9223372036854775807", "-9223372036854775808", "9223372036854775808", "4611686018427387904")) {
            Result result = http.post("/api/v1/admin/users/" + target.id() + "/grant", null)
                    .rawBody("{\"chips\":" + chips + ",\"reason\":\"overflow probe\"}")
                    .bearer(root.token())
                    .send();
            assertThat(result.status()).as("grant %s", chips).isBetween(400, 499);
        }
        for (String points : List.of("9223372036854775807", "9223372036854775808", "-1", "0", "1.5", "1e3")) {
            Result result = http.post("/api/v1/forecasts", null)
                    .rawBody("{\"market_id\":\"" + traded.id() + "\",\"outcome_id\":\"" + TestMarkets.outcome(traded, 0)
                            + "\",\"points\":" + points + "}")
                    .bearer(player.token())
                    .send();
            assertThat(result.status()).as("points %s", points).isLessThan(500);
        }
        // 1e3 = 1000 is a whole number and may be placed; everything else changed nothing.
        Snapshot after = snapshot();
        assertThat(after.users()).isEqualTo(before.users());
        assertThat(after.sumOfAllBalances()).isEqualTo(before.sumOfAllBalances());
    }

    // --- the operations of the OpenAPI document ---------------------------------------------------

    record Operation(String method, String path, Map<String, JsonNode> fields, List<String> queryParams) {

        boolean hasBody() {
            return fields != null;
        }

        String concretePath(HostileInputIntegrationTests t) {
            String id = path.contains("/markets")
                    ? t.quiet.id().toString()
                    : path.contains("/users")
                            ? t.target.id().toString()
                            : UUID.randomUUID().toString();
            return path.replaceAll("\\{[^}]+}", id);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Operation> operations() {
        JsonNode docs = http.get("/v3/api-docs").send().body();
        JsonNode schemas = docs.at("/components/schemas");
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue; // Webhooks are authenticated by their signature and covered in the payments tests.
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                List<String> query = new ArrayList<>();
                op.path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asString())) {
                        query.add(p.get("name").asString());
                    }
                });
                Map<String, JsonNode> fields = null;
                JsonNode schema = op.at("/requestBody/content/application~1json/schema");
                if (!schema.isMissingNode()) {
                    fields = new LinkedHashMap<>();
                    JsonNode resolved = resolve(schema, schemas);
                    for (Map.Entry<String, JsonNode> property :
                            resolved.path("properties").properties()) {
                        fields.put(snake(property.getKey()), resolve(property.getValue(), schemas));
                    }
                }
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (fields != null || !query.isEmpty() || !verb.equals("GET")) {
                    ops.add(new Operation(verb, path.getKey(), fields, query));
                }
            }
        }
        assertThat(ops).as("operations found in /v3/api-docs").hasSizeGreaterThan(15);
        return ops;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode ref = schema.get("$ref");
        return ref == null
                ? schema
                : schemas.get(ref.asString().substring(ref.asString().lastIndexOf('/') + 1));
    }

    /** springdoc shows the record components in camelCase; the wire format is snake_case. */
    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A body that would plausibly be accepted, so each mutation tests one field at a time. */
    private ObjectNode baseBody(Operation op) {
        ObjectNode body = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : op.fields().entrySet()) {
            body.set(field.getKey(), plausible(field.getKey(), field.getValue()));
        }
        return body;
    }

    private JsonNode plausible(String name, JsonNode schema) {
        String type = schema.path("type").asString("");
        String now = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString();
        return switch (name) {
            case "email" -> NODES.stringNode("f" + UUID.randomUUID().toString().substring(0, 10) + "@test.ph");
            case "password" -> NODES.stringNode("correct horse battery");
            case "market_id" -> NODES.stringNode(traded.id().toString());
            case "outcome_id" ->
                NODES.stringNode(
                        TestMarkets.outcome(traded, 0).toString()); // a resolution of the quiet market refuses it: 400
            case "provider" -> NODES.stringNode("gcash");
            case "package_id" -> NODES.stringNode("starter");
            case "category" -> NODES.stringNode("sports");
            case "status" -> NODES.stringNode("active");
            case "role" -> NODES.stringNode("user");
            case "avatar_url" -> NODES.stringNode("https://example.com/a.png");
            case "closes_at" -> NODES.stringNode(now);
            case "resolves_at" ->
                NODES.stringNode(OffsetDateTime.now(ZoneOffset.UTC).plusDays(9).toString());
            case "evidence_urls" -> NODES.arrayNode().add("https://example.com/evidence");
            case "outcomes" -> NODES.arrayNode().add("Yes").add("No");
            case "metadata" -> NODES.objectNode().put("source", "fuzz");
            case "chips" -> NODES.numberNode(100L);
            case "points" -> NODES.numberNode(1L);
            default ->
                switch (type) {
                    case "integer", "number" -> NODES.numberNode(10L);
                    case "boolean" -> NODES.booleanNode(true);
                    case "array" -> NODES.arrayNode().add("item");
                    case "object" -> NODES.objectNode();
                    default -> NODES.stringNode("Plain text " + name);
                };
        };
    }

    private static List<JsonNode> hostileValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        values.add(NODES.objectNode().put("nested", "<script>"));
        values.add(NODES.arrayNode().add("<script>").addNull());
        values.add(NODES.numberNode(0L));
        values.add(NODES.numberNode(-1L));
        values.add(NODES.numberNode(Long.MAX_VALUE));
        values.add(NODES.numberNode(Long.MIN_VALUE));
        values.add(NODES.numberNode(new BigInteger("9223372036854775808")));
        values.add(NODES.numberNode(new BigInteger("-9223372036854775809")));
        values.add(NODES.numberNode(new BigDecimal("1e400")));
        values.add(NODES.numberNode(new BigDecimal("0.5")));
        HOSTILE_TEXT.forEach(t -> values.add(NODES.stringNode(t)));
        values.add(NODES.stringNode("9223372036854775808"));
        if ("array".equals(schema.path("type").asString(""))) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 50; i++) {
                many.add("Outcome " + i);
            }
            values.add(many);
            ArrayNode hostile = NODES.arrayNode();
            HOSTILE_TEXT.forEach(hostile::add);
            values.add(hostile);
            values.add(NODES.arrayNode().add("Same").add("same"));
        }
        if ("object".equals(schema.path("type").asString(""))) {
            ObjectNode map = NODES.objectNode();
            HOSTILE_TEXT.forEach(t -> map.put(t.length() > 50 ? "long" : t, t));
            values.add(map);
        }
        return values;
    }

    private TestUser actorFor(Operation op) {
        return op.path().contains("/admin/") ? root : player;
    }

    // --- sending ----------------------------------------------------------------------------------

    private Result send(Operation op, String body, TestUser as) {
        TestHttp.Call call = switch (op.method()) {
            case "PUT" -> http.put(op.concretePath(this), null);
            case "PATCH" -> http.patch(op.concretePath(this), null);
            case "DELETE" -> http.delete(op.concretePath(this));
            default -> http.post(op.concretePath(this), null);
        };
        call.rawBody(body).header("Content-Type", "application/json");
        if (as != null && !op.path().startsWith("/api/v1/auth/")) {
            call.bearer(as.token());
        }
        return call.send();
    }

    private Result sendBytes(Operation op, byte[] body) {
        return exchange(HttpRequest.newBuilder(URI.create(http.baseUrl() + op.concretePath(this)))
                .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + root.token()));
    }

    private Result sendChunked(String path, String method, String body, TestUser as) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length: the client streams it chunked, without Content-Length.
        Supplier<java.io.InputStream> stream = () -> new ByteArrayInputStream(bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(stream))
                .header("Content-Type", "application/json");
        if (as != null) {
            request.header("Authorization", "Bearer " + as.token());
        }
        return exchange(request);
    }

    private Result exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(
                    request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? null : json.readTree(response.body());
            return new Result(response.statusCode(), response, parsed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- checks -----------------------------------------------------------------------------------

    private List<String> refusedWithoutChange(Operation op, Supplier<Result> request) {
        return refusedWithoutChange(op, "", request);
    }

    /**
     * Sends the request between two snapshots: whatever its answer, it must be well formed (no 5xx, the
     * envelope), and a 4xx must have changed nothing.
     */
    private List<String> refusedWithoutChange(Operation op, String input, Supplier<Result> request) {
        Snapshot before = lastSnapshot != null ? lastSnapshot : snapshot();
        lastSnapshot = null;
        Result result = request.get();
        List<String> problems = new ArrayList<>(problems(op, input, result));
        if (result.status() >= 400 && result.status() < 500) {
            Snapshot after = snapshot();
            if (!after.equals(before)) {
                problems.add(op + " " + abbreviate(input) + " refused with " + result.status() + " but changed "
                        + before + " → " + after);
            }
            lastSnapshot = after;
        }
        return problems;
    }

    private static List<String> problems(Operation op, String input, Result result) {
        List<String> problems = new ArrayList<>();
        String what = op + " " + abbreviate(input) + " → " + result.status();
        if (result.status() >= 500) {
            problems.add(what + " " + abbreviate(result.raw().body()));
        }
        if (result.status() >= 400 && (result.body() == null || !result.body().has("success"))) {
            problems.add(
                    what + " without the envelope: " + abbreviate(result.raw().body()));
        }
        if (result.status() == 409 && "CONFLICT".equals(result.errorCode())) {
            problems.add(what + " reached a database constraint instead of being validated");
        }
        if (result.raw().body().contains("Exception") || result.raw().body().contains("\tat ")) {
            problems.add(what + " leaks internals: " + abbreviate(result.raw().body()));
        }
        return problems;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /**
     * Listeners run after commit (e.g. moderation's fraud checks write audit rows): wait until the
     * placement feed is drained and every event publication is complete, so a snapshot sees only what requests changed, not late echoes.
     */
    private void awaitQuiescence() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            long incomplete = jdbc.sql("SELECT (SELECT count(*) FROM placement_feed)"
                            + " + (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)")
                    .query(Long.class)
                    .single();
            if (incomplete == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What a refused request must not change: counts, chip totals and the stored texts. */
    record Snapshot(
            long users,
            long sumOfAllBalances,
            long userChips,
            long ledgerTransactions,
            long forecasts,
            long markets,
            long purchases,
            long resolutions,
            long auditRows,
            String userTexts,
            String marketTexts) {}

    private Snapshot snapshot() {
        awaitQuiescence();
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM users),
                               (SELECT coalesce(sum(balance), 0) FROM ledger_accounts)
                                 + (SELECT coalesce(sum(chips), 0) FROM users),
                               (SELECT coalesce(sum(chips), 0) FROM users),
                               (SELECT count(*) FROM ledger_transactions),
                               (SELECT count(*) || ':' || coalesce(sum(points), 0) FROM forecasts),
                               (SELECT count(*) FROM markets),
                               (SELECT count(*) FROM purchases),
                               (SELECT count(*) FROM resolutions),
                               (SELECT count(*) FROM audit_log),
                               (SELECT md5(coalesce(string_agg(display_name || coalesce(bio, '') || coalesce(avatar_url, '')
                                          || role || status, '|' ORDER BY id), '')) FROM users WHERE id IN (:users)),
                               (SELECT md5(coalesce(string_agg(title || coalesce(description, '') || status
                                          || closes_at || metadata::text, '|' ORDER BY id), '')) FROM markets
                                 WHERE id IN (:markets))
                        """)
                // The texts of this test's own users and markets, the only ones its requests name (hashing
                // every row of a database the other tests share made each snapshot grow with the suite);
                // counts and sums still cover every row.
                .param("users", List.of(root.id(), player.id(), target.id()))
                .param("markets", List.of(traded.id(), quiet.id()))
                .query((rs, n) -> new Snapshot(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5).hashCode(),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getString(10),
                        rs.getString(11)))
                .single();
    }

    private void assertNothingStoredUnsanitized() {
        List<String> stored = new ArrayList<>();
        stored.addAll(jdbc.sql("SELECT display_name || ' ' || coalesce(bio, '') FROM users")
                .query(String.class)
                .list());
        stored.addAll(jdbc.sql("SELECT title || ' ' || coalesce(description, '') || ' ' || coalesce(cancel_reason, '')"
                        + " || ' ' || metadata::text FROM markets")
                .query(String.class)
                .list());
        stored.addAll(jdbc.sql("SELECT name FROM outcomes").query(String.class).list());
        stored.addAll(jdbc.sql("SELECT resolution_note FROM resolutions")
                .query(String.class)
                .list());
        stored.addAll(jdbc.sql("SELECT reason || ' ' || metadata::text FROM ledger_transactions")
                .query(String.class)
                .list());
        stored.addAll(jdbc.sql("SELECT details::text FROM audit_log")
                .query(String.class)
                .list());
        for (String text : stored) {
            assertClean(text);
        }
    }

    private static void assertClean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(lower).as("stored text").doesNotContain("<script", "onerror=", "onload=", "onmouseover=", "<img");
        assertThat(text).as("stored text").doesNotContain("\u0000");
    }

    private long countUsersWithEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private String displayNameOf(TestUser user) {
        return jdbc.sql("SELECT display_name FROM users WHERE id = ?")
                .param(user.id())
                .query(String.class)
                .single();
    }
}
