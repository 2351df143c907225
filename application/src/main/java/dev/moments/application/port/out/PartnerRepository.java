package dev.moments.application.port.out;

import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** The partner's keys, revoked ones included, oldest first. */
    List<ApiKey> keys(PartnerId partnerId);

    /** How precisely a key's last use is kept: a key's row is written at most once in this long. */
    Duration KEY_USE_GRANULARITY = Duration.ofMinutes(1);

    /** Notes that a request authenticated with the key at {@code at} (written at most once per granularity). */
    void keyUsed(ApiKeyId keyId, Instant at);

    /** Stores the partner's branding in place of the one it had. */
    void saveBranding(Branding branding);

    /** The partner's branding, if it set one. */
    Optional<Branding> findBranding(PartnerId partnerId);
}
