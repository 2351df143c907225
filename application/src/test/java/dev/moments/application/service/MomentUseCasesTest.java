package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.domain.moment.InvalidTransitionException;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.EventTrigger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MomentUseCasesTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private Reward figure;

    @BeforeEach
    void givenAPartnerWithAnEightDollarReward() {
        partner = app.partners.create(new CreatePartnerCommand("Acme Games", "USD")).partner().id();
        figure = app.rewards.create(new CreateRewardCommand(partner, "Collectible figure", "PHYSICAL", "8.00", "USD",
                Set.of("US"), "sandbox", null, null));
    }

    private CreateMomentCommand moment(String where, String costPerAction, String currency, List<String> rewards) {
        return new CreateMomentCommand(partner, "Reach level 10", new EventTrigger("level.reached", where), null, null,
                null, null, new CreateMomentCommand.BudgetSpec(currency, "100.00", null, costPerAction), rewards,
                null, null, null);
    }

    @Test
    void aNewMomentIsADraftWithItsBudgetOpen() {
        MomentView view = app.moments.create(moment("event.level >= 10", "10.00", "USD", List.of(figure.id().value())));
        assertThat(view.moment().status()).isEqualTo(MomentStatus.DRAFT);
        assertThat(view.budget().total().toDecimalString()).isEqualTo("100.00");
        assertThat(view.budgetState().remaining().toDecimalString()).isEqualTo("100.00");
        assertThat(view.moment().schedule().startsAt()).isEqualTo(app.clock.now());
    }

    @Test
    void aRewardCostingMoreThanThePricePerActionIsRefused() {
        assertThatThrownBy(() -> app.moments.create(moment(null, "7.99", "USD", List.of(figure.id().value()))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("more than the costPerAction")
                .extracting("field").isEqualTo("rewards[0]");
    }

    @Test
    void aBudgetInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> app.moments.create(moment(null, "10.00", "EUR", List.of(figure.id().value()))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.currency");
    }

    @Test
    void anUnknownCurrencyIsRefusedNamingTheBudgetField() {
        assertThatThrownBy(() -> app.moments.create(moment(null, "10.00", "ZZZ", List.of(figure.id().value()))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.currency");
    }

    @Test
    void anotherPartnersRewardCannotBeOffered() {
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        Reward theirs = app.rewards.create(new CreateRewardCommand(other, "Credit", "CREDIT", "1.00", "USD", Set.of(),
                "sandbox", null, null));
        assertThatThrownBy(() -> app.moments.create(moment(null, "10.00", "USD", List.of(theirs.id().value()))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("rewards[0]");
    }

    @Test
    void anExpressionThatDoesNotCompileIsRefusedNamingTheTriggerField() {
        assertThatThrownBy(() -> app.moments.create(moment("event.level >=", "10.00", "USD",
                List.of(figure.id().value()))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("trigger.where");
    }

    @Test
    void negativeAndMalformedAmountsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> app.moments.create(moment(null, "-10.00", "USD", List.of(figure.id().value()))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.costPerAction");
        assertThatThrownBy(() -> app.moments.create(moment(null, "ten", "USD", List.of(figure.id().value()))))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.costPerAction");
    }

    @Test
    void theLifecycleRunsFromDraftThroughTestLivePausedToFinished() {
        var id = app.moments.create(moment(null, "10.00", "USD", List.of(figure.id().value()))).moment().id();
        assertThat(app.moments.change(partner, id, LifecycleAction.TEST).moment().status()).isEqualTo(MomentStatus.TEST);
        assertThat(app.moments.change(partner, id, LifecycleAction.LAUNCH).moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(app.moments.change(partner, id, LifecycleAction.PAUSE).moment().status()).isEqualTo(MomentStatus.PAUSED);
        assertThat(app.moments.change(partner, id, LifecycleAction.RESUME).moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(app.moments.change(partner, id, LifecycleAction.FINISH).moment().status()).isEqualTo(MomentStatus.FINISHED);
        assertThatThrownBy(() -> app.moments.change(partner, id, LifecycleAction.RESUME))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void anotherPartnerCannotSeeOrChangeTheMoment() {
        var id = app.moments.create(moment(null, "10.00", "USD", List.of(figure.id().value()))).moment().id();
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        assertThatThrownBy(() -> app.moments.get(other, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.moments.change(other, id, LifecycleAction.LAUNCH)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.moments.topUp(other, id, "10.00")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPartnerListsItsOwnMomentsPageByPage() {
        var first = app.moments.create(moment(null, "10.00", "USD", List.of(figure.id().value()))).moment().id();
        var second = app.moments.create(moment(null, "10.00", "USD", List.of(figure.id().value()))).moment().id();
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();

        Page<MomentView> page = app.moments.list(partner, new PageRequest(1, null));

        assertThat(page.items()).extracting(view -> view.moment().id()).containsExactly(first);
        assertThat(page.items().get(0).budget().total().toDecimalString()).isEqualTo("100.00");
        assertThat(app.moments.list(partner, new PageRequest(1, page.next())).items())
                .extracting(view -> view.moment().id()).containsExactly(second);
        assertThat(app.moments.list(other, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aMomentOfAnUnknownPartnerIsRefused() {
        PartnerId unknown = new PartnerId("ptn_unknown");
        assertThatThrownBy(() -> app.moments.create(new CreateMomentCommand(unknown, "Reach level 10",
                new EventTrigger("level.reached", null), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(), null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMissingBudgetFigureIsRefusedNamingIt() {
        assertThatThrownBy(() -> app.moments.create(new CreateMomentCommand(partner, "Reach level 10",
                new EventTrigger("level.reached", null), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", null, null, "10.00"), List.of(figure.id().value()), null,
                null, null))).isInstanceOf(InvalidValueException.class).hasMessage("total is required")
                .extracting("field").isEqualTo("budget.total");
    }

    @Test
    void aTopUpMustBeAPositiveAmount() {
        var id = app.moments.create(moment(null, "10.00", "USD", List.of(figure.id().value()))).moment().id();
        assertThatThrownBy(() -> app.moments.topUp(partner, id, "-5.00")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("amount");
        assertThatThrownBy(() -> app.moments.topUp(partner, id, "0")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> app.moments.topUp(partner, id, "abc")).isInstanceOf(InvalidValueException.class);
        assertThat(app.moments.topUp(partner, id, "5.00").budget().total().toDecimalString()).isEqualTo("105.00");
    }
}
