package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.fixtures.RecordingMetrics;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.DirectAwardUseCase.DirectAwardCommand;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.DirectTrigger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct awards counted once their transaction committed, refusals by reason; previews are not counted. */
class MeteredDirectAwardsTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final List<String> counted = metrics.counted;
    private final MeteredDirectAwards directAwards = new MeteredDirectAwards(app.directAwards, metrics,
            app.transactions);
    private PartnerId partner;
    private MomentId moment;

    @BeforeEach
    void givenALiveMomentForDirectAwards() {
        partner = app.partners.create(new CreatePartnerCommand("Acme", "USD")).partner().id();
        String reward = app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD",
                Set.of(), "sandbox", null, null)).id().value();
        moment = app.moments.create(new CreateMomentCommand(partner, "Direct", new DirectTrigger(), null, null, null,
                null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null,
                null, null)).moment().id();
        app.moments.change(partner, moment, LifecycleAction.LAUNCH);
    }

    private DirectAwardCommand command(String user) {
        return new DirectAwardCommand(partner, moment, user, null, null);
    }

    @Test
    void anAwardIsCountedOnceItsTransactionHasCommitted() {
        var awarded = app.transactions.inTransaction(() -> {
            var view = directAwards.award(command("u-1"));
            assertThat(counted).as("not before the commit").isEmpty();
            return view;
        });

        assertThat(awarded.award().userId()).isEqualTo("u-1");
        assertThat(counted).containsExactly("award " + moment.value());
    }

    @Test
    void aRefusalIsCountedByItsReasonAndStillThrown() {
        directAwards.award(command("u-1"));

        assertThatThrownBy(() -> directAwards.award(command("u-1"))).isInstanceOf(NotEligibleException.class);

        assertThat(counted).containsExactly("award " + moment.value(), "refused LIMIT_PER_USER");
    }

    @Test
    void aPreviewIsTheInnerOnes_andCountsNothing() {
        var preview = directAwards.preview(command("u-1"));

        assertThat(preview.eligible()).isTrue();
        assertThat(preview.rewards()).hasSize(1);
        assertThat(counted).isEmpty();
    }
}
