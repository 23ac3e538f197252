package com.pilimarket.auth.internal;

import com.pilimarket.auth.AccessTokens;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorResponses;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after authentication and applies the account's current state, not the token's: banned
 * accounts are refused outright (403 {@code ACCOUNT_BANNED}), suspended ones may read but every
 * unsafe request is 403 {@code ACCOUNT_SUSPENDED} (logging out and refreshing stay possible) and
 * they lose their staff role (the admin API is 403 {@code ACCOUNT_SUSPENDED} for them), and the role
 * comes from the database so a demotion bites before the token expires. An access token issued
 * before a password reset is refused (401): the reset ended every session.
 */
class AccountStatusFilter extends OncePerRequestFilter {

    private static final String ADMIN_API = "/api/v1/admin/";

    private final AccountStatuses statuses;
    private final ErrorResponses errors;

    AccountStatusFilter(AccountStatuses statuses, ErrorResponses errors) {
        this.statuses = statuses;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UUID> caller = Callers.currentUserId();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountStatuses.Snapshot> snapshot = statuses.of(caller.get());
        if (snapshot.isEmpty()) {
            SecurityContextHolder.clearContext();
            errors.write(
                    response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "This account no longer exists");
            return;
        }
        if (endedSession(snapshot.get())) {
            SecurityContextHolder.clearContext();
            if (!request.getRequestURI().startsWith("/api/")) {
                // The app's pages are public: a stale cookie must not keep the app itself from loading.
                chain.doFilter(request, response);
                return;
            }
            errors.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    ErrorCodes.UNAUTHENTICATED,
                    "The session has ended; log in again");
            return;
        }
        UserStatus status = snapshot.get().status();
        if (status == UserStatus.BANNED) {
            errors.write(response, HttpStatus.FORBIDDEN, ErrorCodes.ACCOUNT_BANNED, "This account is banned");
            return;
        }
        // Staff powers need an account in good standing: a suspended moderator or admin keeps no
        // access to the console, its emails and signup addresses (docs/SECURITY.md).
        if (status == UserStatus.SUSPENDED && request.getRequestURI().startsWith(ADMIN_API)) {
            errors.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    ErrorCodes.ACCOUNT_SUSPENDED,
                    "This account is suspended: staff tools are closed to it");
            return;
        }
        if (status == UserStatus.SUSPENDED && Csrf.isUnsafe(request) && !isSessionEnd(request)) {
            errors.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    ErrorCodes.ACCOUNT_SUSPENDED,
                    "This account is suspended: it can read but not change anything");
            return;
        }
        applyCurrentRole(
                status == UserStatus.SUSPENDED ? UserRole.USER : snapshot.get().role());
        chain.doFilter(request, response);
    }

    /** An access token issued before the account's sessions were ended (a password reset). */
    private static boolean endedSession(AccountStatuses.Snapshot snapshot) {
        Instant notBefore = snapshot.sessionsNotBefore();
        if (notBefore == null) {
            return false;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            Object millis = jwt.getToken().getClaims().get(AccessTokens.ISSUED_AT_MILLIS);
            Instant issuedAt = millis instanceof Number n
                    ? Instant.ofEpochMilli(n.longValue())
                    : jwt.getToken().getIssuedAt();
            return issuedAt == null || issuedAt.isBefore(notBefore);
        }
        return false;
    }

    private static boolean isSessionEnd(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/api/v1/auth/logout") || path.equals("/api/v1/auth/refresh");
    }

    private static void applyCurrentRole(UserRole role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String current = "ROLE_" + role.name();
        if (auth instanceof JwtAuthenticationToken jwt
                && jwt.getAuthorities().stream().noneMatch(a -> current.equals(a.getAuthority()))) {
            var replaced = new JwtAuthenticationToken(
                    jwt.getToken(), List.of(new SimpleGrantedAuthority(current)), jwt.getName());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(replaced);
            SecurityContextHolder.setContext(context);
        }
    }
}
