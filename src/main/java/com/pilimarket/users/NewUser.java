package com.pilimarket.users;

/**
 * What it takes to create an account; the email must already be normalised and the password hashed.
 * {@code handle} is the one the user chose (checked by {@link HandleRules#chosen}), or null to derive
 * one from the display name. {@code referralCode} is the inviter's handle from a referral link, or null.
 */
public record NewUser(
        String email,
        String passwordHash,
        String displayName,
        String handle,
        UserRole role,
        String signupIp,
        String signupDeviceId,
        String referralCode) {

    /** An account whose handle is derived from its display name. */
    public NewUser(
            String email,
            String passwordHash,
            String displayName,
            UserRole role,
            String signupIp,
            String signupDeviceId) {
        this(email, passwordHash, displayName, null, role, signupIp, signupDeviceId, null);
    }
}
