package dev.moments.architecture.conforming.application.port.in;

import dev.moments.architecture.conforming.domain.Coupon;

public interface RedeemCoupon {

    boolean redeem(Coupon coupon);
}
