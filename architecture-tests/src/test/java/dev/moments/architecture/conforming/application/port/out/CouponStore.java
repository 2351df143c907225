package dev.moments.architecture.conforming.application.port.out;

import dev.moments.architecture.conforming.domain.Coupon;

public interface CouponStore {

    boolean exists(Coupon coupon);
}
