package dev.moments.architecture.violations.adapter.persistence;

import dev.moments.architecture.violations.application.port.out.CouponStore;
import dev.moments.architecture.violations.bootstrap.Wiring;

/** Violates rules 4 and 5: an adapter reaching out to the bootstrap wiring. */
public class CouponRow implements CouponStore {

    @Override
    public boolean exists(String code) {
        return Wiring.ready();
    }
}
