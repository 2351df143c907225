package dev.moments.application.service;

import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.moment.Variant;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a moment's definition (a creation body, or an edited one) into the moment and its budget, after every check a
 * definition must pass, the same for a new moment and an edited one: its parts, its conditions, and its rewards
 * against its price and currency.
 */
public final class MomentDefinitions {

    private final PartnerRepository partners;
    private final RewardRepository rewards;
    private final CompiledExpressions expressions;

    public MomentDefinitions(PartnerRepository partners, RewardRepository rewards, CompiledExpressions expressions) {
        this.partners = partners;
        this.rewards = rewards;
        this.expressions = expressions;
    }

    /** A moment and its budget as a definition makes them, having passed every check. */
    record Defined(Moment moment, Budget budget) {
    }

    /**
     * The moment and budget {@code command} defines, after every check a definition must pass, the same for a new
     * moment and an edited one: its parts, its conditions, and its rewards against its price.
     *
     * @param partnerId the partner the moment is (or will be) of, whatever the command says
     * @param before the moment being edited, whose status and creation time the result keeps; {@code null} for a new
     *               one, a DRAFT
     */
    Defined define(MomentId id, PartnerId partnerId, CreateMomentCommand command, Moment before, Instant now) {
        Partner partner = partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
        Budget budget = budget(id, command.budget(), partner.currency());
        List<RewardId> rewardIds = rewardIds(command.rewards());
        List<Variant> variants = variants(command.variants(), budget);
        Moment moment = new Moment(id, partner.id(), command.name(), command.trigger(), command.audience(),
                schedule(command, now), rewardIds, command.limits(),
                command.holdoutPercent() == null ? 0 : command.holdoutPercent(), command.messages(),
                command.outcomes(), expectedValue(command, budget),
                before == null ? MomentStatus.DRAFT : before.status(), before == null ? now : before.createdAt(), now,
                variants);
        moment.trigger().expressions().forEach(expressions::validate);
        if (moment.audience().where() != null) {
            expressions.validate("audience.where", moment.audience().where());
        }
        if (moment.outcomes().followsRevenue()) {
            expressions.validateValue("outcomes.revenue.value", moment.outcomes().revenue().value());
        }
        checkRewards(partner.id(), rewardIds, budget.costPerAction(), "",
                before != null && before.rewards().equals(rewardIds) ? "budget.costPerAction" : null);
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            Money price = variant.costPerAction() == null ? budget.costPerAction() : variant.costPerAction();
            if (budget.dailyCap() != null && budget.dailyCap().isLessThan(price)) {
                throw new InvalidValueException("variants[" + i + "].costPerAction", "the budget's dailyCap "
                        + budget.dailyCap() + " cannot pay one action of " + price);
            }
            if (variant.rewards().isEmpty()) { // the moment's rewards, at the variant's price
                checkRewards(partner.id(), rewardIds, price, "", "variants[" + i + "].costPerAction");
            } else {
                checkRewards(partner.id(), variant.rewards(), price, "variants[" + i + "].", null);
            }
        }
        if (moment.limits().review() != null) {
            try {
                new Money(moment.limits().review().above(), budget.total().currency());
            } catch (InvalidValueException e) {
                throw new InvalidValueException("review.above", "above is in the budget's currency: " + e.getMessage());
            }
        }
        return new Defined(moment, budget);
    }

    /** The variants as given, each refusal naming its field under {@code variants[i]}. */
    private static List<Variant> variants(List<CreateMomentCommand.VariantSpec> given, Budget budget) {
        if (given == null) {
            return List.of();
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CreateMomentCommand.VariantSpec spec = given.get(i);
            String path = "variants[" + i + "]";
            if (spec == null) {
                throw new InvalidValueException(path, "a variant is required");
            }
            if (spec.weight() == null) {
                throw new InvalidValueException(path + ".weight", "weight is required");
            }
            Money price = spec.costPerAction() == null ? null
                    : parse(path + ".costPerAction", spec.costPerAction(), budget.total().currency());
            List<RewardId> rewards = spec.rewards() == null || spec.rewards().isEmpty() ? List.of()
                    : rewardIds(spec.rewards(), path + ".rewards");
            try {
                variants.add(new Variant(spec.name(), spec.weight(), price, rewards));
            } catch (InvalidValueException e) {
                throw e.under(path);
            }
        }
        return variants;
    }

    /** What one incremental action is worth, in the budget's currency; {@code null} when not said. */
    private static Money expectedValue(CreateMomentCommand command, Budget budget) {
        String given = command.expectedValuePerAction();
        return given == null ? null : parse("expectedValuePerAction", given, budget.total().currency());
    }

    private static Schedule schedule(CreateMomentCommand command, Instant now) {
        ZoneId zone = command.timezone() == null ? ZoneId.of("UTC") : command.timezone();
        return new Schedule(command.startsAt() == null ? now : command.startsAt(), command.endsAt(), zone);
    }

    private static Budget budget(MomentId id, CreateMomentCommand.BudgetSpec spec, Currency partnerCurrency) {
        if (spec == null) {
            throw new InvalidValueException("budget", "budget is required");
        }
        if (spec.currency() == null) {
            throw new InvalidValueException("budget.currency", "currency is required");
        }
        Currency currency;
        try {
            currency = Money.currency(spec.currency());
        } catch (InvalidValueException e) {
            throw e.under("budget");
        }
        if (!currency.equals(partnerCurrency)) {
            throw new InvalidValueException("budget.currency", "budgets are in the partner's currency, "
                    + partnerCurrency.getCurrencyCode());
        }
        Money total = parse("budget.total", required(spec.total(), "budget.total"), currency);
        Money costPerAction = parse("budget.costPerAction", required(spec.costPerAction(), "budget.costPerAction"), currency);
        Money dailyCap = spec.dailyCap() == null ? null : parse("budget.dailyCap", spec.dailyCap(), currency);
        return Budget.open(id, total, dailyCap, costPerAction);
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field.substring(field.lastIndexOf('.') + 1) + " is required");
        }
        return value;
    }

    /** An amount in the currency, the refusal naming {@code field}. */
    static Money parse(String field, String amount, Currency currency) {
        if (amount == null) {
            throw new InvalidValueException(field, "amount is required");
        }
        try {
            return Money.of(amount, currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }

    private static List<RewardId> rewardIds(List<String> given) {
        return rewardIds(given, "rewards");
    }

    private static List<RewardId> rewardIds(List<String> given, String field) {
        if (given == null || given.isEmpty()) {
            throw new InvalidValueException(field, "at least one reward is required");
        }
        if (given.size() > Moment.MAX_REWARDS) {
            throw new InvalidValueException(field, "at most " + Moment.MAX_REWARDS + " rewards");
        }
        List<RewardId> ids = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String value = given.get(i);
            if (value == null || value.isBlank()) {
                throw new InvalidValueException(field + "[" + i + "]", "not a reward id");
            }
            ids.add(new RewardId(value));
        }
        return ids;
    }

    /**
     * Every reward must be the partner's, cost no more than the price per action ({@code price}: the budget's, or a
     * variant's), and be in the budget's currency; fields are named under {@code prefix}. When the rewards are not
     * what is being set (an edit keeps the moment's, or a variant offers them), a reward above the price is the
     * price's fault, and the refusal names {@code priceField}.
     */
    private void checkRewards(PartnerId partnerId, List<RewardId> rewardIds, Money price, String prefix,
                              String priceField) {
        Map<RewardId, Reward> found = rewards.findAll(partnerId, rewardIds).stream()
                .collect(Collectors.toMap(Reward::id, Function.identity()));
        for (int i = 0; i < rewardIds.size(); i++) {
            Reward reward = found.get(rewardIds.get(i));
            String field = prefix + "rewards[" + i + "]";
            if (reward == null) {
                throw new InvalidValueException(field, "no reward " + rewardIds.get(i));
            }
            if (!reward.cost().currency().equals(price.currency())) {
                throw new InvalidValueException(field, "reward " + reward.id() + " costs " + reward.cost()
                        + ", not in the budget's currency");
            }
            if (reward.cost().isGreaterThan(price)) {
                throw new InvalidValueException(priceField != null ? priceField : field, "reward " + reward.id()
                        + " costs " + reward.cost() + ", more than the costPerAction " + price);
            }
        }
    }
}
