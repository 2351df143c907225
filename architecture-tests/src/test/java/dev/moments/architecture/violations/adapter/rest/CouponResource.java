package dev.moments.architecture.violations.adapter.rest;

import dev.moments.architecture.violations.adapter.persistence.CouponRow;
import dev.moments.architecture.violations.application.port.in.RedeemCoupon;
import dev.moments.architecture.violations.application.port.out.CouponStore;

/**
 * Violates rules 3 and 6: a REST resource reading the database through the persistence adapter; and rule 9: it
 * holds an outgoing port.
 */
public class CouponResource {

    RedeemCoupon redeem;
    CouponStore store;

    public boolean check(String code) {
        return new CouponRow().exists(code);
    }
}
