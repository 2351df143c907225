package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Requests;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Translates moment JSON to commands and moments back to JSON. */
final class MomentMapper {

    private MomentMapper() {
    }

    static CreateMomentCommand toCommand(PartnerId partner, Requests.CreateMoment body) {
        Requests.Schedule schedule = body.schedule();
        return new CreateMomentCommand(partner, body.name(), TriggerMapper.toDomain(body.trigger()), audience(body.audience()),
                schedule == null ? null : schedule.startsAt(), schedule == null ? null : schedule.endsAt(),
                schedule == null ? null : zone(schedule.timezone()), budget(body.budget()), body.rewards(),
                limits(body.limits()), body.holdoutPercent(), messages(body.messages()), outcomes(body.outcomes()),
                body.expectedValuePerAction());
    }

    private static Audience audience(Requests.Audience audience) {
        if (audience == null) {
            return null;
        }
        return new Audience(TextSets.of(audience.countries(), "audience.countries"),
                TextSets.of(audience.platforms(), "audience.platforms"), TextSets.of(audience.segments(), "audience.segments"),
                audience.where());
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null) {
            return null;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("schedule.timezone", "unknown time zone " + timezone
                    + "; use an IANA name such as America/New_York");
        }
    }

    private static CreateMomentCommand.BudgetSpec budget(Requests.Budget budget) {
        return budget == null ? null : new CreateMomentCommand.BudgetSpec(budget.currency(), budget.total(),
                budget.dailyCap(), budget.costPerAction());
    }

    private static Limits limits(Requests.Limits limits) {
        if (limits == null) {
            return null;
        }
        Limits defaults = Limits.defaults();
        return new Limits(limits.perUser() == null ? defaults.perUser() : limits.perUser(), limits.perDevice(),
                limits.cooldown(), limits.redeemAfter() == null ? Duration.ZERO : limits.redeemAfter(),
                limits.claimWithin());
    }

    private static Outcomes outcomes(Requests.Outcomes outcomes) {
        if (outcomes == null || outcomes.revenue() == null) {
            return null;
        }
        List<String> events = outcomes.revenue().events();
        return new Outcomes(new Outcomes.Revenue(
                events == null ? null : TextSets.of(events, "outcomes.revenue.events"), outcomes.revenue().value()));
    }

    private static Messages messages(Requests.Messages messages) {
        return messages == null ? null : new Messages(messages.announcement(), messages.confirmation());
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
                        Durations.format(limits.redeemAfter()), Durations.format(limits.claimWithin())),
                moment.holdoutPercent(),
                new Responses.Messages(moment.messages().announcement(), moment.messages().confirmation()),
                new Responses.Outcomes(moment.outcomes().followsRevenue()
                        ? new Responses.Revenue(sorted(moment.outcomes().revenue().events()),
                        moment.outcomes().revenue().value()) : null),
                decimal(moment.expectedValuePerAction()),
                moment.createdAt(), moment.updatedAt());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    static String decimal(Money money) {
        return money == null ? null : money.toDecimalString();
    }
}
