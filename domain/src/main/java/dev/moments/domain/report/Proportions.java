package dev.moments.domain.report;

/**
 * Intervals for proportions and for the difference of two independent proportions: the Wilson score interval of one
 * proportion, and Newcombe's hybrid score interval of a difference (method 10 of Newcombe, "Interval estimation for
 * the difference between independent proportions: comparison of eleven methods", Statistics in Medicine 17, 1998).
 * Both stay within [0, 1] (resp. [-1, 1]), behave at 0 and n events, and keep close to their nominal coverage at the
 * sample sizes moments see, where the textbook Wald interval does not.
 */
public final class Proportions {

    /** The two-sided 95% normal quantile. */
    public static final double Z_95 = 1.959963984540054;

    private Proportions() {
    }

    /** The Wilson score interval of {@code successes} out of {@code trials} at normal quantile {@code z}. */
    public static Interval wilson(long successes, long trials, double z) {
        check(successes, trials);
        if (trials == 0) {
            return new Interval(0, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        double lower = successes == 0 ? 0 : Math.max(0, (centre - spread) / denominator);
        double upper = successes == trials ? 1 : Math.min(1, (centre + spread) / denominator);
        return new Interval(p, lower, upper);
    }

    /**
     * Newcombe's hybrid score interval of {@code p1 - p2}, where {@code p1 = x1 / n1} and {@code p2 = x2 / n2} come
     * from independent samples: the Wilson bounds of each proportion, combined as the square root of the sum of
     * squared distances.
     */
    public static Interval newcombeDifference(long x1, long n1, long x2, long n2, double z) {
        Interval first = wilson(x1, n1, z);
        Interval second = wilson(x2, n2, z);
        double p1 = first.estimate();
        double p2 = second.estimate();
        double difference = p1 - p2;
        double below = Math.sqrt(square(p1 - first.lower()) + square(second.upper() - p2));
        double above = Math.sqrt(square(first.upper() - p1) + square(p2 - second.lower()));
        return new Interval(difference, difference - below, difference + above);
    }

    private static double square(double x) {
        return x * x;
    }

    private static void check(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes from 0 to trials, got " + successes + " of " + trials);
        }
    }
}
