package dev.moments.adapter.persistence;

import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;

/** Maps awards between the domain and their rows, with the sealed token beside the award. */
final class AwardMapper {

    private AwardMapper() {
    }

    static AwardEntity toEntity(Award award, String sealedToken) {
        AwardEntity entity = new AwardEntity();
        entity.id = award.id().value();
        entity.partnerId = award.partnerId().value();
        entity.momentId = award.momentId().value();
        entity.userId = award.userId();
        entity.deviceId = award.deviceId();
        entity.completion = award.completion();
        entity.status = award.status().name();
        entity.reserved = MoneyColumns.amount(award.reserved());
        entity.currency = award.reserved().currency().getCurrencyCode();
        entity.test = award.test();
        entity.eventId = award.eventId();
        entity.tokenDigest = award.tokenDigest();
        entity.tokenSealed = sealedToken;
        entity.earnedAt = award.earnedAt();
        entity.redeemableAt = award.redeemableAt();
        entity.expiresAt = award.expiresAt();
        entity.updatedAt = award.updatedAt();
        return entity;
    }

    static Award toDomain(AwardEntity entity) {
        return new Award(new AwardId(entity.id), new PartnerId(entity.partnerId), new MomentId(entity.momentId),
                entity.userId, entity.deviceId, entity.completion, AwardStatus.valueOf(entity.status),
                MoneyColumns.money(entity.reserved, entity.currency), entity.test, entity.eventId, entity.tokenDigest,
                entity.earnedAt, entity.redeemableAt, entity.expiresAt, entity.updatedAt);
    }
}
