package dev.moments.architecture.violations.application.port.in;

public interface RedeemCoupon {

    void redeem(String code);
}
