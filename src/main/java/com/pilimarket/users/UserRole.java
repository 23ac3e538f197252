package com.pilimarket.users;

/** What a user may do, in increasing power. */
public enum UserRole {
    USER,
    MODERATOR,
    ADMIN,
    SUPERADMIN;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static UserRole of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean atLeast(UserRole other) {
        return compareTo(other) >= 0;
    }
}
