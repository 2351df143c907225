package dev.moments.domain.moment;

import dev.moments.domain.shared.Text;

/**
 * What the user is told: when a reward is earned (on the page, and by e-mail when {@code email} is given and the user
 * has an address), and once it is claimed. All optional.
 */
public record Messages(String announcement, String confirmation, EmailMessage email) {

    /** The longest message accepted. */
    public static final int MAX_LENGTH = 1000;

    public static final Messages NONE = new Messages(null, null, null);

    public Messages {
        check(announcement, "messages.announcement");
        check(confirmation, "messages.confirmation");
    }

    /** The messages without an e-mail. */
    public Messages(String announcement, String confirmation) {
        this(announcement, confirmation, null);
    }

    private static void check(String text, String field) {
        Text.prose(field, text, MAX_LENGTH);
    }
}
