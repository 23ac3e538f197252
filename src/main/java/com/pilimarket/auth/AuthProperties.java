package com.pilimarket.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the auth module ({@code pilimarket.auth.*}, {@code pilimarket.jwt.*}). */
@ConfigurationProperties("pilimarket.auth")
public record AuthProperties(Duration accessTokenTtl, Duration refreshTokenTtl, String jwtSecret) {

    public AuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(7) : refreshTokenTtl;
    }
}
