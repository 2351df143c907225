package dev.moments.application.port.out;

import dev.moments.domain.redemption.RedemptionToken;

/** Where users open a redemption token: the link an award's events carry, as {@code GET /v1/awards/{id}} shows it. */
@FunctionalInterface
public interface RedemptionLinks {

    /** e.g. {@code https://rewards.example.com/r/<token>}. */
    String of(RedemptionToken token);
}
