package dev.moments.adapter.rest;

import dev.moments.domain.redemption.RedemptionToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the links users open to redeem an award, from the public URL the service is reached at. */
@ApplicationScoped
public class RedeemLinks {

    private final String base;

    public RedeemLinks(@ConfigProperty(name = "moments.public-url", defaultValue = "http://localhost:8080") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code <public url>/r/<token>}. */
    public String of(RedemptionToken token) {
        return base + "/r/" + token.value();
    }
}
