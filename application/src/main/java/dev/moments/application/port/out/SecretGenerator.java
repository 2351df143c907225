package dev.moments.application.port.out;

import dev.moments.domain.redemption.RedemptionToken;

/** Makes secrets from a CSPRNG: API keys and redemption tokens. */
public interface SecretGenerator {

    /** A new API key, {@code mk_} followed by at least 256 random bits, URL-safe. */
    String newApiKey();

    /** A new redemption token. */
    RedemptionToken newRedemptionToken();
}
