package com.pilimarket.users;

/** Active users may do everything their role allows; suspended ones only read; banned ones cannot log in. */
public enum UserStatus {
    ACTIVE,
    SUSPENDED,
    BANNED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static UserStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
