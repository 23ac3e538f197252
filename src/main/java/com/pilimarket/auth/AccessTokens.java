package com.pilimarket.auth;

import com.pilimarket.users.UserAccount;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues short-lived access JWTs (HS256): subject = user id, claim {@code role}. */
@Service
public class AccessTokens {

    /** Our {@code iss}: the decoder refuses tokens without it (or without {@code exp} and {@code iat}). */
    public static final String ISSUER = "pilimarket";

    /** When the token was issued, in epoch milliseconds (iat has whole seconds only). */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(UserAccount user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("role", user.role().value())
                // iat has whole seconds; a password reset must also end tokens issued earlier in its second.
                .claim(ISSUED_AT_MILLIS, now.toEpochMilli())
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    public long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
