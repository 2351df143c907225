package dev.moments.domain.fulfillment;

import static dev.moments.domain.fulfillment.FulfillmentStatus.CANCELLED;
import static dev.moments.domain.fulfillment.FulfillmentStatus.FAILED;
import static dev.moments.domain.fulfillment.FulfillmentStatus.FULFILLED;
import static dev.moments.domain.fulfillment.FulfillmentStatus.PENDING;
import static dev.moments.domain.fulfillment.FulfillmentStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FulfillmentStatusTest {

    @Test
    void aPendingDeliveryMayMoveToAnyOtherStatus() {
        assertThat(PENDING.next()).containsExactlyInAnyOrder(SUBMITTED, FULFILLED, FAILED, CANCELLED);
        assertThat(PENDING.canMoveTo(FULFILLED)).isTrue();
        assertThat(PENDING.isFinal()).isFalse();
    }

    @Test
    void aSubmittedDeliveryEndsInOneOfTheFinalStatuses_neverBackToPending() {
        assertThat(SUBMITTED.canMoveTo(FULFILLED)).isTrue();
        assertThat(SUBMITTED.canMoveTo(FAILED)).isTrue();
        assertThat(SUBMITTED.canMoveTo(CANCELLED)).isTrue();
        assertThat(SUBMITTED.canMoveTo(PENDING)).isFalse();
        assertThat(SUBMITTED.isFinal()).isFalse();
    }

    @Test
    void aStatusNeverMovesToItself() {
        for (FulfillmentStatus status : FulfillmentStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void fulfilledFailedAndCancelledAreFinal() {
        for (FulfillmentStatus status : new FulfillmentStatus[] {FULFILLED, FAILED, CANCELLED}) {
            assertThat(status.isFinal()).as(status.name()).isTrue();
            assertThat(status.next()).as(status.name()).isEmpty();
        }
    }
}
