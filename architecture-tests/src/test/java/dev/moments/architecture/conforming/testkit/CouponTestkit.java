package dev.moments.architecture.conforming.testkit;

import dev.moments.architecture.conforming.adapter.rules.CouponPolicy;
import dev.moments.architecture.conforming.application.service.CouponService;

/** Wires the core for a test from plain parts: the rules adapter and a store in memory, as a testkit may. */
public final class CouponTestkit {

    private CouponTestkit() {
    }

    public static CouponService coupons() {
        CouponPolicy policy = new CouponPolicy();
        return new CouponService(policy::allows);
    }
}
