package com.pilimarket.shared.security;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling. The auth module authenticates requests so that the principal's name is the
 * user's id and the authorities are {@code ROLE_USER}, {@code ROLE_MODERATOR}, {@code ROLE_ADMIN}
 * or {@code ROLE_SUPERADMIN} (a hierarchy: each implies the ones before it).
 */
public final class Callers {

    private Callers() {}

    /** The caller's user id, if the request is authenticated. */
    public static Optional<UUID> currentUserId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(auth.getName()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The caller's user id, or 401 {@code UNAUTHENTICATED}. */
    public static UUID requireUserId() {
        return currentUserId()
                .orElseThrow(
                        () -> new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first"));
    }
}
