package dev.moments.domain.reward;

/** The rule for a reward's pool of codes running low, which the partner is told once per crossing. */
public final class CodeStock {

    /** A pool is low when at most this share (in percent) of the codes ever added to it is still free. */
    public static final int LOW_PERCENT_LEFT = 10;

    private CodeStock() {
    }

    /** Whether {@code available} free codes out of {@code everAdded} is low. */
    public static boolean isLow(long available, long everAdded) {
        return everAdded > 0 && available * 100 <= everAdded * LOW_PERCENT_LEFT;
    }
}
