package dev.moments.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

/**
 * The context of an event: a country code, a platform and the user's address, which must be an IP literal (never a
 * name to look up).
 */
class EventContextTest {

    @Test
    void noContextIsAllAbsent() {
        assertThat(EventContext.NONE).isEqualTo(new EventContext(null, null, null, false));
    }

    @Test
    void theCountryIsAnIsoCode() {
        assertThat(new EventContext("DE", "ios", null, true).country()).isEqualTo("DE");
        assertThatThrownBy(() -> new EventContext("de", null, null, false)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("context.country");
    }

    @Test
    void anIpv4AddressIsADottedQuadOfNumbersUpTo255_withoutLeadingZeros() {
        for (String ip : new String[] {"203.0.113.7", "0.0.0.0", "255.255.255.255", "9.99.199.10"}) {
            assertThat(ipAccepted(ip)).as(ip).isTrue();
        }
        for (String ip : new String[] {"256.0.0.1", "1.2.3", "1.2.3.4.5", "1..3.4", "1.2.3.", "01.2.3.4",
                "1.2.3.0255", "1.2.3.99999999999", "1.2.3.+4", "1.2.3.-4", "1.2.3.a", "1.2.3.\u0664", "1.2.3.4 "}) {
            assertThat(ipAccepted(ip)).as(ip).isFalse();
        }
    }

    @Test
    void anIpv6AddressIsALiteralOfHexDigitsColonsAndDots_ofAtMost45Characters() {
        String longest = "0000:0000:0000:0000:0000:ffff:255.255.255.255";
        assertThat(longest).hasSize(EventContext.MAX_IP_LENGTH);
        for (String ip : new String[] {"::1", "::", "1::", "2001:db8::ff00:42:8329", "0::1", "::ffff:192.0.2.1",
                longest}) {
            assertThat(ipAccepted(ip)).as(ip).isTrue();
        }
        for (String ip : new String[] {"1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "12345::1", "::1.2.3", "g::1",
                "1::\uFF11", "\uFF11::1", ".1::1", "fe80::1%1", "[::1]", "0" + longest}) {
            assertThat(ipAccepted(ip)).as(ip).isFalse();
        }
    }

    @Test
    void aNameIsNoAddress() {
        for (String ip : new String[] {"", "localhost", "example.com", "a:b"}) {
            assertThat(ipAccepted(ip)).as(ip).isFalse();
        }
    }

    @Test
    void aRefusedAddressIsNamedAsTheContextsIp() {
        assertThatThrownBy(() -> new EventContext(null, null, "localhost", false))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("context.ip");
        assertThat(new EventContext(null, null, "203.0.113.7", false).ip()).isEqualTo("203.0.113.7");
    }

    private static boolean ipAccepted(String ip) {
        try {
            new EventContext(null, null, ip, false);
            return true;
        } catch (InvalidValueException refused) {
            return false;
        }
    }
}
