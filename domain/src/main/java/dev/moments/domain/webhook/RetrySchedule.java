package dev.moments.domain.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The waits between a delivery's attempts: after the n-th failed attempt the n-th delay, give or take 20% (jitter, so
 * endpoints that failed together are not retried together). Once every delay is used up, a delivery whose event is
 * younger than the schedule's span ({@link #retryingFor}; the contract's 24 hours by default) waits the last delay
 * again, and so on; after that the delivery has failed. So the delays are the configured ones and a receiver still
 * gets at least the span to come back, whatever the jitter took off.
 * Written as the setting {@code moments.webhooks.retry-schedule}: durations such as {@code 100ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, {@code 1d}, separated by commas.
 */
public final class RetrySchedule {

    /** The contract's default: 10 retries over about 24 hours. */
    public static final String DEFAULT = "5s,30s,2m,10m,30m,1h,2h,4h,8h,8h";

    /** The share a delay may be shortened or lengthened by. */
    public static final double JITTER = 0.2;

    private static final Pattern ENTRY = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final int MAX_ENTRIES = 50;

    /** How long the contract promises to retry: at least 24 hours. */
    public static final Duration CONTRACT_SPAN = Duration.ofHours(24);

    private final List<Duration> delays;
    private final Duration span;

    private RetrySchedule(List<Duration> delays, Duration span) {
        this.delays = List.copyOf(delays);
        this.span = span;
    }

    /** This schedule retrying at least {@code span} after the event (zero: only the listed delays). */
    public RetrySchedule retryingFor(Duration span) {
        if (span.isNegative()) {
            throw new IllegalArgumentException("a retry span is zero or more, got " + span);
        }
        return new RetrySchedule(delays, span);
    }

    /** At least how long after its event a delivery is retried. */
    public Duration span() {
        return span;
    }

    /**
     * Reads a schedule strictly: one or more entries of a whole number above zero and a unit ({@code ms}, {@code s},
     * {@code m}, {@code h}, {@code d}), separated by commas (blanks around an entry allowed); anything else is refused.
     */
    public static RetrySchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a retry schedule names at least one delay, e.g. " + DEFAULT);
        }
        String[] entries = text.split(",", -1);
        if (entries.length > MAX_ENTRIES) {
            throw new IllegalArgumentException("a retry schedule has at most " + MAX_ENTRIES + " delays");
        }
        List<Duration> delays = new ArrayList<>();
        for (String entry : entries) {
            Matcher matcher = ENTRY.matcher(entry.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a delay: \"" + entry.strip() + "\" in the retry schedule \""
                        + text + "\"; write e.g. 100ms, 5s, 2m, 1h or 1d");
            }
            long amount = Long.parseLong(matcher.group(1));
            Duration delay = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (delay.isZero()) {
                throw new IllegalArgumentException("a delay of the retry schedule is above zero: \"" + entry.strip()
                        + "\"");
            }
            delays.add(delay);
        }
        return new RetrySchedule(delays, CONTRACT_SPAN);
    }

    /** The delays as configured, without jitter. */
    public List<Duration> delays() {
        return delays;
    }

    /** The sum of the delays without jitter. */
    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The wait after {@code failedAttempts} failed attempts, or empty once the delivery has failed: the listed delays
     * are used up and its event is at least {@link #span} old.
     *
     * @param sinceEvent how long ago the delivery's event happened
     * @param random a number in [0, 1) from the caller's random source: 0 shortens the delay by 20%, 0.5 keeps it,
     *               towards 1 lengthens it by up to 20%
     */
    public Optional<Duration> delayAfter(int failedAttempts, Duration sinceEvent, double random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a delay follows a failed attempt");
        }
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        if (failedAttempts > delays.size() && sinceEvent.compareTo(span) >= 0) {
            return Optional.empty();
        }
        long nanos = delays.get(Math.min(failedAttempts, delays.size()) - 1).toNanos();
        return Optional.of(Duration.ofNanos(Math.round(nanos * (1 - JITTER + 2 * JITTER * random))));
    }

    @Override
    public String toString() {
        return delays.toString();
    }
}
