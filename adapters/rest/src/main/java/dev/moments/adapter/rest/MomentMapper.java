package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.MomentRequests;
import dev.moments.application.port.in.MomentView;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.ReferralTrigger;
import java.util.List;
import java.util.Set;

/** Writes a moment as JSON (read by {@link dev.moments.adapter.rest.json.MomentRequests}). */
final class MomentMapper {

    private MomentMapper() {
    }

    static Responses.Moment toResponse(MomentView view) {
        Moment moment = view.moment();
        Budget budget = view.budget();
        BudgetState state = view.budgetState();
        Audience audience = moment.audience();
        Limits limits = moment.limits();
        return new Responses.Moment(moment.id().value(), moment.name(), moment.status().name(),
                TriggerMapper.toResponse(moment.trigger()),
                new Responses.Audience(sorted(audience.countries()), sorted(audience.platforms()),
                        sorted(audience.segments()), audience.where()),
                new Responses.Schedule(moment.schedule().startsAt(), moment.schedule().endsAt(),
                        moment.schedule().timezone().getId()),
                new Responses.Budget(budget.total().currency().getCurrencyCode(), decimal(budget.total()),
                        decimal(budget.dailyCap()), decimal(budget.costPerAction())),
                new Responses.BudgetState(decimal(state.reserved()), decimal(state.spent()), decimal(state.remaining()),
                        decimal(state.spentToday())),
                moment.rewards().stream().map(RewardId::value).toList(),
                new Responses.Limits(limits.perUser(), limits.perDevice(), Durations.format(limits.cooldown()),
                        Durations.format(limits.redeemAfter()), Durations.format(limits.claimWithin()),
                        limits.perIp() == null ? null : new Responses.PerIp(limits.perIp().max(),
                                Durations.format(limits.perIp().within())),
                        Durations.format(limits.minAccountAge())),
                moment.holdoutPercent(),
                new Responses.Messages(moment.messages().announcement(), moment.messages().confirmation(),
                        moment.messages().email() == null ? null : new Responses.Email(
                                moment.messages().email().subject(), moment.messages().email().body())),
                new Responses.Outcomes(moment.outcomes().followsRevenue()
                        ? new Responses.Revenue(sorted(moment.outcomes().revenue().events()),
                        moment.outcomes().revenue().value()) : null),
                decimal(moment.expectedValuePerAction()),
                moment.createdAt(), moment.updatedAt(),
                moment.trigger() instanceof ReferralTrigger referral ? referral.rewardReferee() : null,
                moment.variants().stream().map(variant -> new Responses.Variant(variant.name(), variant.weight(),
                        decimal(variant.costPerAction()), variant.rewards().isEmpty() ? null
                        : variant.rewards().stream().map(RewardId::value).toList())).toList(),
                limits.review() == null ? null : new Responses.Review(decimal(new Money(limits.review().above(),
                        budget.total().currency())), Durations.format(limits.review().autoRejectAfter())));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    static String decimal(Money money) {
        return money == null ? null : money.toDecimalString();
    }
}
