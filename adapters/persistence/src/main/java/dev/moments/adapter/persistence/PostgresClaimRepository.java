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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps claims in {@code claims} (written once) and their deliveries in {@code fulfillments} (changed by
 * compare-and-set on the status), both in the caller's transaction. The shipping address is jsonb with the API's field
 * names.
 */
@ApplicationScoped
@StoreOutages
public class PostgresClaimRepository implements ClaimRepository {

    private static final String SELECT = "select c.award_id, c.partner_id, c.reward_id, cast(c.shipping as text)"
            + " as shipping, c.email, c.claimed_at, f.provider, f.status, f.reference, f.code, f.reason, f.attempts,"
            + " f.next_attempt_at, f.updated_at from claims c join fulfillments f on f.award_id = c.award_id";

    @Override
    public void insert(ClaimRecord claim) {
        Sql.insert("claim of award " + claim.awardId(), "insert into claims (award_id, partner_id, reward_id, shipping,"
                        + " email, claimed_at) values (?, ?, ?, cast(? as jsonb), ?, ?)",
                claim.awardId().value(), claim.partnerId().value(), claim.rewardId().value(),
                shipping(claim.shipping()), claim.email(), claim.claimedAt());
        Sql.insert("delivery of award " + claim.awardId(), "insert into fulfillments (award_id, provider, status,"
                        + " reference, code, reason, attempts, next_attempt_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                claim.awardId().value(), claim.provider().name(), claim.status().name(), claim.reference(),
                claim.code(), claim.reason(), claim.attempts(), claim.nextAttemptAt(), claim.updatedAt());
    }

    @Override
    public Optional<ClaimRecord> find(AwardId awardId) {
        return Sql.first(SELECT + " where c.award_id = ?", PostgresClaimRepository::claim, awardId.value());
    }

    @Override
    public boolean updateDelivery(ClaimRecord changed, FulfillmentStatus expected) {
        return Sql.update("update fulfillments set status = ?, reference = ?, code = ?, reason = ?, attempts = ?,"
                        + " next_attempt_at = ?, updated_at = ? where award_id = ? and status = ?",
                changed.status().name(), changed.reference(), changed.code(), changed.reason(), changed.attempts(),
                changed.nextAttemptAt(), changed.updatedAt(), changed.awardId().value(), expected.name()) == 1;
    }

    @Override
    public List<ClaimRecord> lockDue(FulfillmentProvider provider, Instant now, int limit) {
        List<String> locked = Sql.list("select award_id from fulfillments where provider = ? and status = 'PENDING'"
                        + " and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked",
                row -> row.getString(1), provider.name(), now, limit);
        return locked.stream().map(id -> find(new AwardId(id)).orElseThrow()).toList();
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

    private static ClaimRecord claim(ResultSet row) throws SQLException {
        String shipping = row.getString("shipping");
        ShippingAddress address = null;
        if (shipping != null) {
            JsonNode json = Json.read(shipping);
            address = new ShippingAddress(Json.text(json, "name"), Json.text(json, "line1"), Json.text(json, "line2"),
                    Json.text(json, "city"), Json.text(json, "region"), Json.text(json, "postalCode"),
                    Json.text(json, "country"));
        }
        return new ClaimRecord(new AwardId(row.getString("award_id")), new PartnerId(row.getString("partner_id")),
                new RewardId(row.getString("reward_id")), FulfillmentProvider.valueOf(row.getString("provider")),
                address, row.getString("email"), Sql.instant(row, "claimed_at"),
                FulfillmentStatus.valueOf(row.getString("status")), row.getString("reference"), row.getString("code"),
                row.getString("reason"), row.getInt("attempts"), Sql.instant(row, "next_attempt_at"),
                Sql.instant(row, "updated_at"));
    }
}
