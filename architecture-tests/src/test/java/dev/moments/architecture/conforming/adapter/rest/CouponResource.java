package dev.moments.architecture.conforming.adapter.rest;

import dev.moments.architecture.conforming.application.port.in.RedeemCoupon;
import dev.moments.architecture.conforming.domain.Coupon;

public class CouponResource {

    private final RedeemCoupon redeem;

    public CouponResource(RedeemCoupon redeem) {
        this.redeem = redeem;
    }

    public boolean post(String code) {
        return redeem.redeem(new Coupon(code));
    }
}
