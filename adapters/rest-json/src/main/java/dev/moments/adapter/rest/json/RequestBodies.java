package dev.moments.adapter.rest.json;

import dev.moments.domain.shared.InvalidValueException;

/** Refuses a missing body with a clear 4xx instead of failing later on a null. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new InvalidValueException("body", "a JSON body is required");
        }
        return body;
    }
}
