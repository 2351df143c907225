package dev.moments.adapter.persistence;

import dev.moments.application.port.out.PartnerRepository;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps partners, their API keys and their branding in PostgreSQL; a key is found by its digest through a unique index.
 */
@ApplicationScoped
@StoreOutages
public class PostgresPartnerRepository implements PartnerRepository {

    @Override
    public void insert(Partner partner) {
        Store.insert(PartnerMapper.toEntity(partner), "partner " + partner.id());
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        return Store.find(PartnerEntity.class, id.value()).map(PartnerMapper::toDomain);
    }

    @Override
    public void insertKey(ApiKey key) {
        Store.insert(PartnerMapper.toEntity(key), "API key " + key.id());
    }

    @Override
    public void updateKey(ApiKey key) {
        int changed = ApiKeyEntity.update("revokedAt = ?1 where id = ?2 and partnerId = ?3", key.revokedAt(),
                key.id().value(), key.partnerId().value());
        if (changed != 1) {
            throw new IllegalStateException("partner " + key.partnerId() + " has no API key " + key.id());
        }
    }

    @Override
    public Optional<ApiKey> findKey(PartnerId partnerId, ApiKeyId keyId) {
        return Store.detached(ApiKeyEntity.<ApiKeyEntity>list("id = ?1 and partnerId = ?2", keyId.value(),
                        partnerId.value()))
                .stream().findFirst().map(PartnerMapper::toDomain);
    }

    @Override
    public Optional<ApiKey> findKeyByDigest(ApiKeyDigest digest) {
        // per-event path: every request, outside its transaction, on a connection borrowed for this statement alone
        return Sql.first("select id, partner_id, created_at, revoked_at, scopes, last_used_at from api_keys"
                        + " where digest = ?",
                row -> new ApiKey(new ApiKeyId(row.getString("id")), new PartnerId(row.getString("partner_id")), digest,
                        Sql.instant(row, "created_at"), Sql.instant(row, "revoked_at"),
                        PartnerMapper.scopes((String[]) row.getArray("scopes").getArray()),
                        Sql.instant(row, "last_used_at")),
                digest.hex());
    }

    @Override
    public List<ApiKey> keys(PartnerId partnerId) {
        return Store.detached(ApiKeyEntity.<ApiKeyEntity>list("partnerId = ?1 order by createdAt, id",
                partnerId.value())).stream().map(PartnerMapper::toDomain).toList();
    }

    @Override
    public void keyUsed(ApiKeyId keyId, Instant at) {
        // conditional update: at most once a minute per key, whatever the traffic
        Sql.update("update api_keys set last_used_at = ? where id = ? and (last_used_at is null"
                + " or last_used_at < ?)", at, keyId.value(), at.minus(KEY_USE_GRANULARITY));
    }

    @Override
    public void saveBranding(Branding branding) {
        Sql.update("""
                insert into partner_brandings (partner_id, display_name, logo_url, primary_color, support_email)
                values (?, ?, ?, ?, ?)
                on conflict (partner_id) do update set display_name = excluded.display_name,
                    logo_url = excluded.logo_url, primary_color = excluded.primary_color,
                    support_email = excluded.support_email, updated_at = now()""",
                branding.partnerId().value(), branding.displayName(), branding.logoUrl(), branding.primaryColor(),
                branding.supportEmail());
    }

    @Override
    public Optional<Branding> findBranding(PartnerId partnerId) {
        return Sql.first("""
                select display_name, logo_url, primary_color, support_email from partner_brandings
                where partner_id = ?""",
                row -> new Branding(partnerId, row.getString("display_name"), row.getString("logo_url"),
                        row.getString("primary_color"), row.getString("support_email")),
                partnerId.value());
    }
}
