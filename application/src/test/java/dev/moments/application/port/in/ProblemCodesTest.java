package dev.moments.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.domain.award.Refusal;
import org.junit.jupiter.api.Test;

/** What the core's refusals tell the API: the problem type each one is answered with, and its details. */
class ProblemCodesTest {

    @Test
    void eachRefusalNamesItsProblemType() {
        assertThat(new NotFoundException("moment", "mom_1").code()).isEqualTo("not-found");
        assertThat(new EventIdConflictException("evt-1").code()).isEqualTo("event-id-conflict");
        assertThat(new NotReportableException("not claimed yet").code()).isEqualTo("not-reportable");
        assertThat(new IdempotentReplayUnavailableException().code()).isEqualTo("idempotency-replay-unavailable");
        assertThat(new NotEligibleException(Refusal.LIMIT_PER_USER).code()).isEqualTo("not-eligible");
        assertThat(new InvalidExpressionException("unexpected ')'", 7).code()).isEqualTo("invalid-expression");
    }

    @Test
    void aNotEligibleUserIsToldWhyByTheRefusalsCode() {
        NotEligibleException refused = new NotEligibleException(Refusal.LIMIT_PER_USER);

        assertThat(refused.refusal()).isEqualTo(Refusal.LIMIT_PER_USER);
        assertThat(refused.reason()).isEqualTo("LIMIT_PER_USER");
    }

    @Test
    void anInvalidExpressionSaysWhereTheErrorIs() {
        assertThat(new InvalidExpressionException("unexpected ')'", 7).position()).isEqualTo(7);
        assertThat(new InvalidExpressionException("too long", -1).position()).isEqualTo(-1);
    }
}
