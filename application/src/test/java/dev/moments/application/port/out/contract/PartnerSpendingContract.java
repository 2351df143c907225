package dev.moments.application.port.out.contract;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.PartnerSpending.Cap;
import dev.moments.application.port.out.PartnerSpending.Charge;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code PartnerSpending} must do. */
public abstract class PartnerSpendingContract extends ContractSupport {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private PartnerSpending spending() {
        return ports().spending();
    }

    private Charge charge(Partner partner, String amount, YearMonth month) {
        return tx(() -> spending().charge(partner.id(), usd(amount), month));
    }

    private void setCap(Partner partner, String cap, YearMonth now) {
        txRun(() -> spending().setCap(partner.id(), cap == null ? null : usd(cap), now));
    }

    private Optional<Cap> cap(Partner partner, YearMonth month) {
        return tx(() -> spending().cap(partner.id(), month));
    }

    private Money charged(Partner partner, YearMonth month) {
        return tx(() -> spending().charged(partner.id(), month));
    }

    /** A reservation of {@code amount} in the moment's budget at {@code at}, as an award makes it. */
    private AwardId reserve(Moment moment, String amount, Instant at) {
        AwardId award = new AwardId(unique("awd_"));
        txRun(() -> ports().ledger().reserve(moment.id(), usd(amount), award, at, LocalDate.ofInstant(at,
                ZoneOffset.UTC)));
        return award;
    }

    private void release(Moment moment, AwardId award, String amount, Instant reservedAt, Instant at) {
        txRun(() -> ports().ledger().release(moment.id(), award, usd(amount), LocalDate.ofInstant(reservedAt,
                ZoneOffset.UTC), at));
    }

    private Moment moment(Partner partner) {
        return givenMoment(partner, aMoment(), "10000.00", "10.00");
    }

