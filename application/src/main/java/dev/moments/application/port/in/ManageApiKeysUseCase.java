package dev.moments.application.port.in;

import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import java.util.List;
import java.util.Set;

/** An operator issues more API keys for a partner, each with its scopes, lists them, or revokes one. */
public interface ManageApiKeysUseCase {

    /** A new key that may do what {@code scopes} allow (at least one), shown this once. */
    IssuedKey issue(PartnerId partnerId, Set<Scope> scopes);

    /** The partner's keys (never their secrets), revoked ones included, oldest first. */
    List<ApiKey> keys(PartnerId partnerId);

    /** Revokes a key; requests with it are refused from then on. */
    void revoke(PartnerId partnerId, ApiKeyId keyId);

    /** A key as shown once to its owner. */
    record IssuedKey(ApiKeyId id, String apiKey) {
    }
}
