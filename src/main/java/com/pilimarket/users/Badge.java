package com.pilimarket.users;

import java.time.OffsetDateTime;

/** A badge a user holds (from the {@code user_badges} table, which the reputation module writes). */
public record Badge(String badge, OffsetDateTime awardedAt) {}
