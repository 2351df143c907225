package dev.moments.domain.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a limit's count is near it: at least its second award, and more than half of what it allows. */
class RiskSignalTest {

    @Test
    void aLimitIsNearFromItsSecondAwardPastHalfOfIt() {
        assertThat(signal(1, 3).near()).as("the first of three").isFalse();
        assertThat(signal(2, 3).near()).as("the second of three").isTrue();
        assertThat(signal(3, 3).near()).as("the last allowed").isTrue();
        assertThat(signal(2, 10).near()).isFalse();
        assertThat(signal(6, 10).near()).isTrue();
        assertThat(signal(1, 1).near()).as("a limit of one is never near: it is reached").isFalse();
        assertThat(new RiskSignal(RiskSignal.REVIEW, null, null, "held").near()).isFalse();
    }

    private static RiskSignal signal(int count, int limit) {
        return new RiskSignal("perDevice", count, limit, "award " + count + " of at most " + limit);
    }
}
