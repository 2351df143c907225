package dev.moments.application.port.in;

import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a partner says to define a moment. Optional parts are {@code null}: no audience filter, starts now, no
 * end, UTC, no daily cap, one award per user, no holdout, no outcomes followed, no expected value per action.
 *
 * @param expectedValuePerAction what one incremental action is worth to the partner, a decimal string in the budget's
 *                               currency: the report flags a moment whose incremental actions cost more
 * @param variants the variants tested against each other, or {@code null} for none
 */
public record CreateMomentCommand(
        PartnerId partnerId,
        String name,
        Trigger trigger,
        Audience audience,
        Instant startsAt,
        Instant endsAt,
        ZoneId timezone,
        BudgetSpec budget,
        List<String> rewards,
        Limits limits,
        Integer holdoutPercent,
        Messages messages,
        Outcomes outcomes,
        String expectedValuePerAction,
        List<VariantSpec> variants) {

    public CreateMomentCommand {
        Objects.requireNonNull(partnerId, "partnerId");
    }

    /** A moment without variants. */
    public CreateMomentCommand(PartnerId partnerId, String name, Trigger trigger, Audience audience, Instant startsAt,
                               Instant endsAt, ZoneId timezone, BudgetSpec budget, List<String> rewards, Limits limits,
                               Integer holdoutPercent, Messages messages, Outcomes outcomes,
                               String expectedValuePerAction) {
        this(partnerId, name, trigger, audience, startsAt, endsAt, timezone, budget, rewards, limits, holdoutPercent,
                messages, outcomes, expectedValuePerAction, null);
    }

    /**
     * A variant as given: its price a decimal string in the budget's currency ({@code null}: the budget's), its rewards
     * reward ids ({@code null} or empty: the moment's).
     */
    public record VariantSpec(String name, Integer weight, String costPerAction, List<String> rewards) {
    }

    /** A moment that follows no outcomes and states no value per action. */
    public CreateMomentCommand(PartnerId partnerId, String name, Trigger trigger, Audience audience, Instant startsAt,
                               Instant endsAt, ZoneId timezone, BudgetSpec budget, List<String> rewards, Limits limits,
                               Integer holdoutPercent, Messages messages) {
        this(partnerId, name, trigger, audience, startsAt, endsAt, timezone, budget, rewards, limits, holdoutPercent,
                messages, null, null);
    }

    /** The budget as given: amounts as decimal strings, parsed against {@code currency}. */
    public record BudgetSpec(String currency, String total, String dailyCap, String costPerAction) {
    }
}
