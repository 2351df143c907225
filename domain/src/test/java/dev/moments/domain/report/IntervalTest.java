package dev.moments.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An estimate and its bounds: closed at both ends, never upside down, never NaN. */
class IntervalTest {

    @Test
    void anIntervalHoldsBothItsBounds() {
        Interval interval = new Interval(0.5, 0.25, 0.75);

        assertThat(interval.covers(0.25)).isTrue();
        assertThat(interval.covers(0.75)).isTrue();
        assertThat(interval.covers(0.5)).isTrue();
        assertThat(interval.covers(Math.nextDown(0.25))).isFalse();
        assertThat(interval.covers(Math.nextUp(0.75))).isFalse();
    }

    @Test
    void anIntervalWithABoundAtZeroDoesNotExcludeIt() {
        assertThat(new Interval(0.1, 0, 0.2).excludesZero()).isFalse();
        assertThat(new Interval(-0.1, -0.2, 0).excludesZero()).isFalse();
        assertThat(new Interval(0.1, 0.05, 0.2).excludesZero()).isTrue();
    }

    @Test
    void aSinglePointIsAnInterval_butUpsideDownBoundsAreRefused() {
        assertThat(new Interval(1, 1, 1).covers(1)).isTrue();
        assertThatThrownBy(() -> new Interval(1, 1, Math.nextDown(1.0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(Double.NaN, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
