package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.EventTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completions decided one after the other in one transaction get the answers that paying them one by one would give. */
class BudgetAccountTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;

    @BeforeEach
    void givenAMomentPayingOnceADevice() {
        partner = app.partners.create(new CreatePartnerCommand("Acme", "USD")).partner().id();
        String reward = app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD",
                Set.of(), "sandbox", null, null)).id().value();
        var moment = app.moments.create(new CreateMomentCommand(partner, "Order", new EventTrigger("order", null),
                null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"),
                List.of(reward), new Limits(5, 1, null, Duration.ZERO, Duration.ofDays(30)), null, null));
        app.moments.change(partner, moment.moment().id(), LifecycleAction.LAUNCH);
    }

    private RecordEventCommand order(String eventId, String userId, String deviceId) {
        return new RecordEventCommand(partner, eventId, "order", userId, deviceId, null, Map.of(), null, null);
    }

    @Test
    void aDeviceAwardedEarlierInTheSameBatchIsAtItsLimit() {
        List<BatchItem> items = app.events.recordAll(List.of(order("e1", "u-1", "d-1"), order("e2", "u-2", "d-1"),
                order("e3", "u-3", "d-2"), order("e4", "u-4", null), order("e5", "u-5", null)));

        assertThat(items).extracting(item -> item.result().awards().size()).containsExactly(1, 0, 1, 1, 1);
        assertThat(items.get(1).result().refused()).containsExactly(Refusal.LIMIT_PER_DEVICE);
    }
}
