package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps claims in {@code claims} (written once) and their deliveries in {@code fulfillments} (changed by
 * compare-and-set on the status), both in the caller's transaction. The shipping address is jsonb with the API's field
 * names.
 */
@ApplicationScoped
@StoreOutages
public class PostgresClaimRepository implements ClaimRepository {

    /** Claims with their deliveries: rows of (ClaimEntity, FulfillmentEntity). */
    private static final String SELECT = "select c, f from ClaimEntity c join FulfillmentEntity f"
            + " on f.awardId = c.awardId";

    @Override
    public void insert(ClaimRecord claim) {
        // lock window: a paid award's claim writes it while the moment's budget row is locked
        Sql.insert("claim of award " + claim.awardId(), "insert into claims (award_id, partner_id, reward_id, shipping,"
                        + " email, claimed_at) values (?, ?, ?, cast(? as jsonb), ?, ?)",
                claim.awardId().value(), claim.partnerId().value(), claim.rewardId().value(),
                shipping(claim.shipping()), claim.email(), claim.claimedAt());
        // lock window: as above
        Sql.insert("delivery of award " + claim.awardId(), "insert into fulfillments (award_id, provider, status,"
                        + " reference, code, reason, attempts, next_attempt_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                claim.awardId().value(), claim.provider().name(), claim.status().name(), claim.reference(),
                claim.code(), claim.reason(), claim.attempts(), claim.nextAttemptAt(), claim.updatedAt());
    }

    @Override
    public Optional<ClaimRecord> find(AwardId awardId) {
        return claims(Store.em().createQuery(SELECT + " where c.awardId = :id", Object[].class)
                .setParameter("id", awardId.value()).getResultList()).stream().findFirst();
    }

    @Override
    public boolean updateDelivery(ClaimRecord changed, FulfillmentStatus expected) {
        // conditional update: compare-and-set on the delivery's status
        return Sql.update("update fulfillments set status = ?, reference = ?, code = ?, reason = ?, attempts = ?,"
                        + " next_attempt_at = ?, updated_at = ? where award_id = ? and status = ?",
                changed.status().name(), changed.reference(), changed.code(), changed.reason(), changed.attempts(),
                changed.nextAttemptAt(), changed.updatedAt(), changed.awardId().value(), expected.name()) == 1;
    }

    @Override
    public List<ClaimRecord> lockDue(FulfillmentProvider provider, Instant now, int limit) {
        // lock: SKIP LOCKED, so instances share the due deliveries
        List<String> locked = Sql.list("select award_id from fulfillments where provider = ? and status = 'PENDING'"
                        + " and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked",
                row -> row.getString(1), provider.name(), now, limit);
        if (locked.isEmpty()) {
            return List.of();
        }
        // Already locked by this transaction: read them whole, in the order they were locked.
        Map<String, ClaimRecord> byId = claims(Store.em().createQuery(SELECT + " where c.awardId in :ids",
                        Object[].class).setParameter("ids", locked).getResultList()).stream()
                .collect(Collectors.toMap(claim -> claim.awardId().value(), Function.identity()));
        return locked.stream().map(id -> Optional.ofNullable(byId.get(id)).orElseThrow()).toList();
    }

    private static String shipping(ShippingAddress address) {
        if (address == null) {
            return null;
        }
        ObjectNode json = Json.object();
        json.put("name", address.name());
        json.put("line1", address.line1());
        if (address.line2() != null) {
            json.put("line2", address.line2());
        }
        json.put("city", address.city());
        if (address.region() != null) {
            json.put("region", address.region());
        }
        json.put("postalCode", address.postalCode());
        json.put("country", address.country());
        return Json.write(json);
    }

    /** Claims read by {@link #SELECT}, detached. */
    private static List<ClaimRecord> claims(List<Object[]> rows) {
        EntityManager em = Store.em();
        return rows.stream().map(row -> {
            ClaimEntity claim = (ClaimEntity) row[0];
            FulfillmentEntity delivery = (FulfillmentEntity) row[1];
            em.detach(claim);
            em.detach(delivery);
            return claim(claim, delivery);
        }).toList();
    }

    private static ClaimRecord claim(ClaimEntity claim, FulfillmentEntity delivery) {
        ShippingAddress address = null;
        if (claim.shipping != null) {
            JsonNode json = Json.read(claim.shipping);
            address = new ShippingAddress(Json.text(json, "name"), Json.text(json, "line1"), Json.text(json, "line2"),
                    Json.text(json, "city"), Json.text(json, "region"), Json.text(json, "postalCode"),
                    Json.text(json, "country"));
        }
        return new ClaimRecord(new AwardId(claim.awardId), new PartnerId(claim.partnerId),
                new RewardId(claim.rewardId), FulfillmentProvider.valueOf(delivery.provider), address, claim.email,
                claim.claimedAt, FulfillmentStatus.valueOf(delivery.status), delivery.reference, delivery.code,
                delivery.reason, delivery.attempts, delivery.nextAttemptAt, delivery.updatedAt);
    }
}
