package dev.moments.application.port;

import dev.moments.domain.shared.InvalidValueException;

/**
 * Which slice of a list to return: at most {@code limit} items after the opaque cursor {@code after}.
 *
 * @param after the cursor returned as {@code next} by the previous page, or {@code null} for the first page
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (after != null && (after.isBlank() || after.length() > 200)) {
            throw new InvalidValueException("after", "not a cursor");
        }
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }
}
