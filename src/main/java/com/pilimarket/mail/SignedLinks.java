package com.pilimarket.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * Stateless signed links for mail, such as one-click unsubscribe: the token is the subject's id and
 * an HMAC-SHA256 over purpose and id (base64url), so it cannot be forged or moved to another
 * account or purpose, and needs no table. Its key is derived from the app's signing key
 * ({@code PILIMARKET_JWT_SECRET}): rotating that secret retires every link sent before.
 */
@Service
public class SignedLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    SignedLinks(SecretKey signingKey) {
        this.key = new SecretKeySpec(hmac(signingKey.getEncoded(), "pilimarket mail links".getBytes()), "HmacSHA256");
    }

    public String sign(String purpose, UUID subject) {
        byte[] id = bytes(subject);
        return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(purpose, id));
    }

    /** The subject of a token made by {@link #sign} for this purpose; empty for anything else. */
    public Optional<UUID> verify(String purpose, String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] id = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (id.length != 16 || !MessageDigest.isEqual(signature, mac(purpose, id))) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, byte[] id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
