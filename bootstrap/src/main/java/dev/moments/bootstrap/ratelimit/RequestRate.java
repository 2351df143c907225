package dev.moments.bootstrap.ratelimit;

import java.util.Locale;

/**
 * A rate limit as configured: a whole number of requests per second, with bursts up to twice that, or {@link #OFF}.
 *
 * @param perSecond the requests per second; 0 only for {@link #OFF}
 */
public record RequestRate(long perSecond) {

    /** No limit at all: written {@code off} in the configuration. */
    public static final RequestRate OFF = new RequestRate(0);

    /** The highest rate accepted; far above anything one instance can serve, and safe from overflow in a bucket. */
    public static final long MAX_PER_SECOND = 1_000_000_000L;

    public RequestRate {
        if (perSecond < 0 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("a rate limit is between 1 and " + MAX_PER_SECOND
                    + " requests per second, or off; got " + perSecond);
        }
    }

    /**
     * Reads a configured value: {@code off} (any case) or a whole number of requests per second above 0. Anything
     * else, 0 and negative numbers included, is refused with a message saying what is expected.
     */
    public static RequestRate parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.toLowerCase(Locale.ROOT).equals("off")) {
            return OFF;
        }
        long perSecond;
        try {
            perSecond = Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw refused(text);
        }
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw refused(text);
        }
        return new RequestRate(perSecond);
    }

    private static IllegalArgumentException refused(String text) {
        return new IllegalArgumentException("'" + text + "' is not a rate limit: write a whole number of requests per "
                + "second from 1 to " + MAX_PER_SECOND + ", or 'off' to disable the limit (0 and negative values "
                + "are refused rather than read as 'no limit' or 'refuse everything')");
    }

    /** Whether this is no limit at all. */
    public boolean isOff() {
        return perSecond == 0;
    }

    /** How many requests a bucket of this rate holds when full: twice the rate. */
    public long burst() {
        return 2 * perSecond;
    }

    @Override
    public String toString() {
        return isOff() ? "off" : perSecond + "/s (bursts up to " + burst() + ")";
    }
}
