package dev.moments.architecture.violations.application.port.out;

public interface CouponStore {

    boolean exists(String code);
}
