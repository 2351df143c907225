package dev.moments.bootstrap;

import dev.moments.application.port.out.SecretGenerator;
import dev.moments.domain.redemption.RedemptionToken;
import java.security.SecureRandom;
import java.util.Base64;

/** API keys, redemption tokens and webhook secrets from the platform's CSPRNG. */
final class SecureSecrets implements SecretGenerator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newApiKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public RedemptionToken newRedemptionToken() {
        return RedemptionToken.generate(random);
    }

    @Override
    public String newWebhookSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
