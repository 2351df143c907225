package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.in.DirectAwardUseCase.DirectAwardCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.PartnerView;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.application.port.in.Statement;
import dev.moments.application.port.out.PartnerSpending.Cap;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner's monthly cap across all its moments, on in-memory ports: charge, refuse, give back, new months. */
class MonthlyCapTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme");
        reward = app.sandboxCredit(partner);
    }

    private MomentId moment(String type, String total, String dailyCap, Limits limits) {
        MomentView view = app.moments.create(new CreateMomentCommand(partner, "On " + type,
                new EventTrigger(type, null), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", total, dailyCap, "10.00"), List.of(reward), limits, null,
                null));
        return view.moment().id();
    }

    private MomentId live(String type, String total) {
        return launch(moment(type, total, null, null));
    }

    private MomentId launch(MomentId moment) {
        app.moments.change(partner, moment, LifecycleAction.LAUNCH);
        return moment;
    }

    private EventResult event(String type, String user) {
        return event(type, user, false);
    }

    private EventResult event(String type, String user, boolean testUser) {
        app.clock.advance(Duration.ofSeconds(1));
        return app.events.record(new RecordEventCommand(partner, "evt-" + type + user + app.clock.now(), type, user,
                null, null, Map.of("total", BigDecimal.TEN), new EventContext(null, null, null, testUser), null));
    }

    private void setCap(String cap) {
        app.partners.setMonthlyCap(partner, cap);
    }

    private Cap cap() {
        return app.spending.cap(partner, YearMonth.from(app.clock.now().atOffset(ZoneOffset.UTC)))
                .orElseThrow();
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void theCapCountsEveryMomentOfThePartnerAndRefusesTheActionThatWouldExceedIt() {
        MomentId orders = live("order", "1000.00");
        MomentId signups = live("signup", "1000.00");
        setCap("30.00");

        assertThat(event("order", "u-1").awards()).hasSize(1);
        assertThat(event("signup", "u-2").awards()).hasSize(1);
        assertThat(event("order", "u-3").awards()).hasSize(1);
        assertThat(event("signup", "u-4").awards()).isEmpty();
        assertThat(event("order", "u-5").awards()).isEmpty();

        assertThat(cap()).isEqualTo(new Cap(usd("30.00"), usd("30.00")));
        assertThat(app.moments.get(partner, orders).moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(app.moments.get(partner, signups).moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(app.moments.get(partner, signups).budgetState().reserved()).isEqualTo(usd("10.00"));
        assertThat(app.explain.explain(partner, "u-4", signups).reasons()).contains("MONTHLY_CAP");
        assertThat(app.explain.explain(partner, "someone", orders).reasons()).contains("MONTHLY_CAP");
        assertThat(app.progressRepository.find(partner, signups, "u-4").orElseThrow().lastRefusal())
                .isEqualTo("MONTHLY_CAP");
    }

    @Test
    void dryRunsAndPreviewsSayMonthlyCapToo() {
        MomentId orders = live("order", "1000.00");
        setCap("10.00");
        event("order", "u-1");

        EventResult dryRun = app.events.dryRun(new RecordEventCommand(partner, "evt-dry", "order", "u-2", null, null,
                Map.of(), null, null));
        assertThat(dryRun.awards()).isEmpty();
        assertThat(app.directAwards.preview(new DirectAwardCommand(partner, orders, "u-2", null, EventContext.NONE))
                .reason()).isEqualTo("MONTHLY_CAP");
    }

    @Test
    void aCancelledOrExpiredAwardGivesItsChargeBackSoTheNextCompletionIsPaid() {
        live("order", "1000.00");
        launch(moment("signup", "1000.00", null, new Limits(1, null, null, Duration.ZERO, Duration.ofDays(2))));
        setCap("20.00");
        AwardView first = event("order", "u-1").awards().get(0);
        event("signup", "u-2");
        assertThat(event("order", "u-3").awards()).isEmpty();

        app.cancelAward.cancel(partner, first.award().id());
        assertThat(cap().charged()).isEqualTo(usd("10.00"));
        assertThat(event("order", "u-3").awards()).hasSize(1);
        assertThat(event("order", "u-4").awards()).isEmpty();

        app.clock.advance(Duration.ofDays(3)); // still November: the signup award expires
        assertThat(app.expireAwards.expireDue(100).expired()).isEqualTo(1);
        assertThat(cap().charged()).isEqualTo(usd("10.00"));
        assertThat(event("order", "u-4").awards()).hasSize(1);
    }

    @Test
    void aNewMonthStartsFromZeroAndAReleaseOfLastMonthGivesNothingBackToThisOne() {
        live("order", "1000.00");
        setCap("20.00");
        app.clock.set(Instant.parse("2026-11-30T23:59:00Z"));
        AwardView november = event("order", "u-1").awards().get(0);
        event("order", "u-2");
        assertThat(event("order", "u-3").awards()).isEmpty();

        app.clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(event("order", "u-3").awards()).hasSize(1);
        assertThat(cap()).isEqualTo(new Cap(usd("20.00"), usd("10.00")));
        app.cancelAward.cancel(partner, november.award().id());
        assertThat(cap()).isEqualTo(new Cap(usd("20.00"), usd("10.00")));
        assertThat(event("order", "u-4").awards()).hasSize(1);
        assertThat(event("order", "u-5").awards()).isEmpty();
    }

    @Test
    void aCapSetMidMonthStartsFromWhatTheMonthAlreadyCharged() {
        live("order", "1000.00");
        AwardView cancelled = event("order", "u-1").awards().get(0);
        event("order", "u-2");
        event("order", "u-3");
        app.cancelAward.cancel(partner, cancelled.award().id());

        PartnerView view = app.partners.setMonthlyCap(partner, "30.00");

        assertThat(view.monthlyCap()).isEqualTo(usd("30.00"));
        assertThat(view.chargedThisMonth()).isEqualTo(usd("20.00"));
        assertThat(view.month()).isEqualTo(NOVEMBER);
        assertThat(event("order", "u-4").awards()).hasSize(1);
        assertThat(event("order", "u-5").awards()).isEmpty();
    }

    @Test
    void aCapBelowWhatIsChargedStopsEveryAwardAndRemovingItPaysAgain() {
        live("order", "1000.00");
        event("order", "u-1");
        event("order", "u-2");
        PartnerView lowered = app.partners.setMonthlyCap(partner, "15.00");
        assertThat(lowered.chargedThisMonth()).isEqualTo(usd("20.00"));
        assertThat(event("order", "u-3").awards()).isEmpty();

        PartnerView removed = app.partners.setMonthlyCap(partner, null);
        assertThat(removed.monthlyCap()).isNull();
        assertThat(removed.chargedThisMonth()).isEqualTo(usd("20.00"));
        assertThat(event("order", "u-3").awards()).hasSize(1);
        assertThat(app.partners.get(partner).chargedThisMonth()).isEqualTo(usd("30.00"));
    }

    @Test
    void aBudgetOrDailyCapRefusalGivesThePartnersChargeBack() {
        MomentId small = live("order", "10.00");
        launch(moment("signup", "1000.00", "10.00", null));
        setCap("100.00");
        // the budget spent behind the moment's back: it is still LIVE, so the partner is charged before the budget
        // refuses
        app.ledger.reserve(small, usd("10.00"), new AwardId("awd_elsewhere"), app.clock.now(),
                LocalDate.ofInstant(app.clock.now(), ZoneOffset.UTC));

        assertThat(event("order", "u-1").awards()).isEmpty();
        assertThat(app.progressRepository.find(partner, small, "u-1").orElseThrow().lastRefusal())
                .isEqualTo("BUDGET_EXHAUSTED");
        assertThat(cap().charged()).isEqualTo(usd("0.00"));
        assertThat(event("signup", "u-2").awards()).hasSize(1);
        assertThat(event("signup", "u-3").awards()).isEmpty(); // the daily cap
        assertThat(cap().charged()).isEqualTo(usd("10.00"));
    }

    @Test
    void testMomentsChargeNothing() {
        MomentId moment = moment("order", "1000.00", null, null);
        app.moments.change(partner, moment, LifecycleAction.TEST);
        setCap("10.00");
        assertThat(event("order", "tester-1", true).awards()).hasSize(1);
        assertThat(event("order", "tester-2", true).awards()).hasSize(1);
        assertThat(cap().charged()).isEqualTo(usd("0.00"));
    }

    @Test
    void aPartnerCanBeCreatedWithACapAndReadWithThisMonthsCharges() {
        PartnerCreated created = app.partners.create(new CreatePartnerCommand("Capped", "JPY", "2000"));
        assertThat(created.monthlyCap()).isEqualTo(Money.of("2000", "JPY"));
        PartnerView view = app.partners.get(created.partner().id());
        assertThat(view.monthlyCap()).isEqualTo(Money.of("2000", "JPY"));
        assertThat(view.chargedThisMonth()).isEqualTo(Money.of("0", "JPY"));
        assertThat(view.month()).isEqualTo(NOVEMBER);
        assertThat(app.partners.get(partner).monthlyCap()).isNull();
    }

    @Test
    void aCapMustBeAPositiveAmountOfThePartnersCurrency() {
        for (String bad : List.of("0", "0.00", "-5.00", "10.001", "ten", "", "1e3", "10000000000000")) {
            assertThatThrownBy(() -> app.partners.setMonthlyCap(partner, bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("monthlyCap"));
            assertThatThrownBy(() -> app.partners.create(new CreatePartnerCommand("Acme", "USD", bad))).as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("monthlyCap"));
        }
        assertThat(app.partners.setMonthlyCap(partner, "10.5").monthlyCap()).isEqualTo(usd("10.50"));
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        PartnerId nobody = new PartnerId("ptn_nobody");
        assertThatThrownBy(() -> app.partners.setMonthlyCap(nobody, "10.00")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.partners.get(nobody)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theStatementShowsTheCapAndWhatTheMonthChargedAgainstIt() {
        live("order", "1000.00");
        event("order", "u-1");
        setCap("50.00");
        event("order", "u-2");

        Statement statement = app.statements.statement(partner, NOVEMBER);
        assertThat(statement.monthlyCap()).isEqualTo(usd("50.00"));
        assertThat(statement.chargedAgainstCap()).isEqualTo(usd("20.00"));
        Statement october = app.statements.statement(partner, NOVEMBER.minusMonths(1));
        assertThat(october.chargedAgainstCap()).isEqualTo(usd("0.00"));
    }
}
