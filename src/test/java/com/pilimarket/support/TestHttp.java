package com.pilimarket.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running test server. {@code http.post("/api/v1/forecasts", body).bearer(t).send()}
 * returns the status, headers and parsed JSON.
 */
@Component
public class TestHttp {

    private final ApplicationContext context;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public TestHttp(ApplicationContext context) {
        this.context = context;
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call patch(String path, Object body) {
        return new Call("PATCH", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    /** The answer: status, headers and body (JSON parsed when it is JSON). */
    public record Result(int status, HttpResponse<String> raw, JsonNode body) {

        public JsonNode data() {
            return body.get("data");
        }

        public String errorCode() {
            return body.get("errors").get(0).get("code").asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String rawBody;

        Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
            headers.put("Accept", "application/json");
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends this exact text as the body (for malformed-input tests). */
        public Call rawBody(String text) {
            this.rawBody = text;
            return this;
        }

        public Result send() {
            try {
                String payload = rawBody != null ? rawBody : body == null ? null : json.writeValueAsString(body);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                payload == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(payload));
                if (payload != null && !headers.containsKey("Content-Type")) {
                    request.header("Content-Type", "application/json");
                }
                headers.forEach(request::header);
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode parsed = null;
                String contentType =
                        response.headers().firstValue("Content-Type").orElse("");
                if (contentType.contains("json") && !response.body().isEmpty()) {
                    parsed = json.readTree(response.body());
                }
                return new Result(response.statusCode(), response, parsed);
            } catch (Exception e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
            }
        }
    }
}
