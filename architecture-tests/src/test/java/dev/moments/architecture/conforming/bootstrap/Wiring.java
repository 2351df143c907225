package dev.moments.architecture.conforming.bootstrap;

import dev.moments.architecture.conforming.adapter.persistence.InMemoryCouponStore;
import dev.moments.architecture.conforming.adapter.rest.CouponResource;
import dev.moments.architecture.conforming.adapter.rules.CouponPolicy;
import dev.moments.architecture.conforming.application.service.CouponService;

public final class Wiring {

    private Wiring() {
    }

    public static CouponResource resource() {
        new CouponPolicy();
        return new CouponResource(new CouponService(new InMemoryCouponStore()));
    }
}
