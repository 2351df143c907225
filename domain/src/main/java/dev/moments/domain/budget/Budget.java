package dev.moments.domain.budget;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The money a partner put behind one moment, and the price it pays per completed action. Completion
 * <em>reserves</em> the price; a claim <em>settles</em> at the chosen reward's cost and gives back the rest;
 * expiry or cancellation <em>releases</em> it all. No operation can make any amount negative or let
 * {@code spent + reserved} exceed {@code total}: overspending is a defect, not a tolerance.
 *
 * @param dailyCap the most that may be charged in one calendar day of the moment's time zone, or {@code null}
 */
public record Budget(MomentId momentId, Money total, Money dailyCap, Money costPerAction, Money reserved, Money spent) {

    public Budget {
        Objects.requireNonNull(momentId, "momentId");
        if (total == null) {
            throw new InvalidValueException("budget.total", "total is required");
        }
        if (costPerAction == null) {
            throw new InvalidValueException("budget.costPerAction", "costPerAction is required");
        }
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(spent, "spent");
        sameCurrency(total, costPerAction, "budget.costPerAction");
        sameCurrency(total, reserved, "budget.reserved");
        sameCurrency(total, spent, "budget.spent");
        if (total.isNegative()) {
            throw new InvalidValueException("budget.total", "total must not be negative");
        }
        if (!costPerAction.isPositive()) {
            throw new InvalidValueException("budget.costPerAction", "costPerAction must be positive");
        }
        if (dailyCap != null) {
            sameCurrency(total, dailyCap, "budget.dailyCap");
            if (!dailyCap.isPositive()) {
                throw new InvalidValueException("budget.dailyCap", "dailyCap must be positive");
            }
            if (dailyCap.isLessThan(costPerAction)) {
                throw new InvalidValueException("budget.dailyCap", "dailyCap cannot pay one action of " + costPerAction);
            }
        }
        if (reserved.isNegative() || spent.isNegative()) {
            throw new IllegalStateException("a budget amount went negative: reserved " + reserved + ", spent " + spent);
        }
        if (reserved.plus(spent).isGreaterThan(total)) {
            throw new IllegalStateException("spent " + spent + " + reserved " + reserved + " exceed total " + total);
        }
    }

    /** A budget is low once it has used (reserved or spent) this share, in percent, of its total. */
    public static final int LOW_PERCENT_USED = 80;

    /** Whether the budget has used {@link #LOW_PERCENT_USED} percent of its total or more. */
    public boolean isLow() {
        return reserved.plus(spent).amount().multiply(BigDecimal.valueOf(100))
                .compareTo(total.amount().multiply(BigDecimal.valueOf(LOW_PERCENT_USED))) >= 0;
    }

    /** A new budget with nothing reserved or spent. */
    public static Budget open(MomentId momentId, Money total, Money dailyCap, Money costPerAction) {
        Money zero = Money.zero(total.currency());
        return new Budget(momentId, total, dailyCap, costPerAction, zero, zero);
    }

    /** What is neither spent nor reserved. */
    public Money remaining() {
        return total.minus(spent).minus(reserved);
    }

    /** Whether one more action can be paid at the price per action. */
    public boolean canPayOneAction() {
        return canPay(costPerAction);
    }

    /** Whether one more action can be paid at {@code price} (a variant's). */
    public boolean canPay(Money price) {
        return !remaining().isLessThan(price);
    }

    /** Sets aside {@code amount} for an earned award; refused if the remaining budget cannot cover it. */
    public Budget reserve(Money amount) {
        requirePositive(amount);
        if (remaining().isLessThan(amount)) {
            throw new BudgetExhaustedException(momentId, remaining(), amount);
        }
        return new Budget(momentId, total, dailyCap, costPerAction, reserved.plus(amount), spent);
    }

    /** Charges {@code cost} out of a reservation of {@code reservation} and gives back the difference. */
    public Budget settle(Money reservation, Money cost) {
        requirePositive(reservation);
        if (cost.isNegative() || cost.isGreaterThan(reservation)) {
            throw new IllegalArgumentException("cost " + cost + " must be between zero and the reservation " + reservation);
        }
        requireReserved(reservation);
        return new Budget(momentId, total, dailyCap, costPerAction, reserved.minus(reservation), spent.plus(cost));
    }

    /** Gives back a whole reservation, e.g. when an award expires or is cancelled. */
    public Budget release(Money reservation) {
        requirePositive(reservation);
        requireReserved(reservation);
        return new Budget(momentId, total, dailyCap, costPerAction, reserved.minus(reservation), spent);
    }

    /** Adds money to the total. */
    public Budget topUp(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new InvalidValueException("amount", "a top-up must be a positive amount");
        }
        sameCurrency(total, amount, "currency");
        return new Budget(momentId, total.plus(amount), dailyCap, costPerAction, reserved, spent);
    }

    private void requireReserved(Money reservation) {
        if (reservation.isGreaterThan(reserved)) {
            throw new IllegalStateException("cannot give back " + reservation + ": only " + reserved + " is reserved");
        }
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
    }

    private static void sameCurrency(Money reference, Money other, String field) {
        if (!reference.currency().equals(other.currency())) {
            throw new InvalidValueException(field, "must be in " + reference.currency().getCurrencyCode()
                    + ", the budget's currency");
        }
    }
}
