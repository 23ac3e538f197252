package com.pilimarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's API types are generated from a committed snapshot of the server's OpenAPI document
 * ({@code frontend/src/lib/api/openapi.json}). This test fails when the live document and the
 * snapshot differ, and rewrites the snapshot when run with {@code -Dopenapi.snapshot=write} (what
 * {@code cd frontend && npm run api:refresh} does, before regenerating the types).
 */
@IntegrationTest
class OpenApiSnapshotIntegrationTests {

    static final Path SNAPSHOT = Path.of("frontend/src/lib/api/openapi.json");
    static final String REFRESH = "cd frontend && npm run api:refresh";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestHttp http;

    @Test
    void the_committed_snapshot_is_the_document_the_server_serves() throws Exception {
        JsonNode live = liveDocument(http);
        if ("write".equals(System.getProperty("openapi.snapshot"))) {
            Files.writeString(SNAPSHOT, format(live));
        }

        JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT));

        assertThat(committed)
                .as(
                        "%s is out of date with the server's /v3/api-docs: run `%s` and commit the result",
                        SNAPSHOT, REFRESH)
                .isEqualTo(live);
    }

    @Test
    void every_field_of_a_response_is_required_and_the_nullable_ones_admit_null() throws Exception {
        JsonNode schemas = liveDocument(http).at("/components/schemas");

        JsonNode market = schemas.get("MarketDetail");
        assertThat(names(market.get("required")))
                .contains("id", "slug", "title", "status", "outcomes", "resolution", "my_forecast", "resolves_at");
        assertThat(market.at("/properties/resolution/anyOf/1/type").asString()).isEqualTo("null");
        assertThat(names(market.at("/properties/description/type"))).containsExactly("string", "null");
        assertThat(names(market.at("/properties/title/type"))).isEmpty(); // a plain "string", never null
        assertThat(market.at("/properties/status/$ref").asString()).endsWith("/MarketStatus");
        assertThat(names(schemas.at("/MarketStatus/enum")))
                .containsExactly("open", "suspended", "closed", "resolved", "cancelled");
        assertThat(names(schemas.at("/UserForecast/required"))).contains("market_id", "market", "payout");
        assertThat(names(schemas.at("/PrivateProfile/required"))).contains("bio", "chips", "badges", "role");
        // The envelope: pagination is left out (not null) when there is none.
        assertThat(names(schemas.at("/ApiResponseMarketDetail/required"))).containsExactly("data", "errors", "success");
        assertThat(names(schemas.at("/ErrorResponse/required"))).containsExactly("success", "data", "errors");
        // A request may leave out what it may send as null.
        assertThat(schemas.at("/ProfileChangeRequest/required").isMissingNode()).isTrue();
        assertThat(names(schemas.at("/PlaceForecastRequest/required")))
                .containsExactlyInAnyOrder("market_id", "outcome_id", "points");
    }

    @Test
    void every_operation_declares_its_security_and_its_error_answers_with_the_envelope() throws Exception {
        JsonNode document = liveDocument(http);
        assertThat(document.at("/components/securitySchemes").propertyNames())
                .contains("bearer", "session_cookie", "csrf_header");
        int operations = 0;
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                String name = method.getKey() + " " + path.getKey();
                operations++;
                assertThat(op.has("security")).as(name).isTrue();
                boolean hasError = false;
                for (var response : op.get("responses").properties()) {
                    if (response.getKey().startsWith("4")) {
                        hasError = true;
                        assertThat(response.getValue()
                                        .at("/content/application~1json/schema/$ref")
                                        .asString())
                                .as(name + " " + response.getKey())
                                .endsWith("/ErrorResponse");
                    }
                }
                assertThat(hasError).as(name + " lists its 4xx answers").isTrue();
                if (path.getKey().startsWith("/api/")) {
                    assertThat(op.at("/responses/429/headers/Retry-After").isMissingNode())
                            .as(name)
                            .isFalse();
                }
            }
        }
        assertThat(operations).isGreaterThan(50);
        JsonNode place = document.at("/paths/~1api~1v1~1forecasts/post");
        assertThat(place.get("responses").propertyNames())
                .contains("200", "201", "400", "401", "403", "409", "422", "429");
        assertThat(place.at("/responses/201/content/application~1json/schema/$ref")
                        .asString())
                .endsWith("/ApiResponsePlacedForecast");
        assertThat(place.at("/security/1").propertyNames()).containsExactlyInAnyOrder("session_cookie", "csrf_header");
        assertThat(document.at("/paths/~1api~1v1~1admin~1stats/get/responses/403/description")
                        .asString())
                .contains("admin role");
    }

    /**
     * The document says which operations need a signed-in caller (no {@code {}} among its security
     * requirements); every operation is called without credentials to check that it is so.
     */
    @Test
    void an_operation_refuses_an_anonymous_caller_exactly_when_the_document_says_it_needs_one() throws Exception {
        JsonNode document = liveDocument(http);
        List<String> wrong = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue; // webhooks: authenticated by their signature
            }
            for (var method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                if (op.get("security").isEmpty()) {
                    continue; // /auth: credentials are not looked at (refresh answers 401 to a missing token)
                }
                boolean anonymousAllowed = false;
                for (JsonNode requirement : op.get("security")) {
                    anonymousAllowed |= requirement.isEmpty();
                }
                if (anonymousAllowed && op.at("/responses/200/content").has("text/event-stream")) {
                    continue; // an open stream would not answer
                }
                String concrete =
                        path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                TestHttp.Call call = switch (verb) {
                    case "GET" -> http.get(concrete);
                    case "DELETE" -> http.delete(concrete);
                    case "POST" -> http.post(concrete, Map.of());
                    case "PUT" -> http.put(concrete, Map.of());
                    default -> http.patch(concrete, Map.of());
                };
                if (op.at("/responses/200/content").has("text/event-stream")) {
                    call.header("Accept", "*/*"); // its 401 is JSON
                }
                int status = call.send().status();
                if (anonymousAllowed == (status == 401)) {
                    wrong.add(verb + " " + path.getKey() + " answered " + status + " to an anonymous caller, but the "
                            + "document says it " + (anonymousAllowed ? "allows" : "refuses") + " one");
                }
            }
        }
        assertThat(wrong).as("mark the endpoint @SignedIn (or remove the mark)").isEmpty();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> names.add(n.asString()));
        }
        return names;
    }

    /** The document, waited for patiently: building it inspects every endpoint and model (slow on a busy machine). */
    static JsonNode liveDocument(TestHttp http) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.baseUrl() + "/v3/api-docs"))
                                .timeout(Duration.ofMinutes(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Two-space indentation, {@code "key": value}, one array item a line: as {@code JSON.stringify(doc, null, 2)}. */
    static String format(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer().with(printer).writeValueAsString(document) + "\n";
    }
}
