package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.users.UserRole;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** The access JWT is HS256 with our key, unexpired, untampered; anything else is 401. */
@IntegrationTest
class AccessTokenIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JwtEncoder encoder;

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    Result me(String token) {
        return http.get("/api/v1/users/me").bearer(token).send();
    }

    @Test
    void a_valid_token_works() {
        assertThat(me(users.create(0).token()).status()).isEqualTo(200);
    }

    @Test
    void a_token_with_alg_none_is_refused() {
        var user = users.create(0, UserRole.USER);
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64("{\"iss\":\"pilimarket\",\"sub\":\"" + user.id() + "\",\"role\":\"superadmin\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}")
                + ".";

        Result result = me(unsigned);
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.get("/api/v1/admin/audit-log").bearer(unsigned).send().status())
                .isEqualTo(401);
    }

    @Test
    void a_tampered_token_is_refused() {
        var user = users.create(0);
        String[] parts = user.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + b64(payload.replace("\"user\"", "\"superadmin\"")) + "." + parts[2];

        assertThat(payload).contains("\"user\"");
        assertThat(me(forged).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/audit-log").bearer(forged).send().status())
                .isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() {
        var user = users.create(0);
        Instant past = Instant.now().minusSeconds(3600);
        String expired = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(),
                        JwtClaimsSet.builder()
                                .issuer("pilimarket")
                                .subject(user.id().toString())
                                .issuedAt(past.minusSeconds(900))
                                .expiresAt(past)
                                .claim("role", "user")
                                .build()))
                .getTokenValue();

        assertThat(me(expired).status()).isEqualTo(401);
    }

    String signed(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    @Test
    void a_correctly_signed_token_without_exp_iat_or_our_issuer_is_refused() {
        var user = users.create(0, UserRole.ADMIN);
        Instant now = Instant.now();
        java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put(
                "no exp",
                signed(JwtClaimsSet.builder()
                        .issuer("pilimarket")
                        .subject(user.id().toString())
                        .issuedAt(now)
                        .claim("role", "admin")
                        .build()));
        tokens.put(
                "no iat",
                signed(JwtClaimsSet.builder()
                        .issuer("pilimarket")
                        .subject(user.id().toString())
                        .expiresAt(now.plusSeconds(600))
                        .claim("role", "admin")
                        .build()));
        tokens.put(
                "no iss",
                signed(JwtClaimsSet.builder()
                        .subject(user.id().toString())
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(600))
                        .claim("role", "admin")
                        .build()));
        tokens.put(
                "foreign iss",
                signed(JwtClaimsSet.builder()
                        .issuer("https://evil.example")
                        .subject(user.id().toString())
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(600))
                        .claim("role", "admin")
                        .build()));

        tokens.forEach((what, token) -> {
            Result result = me(token);
            assertThat(result.status()).as(what).isEqualTo(401);
            assertThat(result.errorCode()).as(what).isEqualTo("UNAUTHENTICATED");
        });
        // The same claims with all three present work.
        assertThat(me(signed(JwtClaimsSet.builder()
                                .issuer("pilimarket")
                                .subject(user.id().toString())
                                .issuedAt(now)
                                .expiresAt(now.plusSeconds(600))
                                .claim("role", "admin")
                                .build()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_token_signed_with_another_algorithm_is_refused() throws Exception {
        var user = users.create(0);
        String unsigned = b64("{\"alg\":\"HS384\"}") + "."
                + b64("{\"sub\":\"" + user.id() + "\",\"role\":\"user\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA384");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                "test-secret-test-secret-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA384"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));

        assertThat(me(unsigned + "." + signature).status()).isEqualTo(401);
    }

    @Test
    void a_token_in_use_is_refused_once_its_account_is_banned_and_an_altered_copy_never_works() {
        var user = users.create(0);
        var moderator = users.create(0, UserRole.MODERATOR);
        // Used twice: verified once, then served from the cache of verified tokens.
        assertThat(me(user.token()).status()).isEqualTo(200);
        assertThat(me(user.token()).status()).isEqualTo(200);

        String[] parts = user.token().split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        assertThat(me(parts[0] + "." + parts[1] + "." + new String(signature)).status())
                .isEqualTo(401);

        assertThat(http.patch(
                                "/api/v1/admin/users/" + user.id(),
                                java.util.Map.of("status", "banned", "reason", "spam"))
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(200);
        Result refused = me(user.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("ACCOUNT_BANNED");
    }

    @Test
    void a_stale_access_token_does_not_block_logging_in() {
        Result result = http.post("/api/v1/auth/login", java.util.Map.of("email", "nobody@example.ph", "password", "x"))
                .bearer("garbage.token.value")
                .send();
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }
}
