package dev.moments.domain.moment;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A moment's review rule: a completion paid more than {@code above} waits in {@code PENDING_REVIEW}, its price reserved
 * and its link not yet usable, until the partner approves or rejects it; one nobody decided on within
 * {@code autoRejectAfter} of being earned is rejected.
 *
 * @param above the price above which a completion is held, in the budget's currency (0 holds every paid one)
 * @param autoRejectAfter how long a held award waits for a decision, at most a year
 */
public record Review(BigDecimal above, Duration autoRejectAfter) {

    /** How long a held award waits when the moment does not say: 30 days. */
    public static final Duration DEFAULT_AUTO_REJECT_AFTER = Duration.ofDays(30);

    /** The longest wait for a decision. */
    public static final Duration MAX_AUTO_REJECT_AFTER = Duration.ofDays(365);

    public Review {
        if (above == null) {
            throw new InvalidValueException("review.above", "above is required: a price such as \"25.00\"");
        }
        if (above.signum() < 0 || above.compareTo(Money.MAX_AMOUNT) > 0) {
            throw new InvalidValueException("review.above", "above must be between 0 and " + Money.MAX_AMOUNT);
        }
        autoRejectAfter = autoRejectAfter == null ? DEFAULT_AUTO_REJECT_AFTER : autoRejectAfter;
        if (autoRejectAfter.isNegative() || autoRejectAfter.isZero()
                || autoRejectAfter.compareTo(MAX_AUTO_REJECT_AFTER) > 0) {
            throw new InvalidValueException("review.autoRejectAfter",
                    "autoRejectAfter must be a positive duration of at most a year");
        }
    }

    /** Whether a completion at {@code price} is held for review. */
    public boolean holds(Money price) {
        Objects.requireNonNull(price, "price");
        return price.amount().compareTo(above) > 0;
    }
}
