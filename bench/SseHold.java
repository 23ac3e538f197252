import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens N server-sent-event streams and holds them (run with {@code java bench/SseHold.java URL N
 * SECONDS}); prints how many are open, then closes them. For measuring the server's memory with
 * many idle subscribers.
 */
public class SseHold {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream")
                    .build();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenAccept(r -> {
                        if (r.statusCode() == 200) {
                            open.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    })
                    .exceptionally(e -> {
                        failed.incrementAndGet();
                        return null;
                    }));
            if (i % 100 == 99) {
                Thread.sleep(50); // don't overflow the accept backlog
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        System.out.println("{\"requested\":" + n + ",\"open\":" + open.get() + ",\"failed\":" + failed.get() + "}");
        System.exit(0);
    }
}
