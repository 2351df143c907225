package dev.moments.architecture.violations.application.port.in;

import dev.moments.architecture.violations.application.port.out.CouponStore;

/** Violates rule 8: what a use case answers is built on an outgoing port. */
public record CouponView(String code, CouponStore source) {
}
