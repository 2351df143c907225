package dev.moments.architecture.conforming.adapter.persistence;

import dev.moments.architecture.conforming.application.port.out.CouponStore;
import dev.moments.architecture.conforming.domain.Coupon;
import java.util.Set;

public class InMemoryCouponStore implements CouponStore {

    private final Set<Coupon> coupons = Set.of(new Coupon("WELCOME"));

    @Override
    public boolean exists(Coupon coupon) {
        return coupons.contains(coupon);
    }
}
