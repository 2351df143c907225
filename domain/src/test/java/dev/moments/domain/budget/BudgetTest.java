package dev.moments.domain.budget;

import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import org.junit.jupiter.api.Test;

class BudgetTest {

    private static final MomentId MOMENT = new MomentId("mom_test");

    private final Budget twoActions = Budget.open(MOMENT, usd("20.00"), null, usd("10.00"));

    @Test
    void aNewBudgetHasNothingReservedOrSpent() {
        assertThat(twoActions.reserved()).isEqualTo(usd("0.00"));
        assertThat(twoActions.spent()).isEqualTo(usd("0.00"));
        assertThat(twoActions.remaining()).isEqualTo(usd("20.00"));
    }

    @Test
    void givenBudgetForTwoActions_twoReservationsSucceedAndTheThirdIsRefused() {
        Budget afterTwo = twoActions.reserve(usd("10.00")).reserve(usd("10.00"));
        assertThat(afterTwo.remaining()).isEqualTo(usd("0.00"));
        assertThat(afterTwo.canPayOneAction()).isFalse();
        assertThatThrownBy(() -> afterTwo.reserve(usd("10.00"))).isInstanceOf(BudgetExhaustedException.class);
    }

    @Test
    void settlingChargesTheRewardsCostAndGivesBackTheRest() {
        Budget settled = twoActions.reserve(usd("10.00")).settle(usd("10.00"), usd("8.00"));
        assertThat(settled.spent()).isEqualTo(usd("8.00"));
        assertThat(settled.reserved()).isEqualTo(usd("0.00"));
        assertThat(settled.remaining()).isEqualTo(usd("12.00"));
    }

    @Test
    void settlingForMoreThanTheReservationIsRefused() {
        Budget reserved = twoActions.reserve(usd("10.00"));
        assertThatThrownBy(() -> reserved.settle(usd("10.00"), usd("10.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releasingGivesBackTheWholeReservation() {
        Budget released = twoActions.reserve(usd("10.00")).release(usd("10.00"));
        assertThat(released.reserved()).isEqualTo(usd("0.00"));
        assertThat(released.remaining()).isEqualTo(usd("20.00"));
    }

    @Test
    void nothingCanBeReleasedOrSettledThatWasNotReserved() {
        assertThatThrownBy(() -> twoActions.release(usd("10.00"))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot give back");
        assertThatThrownBy(() -> twoActions.settle(usd("10.00"), usd("5.00"))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot give back");
        Budget tenReserved = twoActions.reserve(usd("10.00"));
        assertThatThrownBy(() -> tenReserved.release(usd("15.00"))).hasMessageStartingWith("cannot give back");
    }

    @Test
    void onlyPositiveAmountsAreReservedSettledOrReleased() {
        Budget tenReserved = twoActions.reserve(usd("10.00"));
        for (Money notPositive : new Money[] {usd("0.00"), usd("-10.00"), null}) {
            assertThatThrownBy(() -> twoActions.reserve(notPositive)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tenReserved.settle(notPositive, usd("0.00")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tenReserved.release(notPositive)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aClaimOfAFreeRewardSettlesAtZero_andGivesBackTheWholeReservation() {
        Budget settled = twoActions.reserve(usd("10.00")).settle(usd("10.00"), usd("0.00"));
        assertThat(settled.spent()).isEqualTo(usd("0.00"));
        assertThat(settled.remaining()).isEqualTo(usd("20.00"));
        assertThatThrownBy(() -> twoActions.reserve(usd("10.00")).settle(usd("10.00"), usd("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBudgetIsLowOnceEightyPercentIsReservedOrSpent() {
        Budget hundred = Budget.open(MOMENT, usd("100.00"), null, usd("0.01"));

        assertThat(hundred.isLow()).isFalse();
        assertThat(hundred.reserve(usd("79.99")).isLow()).isFalse();
        assertThat(hundred.reserve(usd("80.00")).isLow()).isTrue();
        assertThat(hundred.reserve(usd("50.00")).settle(usd("50.00"), usd("40.00")).reserve(usd("40.00")).isLow())
                .as("40 spent and 40 reserved").isTrue();
        assertThat(Budget.open(MOMENT, usd("0.00"), null, usd("1.00")).isLow()).as("nothing to spend").isTrue();
    }

    @Test
    void anExhaustedBudgetSaysWhatIsLeftAndWhatWasAsked_underItsProblemCode() {
        Budget afterTwo = twoActions.reserve(usd("10.00")).reserve(usd("10.00"));

        assertThatThrownBy(() -> afterTwo.reserve(usd("10.00"))).isInstanceOfSatisfying(BudgetExhaustedException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("budget-exhausted");
                    assertThat(e.getMessage()).startsWith("moment mom_test has ");
                });
    }

    @Test
    void aTopUpMakesAnExhaustedBudgetPayAgain() {
        Budget exhausted = twoActions.reserve(usd("10.00")).reserve(usd("10.00"));
        Budget toppedUp = exhausted.topUp(usd("10.00"));
        assertThat(toppedUp.canPayOneAction()).isTrue();
        assertThat(toppedUp.total()).isEqualTo(usd("30.00"));
    }

    @Test
    void aTopUpMustBePositiveAndInTheBudgetsCurrency() {
        assertThatThrownBy(() -> twoActions.topUp(usd("0.00"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> twoActions.topUp(usd("-5.00"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> twoActions.topUp(Money.of("5.00", "EUR"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aBudgetCanNeverBeBuiltOverspentOrNegative() {
        assertThatThrownBy(() -> new Budget(MOMENT, usd("10.00"), null, usd("5.00"), usd("6.00"), usd("5.00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Budget(MOMENT, usd("10.00"), null, usd("5.00"), usd("-1.00"), usd("0.00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Budget.open(MOMENT, usd("-1.00"), null, usd("5.00")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.total");
    }

    @Test
    void thePricePerActionMustBePositiveAndTheDailyCapMustPayAtLeastOneAction() {
        assertThatThrownBy(() -> Budget.open(MOMENT, usd("10.00"), null, usd("0.00")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.costPerAction");
        assertThatThrownBy(() -> Budget.open(MOMENT, usd("10.00"), usd("5.00"), usd("10.00")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.dailyCap");
    }

    @Test
    void allAmountsOfABudgetAreInOneCurrency() {
        assertThatThrownBy(() -> Budget.open(MOMENT, usd("10.00"), null, Money.of("1.00", "EUR")))
                .isInstanceOf(InvalidValueException.class);
        Money euro = Money.of("0.00", "EUR");
        assertThatThrownBy(() -> new Budget(MOMENT, usd("10.00"), null, usd("1.00"), euro, usd("0.00")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.reserved");
        assertThatThrownBy(() -> new Budget(MOMENT, usd("10.00"), null, usd("1.00"), usd("0.00"), euro))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.spent");
        assertThatThrownBy(() -> Budget.open(MOMENT, usd("10.00"), Money.of("5.00", "EUR"), usd("1.00")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("budget.dailyCap");
    }
}
