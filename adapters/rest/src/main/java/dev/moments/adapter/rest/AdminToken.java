package dev.moments.adapter.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The operator's bearer token for {@code /admin/*}; the application decides where it comes from. */
public final class AdminToken {

    private final byte[] value;

    public AdminToken(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters long");
        }
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so response timing reveals nothing of the token. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }
}
