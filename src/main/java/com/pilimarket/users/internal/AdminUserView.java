package com.pilimarket.users.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.internal.AdminUserRecords.AdminRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user as moderators see it in the console. */
record AdminUserView(
        UUID id,
        String email,
        String displayName,
        @Schema(implementation = UserRole.class) String role,
        @Schema(implementation = UserStatus.class) String status,
        long chips,
        double reputation,
        @JsonProperty("is_flagged") boolean isFlagged,
        @Nullable String signupIp,
        @Nullable String signupDeviceId,
        @Nullable OffsetDateTime lastActive,
        OffsetDateTime createdAt) {

    static AdminUserView of(AdminRow row) {
        var user = row.account();
        return new AdminUserView(
                user.id(),
                user.email(),
                user.displayName(),
                user.role().value(),
                user.status().value(),
                user.chips(),
                user.reputation(),
                user.flagged(),
                row.signupIp(),
                row.signupDeviceId(),
                row.lastActive(),
                user.createdAt());
    }
}
