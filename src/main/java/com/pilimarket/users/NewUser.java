package com.pilimarket.users;

/** What it takes to create an account; the email must already be normalised and the password hashed. */
public record NewUser(
        String email, String passwordHash, String displayName, UserRole role, String signupIp, String signupDeviceId) {}
