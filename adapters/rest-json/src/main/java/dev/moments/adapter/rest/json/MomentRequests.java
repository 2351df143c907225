package dev.moments.adapter.rest.json;

import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.EmailMessage;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.moment.Review;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Reads the JSON of a moment ({@code POST /v1/moments}) into the command that creates it. */
public final class MomentRequests {

    private MomentRequests() {
    }

    /** The command that creates the moment {@code body} describes, for {@code partner}. */
    public static CreateMomentCommand toCommand(PartnerId partner, Requests.CreateMoment body) {
        Requests.Schedule schedule = body.schedule();
        return new CreateMomentCommand(partner, body.name(),
                TriggerRequests.toDomain(body.trigger(), body.rewardReferee()),
                audience(body.audience()),
                schedule == null ? null : schedule.startsAt(), schedule == null ? null : schedule.endsAt(),
                schedule == null ? null : zone(schedule.timezone()), budget(body.budget()), body.rewards(),
                limits(body.limits(), body.review()), body.holdoutPercent(), messages(body.messages()),
                outcomes(body.outcomes()),
                body.expectedValuePerAction(), body.variants() == null ? null : body.variants().stream()
                .map(variant -> variant == null ? null : new CreateMomentCommand.VariantSpec(variant.name(),
                        variant.weight(), variant.costPerAction(), variant.rewards())).toList());
    }

    private static Audience audience(Requests.Audience audience) {
        if (audience == null) {
            return null;
        }
        return new Audience(TextSets.of(audience.countries(), "audience.countries"),
                TextSets.of(audience.platforms(), "audience.platforms"),
                TextSets.of(audience.segments(), "audience.segments"),
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

    private static Limits limits(Requests.Limits limits, Requests.Review review) {
        Limits stated = limits(limits);
        if (review == null) {
            return stated;
        }
        return (stated == null ? Limits.defaults() : stated).withReview(new Review(reviewAbove(review.above()),
                review.autoRejectAfter()));
    }

    /** A review's price: a plain non-negative decimal ({@code "25.00"}); its scale is the budget currency's. */
    private static BigDecimal reviewAbove(String above) {
        if (above == null) {
            return null; // refused by Review, naming the field
        }
        if (!above.matches("\\d{1,15}(\\.\\d{1,10})?")) {
            throw new InvalidValueException("review.above", "above is a decimal string such as \"25.00\"");
        }
        return new BigDecimal(above);
    }

    private static Limits limits(Requests.Limits limits) {
        if (limits == null) {
            return null;
        }
        Limits defaults = Limits.defaults();
        Requests.PerIp perIp = limits.perIp();
        if (perIp != null && perIp.max() == null) {
            throw new InvalidValueException("limits.perIp.max", "max is required");
        }
        return new Limits(limits.perUser() == null ? defaults.perUser() : limits.perUser(), limits.perDevice(),
                limits.cooldown(), limits.redeemAfter() == null ? Duration.ZERO : limits.redeemAfter(),
                limits.claimWithin(), perIp == null ? null : new Limits.PerIp(perIp.max(), perIp.within()),
                limits.minAccountAge());
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
        return messages == null ? null : new Messages(messages.announcement(), messages.confirmation(),
                messages.email() == null ? null
                        : new EmailMessage(messages.email().subject(), messages.email().body()));
    }
}
