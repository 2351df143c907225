package dev.moments.architecture.violations.bootstrap;

import dev.moments.architecture.violations.adapter.rest.CouponResource;

public class Wiring {

    CouponResource resource;

    public static boolean ready() {
        return true;
    }
}
