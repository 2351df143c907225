package dev.moments.adapter.persistence;

import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;

/** Reads award rows into the domain; awards are written by plain SQL ({@link PostgresAwardRepository}). */
final class AwardMapper {

    private AwardMapper() {
    }

    static Award toDomain(AwardEntity entity) {
        return new Award(new AwardId(entity.id), new PartnerId(entity.partnerId), new MomentId(entity.momentId),
                entity.userId, entity.deviceId, entity.completion, AwardStatus.valueOf(entity.status),
                MoneyColumns.money(entity.reserved, entity.currency), entity.test, entity.eventId, entity.tokenDigest,
                entity.earnedAt, entity.redeemableAt, entity.expiresAt, entity.updatedAt, entity.referrer,
                entity.referee, entity.variant);
    }
}
