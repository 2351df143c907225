package dev.moments.architecture.violations.application.service;

import dev.moments.architecture.violations.application.port.in.RedeemCoupon;
import dev.moments.architecture.violations.application.port.out.CouponStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Violates rules 2 and 7: an application service carrying a CDI annotation. */
@ApplicationScoped
public class CouponService implements RedeemCoupon {

    CouponStore store;

    @Override
    public void redeem(String code) {
        store.exists(code);
    }
}
