package dev.moments.domain.reward;

/** What a reward is, which decides what the user must give to claim it. */
public enum RewardKind {
    /** A good shipped to the user; claiming it needs a shipping address. */
    PHYSICAL,
    /** Store or account credit. */
    CREDIT,
    /** A code from a pool, shown to the user. */
    DIGITAL_CODE,
    /** A coupon for a later purchase. */
    COUPON;

    /** Whether a claim must carry a shipping address. */
    public boolean needsShipping() {
        return this == PHYSICAL;
    }
}
