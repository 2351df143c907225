package dev.moments.application.port.in;

import dev.moments.domain.shared.InvalidValueException;

/**
 * What an operator says to create a partner: its name, the ISO-4217 currency it pays in, and optionally a monthly
 * spending cap across all its moments (a decimal string in that currency, {@code null} for none).
 */
public record CreatePartnerCommand(String name, String currency, String monthlyCap) {

    public CreatePartnerCommand {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "name is required");
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidValueException("currency", "currency is required");
        }
    }

    /** A partner without a monthly cap. */
    public CreatePartnerCommand(String name, String currency) {
        this(name, currency, null);
    }
}
