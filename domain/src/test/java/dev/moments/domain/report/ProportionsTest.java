package dev.moments.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The intervals of a report's lift, held to the published worked examples and to their coverage. */
class ProportionsTest {

    private static final double Z = Proportions.Z_95;

    /**
     * Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10 (the hybrid score interval): the
     * eight worked examples, to the four decimals printed there.
     */
    @ParameterizedTest(name = "{0}/{1} - {2}/{3}: {4} ({5}, {6})")
    @CsvSource({
            "56, 70, 48, 80, 0.2000, 0.0524, 0.3339",
            "9, 10, 3, 10, 0.6000, 0.1705, 0.8090",
            "6, 7, 2, 7, 0.5714, 0.0582, 0.8062",
            "5, 56, 0, 29, 0.0893, -0.0381, 0.1926",
            "0, 10, 0, 20, 0.0000, -0.1611, 0.2775",
            "0, 10, 0, 10, 0.0000, -0.2775, 0.2775",
            "10, 10, 0, 20, 1.0000, 0.6791, 1.0000",
            "10, 10, 0, 10, 1.0000, 0.6075, 1.0000"})
    void newcombesHybridScoreInterval_matchesHisPublishedTable(long x1, long n1, long x2, long n2, double difference,
                                                                double lower, double upper) {
        Interval interval = Proportions.newcombeDifference(x1, n1, x2, n2, Z);

        assertThat(interval.estimate()).isCloseTo(difference, within(0.00005));
        assertThat(interval.lower()).isCloseTo(lower, within(0.00005));
        assertThat(interval.upper()).isCloseTo(upper, within(0.00005));
    }

    @Test
    void wilsonsIntervalStaysWithinZeroAndOne_andIsWhatItShouldBeAtTheEdges() {
        Interval none = Proportions.wilson(0, 10, Z);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.2775, within(0.00005));
        Interval all = Proportions.wilson(10, 10, Z);
        assertThat(all.upper()).isEqualTo(1);
        assertThat(all.lower()).isCloseTo(0.7225, within(0.00005));
        assertThat(Proportions.wilson(0, 0, Z)).isEqualTo(new Interval(0, 0, 1));
    }

    @Test
    void successesRangeFromZeroToTheTrials() {
        for (long[] bad : new long[][] {{-1, 10}, {11, 10}, {0, -1}}) {
            assertThatThrownBy(() -> Proportions.wilson(bad[0], bad[1], Z)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("successes");
        }
        assertThatThrownBy(() -> Proportions.newcombeDifference(5, 10, 11, 10, Z))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void significantOnlyWhenTheIntervalExcludesZero() {
        assertThat(Proportions.newcombeDifference(56, 70, 48, 80, Z).excludesZero()).isTrue();
        assertThat(Proportions.newcombeDifference(5, 56, 0, 29, Z).excludesZero()).isFalse();
    }

    /**
     * Many cohorts drawn with a known true lift (treatment 12%, control 10%, 2,000 users each): the 95% interval
     * must cover the true difference 93-97% of the time. Seeded, so the figure is the same on every run.
     */
    @Test
    void overManySeededCohortsWithAKnownLift_the95PercentIntervalCoversTheTruthAbout95PercentOfTheTime() {
        double treatment = 0.12;
        double control = 0.10;
        int users = 2_000;
        int cohorts = 4_000;
        Random random = new Random(20261205L);
        int covered = 0;
        for (int cohort = 0; cohort < cohorts; cohort++) {
            long x1 = successes(random, users, treatment);
            long x2 = successes(random, users, control);
            if (Proportions.newcombeDifference(x1, users, x2, users, Z).covers(treatment - control)) {
                covered++;
            }
        }
        double coverage = (double) covered / cohorts;
        System.out.printf("Newcombe 95%% interval: covered the true lift in %d of %d cohorts (%.2f%%)%n", covered,
                cohorts, 100 * coverage);
        assertThat(coverage).isBetween(0.93, 0.97);
    }

    @Test
    void atSmallSamplesAndRareEventsToo_theCoverageStaysNearTheNominal() {
        Random random = new Random(7L);
        int covered = 0;
        int cohorts = 4_000;
        for (int cohort = 0; cohort < cohorts; cohort++) {
            long x1 = successes(random, 150, 0.05);
            long x2 = successes(random, 150, 0.02);
            if (Proportions.newcombeDifference(x1, 150, x2, 150, Z).covers(0.03)) {
                covered++;
            }
        }
        assertThat((double) covered / cohorts).isBetween(0.93, 0.97);
    }

    private static long successes(Random random, int trials, double p) {
        long successes = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < p) {
                successes++;
            }
        }
        return successes;
    }
}
