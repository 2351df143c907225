package dev.moments.architecture.violations.adapter.persistence;

import dev.moments.architecture.violations.application.port.in.RedeemCoupon;
import dev.moments.architecture.violations.application.port.out.CouponStore;
import dev.moments.architecture.violations.bootstrap.Wiring;

/** Violates rules 4 and 5: an adapter reaching out to the bootstrap wiring; and rule 10: it holds a use case. */
public class CouponRow implements CouponStore {

    RedeemCoupon redeem;

    @Override
    public boolean exists(String code) {
        return Wiring.ready();
    }
}
