package dev.moments.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. The scale never exceeds the currency's minor unit, amounts in different
 * currencies never mix, and nothing here is ever a floating-point number.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Amounts beyond this are refused as absurd: no budget of a partner comes near a trillion. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidValueException("amount", currency.getCurrencyCode() + " amounts have at most " + digits
                    + " decimal places, got " + amount.toPlainString());
        }
        if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidValueException("amount", "amount " + amount.toPlainString() + " is too large");
        }
        amount = amount.setScale(digits);
    }

    /** Parses a decimal string and an ISO-4217 code, refusing unknown currencies and malformed amounts. */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /** An amount in an already known currency. */
    public static Money of(String amount, Currency currency) {
        return new Money(parseAmount(amount), currency);
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Looks up an ISO-4217 currency by code. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidValueException("currency", "currency must be a three-letter ISO-4217 code, got " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "unknown currency " + code);
        }
    }

    private static BigDecimal parseAmount(String amount) {
        if (amount == null || !amount.matches("-?\\d{1,15}(\\.\\d{1,10})?")) {
            throw new InvalidValueException("amount", "amount must be a decimal string such as \"10.00\", got " + amount);
        }
        return new BigDecimal(amount);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount {@code count} times over: what {@code count} actions at this price cost. */
    public Money times(int count) {
        return new Money(amount.multiply(BigDecimal.valueOf(count)), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** Refuses an amount of another currency. */
    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** The amount as the contract writes it: a plain decimal string such as {@code "10.00"}. */
    public String toDecimalString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
