package com.pilimarket.markets;

/**
 * Filters and order of {@code GET /markets}; every field may be null. {@code sort} is one of
 * {@code created_at} (default), {@code volume}, {@code closes_at}, {@code forecasters}; {@code order}
 * {@code asc} or {@code desc}.
 */
public record MarketQuery(String category, String status, String q, String sort, String order) {}
