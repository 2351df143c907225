package dev.moments.bootstrap.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which client addresses share a bucket. */
class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnBucket() {
        assertThat(ClientAddress.bucketOf("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.bucketOf("192.0.2.2")).isNotEqualTo(ClientAddress.bucketOf("192.0.2.1"));
    }

    @Test
    void theAddressesOfOneIpv6Slash64ShareABucket() {
        String one = ClientAddress.bucketOf("2001:db8:1:2:aaaa::1");
        String other = ClientAddress.bucketOf("2001:db8:1:2:ffff:ffff:ffff:ffff");

        assertThat(one).isEqualTo(other).endsWith("/64");
        assertThat(ClientAddress.bucketOf("2001:db8:1:3::1")).isNotEqualTo(one);
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        assertThat(ClientAddress.bucketOf("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.bucketOf("::ffff:192.0.2.2")).isEqualTo("192.0.2.2");
    }

    @Test
    void somethingThatIsNotAnAddressIsUsedAsItIsShortenedAndNeverLookedUp() {
        assertThat(ClientAddress.bucketOf("example.com")).isEqualTo("other:example.com");
        assertThat(ClientAddress.bucketOf("x".repeat(1000))).hasSize("other:".length() + 64);
        assertThat(ClientAddress.bucketOf(null)).isEqualTo("unknown");
    }
}
