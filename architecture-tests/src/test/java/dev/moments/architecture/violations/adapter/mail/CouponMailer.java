package dev.moments.architecture.violations.adapter.mail;

/** Violates rule 11: an adapter declared neither driving nor driven. */
public class CouponMailer {

    public String subject(String code) {
        return "Your coupon " + code;
    }
}
