package dev.moments.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Student's t distribution function, held to its closed forms where it has them, to SciPy elsewhere, and to the
 * normal distribution at its largest degrees of freedom; its quantiles are tabulated in {@link MeansTest}.
 */
class StudentTTest {

    /** Relative to the value, so that a tail of 1e-9 is held to its own digits (the class claims about 1e-9). */
    private static final double PERCENT = 1e-6;

    @ParameterizedTest(name = "P(T ≤ {0}) with 1 degree of freedom")
    @ValueSource(doubles = {-1e6, -50, -3, -1, -0.2, 0.5, 1, 2, 40, 1e4})
    void withOneDegreeOfFreedom_itIsTheCauchyDistribution(double t) {
        assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, withinPercentage(PERCENT));
    }

    @ParameterizedTest(name = "P(T ≤ {0}) with 2 degrees of freedom")
    @ValueSource(doubles = {-100, -4, -1, -0.3, 0.25, 1, 1.5, 3, 60})
    void withTwoDegreesOfFreedom_itIsOneHalfPlusTOverTwiceTheRootOfTwoPlusTSquared(double t) {
        assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), withinPercentage(PERCENT));
    }

    /** SciPy 1.17's stats.t.cdf, over fractional, small and huge degrees of freedom and into both tails. */
    @ParameterizedTest(name = "P(T ≤ {0}) with {1} degrees of freedom = {2}")
    @CsvSource({
            "1, 0.5, 0.698878389158678",
            "-3, 0.5, 0.1836540779929717",
            "-1e6, 0.5, 0.00032070097541419884",
            "2, 0.25, 0.6974382077816139",
            "-0.5, 3, 0.3257239824240755",
            "-0.01, 10, 0.4961089874954857",
            "0.1, 1e5, 0.5398277370466369",
            "-0.1, 1e7, 0.4601721637252762",
            "1.5, 10, 0.9177463367772799",
            "-40, 4, 1.1670081613006339e-06",
            "0.7, 50, 0.7564141795056268",
            "3, 7.5, 0.9908045306958978",
            "-2.5, 1e5, 0.0062104595962795255",
            "1.2, 1e7, 0.8849303155638728",
            "-6, 1e7, 9.86621366683891e-10"})
    void itsDistributionFunctionIsSciPys(double t, double degreesOfFreedom, double expected) {
        // from 1e5 degrees of freedom the log-gamma terms reach 1e6–1e8, where one ulp of Math.log (which may differ
        // between JDKs and processors) moves the result by about 1e-8: held to 1e-6 there
        double percent = degreesOfFreedom >= 1e5 ? 1e-4 : PERCENT;
        assertThat(StudentT.cdf(t, degreesOfFreedom)).isCloseTo(expected, withinPercentage(percent));
    }

    @ParameterizedTest(name = "{0} degrees of freedom")
    @ValueSource(doubles = {0.25, 1, 3, 30, 1e7})
    void itIsSymmetricAboutZero_whereItIsOneHalf(double degreesOfFreedom) {
        assertThat(StudentT.cdf(0, degreesOfFreedom)).isEqualTo(0.5);
        assertThat(StudentT.cdf(1e-12, degreesOfFreedom)).isCloseTo(0.5, within(1e-9));
        for (double t : new double[] {0.1, 0.9, 2.5, 12}) {
            assertThat(StudentT.cdf(-t, degreesOfFreedom)).isCloseTo(1 - StudentT.cdf(t, degreesOfFreedom),
                    within(1e-12));
        }
    }

    @Test
    void pastTenMillionDegreesOfFreedom_itIsTheNormalDistribution() {
        // Φ(-3), Φ(-5) and Φ(1.2), as tables give them, to far better than a report shows
        assertThat(StudentT.cdf(-3, 1e12)).isCloseTo(0.0013498980316301, withinPercentage(0.01));
        assertThat(StudentT.cdf(-5, Double.POSITIVE_INFINITY)).isCloseTo(2.866515718791939e-7,
                withinPercentage(0.01));
        assertThat(StudentT.cdf(1.2, 1e300)).isCloseTo(0.8849303297782918, within(1e-7));
    }

    @Test
    void farInTheTails_theQuantileStillInvertsTheDistributionFunction() {
        // SciPy 1.17's stats.t.ppf; with one degree of freedom, tan(π (p - 1/2)) = -1 / tan(π p)
        assertThat(StudentT.quantile(1e-9, 1)).isCloseTo(-1 / Math.tan(Math.PI * 1e-9), withinPercentage(PERCENT));
        assertThat(StudentT.quantile(0.999999, 3)).isCloseTo(103.29946777942898, withinPercentage(PERCENT));
        assertThat(StudentT.quantile(0.9, 0.5)).isCloseTo(10.27032441023451, withinPercentage(PERCENT));
        assertThat(StudentT.quantile(0.5, 4)).isZero();
    }

    @ParameterizedTest(name = "probability {0}")
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
    void onlyAProbabilityStrictlyBetweenZeroAndOneHasAQuantile(double probability) {
        assertThatThrownBy(() -> StudentT.quantile(probability, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability");
    }

    @Test
    void theDistributionFunctionTooNeedsDegreesOfFreedomAboveZero() {
        for (double bad : new double[] {0, -2, Double.NaN}) {
            assertThatThrownBy(() -> StudentT.cdf(1, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("degrees of freedom");
        }
    }
}
