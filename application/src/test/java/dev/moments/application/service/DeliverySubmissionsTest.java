package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait between the submissions of an order its provider could not take yet. */
class DeliverySubmissionsTest {

    @Test
    void theWaitAfterAFailedSubmissionDoublesFromThirtySeconds() {
        assertThat(DeliverySubmissions.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliverySubmissions.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeliverySubmissions.retryDelay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliverySubmissions.retryDelay(7)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void theWaitIsAtMostAnHour() {
        assertThat(DeliverySubmissions.retryDelay(8)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliverySubmissions.retryDelay(1_000)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliverySubmissions.retryDelay(Duration.ofHours(2), 1)).isEqualTo(Duration.ofHours(1));
    }
}
