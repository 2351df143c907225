package dev.moments.application.port.out;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.award.Award;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.events.AwardCancelled;
import dev.moments.domain.events.AwardClaimed;
import dev.moments.domain.events.AwardEarned;
import dev.moments.domain.events.AwardEvent;
import dev.moments.domain.events.AwardExpired;
import dev.moments.domain.events.BudgetExhausted;
import dev.moments.domain.events.BudgetLow;
import dev.moments.domain.events.CodesLow;
import dev.moments.domain.events.DomainEvent;
import dev.moments.domain.events.FulfillmentUpdated;
import dev.moments.domain.events.MomentStatusChanged;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.redemption.ShippingAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a {@link DomainEvent} becomes an outbox row: its type as the contract names it and its data as
 * JSON-like values, which the relay publishes as they are. Keys are the contract's field names.
 */
public final class OutboxEvents {

    private OutboxEvents() {
    }

    /** The row of a domain event under the given id. */
    public static OutboxEvent of(String id, DomainEvent event) {
        return new OutboxEvent(id, event.partnerId(), event.type(), data(event), event.at());
    }

    /** The data of each event type. */
    static Map<String, Object> data(DomainEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (event instanceof AwardEarned earned) {
            award(data, earned.award());
            if (!earned.notifyByEmail()) {
                data.put("notify", Map.of("email", false));
            }
        } else if (event instanceof AwardExpired || event instanceof AwardCancelled) {
            award(data, ((AwardEvent) event).award());
        } else if (event instanceof AwardClaimed claimed) {
            award(data, claimed.award());
            data.put("rewardId", claimed.reward().id().value());
            data.put("rewardName", claimed.reward().name());
            data.put("kind", claimed.reward().kind().name());
            data.put("provider", claimed.provider().apiName());
            if (claimed.shipping() != null) {
                data.put("shipping", shipping(claimed.shipping()));
            }
            if (claimed.email() != null) {
                data.put("email", claimed.email());
            }
        } else if (event instanceof FulfillmentUpdated updated) {
            data.put("awardId", updated.award().id().value());
            data.put("momentId", updated.award().momentId().value());
            data.put("rewardId", updated.rewardId().value());
            data.put("provider", updated.provider().apiName());
            data.put("status", updated.status().name());
            if (updated.reference() != null) {
                data.put("reference", updated.reference());
            }
            if (updated.reason() != null) {
                data.put("reason", updated.reason());
            }
        } else if (event instanceof BudgetLow low) {
            budget(data, low.moment(), low.budget());
        } else if (event instanceof BudgetExhausted exhausted) {
            budget(data, exhausted.moment(), exhausted.budget());
        } else if (event instanceof MomentStatusChanged changed) {
            data.put("momentId", changed.moment().id().value());
            data.put("name", changed.moment().name());
            data.put("from", changed.from().name());
            data.put("status", changed.moment().status().name());
        } else if (event instanceof CodesLow low) {
            data.put("rewardId", low.rewardId().value());
            if (low.name() != null) {
                data.put("name", low.name());
            }
            data.put("codesAvailable", low.codesAvailable());
        } else {
            throw new IllegalArgumentException("no outbox data for a " + event.getClass().getSimpleName());
        }
        return data;
    }

    /**
     * The award's fields as {@code GET /v1/awards/{id}} names them, those without a value left out. Its redemption
     * link is not among them: the token is a secret, kept sealed; whoever delivers the event adds what needs it.
     */
    private static void award(Map<String, Object> data, Award award) {
        data.put("id", award.id().value());
        data.put("momentId", award.momentId().value());
        data.put("userId", award.userId());
        if (award.deviceId() != null) {
            data.put("deviceId", award.deviceId());
        }
        data.put("status", award.status().name());
        data.put("test", award.test());
        data.put("completion", award.completion());
        data.put("reserved", award.reserved().toDecimalString());
        data.put("currency", award.reserved().currency().getCurrencyCode());
        if (award.eventId() != null) {
            data.put("eventId", award.eventId());
        }
        if (award.referee() != null) {
            data.put("referrer", award.referrer());
            data.put("referee", award.referee());
        }
        if (award.variant() != null) {
            data.put("variant", award.variant());
        }
        data.put("earnedAt", award.earnedAt().toString());
        data.put("redeemableAt", award.redeemableAt().toString());
        if (award.expiresAt() != null) {
            data.put("expiresAt", award.expiresAt().toString());
        }
        if (award.updatedAt() != null) {
            data.put("updatedAt", award.updatedAt().toString());
        }
    }

    private static void budget(Map<String, Object> data, Moment moment, Budget budget) {
        data.put("momentId", moment.id().value());
        data.put("name", moment.name());
        data.put("currency", budget.total().currency().getCurrencyCode());
        data.put("total", budget.total().toDecimalString());
        data.put("reserved", budget.reserved().toDecimalString());
        data.put("spent", budget.spent().toDecimalString());
        data.put("remaining", budget.remaining().toDecimalString());
    }

    private static Map<String, Object> shipping(ShippingAddress address) {
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("name", address.name());
        shipping.put("line1", address.line1());
        if (address.line2() != null) {
            shipping.put("line2", address.line2());
        }
        shipping.put("city", address.city());
        if (address.region() != null) {
            shipping.put("region", address.region());
        }
        shipping.put("postalCode", address.postalCode());
        shipping.put("country", address.country());
        return shipping;
    }
}
