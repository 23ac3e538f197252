package com.pilimarket.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list with its paging metadata. */
public record Page<T>(List<T> items, Pagination pagination) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageQuery query, long total) {
        return new Page<>(items, Pagination.of(query, total));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), pagination);
    }
}
