package com.pilimarket.reputation;

/** One badge of the catalogue, for profiles. */
public record BadgeInfo(String id, String name, String description) {}
