package dev.moments.architecture.violations.testkit;

import dev.moments.architecture.violations.adapter.persistence.CouponRow;

/** Violates rule 12: a testkit that needs the database adapter could not run in another team's unit test. */
public final class CouponTestkit {

    private CouponTestkit() {
    }

    public static CouponRow store() {
        return new CouponRow();
    }
}
