package com.pilimarket.users;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated profile change. A null field stays as it is; an empty bio or avatar URL clears it.
 * Nothing else of an account (chips, role, reputation, status) can be changed this way.
 */
public record ProfileUpdate(String displayName, String bio, boolean bioSet, String avatarUrl, boolean avatarUrlSet) {

    /** Cleans and checks raw input, collecting one error per bad field. */
    public static ProfileUpdate of(String displayName, String bio, String avatarUrl) {
        List<ApiError> errors = new ArrayList<>();
        String name = displayName == null ? null : ProfileRules.displayName(displayName, errors);
        String cleanBio = bio == null ? null : ProfileRules.bio(bio, errors);
        String avatar = avatarUrl == null ? null : ProfileRules.avatarUrl(avatarUrl, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProfileUpdate(name, cleanBio, bio != null, avatar, avatarUrl != null);
    }
}
