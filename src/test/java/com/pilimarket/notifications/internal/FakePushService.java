package com.pilimarket.notifications.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A push service on 127.0.0.1 (a real HTTP server, the JDK's): it keeps every request it receives and
 * answers 201 Created, or the statuses queued for a path with {@link #answer}.
 */
final class FakePushService implements AutoCloseable {

    record Received(String path, Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> answers = new ConcurrentHashMap<>();

    FakePushService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            headers.put(":method", exchange.getRequestMethod());
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body));
            Queue<Integer> queued = answers.get(path);
            Integer status = queued == null ? null : queued.poll();
            exchange.sendResponseHeaders(status == null ? 201 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The origin pushes are posted to, e.g. {@code http://127.0.0.1:41234}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests to {@code path} are answered with these statuses, in order (then 201). */
    void answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, k -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
