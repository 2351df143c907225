package dev.moments.domain.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.Digests;
import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

/** What a blocklist keeps of each kind of value, and what it refuses. */
class BlockTest {

    @Test
    void usersAndDevicesAreKeptAsGiven_addressesOnlyAsDigests() {
        assertThat(Block.Kind.USER.keyOf("value", " u-1")).isEqualTo(" u-1");
        assertThat(Block.Kind.DEVICE.keyOf("value", "dev-1")).isEqualTo("dev-1");
        assertThat(Block.Kind.IP.keyOf("value", "2001:DB8::1"))
                .isEqualTo(Block.Kind.IP.keyOf("value", "2001:db8:0:0:0:0:0:1"))
                .isEqualTo(Digests.sha256Hex("2001:db8:0:0:0:0:0:1"));
        assertThat(Block.Kind.EMAIL.keyOf("value", " Ann@Example.COM "))
                .isEqualTo(Block.emailKey("ann@example.com"))
                .isEqualTo(Digests.sha256Hex("ann@example.com"));
        assertThat(Block.emailKey(null)).isNull();
    }

    @Test
    void malformedValuesAndKindsAreRefusedOnTheirField() {
        for (String[] refused : new String[][] {{"USER", ""}, {"USER", "x".repeat(201)}, {"IP", "example.com"},
                {"IP", "10.0.0.256"}, {"EMAIL", "nobody"}, {"EMAIL", "a@b"}}) {
            assertThatThrownBy(() -> Block.Kind.valueOf(refused[0]).keyOf("value", refused[1]))
                    .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("value");
        }
        assertThatThrownBy(() -> Block.Kind.fromApi("kind", "USER")).isInstanceOf(InvalidValueException.class);
        assertThat(Block.Kind.fromApi("kind", "email")).isEqualTo(Block.Kind.EMAIL);
    }
}
