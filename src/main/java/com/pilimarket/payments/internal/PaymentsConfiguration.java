package com.pilimarket.payments.internal;

import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.shared.security.SecurityHeaders;
import com.stripe.StripeClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

/**
 * Wires the payment providers. The sandbox gateway lets anyone mint chips, so it runs only where that
 * cannot cost anything: unset, it is on only with the embedded (development) database and outside the
 * {@code prod} profile; any other deployment must switch it on explicitly, and {@code prod} refuses to
 * start with it on. A deployment that forgets its profile is no longer a free chip printer.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

    static final String SANDBOX_IN_PROD =
            "pilimarket.payments.sandbox=true (PILIMARKET_PAYMENTS_SANDBOX) is refused in the 'prod' profile: "
                    + "the sandbox gateway credits chips without real payment. Set PILIMARKET_PAYMENTS_SANDBOX=false "
                    + "and configure STRIPE_API_KEY/STRIPE_WEBHOOK_SECRET and PAYMONGO_SECRET_KEY/PAYMONGO_WEBHOOK_SECRET.";

    @Bean
    PaymentMode paymentMode(
            PaymentsProperties properties,
            PlatformMode platform,
            Environment environment,
            @Value("${pilimarket.data-dir}") String dataDir)
            throws IOException {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        boolean explicit = properties.sandbox() != null;
        boolean sandbox = explicit ? properties.sandbox() : !prod && platform.embeddedDatabase();
        if (sandbox && prod) {
            throw new IllegalStateException(SANDBOX_IN_PROD);
        }
        String stripeSecret = properties.stripe().webhookSecret();
        String paymongoSecret = properties.paymongo().webhookSecret();
        if (sandbox) {
            Path dir = Path.of(dataDir);
            if (!PaymentsProperties.isSet(stripeSecret)) {
                stripeSecret = developmentSecret(dir, "payments-stripe-webhook-secret", "whsec_");
            }
            if (!PaymentsProperties.isSet(paymongoSecret)) {
                paymongoSecret = developmentSecret(dir, "payments-paymongo-webhook-secret", "whsk_");
            }
            log.warn(
                    "PAYMENTS SANDBOX IS ON ({}): anyone can buy chips without paying on /sandbox/checkout pages. "
                            + "Never expose this instance to real users.",
                    explicit ? "PILIMARKET_PAYMENTS_SANDBOX=true" : "embedded development database");
        } else {
            if (!explicit && !prod) {
                log.info("Payments sandbox gateway is off: the database is external and PILIMARKET_PAYMENTS_SANDBOX"
                        + " is not set to true");
            }
            if (!PaymentsProperties.isSet(stripeSecret)) {
                log.warn("STRIPE_WEBHOOK_SECRET is not set: every Stripe webhook will be refused");
            }
            if (!PaymentsProperties.isSet(paymongoSecret)) {
                log.warn("PAYMONGO_WEBHOOK_SECRET is not set: every PayMongo webhook will be refused");
            }
        }
        return new PaymentMode(sandbox, stripeSecret, paymongoSecret);
    }

    /** Null when no API key is configured: Stripe purchases are then refused (unless the sandbox is on). */
    @Bean
    StripeGateway stripeGateway(PaymentsProperties properties) {
        PaymentsProperties.Stripe stripe = properties.stripe();
        StripeClient client = PaymentsProperties.isSet(stripe.apiKey())
                ? StripeClient.builder()
                        .setApiKey(stripe.apiKey())
                        .setApiBase(stripe.apiBase())
                        .setMaxNetworkRetries(2)
                        .setConnectTimeout(5_000)
                        .setReadTimeout(20_000)
                        .build()
                : null;
        return new StripeGateway(client);
    }

    @Bean
    PayMongoGateway payMongoGateway(PaymentsProperties properties, tools.jackson.databind.json.JsonMapper json) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(20));
        RestClient client = RestClient.builder()
                .baseUrl(properties.paymongo().apiBase())
                .requestFactory(factory)
                .build();
        return new PayMongoGateway(client, properties, json);
    }

    @Bean
    CheckoutGateways checkoutGateways(PaymentMode mode, StripeGateway stripe, PayMongoGateway paymongo) {
        return new CheckoutGateways(mode, stripe, paymongo);
    }

    /**
     * Provider webhooks and the sandbox checkout form carry no user session: they are authenticated by
     * their signatures (or are the sandbox), so this chain is stateless and exempt from CSRF, whatever
     * the main chain requires. Its responses carry the same security headers as every other.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain paymentWebhooksFilterChain(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher("/webhooks/**", "/sandbox/**")
                .headers(SecurityHeaders.everywhere(environment))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** Like the JWT key: generated once per data dir, so sandbox events stay verifiable across restarts. */
    private static String developmentSecret(Path dataDir, String name, String prefix) throws IOException {
        Path file = dataDir.resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = prefix + HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, secret);
        log.warn("No webhook secret configured for the sandbox: generated {}", file.toAbsolutePath());
        return secret;
    }
}
