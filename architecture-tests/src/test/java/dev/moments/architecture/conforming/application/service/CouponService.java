package dev.moments.architecture.conforming.application.service;

import dev.moments.architecture.conforming.application.port.in.RedeemCoupon;
import dev.moments.architecture.conforming.application.port.out.CouponStore;
import dev.moments.architecture.conforming.domain.Coupon;

public class CouponService implements RedeemCoupon {

    private final CouponStore store;

    public CouponService(CouponStore store) {
        this.store = store;
    }

    @Override
    public boolean redeem(Coupon coupon) {
        return store.exists(coupon);
    }
}
