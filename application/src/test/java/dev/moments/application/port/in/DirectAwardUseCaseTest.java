package dev.moments.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.in.DirectAwardUseCase.DirectAwardCommand;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import org.junit.jupiter.api.Test;

/** Who earned what, for an award given directly. */
class DirectAwardUseCaseTest {

    @Test
    void anAwardKeepsTheContextItIsGiven_andWithoutOneHasNone() {
        EventContext tester = new EventContext("FR", null, null, true);
        PartnerId partner = new PartnerId("ptn_test");
        MomentId moment = new MomentId("mom_test");

        assertThat(new DirectAwardCommand(partner, moment, "u-1", null, tester).context()).isEqualTo(tester);
        assertThat(new DirectAwardCommand(partner, moment, "u-1", null, null).context()).isEqualTo(EventContext.NONE);
    }
}
