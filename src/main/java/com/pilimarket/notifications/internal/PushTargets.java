package com.pilimarket.notifications.internal;

import com.pilimarket.shared.ApiException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a push subscription may be: an https endpoint of a push service (http and this machine only
 * where {@code allowLocalhost}: development and tests), the browser's P-256 public key ({@code p256dh},
 * 65 bytes, a point on the curve) and its 16-byte auth secret, both base64url. An endpoint whose host
 * is, or resolves to, an address of a private, loopback or link-local network is refused: the server
 * posts there, so a user must not be able to aim it at the machines behind it. Names are resolved when
 * the subscription is stored and again before every post ({@link #refusal}), because a name's answer can
 * change after it was accepted. The post itself resolves the name once more; the JVM caches a
 * successful lookup for 30 s, so a rebinding server can still change the answer between the check and
 * the connection only when the cached entry expires in between.
 */
final class PushTargets {

    static final int MAX_ENDPOINT_LENGTH = 2048;

    /** The addresses of a host name (the system resolver; tests give a fixed table). */
    @FunctionalInterface
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLocalhost;
    private final int maxPerUser;
    private final Resolver resolver;

    PushTargets(boolean allowLocalhost, int maxPerUser) {
        this(allowLocalhost, maxPerUser, host -> List.of(InetAddress.getAllByName(host)));
    }

    PushTargets(boolean allowLocalhost, int maxPerUser, Resolver resolver) {
        this.allowLocalhost = allowLocalhost;
        this.maxPerUser = maxPerUser;
        this.resolver = resolver;
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
        if (isPrivate(host, false)) {
            throw ApiException.badRequest("endpoint", "must be the https URL of a push service");
        }
        return value;
    }

    /**
     * Why a stored endpoint must not be posted to now (its host is, or now resolves to, a private,
     * loopback or link-local address, or does not resolve), or empty when it may be.
     */
    Optional<String> refusal(String endpoint) {
        URI uri = URI.create(endpoint);
        String host = uri.getHost();
        if (host == null) {
            return Optional.of("the endpoint has no host");
        }
        if (isLocalhost(host)) {
            return allowLocalhost ? Optional.empty() : Optional.of("the endpoint is on this machine");
        }
        return isPrivate(host, true)
                ? Optional.of("the endpoint's host " + host + " is or resolves to a private address")
                : Optional.empty();
    }

    private static boolean isLocalhost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }

    /**
     * Whether the host is a private address: an IP literal of a loopback, private, link-local, unique-local,
     * multicast or unspecified address, a name under {@code localhost}, or a name any of whose addresses is
     * one. A name that does not resolve is private only where {@code unresolvedIsPrivate} (before a post:
     * there is nothing safe to post to; when subscribing it may be a push service's passing DNS failure,
     * and the post checks it again).
     */
    private boolean isPrivate(String host, boolean unresolvedIsPrivate) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = h.matches("[0-9.]+") || h.contains(":");
        if (!literal) {
            String name = h.toLowerCase(Locale.ROOT);
            if (name.endsWith(".localhost") || name.equals("localhost")) {
                return true;
            }
            try {
                return resolver.resolve(name).stream().anyMatch(PushTargets::isPrivateAddress);
            } catch (UnknownHostException e) {
                return unresolvedIsPrivate;
            }
        }
        try {
            return isPrivateAddress(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean isPrivateAddress(InetAddress address) {
        byte[] bytes = address.getAddress();
        // 100.64.0.0/10: carrier-grade NAT, private to the provider's network.
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return sharedAddressSpace
                || address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc);
    }
}
