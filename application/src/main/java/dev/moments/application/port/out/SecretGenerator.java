package dev.moments.application.port.out;

import dev.moments.domain.redemption.RedemptionToken;

/** Makes secrets from a CSPRNG: API keys, redemption tokens and webhook signing secrets. */
public interface SecretGenerator {

    /** A new API key, {@code mk_} followed by at least 256 random bits, URL-safe. */
    String newApiKey();

    /** A new redemption token. */
    RedemptionToken newRedemptionToken();

    /** A new webhook signing secret, {@code whsec_} followed by the base64 of at least 24 random bytes. */
    String newWebhookSecret();
}
