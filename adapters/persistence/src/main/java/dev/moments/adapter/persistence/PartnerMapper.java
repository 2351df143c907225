package dev.moments.adapter.persistence;

import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;

/** Maps partners and API keys between the domain and their rows. */
final class PartnerMapper {

    private PartnerMapper() {
    }

    static PartnerEntity toEntity(Partner partner) {
        PartnerEntity entity = new PartnerEntity();
        entity.id = partner.id().value();
        entity.name = partner.name();
        entity.currency = partner.currency().getCurrencyCode();
        entity.createdAt = partner.createdAt();
        return entity;
    }

    static Partner toDomain(PartnerEntity entity) {
        return new Partner(new PartnerId(entity.id), entity.name, Currency.getInstance(entity.currency),
                entity.createdAt);
    }

    static ApiKeyEntity toEntity(ApiKey key) {
        ApiKeyEntity entity = new ApiKeyEntity();
        entity.id = key.id().value();
        entity.partnerId = key.partnerId().value();
        entity.digest = key.digest().hex();
        entity.createdAt = key.createdAt();
        entity.revokedAt = key.revokedAt();
        entity.scopes = scopes(key.scopes());
        entity.lastUsedAt = key.lastUsedAt();
        return entity;
    }

    static ApiKey toDomain(ApiKeyEntity entity) {
        return new ApiKey(new ApiKeyId(entity.id), new PartnerId(entity.partnerId), new ApiKeyDigest(entity.digest),
                entity.createdAt, entity.revokedAt, scopes(entity.scopes), entity.lastUsedAt);
    }

    /** Scopes as stored: their API names, in the enum's order. */
    static String[] scopes(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::apiName).toArray(String[]::new);
    }

    static Set<Scope> scopes(String[] stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : stored) {
            scopes.add(Scope.fromApi("scopes", name));
        }
        return scopes;
    }
}
