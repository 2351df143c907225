package dev.moments.architecture.conforming.application.port;

/** What both kinds of ports share: a failure of the store, passed through the use case to its caller. */
public class CouponStoreDown extends RuntimeException {

    public CouponStoreDown(String message) {
        super(message);
    }
}
