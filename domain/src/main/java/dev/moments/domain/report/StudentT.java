package dev.moments.domain.report;

/**
 * Student's t distribution: its distribution function from the regularized incomplete beta function (evaluated by
 * its continued fraction), and its quantiles by bisection on it. Plain Java, accurate to about 1e-9, which is far
 * more than a report shows.
 */
public final class StudentT {

    private static final int MAX_ITERATIONS = 300;
    /**
     * Past this many degrees of freedom the distribution is the normal one to far better than a report shows, and
     * {@code df / (df + t²)} would round to 1: larger values are taken as this one.
     */
    static final double LARGEST_DEGREES_OF_FREEDOM = 1e7;
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;

    private StudentT() {
    }

    /** P(T ≤ t) for {@code degreesOfFreedom} (any positive real). */
    public static double cdf(double t, double degreesOfFreedom) {
        double df = requirePositive(degreesOfFreedom);
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The t with P(T ≤ t) = {@code probability}, for 0 &lt; probability &lt; 1. */
    public static double quantile(double probability, double degreesOfFreedom) {
        double df = requirePositive(degreesOfFreedom);
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("a probability between 0 and 1, got " + probability);
        }
        if (probability == 0.5) {
            return 0;
        }
        double low = -1;
        double high = 1;
        while (cdf(low, df) > probability) {
            low *= 2;
        }
        while (cdf(high, df) < probability) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
            double middle = (low + high) / 2;
            if (cdf(middle, df) < probability) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** I_x(a, b), the regularized incomplete beta function. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        // the continued fraction converges quickly for x < (a + 1) / (a + b + 2); else use I_x(a,b) = 1 - I_1-x(b,a)
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    /** The continued fraction of the incomplete beta function, by the modified Lentz method. */
    private static double betaFraction(double x, double a, double b) {
        double c = 1;
        double d = nonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        double result = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            result *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            result *= step;
            if (Math.abs(step - 1) < EPSILON) {
                return result;
            }
        }
        return result;
    }

    /** ln Γ(x) for x &gt; 0, by Lanczos' approximation (g = 7, nine coefficients). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Γ(x) Γ(1 - x) = π / sin(πx)
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] coefficients = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        double y = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (y + i);
        }
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }

    private static double requirePositive(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("degrees of freedom above zero, got " + degreesOfFreedom);
        }
        return Math.min(degreesOfFreedom, LARGEST_DEGREES_OF_FREEDOM);
    }
}
