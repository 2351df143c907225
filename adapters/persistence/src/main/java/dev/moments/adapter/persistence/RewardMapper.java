package dev.moments.adapter.persistence;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import java.util.Set;

/** Maps rewards between the domain and their rows; countries are a sorted text[]. */
final class RewardMapper {

    private RewardMapper() {
    }

    static RewardEntity toEntity(Reward reward) {
        RewardEntity entity = new RewardEntity();
        entity.id = reward.id().value();
        entity.partnerId = reward.partnerId().value();
        entity.name = reward.name();
        entity.kind = reward.kind().name();
        entity.cost = MoneyColumns.amount(reward.cost());
        entity.currency = reward.cost().currency().getCurrencyCode();
        entity.countries = reward.countries().stream().sorted().toArray(String[]::new);
        entity.provider = reward.provider().name();
        entity.description = reward.description();
        entity.imageUrl = reward.imageUrl();
        entity.createdAt = reward.createdAt();
        return entity;
    }

    static Reward toDomain(RewardEntity entity) {
        return new Reward(new RewardId(entity.id), new PartnerId(entity.partnerId), entity.name,
                RewardKind.valueOf(entity.kind), MoneyColumns.money(entity.cost, entity.currency),
                entity.countries == null ? Set.of() : Set.of(entity.countries),
                FulfillmentProvider.valueOf(entity.provider), entity.description, entity.imageUrl, entity.createdAt);
    }
}
