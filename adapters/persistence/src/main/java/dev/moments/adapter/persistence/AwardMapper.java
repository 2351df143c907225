package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.RiskSignal;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.util.ArrayList;
import java.util.List;

/** Reads award rows into the domain; awards are written by plain SQL ({@link PostgresAwardRepository}). */
final class AwardMapper {

    private AwardMapper() {
    }

    static Award toDomain(AwardEntity entity) {
        return new Award(new AwardId(entity.id), new PartnerId(entity.partnerId), new MomentId(entity.momentId),
                entity.userId, entity.deviceId, entity.completion, AwardStatus.valueOf(entity.status),
                MoneyColumns.money(entity.reserved, entity.currency), entity.test, entity.eventId, entity.tokenDigest,
                entity.earnedAt, entity.redeemableAt, entity.expiresAt, entity.updatedAt, entity.referrer,
                entity.referee, entity.variant, entity.risk == null ? List.of() : risk(Json.read(entity.risk)));
    }

    /** The signals as stored: a JSON array, or {@code null} for none. */
    static String riskJson(List<RiskSignal> risk) {
        if (risk.isEmpty()) {
            return null;
        }
        ArrayNode signals = Json.array(List.of());
        for (RiskSignal signal : risk) {
            ObjectNode item = signals.addObject().put("rule", signal.rule()).put("detail", signal.detail());
            if (signal.count() != null) {
                item.put("count", signal.count()).put("limit", signal.limit());
            }
        }
        return Json.write(signals);
    }

    private static List<RiskSignal> risk(JsonNode stored) {
        List<RiskSignal> signals = new ArrayList<>();
        stored.forEach(item -> signals.add(new RiskSignal(Json.text(item, "rule"),
                item.hasNonNull("count") ? item.get("count").asInt() : null,
                item.hasNonNull("limit") ? item.get("limit").asInt() : null, Json.text(item, "detail"))));
        return signals;
    }
}
