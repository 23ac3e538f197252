package com.pilimarket.notifications.internal;

import com.pilimarket.shared.ApiException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What a push subscription may be: an https endpoint of a push service (http and this machine only
 * where {@code allowLocalhost}: development and tests), the browser's P-256 public key ({@code p256dh},
 * 65 bytes, a point on the curve) and its 16-byte auth secret, both base64url. An endpoint whose host
 * is an address of a private, loopback or link-local network is refused (the server would post there).
 */
final class PushTargets {

    static final int MAX_ENDPOINT_LENGTH = 2048;

    private final boolean allowLocalhost;
    private final int maxPerUser;

    PushTargets(boolean allowLocalhost, int maxPerUser) {
        this.allowLocalhost = allowLocalhost;
        this.maxPerUser = maxPerUser;
    }

    int maxPerUser() {
        return maxPerUser;
    }

    /** A valid subscription (keys as sent), or a 400 naming the first bad field. */
    PushRecords.Subscription validate(String endpoint, String p256dh, String auth) {
        String url = endpoint(endpoint);
        if (p256dh == null || p256dh.isBlank()) {
            throw ApiException.badRequest("keys.p256dh", "is required");
        }
        if (!PushKeys.isP256Point(PushKeys.decodeBase64Url(p256dh.strip()))) {
            throw ApiException.badRequest(
                    "keys.p256dh", "must be an uncompressed P-256 public key (65 bytes) in base64url");
        }
        if (auth == null || auth.isBlank()) {
            throw ApiException.badRequest("keys.auth", "is required");
        }
        byte[] secret = PushKeys.decodeBase64Url(auth.strip());
        if (secret == null || secret.length != 16) {
            throw ApiException.badRequest("keys.auth", "must be a 16-byte secret in base64url");
        }
        return new PushRecords.Subscription(
                url, p256dh.strip().replace("=", ""), auth.strip().replace("=", ""));
    }

    /** The endpoint if it may be posted to, else a 400 on {@code endpoint}. */
    String endpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw ApiException.badRequest("endpoint", "is required");
        }
        String value = endpoint.strip();
        if (value.length() > MAX_ENDPOINT_LENGTH) {
            throw ApiException.badRequest("endpoint", "is longer than " + MAX_ENDPOINT_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("endpoint", "must be an https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            throw ApiException.badRequest("endpoint", "must be an https URL");
        }
        boolean local = isLocalhost(host);
        if (local) {
            if (!allowLocalhost || !(scheme.equals("http") || scheme.equals("https"))) {
                throw ApiException.badRequest("endpoint", "must be the https URL of a push service");
            }
            return value;
        }
        if (!scheme.equals("https")) {
            throw ApiException.badRequest("endpoint", "must be an https URL");
        }
        if (isPrivateAddress(host)) {
            throw ApiException.badRequest("endpoint", "must be the https URL of a push service");
        }
        return value;
    }

    private static boolean isLocalhost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }

    /** An IP literal of a loopback, private, link-local or unspecified address (names are not resolved). */
    private static boolean isPrivateAddress(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = h.matches("[0-9.]+") || h.contains(":");
        if (!literal) {
            return h.toLowerCase(Locale.ROOT).endsWith(".localhost") || h.equalsIgnoreCase("localhost");
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            return address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
