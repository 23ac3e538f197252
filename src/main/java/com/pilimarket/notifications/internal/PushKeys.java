package com.pilimarket.notifications.internal;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's VAPID key pair (RFC 8292), or none when push is off. Configured keys are the usual
 * base64url pair of {@code web-push generate-vapid-keys}: the 65-byte uncompressed P-256 public key
 * and the 32-byte private scalar. In development a pair is generated once into the data dir
 * ({@code push-vapid-keys}), so subscriptions survive restarts.
 */
final class PushKeys {

    private static final Logger log = LoggerFactory.getLogger(PushKeys.class);
    static final String FILE = "push-vapid-keys";

    private final VapidKeys keys;
    private final WebPush webPush;

    private PushKeys(VapidKeys keys, String subject) {
        this.keys = keys;
        this.webPush = keys == null ? null : new WebPush(subject, keys);
    }

    static PushKeys off() {
        return new PushKeys(null, null);
    }

    static PushKeys of(VapidKeys keys, String subject) {
        return new PushKeys(keys, subject);
    }

    /** The keys from configuration, else (outside prod) from the data dir, generated there the first time. */
    static PushKeys load(PushProperties properties, boolean prod, Path dataDir) {
        String publicKey = blankToNull(properties.vapidPublicKey());
        String privateKey = blankToNull(properties.vapidPrivateKey());
        if (publicKey != null || privateKey != null) {
            if (publicKey == null || privateKey == null) {
                throw new IllegalStateException("Set both PILIMARKET_PUSH_VAPID_PUBLIC_KEY and "
                        + "PILIMARKET_PUSH_VAPID_PRIVATE_KEY (base64url, as web-push generate-vapid-keys prints them)");
            }
            return of(parse(publicKey, privateKey), properties.vapidSubject());
        }
        if (prod) {
            log.warn("Web Push is off: PILIMARKET_PUSH_VAPID_PUBLIC_KEY and _PRIVATE_KEY are not set");
            return off();
        }
        return of(development(dataDir), properties.vapidSubject());
    }

    private static VapidKeys parse(String publicKey, String privateKey) {
        try {
            return VapidKeys.fromUncompressedBytes(publicKey.strip(), privateKey.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "PILIMARKET_PUSH_VAPID_PUBLIC_KEY / _PRIVATE_KEY are not a valid P-256 key pair in base64url", e);
        }
    }

    private static VapidKeys development(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                return parse(lines.get(0), lines.get(1));
            }
            VapidKeys generated = VapidKeys.generate();
            Files.createDirectories(dataDir);
            Files.writeString(
                    file,
                    base64(generated.getApplicationServerKey()) + "\n" + base64(scalar(generated.getPrivateKey()))
                            + "\n");
            log.warn(
                    "PILIMARKET_PUSH_VAPID_PUBLIC_KEY is not set: generated development VAPID keys in {}",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the development VAPID keys in " + file, e);
        }
    }

    /** The private key's 32-byte big-endian scalar. */
    private static byte[] scalar(ECPrivateKey key) {
        byte[] s = key.getS().toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(s.length, 32);
        System.arraycopy(s, s.length - copy, out, 32 - copy, copy);
        return out;
    }

    boolean enabled() {
        return keys != null;
    }

    /** The application server key for {@code PushManager.subscribe}, base64url. */
    Optional<String> publicKey() {
        return keys == null ? Optional.empty() : Optional.of(base64(keys.getApplicationServerKey()));
    }

    Optional<WebPush> webPush() {
        return Optional.ofNullable(webPush);
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** base64url (padding optional) or null when it is not. */
    static byte[] decodeBase64Url(String value) {
        if (value == null || !value.matches("[A-Za-z0-9_-]+={0,2}")) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final BigInteger P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    /** True when {@code bytes} is an uncompressed point on P-256 (0x04 ‖ x ‖ y, y² = x³ − 3x + b mod p). */
    static boolean isP256Point(byte[] bytes) {
        if (bytes == null || bytes.length != 65 || bytes[0] != 0x04) {
            return false;
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 1, 33));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 33, 65));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, P);
        BigInteger right =
                x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        return left.equals(right);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
