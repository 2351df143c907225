package dev.moments.application.port.in;

import dev.moments.domain.shared.InvalidValueException;

/** What an operator says to create a partner: its name and the ISO-4217 currency it pays in. */
public record CreatePartnerCommand(String name, String currency) {

    public CreatePartnerCommand {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "name is required");
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidValueException("currency", "currency is required");
        }
    }
}
