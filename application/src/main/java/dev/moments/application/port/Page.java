package dev.moments.application.port;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a list.
 *
 * @param next the cursor of the following page, or {@code null} if this is the last one
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
