package dev.moments.adapter.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.rest.json.Problem;
import dev.moments.application.port.ConcurrentWriteException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aRequestThatLostEveryRaceIsABusy503ToRetryNotA500() {
        Response response = new ProblemMappers().contention(new ConcurrentWriteException("lost", null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).isEqualTo("/problems/contention");
        assertThat(problem.detail()).contains("nothing was changed");
    }

    @Test
    void inABatchTheEventThatLostEveryRaceCarriesThe503Too() {
        assertThat(ProblemMappers.from(new ConcurrentWriteException("lost", null)).status()).isEqualTo(503);
    }

    @Test
    void anEditOfAMomentThatIsNeitherDraftNorPausedIsA409NotEditable() {
        Problem problem = ProblemMappers.from(new dev.moments.domain.moment.MomentNotEditableException(
                dev.moments.domain.moment.MomentStatus.LIVE));
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("/problems/not-editable");
        assertThat(problem.detail()).contains("LIVE").contains("pause it first");
    }
}
