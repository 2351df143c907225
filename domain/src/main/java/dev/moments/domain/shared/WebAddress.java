package dev.moments.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;

/** An absolute http(s) address the redemption page may link or show, such as a reward's picture. */
public final class WebAddress {

    /** The longest address accepted. */
    public static final int MAX_LENGTH = 2_000;

    private WebAddress() {
    }

    /**
     * The address as given, or {@code null}: it must parse as an RFC 3986 URI (so no quote, angle bracket, space or
     * control character), with the scheme http or https and a host.
     */
    public static String optional(String field, String address) {
        if (address == null) {
            return null;
        }
        Text.optionalId(field, address, MAX_LENGTH);
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidValueException(field, field + " must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException(field, field + " must be an absolute http(s) URL: " + e.getReason()
                    + " at " + e.getIndex());
        }
        return address;
    }
}
