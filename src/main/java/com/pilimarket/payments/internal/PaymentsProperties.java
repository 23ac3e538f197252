package com.pilimarket.payments.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the payments module ({@code pilimarket.payments.*}); docs/PAYMENTS.md lists each with its default. */
@ConfigurationProperties("pilimarket.payments")
public record PaymentsProperties(
        Boolean sandbox,
        String appBaseUrl,
        Long minChips,
        Long maxChips,
        Long dailyLimitCents,
        Velocity velocity,
        List<PackageSetting> packages,
        Stripe stripe,
        PayMongo paymongo) {

    public PaymentsProperties {
        appBaseUrl = blankTo(appBaseUrl, "http://localhost:8080").replaceAll("/+$", "");
        minChips = minChips == null ? 100 : minChips;
        maxChips = maxChips == null ? 50_000 : maxChips;
        dailyLimitCents = dailyLimitCents == null ? 5_000_000 : dailyLimitCents;
        velocity = velocity == null ? new Velocity(null, null) : velocity;
        packages = packages == null || packages.isEmpty()
                ? List.of(
                        new PackageSetting("starter", 100L),
                        new PackageSetting("popular", 500L),
                        new PackageSetting("value", 1_000L),
                        new PackageSetting("pro", 5_000L))
                : List.copyOf(packages);
        stripe = stripe == null ? new Stripe(null, null, null, null) : stripe;
        paymongo = paymongo == null ? new PayMongo(null, null, null, null, null) : paymongo;
        if (minChips < 1 || maxChips < minChips) {
            throw new IllegalStateException("pilimarket.payments: need 1 <= min-chips <= max-chips");
        }
    }

    /** More than {@code maxAttempts} purchases within {@code window} flags the purchase. */
    public record Velocity(Integer maxAttempts, Duration window) {
        public Velocity {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            window = window == null ? Duration.ofMinutes(10) : window;
        }
    }

    /** One package: an id and a number of chips (₱1 each). */
    public record PackageSetting(String id, Long chips) {}

    /** Stripe: secret API key, webhook signing secret, API base URL (tests point it at WireMock). */
    public record Stripe(String apiKey, String webhookSecret, String apiBase, Duration webhookTolerance) {
        public Stripe {
            apiBase = blankTo(apiBase, "https://api.stripe.com");
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        }
    }

    /** PayMongo (GCash, Maya): secret key, webhook secret, API base URL, and whether to check live signatures. */
    public record PayMongo(
            String secretKey, String webhookSecret, String apiBase, Boolean liveMode, Duration webhookTolerance) {
        public PayMongo {
            apiBase = blankTo(apiBase, "https://api.paymongo.com");
            liveMode = liveMode != null && liveMode;
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        }
    }

    static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
