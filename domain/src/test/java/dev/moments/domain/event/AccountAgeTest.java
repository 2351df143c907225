package dev.moments.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account's creation as partners tell it, and the client address as a velocity key. */
class AccountAgeTest {

    @Test
    void anInstantOrADateTellsTheAccountsCreation_anythingElseLeavesItUnknown() {
        assertThat(AccountAge.createdAt(Map.of("createdAt", "2026-11-02T08:00:00Z")))
                .contains(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(AccountAge.createdAt(Map.of("createdAt", "2026-11-02")))
                .contains(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(AccountAge.createdAt(Map.of("createdAt", "yesterday"))).isEmpty();
        assertThat(AccountAge.createdAt(Map.of("createdAt", List.of("2026-11-02")))).isEmpty();
        assertThat(AccountAge.createdAt(Map.of("createdAt", "2026-11-02T08:00:00Z".repeat(3)))).isEmpty();
        assertThat(AccountAge.createdAt(Map.of())).isEmpty();
        assertThat(AccountAge.createdAt(Map.of("createdAt", "+999999999-12-31T23:59:59Z"))).as("beyond 9999").isEmpty();
        assertThat(AccountAge.createdAt(Map.of("createdAt", "+1000000000-12-31T23:59:59Z"))).isEmpty();
        assertThat(AccountAge.createdAt(Map.of("createdAt", "1969-12-31T23:59:59Z"))).isEmpty();
    }

    @Test
    void anAddressIsKeyedByItsCanonicalForm_andNotKeptItself() {
        String key = new EventContext(null, null, "2001:db8::1", false).ipKey();
        assertThat(new EventContext(null, null, "2001:0db8:0:0:0:0:0:1", false).ipKey()).isEqualTo(key);
        assertThat(new EventContext(null, null, "2001:db8::2", false).ipKey()).isNotEqualTo(key);
        assertThat(key).hasSize(64).doesNotContain("2001");
        assertThat(EventContext.NONE.ipKey()).isNull();
    }
}
