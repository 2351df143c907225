package dev.moments.domain.report;

/**
 * An estimate with its confidence interval, e.g. a difference of two proportions and its 95% bounds.
 *
 * @param estimate the point estimate
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record Interval(double estimate, double lower, double upper) {

    public Interval {
        if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("an interval has numbers, not NaN");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " is above upper " + upper);
        }
    }

    /** Whether the interval holds {@code value}. */
    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }

    /** Whether zero lies outside the interval: the difference is significant at the interval's level. */
    public boolean excludesZero() {
        return !covers(0);
    }
}
