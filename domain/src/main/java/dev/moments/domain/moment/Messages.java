package dev.moments.domain.moment;

import dev.moments.domain.shared.Text;

/** What the user is told: when a reward is earned, and once it is claimed. Both optional. */
public record Messages(String announcement, String confirmation) {

    /** The longest message accepted. */
    public static final int MAX_LENGTH = 1000;

    public static final Messages NONE = new Messages(null, null);

    public Messages {
        check(announcement, "messages.announcement");
        check(confirmation, "messages.confirmation");
    }

    private static void check(String text, String field) {
        Text.prose(field, text, MAX_LENGTH);
    }
}
