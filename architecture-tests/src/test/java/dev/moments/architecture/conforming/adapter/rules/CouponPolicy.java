package dev.moments.architecture.conforming.adapter.rules;

import dev.moments.architecture.conforming.domain.Coupon;

public class CouponPolicy {

    public boolean allows(Coupon coupon) {
        return !coupon.code().isBlank();
    }
}
