package dev.moments.architecture.conforming.application.port.out;

import dev.moments.architecture.conforming.application.port.CouponStoreDown;
import dev.moments.architecture.conforming.domain.Coupon;

public interface CouponStore {

    /** @throws CouponStoreDown when the store cannot answer */
    boolean exists(Coupon coupon) throws CouponStoreDown;
}
