package dev.moments.domain.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedemptionTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenCarries256RandomBitsInUrlSafeCharacters() {
        RedemptionToken token = RedemptionToken.generate(random);
        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(RedemptionToken.looksLikeOne(token.value())).isTrue();
    }

    @Test
    void tenThousandTokensAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(RedemptionToken.generate(random).value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theDigestIsStableAndRevealsNothingOfTheToken() {
        RedemptionToken token = RedemptionToken.generate(random);
        assertThat(token.digest()).isEqualTo(new RedemptionToken(token.value()).digest()).hasSize(64)
                .doesNotContain(token.value());
    }

    @Test
    void aTokenNeverShowsItselfInLogs() {
        RedemptionToken token = RedemptionToken.generate(random);
        assertThat(token.toString()).doesNotContain(token.value()).contains("redacted");
    }

    @Test
    void somethingThatIsNotATokenIsRefused() {
        assertThatThrownBy(() -> new RedemptionToken("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RedemptionToken.looksLikeOne("../../etc/passwd")).isFalse();
        assertThat(RedemptionToken.looksLikeOne(null)).isFalse();
    }
}
