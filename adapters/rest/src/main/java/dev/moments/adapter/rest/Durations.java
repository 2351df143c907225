package dev.moments.adapter.rest;

import java.time.Duration;

/** Writes durations the way partners wrote them: {@code P45D} rather than {@code PT1080H}. */
final class Durations {

    private static final long SECONDS_PER_DAY = 86_400;

    private Durations() {
    }

    static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (!duration.isZero() && duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0) {
            return "P" + duration.getSeconds() / SECONDS_PER_DAY + "D";
        }
        return duration.toString();
    }
}
