package dev.moments.domain.event;

/**
 * Where an event happened: used by audiences (country, platform) and test mode.
 *
 * @param country ISO-3166 alpha-2 code, or {@code null}
 * @param platform e.g. {@code ios}, {@code android}, {@code web}, or {@code null}
 * @param ip the user's address as the partner saw it, or {@code null}
 * @param testUser whether the partner flags this user as a test user
 */
public record EventContext(String country, String platform, String ip, boolean testUser) {

    /** No context given. */
    public static final EventContext NONE = new EventContext(null, null, null, false);
}
