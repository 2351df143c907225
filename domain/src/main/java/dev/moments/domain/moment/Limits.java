package dev.moments.domain.moment;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * What keeps a moment from being gamed or from paying too often.
 *
 * @param perUser most awards one user can earn on the moment (repeat completions)
 * @param perDevice most awards earned on one device, or {@code null} for no limit
 * @param cooldown least time between two awards of one user, or {@code null}
 * @param redeemAfter how long after earning before the link works
 * @param claimWithin how long the link works, or {@code null} for no expiry
 * @param perIp most awards earned from one client address within a window, or {@code null} for no limit
 * @param minAccountAge least age of the user's account (their {@code createdAt} attribute) at the completion, or
 *     {@code null}; a user of unknown age is refused
 * @param review which completions wait for the partner's review (the moment's {@code review}), or {@code null}
 */
public record Limits(int perUser, Integer perDevice, Duration cooldown, Duration redeemAfter, Duration claimWithin,
                     PerIp perIp, Duration minAccountAge, Review review) {

    /**
     * At most {@code max} awards earned from one client address within any {@code within}.
     */
    public record PerIp(int max, Duration within) {

        public PerIp {
            if (max < 1 || max > MAX_PER_USER) {
                throw new InvalidValueException("limits.perIp.max", "max must be between 1 and " + MAX_PER_USER);
            }
            if (within == null || within.isNegative() || within.isZero()) {
                throw new InvalidValueException("limits.perIp.within", "within must be a positive duration");
            }
            requireNonNegative(within, "limits.perIp.within");
        }
    }

    /** Limits without velocity rules. */
    public Limits(int perUser, Integer perDevice, Duration cooldown, Duration redeemAfter, Duration claimWithin) {
        this(perUser, perDevice, cooldown, redeemAfter, claimWithin, null, null);
    }

    /** Limits without a review rule. */
    public Limits(int perUser, Integer perDevice, Duration cooldown, Duration redeemAfter, Duration claimWithin,
                  PerIp perIp, Duration minAccountAge) {
        this(perUser, perDevice, cooldown, redeemAfter, claimWithin, perIp, minAccountAge, null);
    }

    /** The same limits with this review rule (or none). */
    public Limits withReview(Review review) {
        return new Limits(perUser, perDevice, cooldown, redeemAfter, claimWithin, perIp, minAccountAge, review);
    }

    /** The most repeat completions one user may be paid for. */
    public static final int MAX_PER_USER = 10_000;

    public Limits {
        Objects.requireNonNull(redeemAfter, "redeemAfter");
        if (perUser < 1 || perUser > MAX_PER_USER) {
            throw new InvalidValueException("limits.perUser", "perUser must be between 1 and " + MAX_PER_USER);
        }
        if (perDevice != null && (perDevice < 1 || perDevice > MAX_PER_USER)) {
            throw new InvalidValueException("limits.perDevice", "perDevice must be between 1 and " + MAX_PER_USER);
        }
        requireNonNegative(cooldown, "limits.cooldown");
        requireNonNegative(redeemAfter, "limits.redeemAfter");
        requireNonNegative(claimWithin, "limits.claimWithin");
        if (claimWithin != null && claimWithin.isZero()) {
            throw new InvalidValueException("limits.claimWithin", "claimWithin must be positive");
        }
        requireNonNegative(minAccountAge, "limits.minAccountAge");
    }

    /** One award per user, redeemable at once, never expiring. */
    public static Limits defaults() {
        return new Limits(1, null, null, Duration.ZERO, null);
    }

    /** The longest duration a limit may have: ten years. */
    public static final Duration MAX_DURATION = Duration.ofDays(3650);

    private static void requireNonNegative(Duration duration, String field) {
        if (duration != null && duration.isNegative()) {
            throw new InvalidValueException(field, field.substring(field.lastIndexOf('.') + 1)
                    + " must not be negative");
        }
        if (duration != null && duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidValueException(field, field.substring(field.lastIndexOf('.') + 1)
                    + " must be at most ten years");
        }
    }
}
