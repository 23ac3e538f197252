package com.pilimarket.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.pilimarket.auth.AccessTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The cache of verified access tokens: a token is verified in full once, then validated again on every
 * use; a token that fails verification (a bad signature, an altered payload) never enters it, and a
 * cached token is refused once it expires. The real HS256 decoder and validators run, on a clock the
 * test steps by hand.
 */
class VerifiedTokensTests {

    private static final SecretKey KEY = new SecretKeySpec(
            "test-secret-test-secret-test-secret-0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final SecretKey OTHER_KEY = new SecretKeySpec(
            "another-secret-another-secret-another-0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final AtomicInteger fullDecodes = new AtomicInteger();
    private final VerifiedTokens tokens;

    VerifiedTokensTests() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(AccessTokens.ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.IAT, Objects::nonNull));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            fullDecodes.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counting, validator, clock);
    }

    @Test
    void a_verified_token_is_checked_in_full_once_and_then_served_from_the_cache() {
        String token = signed(KEY, "user", clock.instant().plusSeconds(900));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(second.getClaimAsString("role")).isEqualTo("user");
        assertThat(fullDecodes).hasValue(1);
    }

    @Test
    void a_token_with_a_bad_signature_is_refused_every_time_and_never_cached() {
        String forged = signed(OTHER_KEY, "superadmin", clock.instant().plusSeconds(900));

        for (int i = 1; i <= 3; i++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
            assertThat(fullDecodes).hasValue(i);
        }
    }

    @Test
    void an_altered_copy_of_a_cached_token_is_refused() {
        String token = signed(KEY, "user", clock.instant().plusSeconds(900));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                payload.replace("\"user\"", "\"superadmin\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        char[] signature = parts[2].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        String otherSignature = parts[0] + "." + parts[1] + "." + new String(signature);

        assertThat(payload).contains("\"user\"");
        assertThatThrownBy(() -> tokens.decode(altered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(otherSignature)).isInstanceOf(JwtException.class);
        assertThat(tokens.decode(token).getClaimAsString("role")).isEqualTo("user");
    }

    @Test
    void a_cached_token_is_refused_once_it_expires() {
        Instant expiresAt = clock.instant().plusSeconds(900);
        String token = signed(KEY, "user", expiresAt);
        tokens.decode(token);

        // Within the validators' clock skew it is still accepted, as a freshly decoded one would be.
        clock.set(expiresAt.plusSeconds(30));
        assertThat(tokens.decode(token).getSubject()).isNotNull();

        clock.set(expiresAt.plusSeconds(61));
        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void a_token_the_validators_refuse_is_never_cached() {
        String noIssuer = sign(
                KEY,
                JwtClaimsSet.builder()
                        .subject("3f0c8f6e-93a5-4c1b-a9c8-6a1e2b7f5d10")
                        .issuedAt(clock.instant())
                        .expiresAt(clock.instant().plusSeconds(900))
                        .build());

        assertThatThrownBy(() -> tokens.decode(noIssuer)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(noIssuer)).isInstanceOf(JwtValidationException.class);
        assertThat(fullDecodes).hasValue(2);
    }

    private String signed(SecretKey key, String role, Instant expiresAt) {
        return sign(
                key,
                JwtClaimsSet.builder()
                        .issuer(AccessTokens.ISSUER)
                        .subject("3f0c8f6e-93a5-4c1b-a9c8-6a1e2b7f5d10")
                        .issuedAt(clock.instant())
                        .expiresAt(expiresAt)
                        .claim("role", role)
                        .build());
    }

    private static String sign(SecretKey key, JwtClaimsSet claims) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** A clock the test sets. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
