package com.pilimarket.users.internal;

import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.users.PrivateProfile;
import com.pilimarket.users.ProfileUpdate;
import com.pilimarket.users.PublicProfile;
import com.pilimarket.users.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Profiles. Private data is only ever read for the caller's own id, never from a path parameter. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    /** Only these fields are read; anything else in the body (chips, role, …) is ignored. */
    record ProfileChangeRequest(
            @Nullable String displayName,
            @Nullable String bio,
            @Nullable String avatarUrl,

            @Nullable @Schema(allowableValues = {"en", "fil"})
            String language) {}

    @SignedIn
    @GetMapping("/me")
    @Operation(summary = "The caller's private profile")
    ApiResponse<PrivateProfile> me() {
        return ApiResponse.ok(users.privateProfile(Callers.requireUserId()));
    }

    @SignedIn
    @PatchMapping("/me")
    @Operation(summary = "Changes the caller's display name, bio, avatar URL or language (en, fil)")
    ApiResponse<PrivateProfile> update(@RequestBody ProfileChangeRequest request) {
        UUID caller = Callers.requireUserId();
        ProfileUpdate update =
                ProfileUpdate.of(request.displayName(), request.bio(), request.avatarUrl(), request.language());
        return ApiResponse.ok(users.updateProfile(caller, update));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A user's public profile")
    ApiResponse<PublicProfile> profile(@PathVariable UUID id) {
        return ApiResponse.ok(users.publicProfile(id));
    }
}
