package dev.moments.architecture.conforming.adapter.rest;

import dev.moments.architecture.conforming.application.port.CouponStoreDown;
import dev.moments.architecture.conforming.application.port.in.RedeemCoupon;
import dev.moments.architecture.conforming.domain.Coupon;

public class CouponResource {

    private final RedeemCoupon redeem;

    public CouponResource(RedeemCoupon redeem) {
        this.redeem = redeem;
    }

    /** 200 for a known coupon, 404 for another, 503 while the store is down. */
    public int post(String code) {
        try {
            return redeem.redeem(new Coupon(code)) ? 200 : 404;
        } catch (CouponStoreDown down) {
            return 503;
        }
    }
}
