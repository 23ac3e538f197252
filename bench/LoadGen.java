import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small HTTP load generator for the benchmark suite (run with {@code java bench/LoadGen.java}).
 *
 * <p>Two modes: {@code closed} (N workers send back-to-back: the peak throughput) and {@code open}
 * (a fixed arrival rate sent by 2 × N senders on kept-alive connections, as wrk2 does; latency is
 * measured from each request's scheduled start, so a slow server cannot hide its queueing — no
 * coordinated omission). Prints one JSON line of results.
 *
 * <p>Bodies and paths may contain {@code {user}} (a user id from --users), {@code {market}} (a
 * market id from --markets, chosen per request), {@code {outcome}} (an outcome id from the same
 * markets line, fixed per user), {@code {n}} (request number) and {@code {uuid}}.
 * With --jwt-secret each request carries a bearer token for its user, signed HS256 like the app's;
 * with --idempotency-keys true a fresh {@code Idempotency-Key}, as the web app sends on placements.
 */
public class LoadGen {

    record Options(
            String name,
            String mode,
            String method,
            String url,
            String body,
            int workers,
            double rate,
            Duration duration,
            Duration warmup,
            List<String> users,
            List<String> markets,
            String jwtSecret,
            String marketPick,
            boolean idempotencyKeys,
            long maxRequests) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (a.containsKey("print-jwts")) {
            // For wrk's Lua script: "user_id token" per line for every user of a --users file.
            StringBuilder out = new StringBuilder();
            for (String user : lines(a.get("print-jwts"))) {
                out.append(user).append(' ').append(jwt(user, a.get("jwt-secret"))).append('\n');
            }
            System.out.print(out);
            return;
        }
        if (a.containsKey("print-jwt")) {
            // For scripts: a bearer token for one user id, signed like the load's.
            System.out.println(jwt(a.get("print-jwt"), a.get("jwt-secret"), a.getOrDefault("role", "user")));
            return;
        }
        Options o = new Options(
                a.getOrDefault("name", "load"),
                a.getOrDefault("mode", "closed"),
                a.getOrDefault("method", "GET"),
                a.get("url"),
                a.get("body"),
                Integer.parseInt(a.getOrDefault("workers", "32")),
                Double.parseDouble(a.getOrDefault("rate", "100")),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "5"))),
                lines(a.get("users")),
                lines(a.get("markets")),
                a.get("jwt-secret"),
                a.getOrDefault("market-pick", "random"),
                Boolean.parseBoolean(a.getOrDefault("idempotency-keys", "false")),
                Long.parseLong(a.getOrDefault("requests", String.valueOf(Long.MAX_VALUE))));
        Result result = o.mode().equals("open") ? open(o) : closed(o);
        System.out.println(result.json(o));
        System.exit(0);
    }

    static List<String> lines(String file) throws Exception {
        return file == null ? List.of() : Files.readAllLines(Path.of(file)).stream().filter(s -> !s.isBlank()).toList();
    }

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();

    static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    static HttpRequest request(Options o, long n) {
        int userIndex = o.users().isEmpty() ? 0 : (int) (n % o.users().size());
        String user = o.users().isEmpty() ? "" : o.users().get(userIndex);
        String market = "";
        String outcome = "";
        if (!o.markets().isEmpty()) {
            int index = o.marketPick().equals("round-robin")
                    ? (int) (n % o.markets().size())
                    : java.util.concurrent.ThreadLocalRandom.current().nextInt(o.markets().size());
            // A markets line is "market_id[,outcome_id...]": a user always picks the same outcome of a
            // market (by user index), so top-ups never try to switch outcome.
            String[] fields = o.markets().get(index).split(",");
            market = fields[0];
            outcome = fields.length > 1 ? fields[1 + userIndex % (fields.length - 1)] : "";
        }
        String url = fill(o.url(), user, market, n).replace("{outcome}", outcome);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (o.body() != null) {
            b.header("Content-Type", "application/json")
                    .method(
                            o.method(),
                            HttpRequest.BodyPublishers.ofString(
                                    fill(o.body(), user, market, n).replace("{outcome}", outcome)));
        } else {
            b.method(o.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (o.idempotencyKeys()) {
            // As the web app does: a fresh key per placement.
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (o.jwtSecret() != null && !user.isEmpty()) {
            b.header("Authorization", "Bearer " + TOKENS.computeIfAbsent(user, u -> jwt(u, o.jwtSecret())));
        }
        return b.build();
    }

    static String fill(String template, String user, String market, long n) {
        return template.replace("{user}", user)
                .replace("{market}", market)
                .replace("{n}", Long.toString(n))
                .replace("{uuid}", UUID.randomUUID().toString());
    }

    static String jwt(String userId, String secret) {
        return jwt(userId, secret, "user");
    }

    static String jwt(String userId, String secret, String role) {
        try {
            Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
            long now = System.currentTimeMillis() / 1000;
            String header = enc.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
            String claims = enc.encodeToString(("{\"iss\":\"pilimarket\",\"sub\":\"" + userId + "\",\"iat\":" + now
                            + ",\"exp\":" + (now + 3600) + ",\"role\":\"" + role + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String sig = enc.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
            return header + "." + claims + "." + sig;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Result {
        final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        volatile double seconds;

        void record(long micros, int status) {
            latenciesMicros.add(micros);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status >= 200 && status < 300) {
                ok.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
        }

        String json(Options o) {
            long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            double throughput = ok.get() / seconds;
            return String.format(
                    java.util.Locale.ROOT,
                    "{\"name\":\"%s\",\"mode\":\"%s\",\"target_rate\":%s,\"requests\":%d,\"ok\":%d,\"errors\":%d,"
                            + "\"statuses\":\"%s\",\"seconds\":%.1f,\"throughput\":%.1f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,"
                            + "\"p99_ms\":%.2f,\"max_ms\":%.2f}",
                    o.name(),
                    o.mode(),
                    o.mode().equals("open") ? String.format(java.util.Locale.ROOT, "%.0f", o.rate()) : "null",
                    sorted.length,
                    ok.get(),
                    errors.get(),
                    statuses,
                    seconds,
                    throughput,
                    pct(sorted, 50),
                    pct(sorted, 95),
                    pct(sorted, 99),
                    sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1000.0);
        }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }
    }

    /** N workers, each sending the next request as soon as the previous answered. */
    static Result closed(Options o) throws Exception {
        AtomicLong counter = new AtomicLong();
        Result warm = new Result();
        runClosed(o, counter, warm, o.warmup());
        Result result = new Result();
        long start = System.nanoTime();
        runClosed(o, counter, result, o.duration());
        result.seconds = (System.nanoTime() - start) / 1e9;
        return result;
    }

    static void runClosed(Options o, AtomicLong counter, Result result, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < o.workers(); w++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = counter.getAndIncrement();
                    if (n >= o.maxRequests()) {
                        break; // --requests: a fixed number of requests (e.g. one per user), then stop
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = CLIENT.send(request(o, n), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    result.record((System.nanoTime() - t0) / 1000, status);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** A fixed arrival rate; latency counts from when each request was due. */
    static Result open(Options o) throws Exception {
        AtomicLong counter = new AtomicLong();
        runOpen(o, counter, new Result(), o.warmup());
        Result result = new Result();
        long start = System.nanoTime();
        runOpen(o, counter, result, o.duration());
        result.seconds = (System.nanoTime() - start) / 1e9;
        return result;
    }

    /**
     * wrk2's model: a fixed set of senders, each on its own kept-alive connection with its own share
     * of the schedule (sender k sends requests k, k + S, k + 2S, ...). A sender that falls behind
     * sends its next request at once, and that request's latency still counts from when it was due,
     * so a stall shows up in the percentiles instead of silently lowering the rate. Sending from a
     * bounded set of connections (rather than one async request per arrival) keeps the generator
     * from opening hundreds of connections and starving the app of CPU at high rates.
     */
    static void runOpen(Options o, AtomicLong counter, Result result, Duration duration) throws Exception {
        long total = (long) (o.rate() * duration.toSeconds());
        double intervalNanos = 1e9 / o.rate();
        int senders = (int) Math.max(1, Math.min(total, o.workers() * 2L));
        long start = System.nanoTime() + 10_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < senders; k++) {
            int first = k;
            Thread t = new Thread(() -> {
                for (long i = first; i < total; i += senders) {
                    long due = start + (long) (i * intervalNanos);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    long n = counter.getAndIncrement();
                    int status;
                    try {
                        status = CLIENT.send(request(o, n), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    result.record((System.nanoTime() - due) / 1000, status);
                }
            });
            t.start();
            threads.add(t);
        }
        long deadline = System.nanoTime() + duration.toNanos() + TimeUnit.SECONDS.toNanos(60);
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }
}
