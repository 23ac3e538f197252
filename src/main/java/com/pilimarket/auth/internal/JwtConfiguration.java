package com.pilimarket.auth.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.pilimarket.auth.AccessTokens;
import com.pilimarket.auth.AuthProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The signing key and the JWT codec. The algorithm is pinned to HS256: tokens with {@code alg: none}
 * or another algorithm, a wrong signature, an expired or missing {@code exp}, a missing {@code iat}
 * or an {@code iss} other than ours are refused.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

    @Bean
    SecretKey jwtSigningKey(AuthProperties properties, @Value("${pilimarket.data-dir}") String dataDir)
            throws IOException {
        String secret = properties.jwtSecret();
        if (secret == null || secret.isBlank()) {
            secret = developmentSecret(Path.of(dataDir));
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("PILIMARKET_JWT_SECRET must be at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    /** Verifies access tokens; one already verified is taken from {@link VerifiedTokens} while it is valid. */
    @Bean
    JwtDecoder jwtDecoder(SecretKey key, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // Spring fills in a missing iat from exp; keep it missing, so the validator below can see it.
        // Our issuer is a name, not a URL: Spring's default tries it as a URL first, which throws (and
        // is caught) on every request — a stack trace per request in the placement profile. It ends up a
        // string either way.
        MappedJwtClaimSetConverter defaults =
                MappedJwtClaimSetConverter.withDefaults(Map.<String, Converter<Object, ?>>of(
                        JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString()));
        decoder.setClaimSetConverter(claims -> {
            Map<String, Object> converted = new HashMap<>(defaults.convert(claims));
            if (!claims.containsKey(JwtClaimNames.IAT)) {
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        });
        // The default validator checks exp and nbf only when present: a token without exp would live
        // forever. Ours always carry exp, iat and our iss, so anything else was not issued by us.
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.IAT, Objects::nonNull));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, clock);
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            String role = jwt.getClaimAsString("role");
            Collection<GrantedAuthority> authorities =
                    role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()));
            return authorities;
        });
        return converter;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_SUPERADMIN > ROLE_ADMIN
                ROLE_ADMIN > ROLE_MODERATOR
                ROLE_MODERATOR > ROLE_USER
                """);
    }

    /** In development the key is generated once and kept in the data dir, so tokens survive restarts. */
    private static String developmentSecret(Path dataDir) throws IOException {
        Path file = dataDir.resolve("jwt-secret");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, secret);
        log.warn("PILIMARKET_JWT_SECRET is not set: generated a development key in {}", file.toAbsolutePath());
        return secret;
    }
}
