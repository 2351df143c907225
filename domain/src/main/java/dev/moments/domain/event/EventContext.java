package dev.moments.domain.event;

import dev.moments.domain.moment.Audience;
import dev.moments.domain.shared.Countries;
import dev.moments.domain.shared.Digests;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where an event happened: used by audiences (country, platform) and test mode.
 *
 * @param country ISO-3166 alpha-2 code, or {@code null}
 * @param platform e.g. {@code ios}, {@code android}, {@code web} (at most 32 characters), or {@code null}
 * @param ip the user's address as the partner saw it, an IPv4 or IPv6 literal, or {@code null}
 * @param testUser whether the partner flags this user as a test user
 */
public record EventContext(String country, String platform, String ip, boolean testUser) {

    /** No context given. */
    public static final EventContext NONE = new EventContext(null, null, null, false);

    /** The longest address text accepted (an IPv6 literal with an embedded IPv4 address). */
    public static final int MAX_IP_LENGTH = 45;

    public EventContext {
        if (country != null && !Countries.isCode(country)) {
            throw new InvalidValueException("context.country", "country is an ISO-3166 alpha-2 code such as US");
        }
        Text.optionalId("context.platform", platform, Audience.MAX_PLATFORM_LENGTH);
        if (ip != null && !isAddressLiteral(ip)) {
            throw new InvalidValueException("context.ip", "ip is an IPv4 or IPv6 address such as 203.0.113.7");
        }
    }

    /**
     * The client address as a key for velocity limits: the SHA-256 of its canonical form (so {@code ::1} and
     * {@code 0:0:0:0:0:0:0:1} are one address), or {@code null} without an address. The address itself is not kept.
     */
    public String ipKey() {
        if (ip == null) {
            return null;
        }
        try {
            return Digests.sha256Hex(InetAddress.getByName(ip).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a checked address literal did not parse: " + ip, e);
        }
    }

    /**
     * Whether the text is a dotted-quad IPv4 address (no leading zeros) or an IPv6 address. Only the characters of
     * such literals get as far as the JDK's parser, which then never looks a name up.
     */
    static boolean isAddressLiteral(String text) {
        if (text.isEmpty() || text.length() > MAX_IP_LENGTH) {
            return false;
        }
        if (text.indexOf(':') < 0) {
            return isIpv4(text);
        }
        if (Character.digit(text.charAt(0), 16) < 0 && text.charAt(0) != ':') {
            return false; // the JDK parses only such text as a literal; anything else it would look up as a name
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 0x80)) {
                return false;
            }
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
