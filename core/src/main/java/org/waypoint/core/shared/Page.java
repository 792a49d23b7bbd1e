package org.waypoint.core.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the length of the whole list. Pages count from 0. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }

    /** Checks a requested page and size: page from 0, size from 1 to {@link #MAX_SIZE}. */
    public static void requireValid(int page, int size) {
        if (page < 0) {
            throw new InvalidField("page", "error.page.number", "page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidField("size", "error.page.size", "size is between 1 and " + MAX_SIZE, MAX_SIZE);
        }
    }
}
