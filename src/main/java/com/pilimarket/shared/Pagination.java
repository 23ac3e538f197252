package com.pilimarket.shared;

/** Paging metadata of a list response; {@code page} counts from 1. */
public record Pagination(int page, int limit, long total, int pages) {

    public static Pagination of(PageQuery query, long total) {
        int pages = (int) ((total + query.limit() - 1) / query.limit());
        return new Pagination(query.page(), query.limit(), total, pages);
    }
}
