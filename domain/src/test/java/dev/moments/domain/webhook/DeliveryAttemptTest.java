package dev.moments.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class DeliveryAttemptTest {

    private static final String EMOJI = "\uD83C\uDF89"; // a surrogate pair

    @Test
    void anAttemptSucceedsOnA2xxWithoutError() {
        assertThat(attempt(200, null).succeeded()).isTrue();
        assertThat(attempt(299, null).succeeded()).isTrue();

        assertThat(attempt(199, null).succeeded()).isFalse();
        assertThat(attempt(300, null).succeeded()).isFalse();
        assertThat(attempt(null, "connection refused").succeeded()).as("no answer").isFalse();
        assertThat(attempt(200, "response too large").succeeded()).isFalse();
    }

    @Test
    void itTakesNoNegativeTime() {
        assertThat(new DeliveryAttempt(Fixtures.NOW, 200, 0, null).durationMs()).isZero();
        assertThatThrownBy(() -> new DeliveryAttempt(Fixtures.NOW, 200, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theErrorKeepsNoControlCharacterOfTheReceiversText() {
        assertThat(attempt(500, "bad\r\ngateway\u0000\u007F!").error()).isEqualTo("bad  gateway  !");
        assertThat(attempt(500, "fête " + EMOJI).error()).isEqualTo("fête " + EMOJI);
        assertThat(attempt(204, null).error()).isNull();
    }

    @Test
    void theErrorIsCutTo500Characters_endingInAnEllipsis_neverInsideASurrogatePair() {
        String longest = "e".repeat(DeliveryAttempt.MAX_ERROR_LENGTH);
        assertThat(attempt(500, longest).error()).isEqualTo(longest);

        assertThat(attempt(500, longest + "!").error()).isEqualTo("e".repeat(499) + "…");
        assertThat(attempt(500, "e".repeat(498) + EMOJI + "more").error()).isEqualTo("e".repeat(498) + "…");
        assertThat(attempt(500, "e".repeat(497) + EMOJI + "more").error()).isEqualTo("e".repeat(497) + EMOJI + "…");
    }

    private static DeliveryAttempt attempt(Integer statusCode, String error) {
        return new DeliveryAttempt(Fixtures.NOW, statusCode, 120, error);
    }
}
