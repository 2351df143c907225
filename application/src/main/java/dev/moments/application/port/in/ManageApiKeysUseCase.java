package dev.moments.application.port.in;

import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;

/** An operator issues more API keys for a partner, or revokes one. */
public interface ManageApiKeysUseCase {

    /** A new key, shown this once. */
    IssuedKey issue(PartnerId partnerId);

    /** Revokes a key; requests with it are refused from then on. */
    void revoke(PartnerId partnerId, ApiKeyId keyId);

    /** A key as shown once to its owner. */
    record IssuedKey(ApiKeyId id, String apiKey) {
    }
}
