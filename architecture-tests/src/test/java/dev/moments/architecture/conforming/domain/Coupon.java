package dev.moments.architecture.conforming.domain;

import java.util.Objects;

public record Coupon(String code) {

    public Coupon {
        Objects.requireNonNull(code, "code");
    }
}
