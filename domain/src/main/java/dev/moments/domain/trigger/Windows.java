package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;

/** Checks of the durations and thresholds triggers are made of. */
final class Windows {

    /** The longest window accepted: ten years. */
    static final Duration MAX_WITHIN = Duration.ofDays(3650);
    /** The largest count or number of days accepted. */
    static final long MAX_AT_LEAST = 10_000;

    private Windows() {
    }

    static Duration within(Duration within, boolean required) {
        if (within == null) {
            if (required) {
                throw new InvalidValueException("within", "within is required, an ISO-8601 duration such as P45D");
            }
            return null;
        }
        if (within.isNegative() || within.isZero()) {
            throw new InvalidValueException("within", "within must be a positive duration");
        }
        if (within.compareTo(MAX_WITHIN) > 0) {
            throw new InvalidValueException("within", "within is longer than ten years");
        }
        return within;
    }

    static long atLeast(long atLeast) {
        if (atLeast < 1) {
            throw new InvalidValueException("atLeast", "atLeast must be at least 1");
        }
        if (atLeast > MAX_AT_LEAST) {
            throw new InvalidValueException("atLeast", "atLeast must be at most " + MAX_AT_LEAST);
        }
        return atLeast;
    }
}
