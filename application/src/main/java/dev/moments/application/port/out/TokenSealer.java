package dev.moments.application.port.out;

import java.util.Optional;

/**
 * Keeps redemption tokens recoverable without storing them in clear: a token is looked up by its digest, and
 * sealed (encrypted) so the server can show the link again, e.g. when an event is replayed.
 */
public interface TokenSealer {

    /** The token, encrypted and authenticated. */
    String seal(String token);

    /** The token back, or empty if it was sealed under a key this instance no longer has. */
    Optional<String> unseal(String sealed);
}
