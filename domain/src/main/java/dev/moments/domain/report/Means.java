package dev.moments.domain.report;

/**
 * The difference of two means from independent samples with unequal variances, and its Welch interval: the standard
 * error from each sample's own variance, and Student's t at the Welch–Satterthwaite degrees of freedom. What the
 * report uses for revenue per user (ARPU) in treatment and in control.
 */
public final class Means {

    private Means() {
    }

    /**
     * A sample summarised: how many values, their mean and their (unbiased, n - 1) variance.
     *
     * @param count how many values
     * @param mean their mean
     * @param variance their sample variance, with n - 1 in the denominator
     */
    public record Sample(long count, double mean, double variance) {

        public Sample {
            if (count < 0 || variance < 0 || Double.isNaN(mean) || Double.isNaN(variance)) {
                throw new IllegalArgumentException("a sample has a count and variance of at least zero");
            }
        }

        /** A sample from its count, sum and sum of squares (what a report aggregates incrementally). */
        public static Sample of(long count, double sum, double sumOfSquares) {
            if (count == 0) {
                return new Sample(0, 0, 0);
            }
            double mean = sum / count;
            double variance = count < 2 ? 0 : Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
            return new Sample(count, mean, variance);
        }
    }

    /**
     * The Welch interval of {@code first.mean - second.mean} at {@code confidence} (e.g. 0.95); {@code null} when a
     * sample has fewer than two values or neither varies, so that there is no interval to speak of.
     */
    public static Interval welchDifference(Sample first, Sample second, double confidence) {
        if (first.count() < 2 || second.count() < 2) {
            return null;
        }
        double a = first.variance() / first.count();
        double b = second.variance() / second.count();
        double standardError = Math.sqrt(a + b);
        double difference = first.mean() - second.mean();
        if (standardError == 0) {
            return null;
        }
        double degreesOfFreedom = (a + b) * (a + b)
                / (a * a / (first.count() - 1) + b * b / (second.count() - 1));
        double t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom);
        return new Interval(difference, difference - t * standardError, difference + t * standardError);
    }
}
