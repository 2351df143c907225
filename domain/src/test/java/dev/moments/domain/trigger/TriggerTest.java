package dev.moments.domain.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every trigger tells about itself: its kind as the API names it, the events it listens to, its conditions. */
class TriggerTest {

    private static final Duration WEEK = Duration.ofDays(7);

    private final EventTrigger signUp = new EventTrigger("user.signed_up", null);
    private final CountTrigger threeVideos = new CountTrigger(new Match("video.watched", "event.seconds > 30"), 3, WEEK);
    private final SumTrigger fiftyDollars = new SumTrigger(new Match("order.completed", "event.currency == 'USD'"),
            "total", new BigDecimal("50"), null);
    private final DaysTrigger sevenDays = new DaysTrigger(new Match("app.opened", "user.beta"), 7, true, null);
    private final SequenceTrigger cartThenOrder = new SequenceTrigger(List.of(new Match("cart.created", null),
            new Match("order.completed", "event.total > 10")), WEEK);

    @Test
    void eachKindIsNamedAsTheApiNamesIt() {
        assertThat(List.of(signUp, threeVideos, fiftyDollars, sevenDays, cartThenOrder, new AllTrigger(List.of(signUp)),
                new AnyTrigger(List.of(signUp)), new DirectTrigger())).extracting(Trigger::kind)
                .containsExactly("event", "count", "sum", "days", "sequence", "all", "any", "direct");
    }

    @Test
    void eachLeafListensToItsOwnEventType_aSequenceToEachOfItsSteps() {
        assertThat(threeVideos.eventTypes()).containsExactly("video.watched");
        assertThat(fiftyDollars.eventTypes()).containsExactly("order.completed");
        assertThat(sevenDays.eventTypes()).containsExactly("app.opened");
        assertThat(cartThenOrder.eventTypes()).containsExactly("cart.created", "order.completed");
        assertThat(new DirectTrigger().eventTypes()).isEmpty();
    }

    @Test
    void aCombinationListensToEveryEventTypeOfItsParts_eachOnce() {
        AllTrigger all = new AllTrigger(List.of(signUp, new AnyTrigger(List.of(threeVideos, cartThenOrder)),
                fiftyDollars));

        assertThat(all.eventTypes()).containsExactlyInAnyOrder("user.signed_up", "video.watched", "cart.created",
                "order.completed");
    }

    @Test
    void everyConditionIsReportedUnderTheFieldPathThatHoldsIt() {
        assertThat(threeVideos.expressions()).containsExactly(entry("trigger.where", "event.seconds > 30"));
        assertThat(fiftyDollars.expressions()).containsExactly(entry("trigger.where", "event.currency == 'USD'"));
        assertThat(sevenDays.expressions()).containsExactly(entry("trigger.where", "user.beta"));
        assertThat(cartThenOrder.expressions()).containsExactly(entry("trigger.steps[1].where", "event.total > 10"));
        assertThat(new DirectTrigger().expressions()).isEmpty();

        AnyTrigger nested = new AnyTrigger(List.of(sevenDays, new AllTrigger(List.of(signUp, cartThenOrder,
                threeVideos))));
        assertThat(nested.expressions()).containsExactly(
                entry("trigger.of[0].where", "user.beta"),
                entry("trigger.of[1].of[1].steps[1].where", "event.total > 10"),
                entry("trigger.of[1].of[2].where", "event.seconds > 30"));
    }

    @Test
    void aReferralListensToItsRefereesTriggerAndTakesNoPlaceInsideAnother() {
        ReferralTrigger referral = new ReferralTrigger(cartThenOrder, Duration.ofDays(30), true);

        assertThat(referral.kind()).isEqualTo("referral");
        assertThat(referral.eventTypes()).containsExactly("cart.created", "order.completed");
        assertThat(referral.expressions()).containsExactly(entry("trigger.of.steps[1].where", "event.total > 10"));
        assertThat(new ReferralTrigger(signUp, null, false).within()).isNull();
        assertThatThrownBy(() -> new ReferralTrigger(null, null, false)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("of");
        assertThatThrownBy(() -> new ReferralTrigger(new DirectTrigger(), null, false))
                .extracting("field").isEqualTo("of.kind");
        assertThatThrownBy(() -> new ReferralTrigger(referral, null, false)).extracting("field").isEqualTo("of.kind");
        assertThatThrownBy(() -> new ReferralTrigger(signUp, Duration.ZERO, false)).extracting("field")
                .isEqualTo("within");
        assertThatThrownBy(() -> new AllTrigger(List.of(signUp, referral))).extracting("field")
                .isEqualTo("of[1].kind");
        assertThat(NodeState.empty(referral)).isEqualTo(NodeState.empty(cartThenOrder));
    }
}
