package dev.moments.architecture.violations.application.port.out;

import dev.moments.architecture.violations.application.port.in.RedeemCoupon;

/** Violates rule 8: an outgoing port that names a use case. */
public interface CouponEvents {

    void redeemed(String code, RedeemCoupon by);
}
