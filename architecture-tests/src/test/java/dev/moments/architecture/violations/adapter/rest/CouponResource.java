package dev.moments.architecture.violations.adapter.rest;

import dev.moments.architecture.violations.adapter.persistence.CouponRow;
import dev.moments.architecture.violations.application.port.in.RedeemCoupon;

/** Violates rules 3 and 6: a REST resource reading the database through the persistence adapter. */
public class CouponResource {

    RedeemCoupon redeem;

    public boolean check(String code) {
        return new CouponRow().exists(code);
    }
}
