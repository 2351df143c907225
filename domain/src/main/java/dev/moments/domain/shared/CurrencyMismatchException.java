package dev.moments.domain.shared;

import java.util.Currency;

/** Two amounts in different currencies were combined; money never converts silently. */
public final class CurrencyMismatchException extends DomainException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("expected an amount in " + expected.getCurrencyCode() + " but got " + actual.getCurrencyCode());
    }

    @Override
    public String code() {
        return "currency-mismatch";
    }
}
