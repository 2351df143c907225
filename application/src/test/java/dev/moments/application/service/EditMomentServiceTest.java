package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentNotEditableException;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editing a moment on in-memory ports: what may change, when, and what an edit leaves alone. */
class EditMomentServiceTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private Reward figure;

    @BeforeEach
    void givenAPartnerWithAnEightDollarReward() {
        partner = app.partners.create(new CreatePartnerCommand("Acme Games", "USD")).partner().id();
        figure = app.rewards.create(new CreateRewardCommand(partner, "Collectible figure", "PHYSICAL", "8.00", "USD",
                Set.of("US"), "sandbox", null, null));
    }

    /** A DRAFT "reach level 10" paying 10.00 per action out of 100.00, offering the figure. */
    private MomentId draft() {
        return app.moments.create(new CreateMomentCommand(partner, "Reach level 10",
                new EventTrigger("level.reached", "event.level >= 10"), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(figure.id().value()),
                null, null, new Messages("Level 10!", null))).moment().id();
    }

    private MomentId live() {
        return change(draft(), LifecycleAction.LAUNCH);
    }

    private MomentId change(MomentId id, LifecycleAction action) {
        return app.moments.change(partner, id, action).moment().id();
    }

    /** A moment's definition as a creation says it, for a test to change a part of. */
    private static final class Definition {
        String name;
        Trigger trigger;
        Audience audience;
        Instant startsAt;
        Instant endsAt;
        ZoneId timezone;
        String currency;
        String total;
        String dailyCap;
        String costPerAction;
        List<String> rewards;
        Limits limits;
        Integer holdoutPercent;
        Messages messages;

        Definition(MomentView view) {
            Moment moment = view.moment();
            Budget budget = view.budget();
            name = moment.name();
            trigger = moment.trigger();
            audience = moment.audience();
            startsAt = moment.schedule().startsAt();
            endsAt = moment.schedule().endsAt();
            timezone = moment.schedule().timezone();
            currency = budget.total().currency().getCurrencyCode();
            total = budget.total().toDecimalString();
            dailyCap = budget.dailyCap() == null ? null : budget.dailyCap().toDecimalString();
            costPerAction = budget.costPerAction().toDecimalString();
            rewards = moment.rewards().stream().map(RewardId::value).toList();
            limits = moment.limits();
            holdoutPercent = moment.holdoutPercent();
            messages = moment.messages();
        }

        CreateMomentCommand command(PartnerId partner) {
            return new CreateMomentCommand(partner, name, trigger, audience, startsAt, endsAt, timezone,
                    new CreateMomentCommand.BudgetSpec(currency, total, dailyCap, costPerAction), rewards, limits,
                    holdoutPercent, messages);
        }
    }

    private MomentView edit(MomentId id, Consumer<Definition> change) {
        return app.moments.edit(partner, id, current -> {
            Definition definition = new Definition(current);
            change.accept(definition);
            return definition.command(current.moment().partnerId());
        });
    }

    private EventResult event(String type, String userId, Map<String, Object> properties) {
        return app.events.record(new RecordEventCommand(partner, "evt-" + java.util.UUID.randomUUID(), type, userId,
                null, null, properties, null, null));
    }

    private MomentView stored(MomentId id) {
        return app.moments.get(partner, id);
    }

    private void assertRefusedAndUnchanged(MomentId id, Consumer<Definition> change, String field) {
        MomentView before = stored(id);
        assertThatThrownBy(() -> edit(id, change)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo(field);
        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void aDraftTakesANewNameAndTriggerAndOnceLaunchedTheNewTriggerIsWhatPays() {
        MomentId id = draft();
        app.clock.advance(Duration.ofMinutes(5));

        MomentView edited = edit(id, d -> {
            d.name = "Finish the tutorial";
            d.trigger = new EventTrigger("tutorial.completed", null);
        });

        assertThat(edited.moment().name()).isEqualTo("Finish the tutorial");
        assertThat(edited.moment().status()).isEqualTo(MomentStatus.DRAFT);
        assertThat(edited.moment().updatedAt()).isEqualTo(app.clock.now());
        assertThat(edited.moment().createdAt()).isBefore(app.clock.now());
        assertThat(stored(id)).isEqualTo(edited);
        change(id, LifecycleAction.LAUNCH);
        assertThat(event("level.reached", "u-1", Map.of("level", new BigDecimal("12"))).awards()).isEmpty();
        assertThat(event("tutorial.completed", "u-2", Map.of()).awards()).singleElement()
                .satisfies(award -> assertThat(award.award().momentId()).isEqualTo(id));
    }

    @Test
    void whatAnEditDoesNotMentionStaysAsItWas() {
        MomentId id = draft();
        MomentView before = stored(id);

        MomentView edited = edit(id, d -> d.messages = new Messages("Level 10, well done!", "On its way."));

        assertThat(edited.moment().messages()).isEqualTo(new Messages("Level 10, well done!", "On its way."));
        Moment expected = new Moment(id, partner, before.moment().name(), before.moment().trigger(),
                before.moment().audience(), before.moment().schedule(), before.moment().rewards(),
                before.moment().limits(), before.moment().holdoutPercent(), edited.moment().messages(),
                before.moment().outcomes(), before.moment().expectedValuePerAction(), MomentStatus.DRAFT, before.moment().createdAt(), edited.moment().updatedAt());
        assertThat(edited.moment()).isEqualTo(expected);
        assertThat(edited.budget()).isEqualTo(before.budget());
    }

    @Test
    void onlyADraftOrAPausedMomentCanBeEditedAndARefusedEditChangesNothing() {
        MomentId live = live();
        MomentId testing = change(draft(), LifecycleAction.TEST);
        MomentId finished = change(draft(), LifecycleAction.FINISH);
        for (MomentId id : List.of(live, testing, finished)) {
            MomentView before = stored(id);
            assertThatThrownBy(() -> edit(id, d -> d.name = "Renamed")).isInstanceOf(MomentNotEditableException.class)
                    .hasMessageContaining(before.moment().status().name());
            assertThat(stored(id)).isEqualTo(before);
        }
        assertThat(edit(change(live, LifecycleAction.PAUSE), d -> d.name = "Renamed").moment().name())
                .isEqualTo("Renamed");
    }

    @Test
    void aPaymentFollowsTheStoredDefinitionNotTheIndexCopyOfAnotherInstancesEdit() {
        MomentId id = live();
        assertThat(event("level.reached", "u-1", Map.of("level", new BigDecimal("10"))).awards()).hasSize(1);
        // another instance edits the moment (perUser 1 → 2): this instance's index still holds perUser 1
        Moment indexed = stored(id).moment();
        Moment edited = new Moment(id, partner, indexed.name(), indexed.trigger(), indexed.audience(),
                indexed.schedule(), indexed.rewards(), new Limits(2, null, null, Duration.ZERO, null),
                indexed.holdoutPercent(), indexed.messages(), indexed.outcomes(), indexed.expectedValuePerAction(),
                indexed.status(), indexed.createdAt(), app.clock.now());
        assertThat(app.momentRepository.update(edited)).isTrue();
        app.clock.advance(Duration.ofSeconds(1)); // later than the last completion, well within the index's 5 s

        EventResult second = event("level.reached", "u-1", Map.of("level", new BigDecimal("11")));

        assertThat(second.awards()).hasSize(1);
        assertThat(second.awards().get(0).award().completion()).isEqualTo(2);
    }

    @Test
    void anExhaustedMomentMustBePausedFirst() {
        MomentId id = live();
        for (int i = 0; i < 10; i++) {
            event("level.reached", "u-" + i, Map.of("level", new BigDecimal("10")));
        }
        assertThat(stored(id).moment().status()).isEqualTo(MomentStatus.EXHAUSTED);
        assertThatThrownBy(() -> edit(id, d -> d.costPerAction = "9.00"))
                .isInstanceOf(MomentNotEditableException.class).hasMessageContaining("pause it first");
    }

    @Test
    void aPausedMomentRepricedPaysTheNewPriceFromItsResumeAndEarlierAwardsKeepTheirReservation() {
        MomentId id = live();
        var first = event("level.reached", "u-1", Map.of("level", new BigDecimal("10"))).awards().get(0).award();
        change(id, LifecycleAction.PAUSE);

        MomentView edited = edit(id, d -> {
            d.costPerAction = "8.00";
            d.dailyCap = "30.00";
        });

        assertThat(edited.budget().costPerAction().toDecimalString()).isEqualTo("8.00");
        assertThat(edited.budget().dailyCap().toDecimalString()).isEqualTo("30.00");
        assertThat(edited.budget().total().toDecimalString()).isEqualTo("100.00");
        assertThat(edited.budgetState().reserved().toDecimalString()).isEqualTo("10.00");
        change(id, LifecycleAction.RESUME);
        var second = event("level.reached", "u-2", Map.of("level", new BigDecimal("10"))).awards().get(0).award();
        var third = event("level.reached", "u-3", Map.of("level", new BigDecimal("10"))).awards().get(0).award();
        assertThat(second.reserved().toDecimalString()).isEqualTo("8.00");
        assertThat(third.reserved().toDecimalString()).isEqualTo("8.00");
        assertThat(app.awardRepository.find(partner, first.id()).orElseThrow().reserved().toDecimalString())
                .isEqualTo("10.00");
        // 10 + 8 + 8 charged today: one more 8 would pass the new cap of 30
        assertThat(event("level.reached", "u-4", Map.of("level", new BigDecimal("10"))).awards()).isEmpty();
        assertThat(stored(id).budgetState().reserved().toDecimalString()).isEqualTo("26.00");
        assertThat(app.ledger.entries()).extracting(e -> e.kind() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 100.00", "RESERVE 10.00", "RESERVE 8.00", "RESERVE 8.00");
    }

    @Test
    void aPriceLoweredUnderARewardsCostIsRefusedNamingThePrice() {
        MomentId id = change(live(), LifecycleAction.PAUSE);
        assertRefusedAndUnchanged(id, d -> d.costPerAction = "7.99", "budget.costPerAction");
        assertThatThrownBy(() -> edit(id, d -> d.costPerAction = "7.99"))
                .hasMessageContaining("more than the costPerAction");
    }

    @Test
    void newRewardsAreCheckedAsACreationChecksThem() {
        MomentId id = draft();
        Reward dear = app.rewards.create(new CreateRewardCommand(partner, "Console", "PHYSICAL", "10.01", "USD",
                Set.of("US"), "sandbox", null, null));
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "EUR")).partner().id();
        Reward theirs = app.rewards.create(new CreateRewardCommand(other, "Credit", "CREDIT", "1.00", "EUR", Set.of(),
                "sandbox", null, null));
        Reward inEuros = new Reward(new RewardId("rwd_euros"), partner, "Old credit", RewardKind.CREDIT,
                Money.of("1.00", "EUR"), Set.of(), FulfillmentProvider.SANDBOX, null, null, app.clock.now());
        app.rewardRepository.insert(inEuros);

        assertRefusedAndUnchanged(id, d -> d.rewards = List.of(figure.id().value(), dear.id().value()), "rewards[1]");
        assertRefusedAndUnchanged(id, d -> d.rewards = List.of(theirs.id().value()), "rewards[0]");
        assertRefusedAndUnchanged(id, d -> d.rewards = List.of(inEuros.id().value()), "rewards[0]");
        assertThatThrownBy(() -> edit(id, d -> d.rewards = List.of(inEuros.id().value())))
                .hasMessageContaining("not in the budget's currency");
        assertRefusedAndUnchanged(id, d -> d.rewards = List.of(), "rewards");
    }

    @Test
    void theBudgetKeepsItsCurrencyAndItsTotal() {
        MomentId id = draft();
        assertRefusedAndUnchanged(id, d -> d.currency = "EUR", "budget.currency");
        assertRefusedAndUnchanged(id, d -> d.currency = null, "budget.currency");
        assertRefusedAndUnchanged(id, d -> d.total = "5000.00", "budget.total");
        assertThatThrownBy(() -> edit(id, d -> d.total = "5000.00")).hasMessageContaining("top-up");
        assertRefusedAndUnchanged(id, d -> d.costPerAction = null, "budget.costPerAction");
        assertRefusedAndUnchanged(id, d -> d.dailyCap = "5.00", "budget.dailyCap");
    }

    @Test
    void aDailyCapBelowWhatTheMomentAlreadyChargedTodayIsRefused() {
        MomentId id = live();
        event("level.reached", "u-1", Map.of("level", new BigDecimal("10")));
        event("level.reached", "u-2", Map.of("level", new BigDecimal("10")));
        change(id, LifecycleAction.PAUSE);

        assertRefusedAndUnchanged(id, d -> {
            d.costPerAction = "8.00";
            d.dailyCap = "19.99";
        }, "budget.dailyCap");
        assertThatThrownBy(() -> edit(id, d -> d.dailyCap = "19.99")).hasMessageContaining("20.00");

        assertThat(edit(id, d -> d.dailyCap = "20.00").budget().dailyCap().toDecimalString()).isEqualTo("20.00");
        app.clock.advance(Duration.ofDays(1));
        assertThat(edit(id, d -> d.dailyCap = "10.00").budget().dailyCap().toDecimalString()).isEqualTo("10.00");
    }

    @Test
    void anEditedMomentPassesEveryCheckOfANewOne() {
        MomentId id = draft();
        assertRefusedAndUnchanged(id, d -> d.trigger = new EventTrigger("level.reached", "event.level >="),
                "trigger.where");
        assertRefusedAndUnchanged(id, d -> d.audience = new Audience(Set.of(), Set.of(), Set.of(), "user.plan =="),
                "audience.where");
        assertRefusedAndUnchanged(id, d -> d.endsAt = d.startsAt.minusSeconds(1), "schedule.endsAt");
        assertRefusedAndUnchanged(id, d -> d.name = " ", "name");
        assertRefusedAndUnchanged(id, d -> d.trigger = null, "trigger");
        assertRefusedAndUnchanged(id, d -> d.holdoutPercent = 100, "holdoutPercent");
    }

    @Test
    void optionalPartsSetToNothingGoBackToTheirDefaults() {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "Reach level 10",
                new EventTrigger("level.reached", null), new Audience(Set.of("US"), Set.of(), Set.of(), "user.age >= 18"),
                null, null, ZoneId.of("Europe/Paris"), new CreateMomentCommand.BudgetSpec("USD", "100.00", "50.00",
                "10.00"), List.of(figure.id().value()), new Limits(2, null, Duration.ofDays(1), Duration.ZERO, null),
                20, null)).moment().id();

        MomentView edited = edit(id, d -> {
            d.audience = null;
            d.dailyCap = null;
            d.limits = null;
            d.holdoutPercent = null;
            d.timezone = null;
        });

        assertThat(edited.moment().audience()).isEqualTo(Audience.EVERYONE);
        assertThat(edited.budget().dailyCap()).isNull();
        assertThat(edited.moment().limits()).isEqualTo(Limits.defaults());
        assertThat(edited.moment().holdoutPercent()).isZero();
        assertThat(edited.moment().schedule().timezone()).isEqualTo(ZoneId.of("UTC"));
    }

    /** A moment paying for three levels reached, paused after user u-1 reached two. */
    private MomentId pausedWithUserOneTwoLevelsOfThree() {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "Three levels",
                new CountTrigger(new Match("level.reached", null), 3, null), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(figure.id().value()),
                null, null, null)).moment().id();
        change(id, LifecycleAction.LAUNCH);
        event("level.reached", "u-1", Map.of());
        event("level.reached", "u-1", Map.of());
        change(id, LifecycleAction.PAUSE);
        return id;
    }

    @Test
    void aNewTriggerStartsUsersProgressAgain() {
        MomentId id = pausedWithUserOneTwoLevelsOfThree();

        // another shape altogether: the old count cannot even be read as the state of an "all"
        edit(id, d -> d.trigger = new AllTrigger(List.of(new CountTrigger(new Match("level.reached", null), 3, null),
                new EventTrigger("tutorial.completed", null))));
        change(id, LifecycleAction.RESUME);

        assertThat(event("level.reached", "u-1", Map.of()).progress()).singleElement()
                .satisfies(p -> assertThat(p.complete()).isFalse());
        event("tutorial.completed", "u-1", Map.of());
        event("level.reached", "u-1", Map.of());
        assertThat(event("level.reached", "u-1", Map.of()).awards()).hasSize(1);
    }

    @Test
    void aNewTriggerOfTheSameShapeStartsUsersProgressAgainToo() {
        MomentId id = pausedWithUserOneTwoLevelsOfThree();

        edit(id, d -> d.trigger = new CountTrigger(new Match("level.reached", null), 4, null));
        change(id, LifecycleAction.RESUME);

        assertThat(event("level.reached", "u-1", Map.of()).progress()).singleElement()
                .satisfies(p -> assertThat(p.current()).isEqualByComparingTo("1"));
    }

    @Test
    void anEditHereDropsThisInstancesCopyOfTheMomentAtOnce_evenOneAnotherInstancePaused() {
        MomentId id = live();
        event("level.reached", "u-1", Map.of("level", new BigDecimal("1"))); // the index holds the LIVE moment
        Moment indexed = stored(id).moment();
        assertThat(app.momentRepository.updateStatus(indexed.pause(app.clock.now()),
                MomentStatus.LIVE)).as("paused by another instance").isTrue();

        edit(id, d -> d.trigger = new EventTrigger("tutorial.completed", null));

        assertThat(event("level.reached", "u-2", Map.of("level", new BigDecimal("1"))).progress())
                .as("a paused moment listens to nothing").isEmpty();
    }

    @Test
    void anEditThatKeepsTheTriggerKeepsUsersProgress() {
        MomentId id = pausedWithUserOneTwoLevelsOfThree();

        edit(id, d -> d.name = "Three levels, renamed");
        change(id, LifecycleAction.RESUME);

        assertThat(event("level.reached", "u-1", Map.of()).awards()).hasSize(1);
    }

    @Test
    void anotherPartnersMomentAndAnUnknownOneAreNotFound() {
        MomentId id = draft();
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        MomentView before = stored(id);

        assertThatThrownBy(() -> app.moments.edit(other, id, current -> {
            throw new AssertionError("another partner's moment must not be read");
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> edit(new MomentId("mom_nope"), d -> d.name = "x"))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored(id)).isEqualTo(before);
    }
}
