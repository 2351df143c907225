package dev.moments.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moments.domain.report.Means.Sample;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Student's t and the Welch interval of a difference of means (ARPU per arm). */
class MeansTest {

    /** Quantiles of Student's t, as tables (and SciPy 1.17's stats.t.ppf) give them. */
    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({"1, 12.706204736", "2, 4.302652730", "5, 2.570581836", "10, 2.228138852", "30, 2.042272456",
            "100, 1.983971519", "1000, 1.962339081", "19.1907, 2.091617237"})
    void studentsQuantilesAreTheTabulatedOnes(double degreesOfFreedom, double expected) {
        assertThat(StudentT.quantile(0.975, degreesOfFreedom)).isCloseTo(expected, within(1e-6));
        assertThat(StudentT.quantile(0.025, degreesOfFreedom)).isCloseTo(-expected, within(1e-6));
    }

    @Test
    void hugeOrInfiniteDegreesOfFreedomGiveTheNormalQuantile_andNoneOrNaNAreRefused() {
        assertThat(StudentT.quantile(0.975, Double.POSITIVE_INFINITY)).isCloseTo(1.959964, within(1e-5));
        assertThat(StudentT.quantile(0.975, 1e300)).isCloseTo(1.959964, within(1e-5));
        for (double bad : new double[] {0, -1, Double.NaN}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudentT.quantile(0.975, bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void welchsIntervalUsesEachSamplesOwnVariance_andTheSatterthwaiteDegreesOfFreedom() {
        // means 20 and 18, variances 4 and 9, 10 and 12 values: standard error sqrt(1.15), 19.19 degrees of freedom;
        // (2 ± 2.0916 × 1.0724) = (-0.2430, 4.2430), as SciPy computes it
        Interval interval = Means.welchDifference(new Sample(10, 20, 4), new Sample(12, 18, 9), 0.95);

        assertThat(interval.estimate()).isEqualTo(2.0);
        assertThat(interval.lower()).isCloseTo(-0.2430108, within(1e-6));
        assertThat(interval.upper()).isCloseTo(4.2430108, within(1e-6));
    }

    @Test
    void aSampleIsSummarisedFromItsCountSumAndSumOfSquares() {
        Sample sample = Sample.of(4, 2 + 4 + 4 + 6, 4 + 16 + 16 + 36);

        assertThat(sample.mean()).isEqualTo(4.0);
        assertThat(sample.variance()).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(Sample.of(0, 0, 0)).isEqualTo(new Sample(0, 0, 0));
    }

    @Test
    void oneValueHasNoVariance_twoAlreadyDo() {
        assertThat(Sample.of(1, 5, 25)).isEqualTo(new Sample(1, 5, 0));
        Sample two = Sample.of(2, 3 + 5, 9 + 25);
        assertThat(two.mean()).isEqualTo(4.0);
        assertThat(two.variance()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void withoutTwoValuesPerArmOrAnyVariation_thereIsNoInterval() {
        assertThat(Means.welchDifference(new Sample(1, 5, 0), new Sample(10, 4, 1), 0.95)).isNull();
        assertThat(Means.welchDifference(new Sample(10, 5, 0), new Sample(10, 5, 0), 0.95)).isNull();
    }

    @Test
    void twoValuesPerArmAreEnoughForAnInterval() {
        // variances 2 and 8 of two values each: standard error sqrt(5), Satterthwaite 25 / (1 + 16) = 1.47 degrees
        Interval interval = Means.welchDifference(new Sample(2, 4, 2), new Sample(2, 1, 8), 0.95);

        assertThat(interval.estimate()).isEqualTo(3.0);
        double halfWidth = StudentT.quantile(0.975, 25.0 / 17) * Math.sqrt(5);
        assertThat(interval.lower()).isCloseTo(3 - halfWidth, within(1e-9));
        assertThat(interval.upper()).isCloseTo(3 + halfWidth, within(1e-9));
    }

    /** Revenue per user drawn from skewed (exponential) spend with a known difference; 95% should cover it. */
    @Test
    void overManySeededSamples_theWelchIntervalCoversTheTrueDifferenceAbout95PercentOfTheTime() {
        Random random = new Random(42L);
        int covered = 0;
        int samples = 2_000;
        for (int i = 0; i < samples; i++) {
            Sample first = draw(random, 400, 12.0);
            Sample second = draw(random, 300, 10.0);
            if (Means.welchDifference(first, second, 0.95).covers(2.0)) {
                covered++;
            }
        }
        assertThat((double) covered / samples).isBetween(0.93, 0.97);
    }

    private static Sample draw(Random random, int count, double mean) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double value = -mean * Math.log(1 - random.nextDouble());
            sum += value;
            squares += value * value;
        }
        return Sample.of(count, sum, squares);
    }
}
