package dev.moments.application.port.out;

import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import java.util.Optional;

/** Keeps partners, their API keys and their branding. */
public interface PartnerRepository {

    void insert(Partner partner);

    Optional<Partner> find(PartnerId id);

    void insertKey(ApiKey key);

    /** Stores a key's revocation. */
    void updateKey(ApiKey key);

    Optional<ApiKey> findKey(PartnerId partnerId, ApiKeyId keyId);

    /** The key with this digest, revoked or not; one indexed lookup per authenticated request. */
    Optional<ApiKey> findKeyByDigest(ApiKeyDigest digest);

    /** Stores the partner's branding in place of the one it had. */
    void saveBranding(Branding branding);

    /** The partner's branding, if it set one. */
    Optional<Branding> findBranding(PartnerId partnerId);
}
