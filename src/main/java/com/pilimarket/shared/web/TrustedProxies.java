package com.pilimarket.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address, scheme and host, as every later filter and module sees them (rate limits,
 * audit log, signup IP, fraud signals, secure cookies). {@code X-Forwarded-*} and {@code Forwarded}
 * headers are believed only when the connection comes from a configured proxy
 * ({@code pilimarket.web.trusted-proxies}: addresses or CIDR ranges; default none). From anyone else
 * they are removed unread, so a client cannot pick its own address.
 *
 * <p>Behind trusted proxies the client is the right-most {@code X-Forwarded-For} entry that is not
 * itself a trusted proxy: each proxy appends the address it saw, so entries to the left of that one
 * were written by the client and prove nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrustedProxies extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    private final List<IpAddressMatcher> proxies;
    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter strip = new ForwardedHeaderFilter();

    public TrustedProxies(@Value("${pilimarket.web.trusted-proxies:}") String configured) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String entry : configured == null ? new String[0] : configured.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                matchers.add(new IpAddressMatcher(entry.strip()));
            }
        }
        this.proxies = List.copyOf(matchers);
        strip.setRemoveOnly(true);
        if (!proxies.isEmpty()) {
            log.info("Forwarded headers are honoured from the trusted proxies {}", configured);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            strip.doFilter(request, response, chain);
            return;
        }
        String client = clientBehind(peer, request);
        honour.doFilter(
                request,
                response,
                (req, res) -> chain.doFilter(new ClientAddress((HttpServletRequest) req, client), res));
    }

    /** The right-most forwarded address that is not a trusted proxy; the peer itself if there is none. */
    String clientBehind(String peer, HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!looksLikeAddress(hop)) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        if (proxies.isEmpty() || address == null || !looksLikeAddress(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** A literal IPv4 or IPv6 address, never a host name (matching one would trigger a DNS lookup). */
    private static boolean looksLikeAddress(String value) {
        if (value.isEmpty() || value.length() > 45) {
            return false;
        }
        boolean colon = value.indexOf(':') >= 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || (colon && (c == ':' || Character.digit(c, 16) >= 0));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static final class ClientAddress extends HttpServletRequestWrapper {

        private final String client;

        ClientAddress(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
