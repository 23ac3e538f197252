package com.pilimarket.users;

/** How many follow a user and how many they follow; {@code followedByMe}: the caller follows them. */
public record FollowCounts(long followers, long following, boolean followedByMe) {

    public static final FollowCounts NONE = new FollowCounts(0, 0, false);
}
