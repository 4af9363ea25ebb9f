package org.joinedup.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the totals a client needs to page through it. Pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), total, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }
}
