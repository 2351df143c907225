package dev.moments.domain.shared;

import java.util.regex.Pattern;

/**
 * An e-mail address as people type it: one {@code @}, a local part of at most 64 characters, a domain with a dot, no
 * blanks; at most 254 characters (RFC 5321's limit on a path). Deliverability is the mail server's business.
 */
public final class EmailAddress {

    /** The longest address accepted. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    /** The address without surrounding blanks, or {@code null} for none (a blank value is none). */
    public static String optional(String field, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String kept = address.strip();
        if (kept.length() > MAX_LENGTH || !Text.isPlain(kept) || !SHAPE.matcher(kept).matches()) {
            throw new InvalidValueException(field, "not a valid e-mail address");
        }
        return kept;
    }
}