    @Test
    void withoutACapNothingIsChargedAndNothingRefused() {
        Partner partner = givenPartner();
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.NO_CAP);
        assertThat(charge(partner, "999999.00", NOVEMBER)).isEqualTo(Charge.NO_CAP);
        assertThat(cap(partner, NOVEMBER)).isEmpty();
        assertThat(charged(partner, NOVEMBER)).isEqualTo(usd("0.00"));
    }

    @Test
    void aCapChargesUpToItsLimitAndNotOneCentMore() {
        Partner partner = givenPartner();
        setCap(partner, "30.00", NOVEMBER);
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.CHARGED);
        assertThat(charge(partner, "19.99", NOVEMBER)).isEqualTo(Charge.CHARGED);
        assertThat(charge(partner, "0.02", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);
        assertThat(charge(partner, "0.01", NOVEMBER)).isEqualTo(Charge.CHARGED);
        assertThat(charge(partner, "0.01", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);

        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("30.00"), usd("30.00")));
        assertThat(charged(partner, NOVEMBER)).isEqualTo(usd("30.00"));
    }

    @Test
    void aChargeIsVisibleToAReadInTheSameTransaction() {
        Partner partner = givenPartner();
        setCap(partner, "30.00", NOVEMBER);
        Optional<Cap> after = tx(() -> {
            spending().cap(partner.id(), NOVEMBER);
            spending().lock(partner.id());
            spending().charge(partner.id(), usd("10.00"), NOVEMBER);
            return spending().cap(partner.id(), NOVEMBER);
        });
        assertThat(after).contains(new Cap(usd("30.00"), usd("10.00")));
    }

    @Test
    void lockingOrReadingForACharge_answersTheCapAsItStands() {
        Partner capped = givenPartner();
        setCap(capped, "30.00", NOVEMBER);
        charge(capped, "10.00", NOVEMBER);
        Partner uncapped = givenPartner();

        assertThat(tx(() -> spending().lockCap(capped.id(), NOVEMBER)))
                .contains(new Cap(usd("30.00"), usd("10.00")));
        assertThat(tx(() -> spending().lockCap(capped.id(), DECEMBER))).contains(new Cap(usd("30.00"), usd("0.00")));
        assertThat(tx(() -> spending().lockCap(uncapped.id(), NOVEMBER))).isEmpty();
        // read for a charge made last: the same answers
        assertThat(tx(() -> spending().readCap(capped.id(), NOVEMBER))).contains(new Cap(usd("30.00"), usd("10.00")));
        assertThat(tx(() -> spending().readCap(capped.id(), DECEMBER))).contains(new Cap(usd("30.00"), usd("0.00")));
        assertThat(tx(() -> spending().readCap(uncapped.id(), NOVEMBER))).isEmpty();
    }

    @Test
    void aNewMonthStartsFromZeroAndTheMonthOnRecordNeverGoesBack() {
        Partner partner = givenPartner();
        setCap(partner, "20.00", NOVEMBER);
        charge(partner, "20.00", NOVEMBER);
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);

        assertThat(cap(partner, DECEMBER)).contains(new Cap(usd("20.00"), usd("0.00")));
        assertThat(charge(partner, "10.00", DECEMBER)).isEqualTo(Charge.CHARGED);
        // a caller that read its clock in November and came late counts against December, the month on record
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.CHARGED);
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);
        assertThat(cap(partner, DECEMBER)).contains(new Cap(usd("20.00"), usd("20.00")));
    }

    @Test
    void aGiveBackFreesTheCapOnlyWhileItsMonthIsOnRecord() {
        Partner partner = givenPartner();
        setCap(partner, "20.00", NOVEMBER);
        charge(partner, "10.00", NOVEMBER);
        charge(partner, "10.00", NOVEMBER);

        txRun(() -> spending().giveBack(partner.id(), usd("10.00"), NOVEMBER));
        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("20.00"), usd("10.00")));
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.CHARGED);

        assertThat(charge(partner, "20.00", DECEMBER)).isEqualTo(Charge.CHARGED);
        txRun(() -> spending().giveBack(partner.id(), usd("10.00"), NOVEMBER));
        assertThat(cap(partner, DECEMBER)).contains(new Cap(usd("20.00"), usd("20.00")));
        assertThat(charge(partner, "0.01", DECEMBER)).isEqualTo(Charge.MONTHLY_CAP);
    }

    @Test
    void aGiveBackNeverTakesTheMonthBelowZeroAndIsNothingWithoutACap() {
        Partner partner = givenPartner();
        txRun(() -> spending().giveBack(partner.id(), usd("10.00"), NOVEMBER));
        assertThat(cap(partner, NOVEMBER)).isEmpty();

        setCap(partner, "20.00", NOVEMBER);
        charge(partner, "5.00", NOVEMBER);
        txRun(() -> spending().giveBack(partner.id(), usd("10.00"), NOVEMBER));
        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("20.00"), usd("0.00")));
    }

    @Test
    void aNewCapStartsFromTheMonthsReservationsLessThoseOfThemReleasedInTheMonth() {
        Partner partner = givenPartner();
        Moment first = moment(partner);
        Moment second = moment(partner);
        Instant octoberEnd = Instant.parse("2026-10-31T23:59:59Z");
        Instant novemberStart = Instant.parse("2026-11-01T00:00:00Z");
        Instant mid = Instant.parse("2026-11-15T12:00:00Z");
        AwardId fromOctober = reserve(first, "10.00", octoberEnd);       // October's: not this month's charge
        release(first, fromOctober, "10.00", octoberEnd, novemberStart);  // so neither is its release
        reserve(first, "10.00", novemberStart);
        AwardId released = reserve(second, "10.00", mid);
        reserve(second, "10.00", mid.plusSeconds(1));
        release(second, released, "10.00", mid, mid.plusSeconds(2));
        AwardId releasedInDecember = reserve(second, "10.00", mid.plusSeconds(3));
        release(second, releasedInDecember, "10.00", mid, Instant.parse("2026-12-01T00:00:00Z"));
        reserve(moment(givenPartner()), "10.00", mid);                    // another partner's

        assertThat(charged(partner, NOVEMBER)).isEqualTo(usd("30.00"));
        setCap(partner, "50.00", NOVEMBER);

        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("50.00"), usd("30.00")));
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.CHARGED);
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.CHARGED);
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);
    }

    @Test
    void aCapBelowWhatTheMonthAlreadyChargedIsAllowedAndRefusesEveryCharge() {
        Partner partner = givenPartner();
        Moment moment = moment(partner);
        Instant at = NOVEMBER.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < 5; i++) {
            reserve(moment, "10.00", at.plusSeconds(i));
        }
        setCap(partner, "30.00", NOVEMBER);
        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("30.00"), usd("50.00")));
        assertThat(charge(partner, "0.01", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);
        assertThat(charge(partner, "10.00", DECEMBER)).isEqualTo(Charge.CHARGED);
    }

    @Test
    void removingTheCapStopsCountingAndAnotherCapCountsAgainFromTheLedger() {
        Partner partner = givenPartner();
        Moment moment = moment(partner);
        Instant at = NOVEMBER.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        setCap(partner, "20.00", NOVEMBER);
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.CHARGED);
        reserve(moment, "10.00", at);

        setCap(partner, null, NOVEMBER);
        assertThat(cap(partner, NOVEMBER)).isEmpty();
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.NO_CAP);
        reserve(moment, "10.00", at.plusSeconds(1));
        assertThat(charged(partner, NOVEMBER)).isEqualTo(usd("20.00"));

        setCap(partner, "25.00", NOVEMBER);
        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("25.00"), usd("20.00")));
        assertThat(charge(partner, "10.00", NOVEMBER)).isEqualTo(Charge.MONTHLY_CAP);
        assertThat(charge(partner, "5.00", NOVEMBER)).isEqualTo(Charge.CHARGED);
    }

    @Test
    void anEarlierMonthIsReadFromTheLedger() {
        Partner partner = givenPartner();
        Moment moment = moment(partner);
        reserve(moment, "10.00", Instant.parse("2026-11-20T00:00:00Z"));
        setCap(partner, "100.00", NOVEMBER);
        assertThat(charge(partner, "10.00", DECEMBER)).isEqualTo(Charge.CHARGED);

        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("100.00"), usd("10.00")));
        assertThat(charged(partner, NOVEMBER)).isEqualTo(usd("10.00"));
        assertThat(charged(partner, DECEMBER)).isEqualTo(usd("10.00"));
    }

    @Test
    void anUnknownPartnerHasNoSpendingToSet() {
        PartnerId nobody = new PartnerId(unique("ptn_"));
        assertThatThrownBy(() -> txRun(() -> spending().setCap(nobody, usd("10.00"), NOVEMBER)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> tx(() -> spending().charged(nobody, NOVEMBER)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aChargeInAnotherCurrencyIsRefusedLoudly() {
        Partner partner = givenPartner();
        setCap(partner, "100.00", NOVEMBER);
        assertThatThrownBy(() -> tx(() -> spending().charge(partner.id(), Money.of("10.00", "EUR"), NOVEMBER)))
                .isInstanceOf(RuntimeException.class);
        assertThat(cap(partner, NOVEMBER)).contains(new Cap(usd("100.00"), usd("0.00")));
    }
}
