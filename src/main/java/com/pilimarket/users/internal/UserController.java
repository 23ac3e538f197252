package com.pilimarket.users.internal;

import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
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
            String language,

            @Nullable @Schema(description = "a new handle: 3–20 characters of a-z, 0-9 and _; once a month")
            String handle) {}

    @SignedIn
    @GetMapping("/me")
    @Operation(summary = "The caller's private profile")
    ApiResponse<PrivateProfile> me() {
        return ApiResponse.ok(users.privateProfile(Callers.requireUserId()));
    }

    @SignedIn
    @ErrorAnswer(status = 409, value = "HANDLE_TAKEN: another user has this handle")
    @ErrorAnswer(status = 422, value = "HANDLE_CHANGE_TOO_SOON: the handle was changed less than a month ago")
    @PatchMapping("/me")
    @Operation(summary = "Changes the caller's display name, bio, avatar URL, language (en, fil) or handle")
    ApiResponse<PrivateProfile> update(@RequestBody ProfileChangeRequest request) {
        UUID caller = Callers.requireUserId();
        ProfileUpdate update = ProfileUpdate.of(
                request.displayName(), request.bio(), request.avatarUrl(), request.language(), request.handle());
        return ApiResponse.ok(users.updateProfile(caller, update));
    }

    @GetMapping("/by-handle/{handle}")
    @Operation(summary = "A user's public profile, found by handle (any case)")
    ApiResponse<PublicProfile> profileByHandle(@PathVariable String handle) {
        return ApiResponse.ok(
                users.publicProfileByHandle(handle, Callers.currentUserId().orElse(null)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A user's public profile")
    ApiResponse<PublicProfile> profile(@PathVariable UUID id) {
        return ApiResponse.ok(users.publicProfile(id, Callers.currentUserId().orElse(null)));
    }
}
