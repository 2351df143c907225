package dev.moments.architecture.violations.adapter.rules;

public class CouponPolicy {

    public boolean allows(String code) {
        return !code.isBlank();
    }
}
