package dev.moments.domain.partner;

import dev.moments.domain.shared.Text;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * A tenant of Moments: an app or shop that defines moments, owns a reward catalog and pays for completed
 * actions in its own currency.
 */
public record Partner(PartnerId id, String name, Currency currency, Instant createdAt) {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        name = requireName(name);
    }

    static String requireName(String name) {
        return Text.name("name", name, MAX_NAME_LENGTH);
    }
}
