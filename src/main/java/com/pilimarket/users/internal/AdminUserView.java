package com.pilimarket.users.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pilimarket.users.internal.UserRecords.AdminRow;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as moderators see it in the console. */
record AdminUserView(
        UUID id,
        String email,
        String displayName,
        String role,
        String status,
        long chips,
        double reputation,
        @JsonProperty("is_flagged") boolean isFlagged,
        String signupIp,
        String signupDeviceId,
        OffsetDateTime lastActive,
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
