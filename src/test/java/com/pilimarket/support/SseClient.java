package com.pilimarket.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** A tiny server-sent-events reader for tests: collects the stream's lines as they arrive. */
public final class SseClient implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private SseClient(InputStream body) {
        this.body = body;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a public stream. */
    public static SseClient open(String url) throws Exception {
        return open(url, null);
    }

    /** Opens a stream as the user of {@code token} (none when null). */
    public static SseClient open(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        return new SseClient(response.body());
    }

    /** Waits for a line equal to {@code expected} and returns it. */
    public String awaitLine(String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(expected));
        return expected;
    }

    /** Waits for a line that satisfies {@code test} and returns it. */
    public String awaitLineMatching(java.util.function.Predicate<String> test) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(test));
        return lines.stream().filter(test).findFirst().orElseThrow();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
