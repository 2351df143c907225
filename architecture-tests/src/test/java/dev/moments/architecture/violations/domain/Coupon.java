package dev.moments.architecture.violations.domain;

import dev.moments.architecture.violations.adapter.persistence.CouponRow;

/** Violates rules 1 and 5: the domain knows a persistence adapter class. */
public class Coupon {

    CouponRow row;
}
