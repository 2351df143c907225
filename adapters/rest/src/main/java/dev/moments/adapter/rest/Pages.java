package dev.moments.adapter.rest;

import dev.moments.application.port.PageRequest;
import dev.moments.domain.shared.InvalidValueException;

/** Reads the {@code limit} and {@code after} query parameters every list takes. */
final class Pages {

    private Pages() {
    }

    static PageRequest request(String limit, String after) {
        int size = PageRequest.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new InvalidValueException("limit", "limit must be a whole number");
            }
        }
        return new PageRequest(size, after);
    }
}
