package com.pilimarket.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a user sees about themself ({@code GET /users/me}, and {@code user} in auth responses);
 * {@code language} is the language they saved, null until they choose one; {@code emailVerified}
 * whether they confirmed their address (notification emails go only to verified addresses).
 */
public record PrivateProfile(
        UUID id,
        String email,
        String displayName,

        @Schema(description = "unique, 3–20 characters of a-z, 0-9 and _")
        String handle,

        @Nullable String bio,
        @Nullable String avatarUrl,
        long chips,
        double reputation,
        List<Badge> badges,
        @Schema(implementation = UserRole.class) String role,
        @Schema(implementation = UserStatus.class) String status,
        OffsetDateTime createdAt,
        @Nullable @Schema(allowableValues = {"en", "fil"}) String language,
        boolean emailVerified) {

    /** {@code language}: the saved language ({@code en}, {@code fil}), or null if the user never chose one. */
    public static PrivateProfile of(UserAccount user, List<Badge> badges, @Nullable String language) {
        return new PrivateProfile(
                user.id(),
                user.email(),
                user.displayName(),
                user.handle(),
                user.bio(),
                user.avatarUrl(),
                user.chips(),
                user.reputation(),
                badges,
                user.role().value(),
                user.status().value(),
                user.createdAt(),
                language,
                user.emailVerified());
    }
}
