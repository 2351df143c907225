package dev.moments.domain.moment;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.shared.Text;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user action a partner pays for: what must happen ({@link Trigger}), who may earn it ({@link Audience}), when
 * it counts ({@link Schedule}), which rewards it offers, how often it pays ({@link Limits}), what share of users is
 * held out to measure its effect, and where it is in its life ({@link MomentStatus}). Its money lives in the
 * moment's {@code Budget}.
 *
 * <h2>The life of a moment</h2>
 *
 * <p>A partner writes a moment as a {@code DRAFT}: a name, the action that completes it, the rewards a user may pick
 * from and the price the partner pays per completion. A draft earns nobody anything, and may be rewritten at will.
 *
 * <p>Before real users see it, the partner may put it in {@code TEST}: only the partner's test users are followed,
 * their completions are awarded as test awards — the sandbox hands out the reward, the budget is not charged — so the
 * partner sees the whole journey, link and page included, at no cost.
 *
 * <p>Launched, the moment is {@code LIVE}: every event of every user in its audience and schedule counts, and each
 * completion is paid from the budget — unless the user is in the holdout group, who complete it without being
 * rewarded so the partner can see what the reward changed. When the budget can no longer pay one more completion,
 * the moment is {@code EXHAUSTED}: users keep their progress, and money coming back — a top-up, an award that
 * expired or was cancelled, a delivery refunded — makes it {@code LIVE} again on its own. (A daily or monthly cap
 * that is reached refuses completions for the day or month without changing the moment's status.)
 *
 * <p>The partner may pause a live or exhausted moment ({@code PAUSED}) — nothing is evaluated while paused, and this
 * is when its definition may be edited — and resume it later. Finishing it ({@code FINISHED}) is for good: nobody
 * completes it any more, while the awards it already paid for can still be claimed until their links expire.
 */
public record Moment(
        MomentId id,
        PartnerId partnerId,
        String name,
        Trigger trigger,
        Audience audience,
        Schedule schedule,
        List<RewardId> rewards,
        Limits limits,
        int holdoutPercent,
        Messages messages,
        Outcomes outcomes,
        Money expectedValuePerAction,
        MomentStatus status,
        Instant createdAt,
        Instant updatedAt,
        List<Variant> variants) {

    /** The most reward options a moment may offer. */
    public static final int MAX_REWARDS = 50;
    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The most variants a moment may test against each other. */
    public static final int MAX_VARIANTS = 10;

    public Moment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        name = Text.name("name", name, MAX_NAME_LENGTH);
        if (trigger == null) {
            throw new InvalidValueException("trigger", "trigger is required");
        }
        if (rewards == null || rewards.isEmpty()) {
            throw new InvalidValueException("rewards", "at least one reward is required");
        }
        if (rewards.size() > MAX_REWARDS) {
            throw new InvalidValueException("rewards", "at most " + MAX_REWARDS + " rewards");
        }
        if (rewards.stream().distinct().count() != rewards.size()) {
            throw new InvalidValueException("rewards", "a reward is listed twice");
        }
        if (holdoutPercent < 0 || holdoutPercent > 99) {
            throw new InvalidValueException("holdoutPercent", "holdoutPercent must be between 0 and 99");
        }
        rewards = List.copyOf(rewards);
        audience = audience == null ? Audience.EVERYONE : audience;
        limits = limits == null ? Limits.defaults() : limits;
        messages = messages == null ? Messages.NONE : messages;
        outcomes = outcomes == null ? Outcomes.NONE : outcomes;
        if (expectedValuePerAction != null && !expectedValuePerAction.isPositive()) {
            throw new InvalidValueException("expectedValuePerAction", "expectedValuePerAction must be positive");
        }
        Objects.requireNonNull(schedule, "schedule");
        variants = variants == null ? List.of() : List.copyOf(variants);
        if (variants.size() == 1 || variants.size() > MAX_VARIANTS) {
            throw new InvalidValueException("variants", "a moment tests 2 to " + MAX_VARIANTS + " variants, or none");
        }
        if (variants.stream().map(Variant::name).distinct().count() != variants.size()) {
            throw new InvalidValueException("variants", "two variants have the same name");
        }
    }

    /** A moment without variants: every user is offered its rewards at its budget's price. */
    public Moment(MomentId id, PartnerId partnerId, String name, Trigger trigger, Audience audience, Schedule schedule,
                  List<RewardId> rewards, Limits limits, int holdoutPercent, Messages messages, Outcomes outcomes,
                  Money expectedValuePerAction, MomentStatus status, Instant createdAt, Instant updatedAt) {
        this(id, partnerId, name, trigger, audience, schedule, rewards, limits, holdoutPercent, messages, outcomes,
                expectedValuePerAction, status, createdAt, updatedAt, List.of());
    }

    /** Starts evaluating test users only. */
    public Moment test(Instant now) {
        return move(MomentStatus.TEST, "be tested", now, MomentStatus.DRAFT);
    }

    /**
     * Goes live. A budget that cannot pay one action makes it {@code EXHAUSTED} at once.
     *
     * @param budgetCanPay whether the moment's budget can pay one more action
     */
    public Moment launch(boolean budgetCanPay, Instant now) {
        return move(budgetCanPay ? MomentStatus.LIVE : MomentStatus.EXHAUSTED, "be launched", now,
                MomentStatus.DRAFT, MomentStatus.TEST);
    }

    /** Stops evaluating events until resumed. */
    public Moment pause(Instant now) {
        return move(MomentStatus.PAUSED, "be paused", now, MomentStatus.LIVE, MomentStatus.EXHAUSTED);
    }

    /** Evaluates events again; {@code EXHAUSTED} if the budget cannot pay one action. */
    public Moment resume(boolean budgetCanPay, Instant now) {
        return move(budgetCanPay ? MomentStatus.LIVE : MomentStatus.EXHAUSTED, "be resumed", now, MomentStatus.PAUSED);
    }

    /** Ends the moment for good. */
    public Moment finish(Instant now) {
        return move(MomentStatus.FINISHED, "be finished", now, MomentStatus.DRAFT, MomentStatus.TEST,
                MomentStatus.LIVE, MomentStatus.PAUSED, MomentStatus.EXHAUSTED);
    }

    /**
     * Refuses an edit of the definition unless the moment is a DRAFT or PAUSED (see {@link MomentStatus#isEditable}).
     *
     * @throws MomentNotEditableException in any other status
     */
    public void requireEditable() {
        if (!status.isEditable()) {
            throw new MomentNotEditableException(status);
        }
    }

    /**
     * Follows the budget: a live moment that cannot pay one more action becomes {@code EXHAUSTED}, an exhausted one
     * that can again (after a top-up) becomes {@code LIVE}; any other status is kept.
     */
    public Moment followBudget(boolean budgetCanPay, Instant now) {
        if (status == MomentStatus.LIVE && !budgetCanPay) {
            return withStatus(MomentStatus.EXHAUSTED, now);
        }
        if (status == MomentStatus.EXHAUSTED && budgetCanPay) {
            return withStatus(MomentStatus.LIVE, now);
        }
        return this;
    }

    private Moment move(MomentStatus target, String action, Instant now, MomentStatus... allowedFrom) {
        for (MomentStatus from : allowedFrom) {
            if (status == from) {
                return withStatus(target, now);
            }
        }
        throw new InvalidTransitionException(status, action);
    }

    private Moment withStatus(MomentStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new InvalidTransitionException(status, "become " + target);
        }
        return new Moment(id, partnerId, name, trigger, audience, schedule, rewards, limits, holdoutPercent, messages,
                outcomes, expectedValuePerAction, target, createdAt, now, variants);
    }

    /**
     * Every event type the moment listens to: those of its trigger, which reach it and count towards it, and those its
     * outcomes are read from.
     */
    public Set<String> eventTypes() {
        Set<String> outcomeTypes = outcomes.eventTypes();
        if (outcomeTypes.isEmpty()) {
            return trigger.eventTypes();
        }
        Set<String> types = new HashSet<>(trigger.eventTypes());
        types.addAll(outcomeTypes);
        return Set.copyOf(types);
    }

    /**
     * Whether a user falls in the holdout group: a stable hash of moment and user ids, so a user is always on the
     * same side, spread evenly over 100 buckets.
     */
    public boolean holdsOut(String userId) {
        return holdoutPercent > 0 && HoldoutBucket.of(id, userId) < holdoutPercent;
    }

    /** The variant a user gets when first reaching the moment (a stable hash), or {@code null} without variants. */
    public Variant variantOf(String userId) {
        return variants.isEmpty() ? null : VariantBucket.of(id, userId, variants);
    }

    /** The name of the variant a user gets ({@link #variantOf}), or {@code null} without variants. */
    public String variantNameOf(String userId) {
        Variant variant = variantOf(userId);
        return variant == null ? null : variant.name();
    }

    /**
     * What one completion of a user of {@code variant} (a name, or {@code null}) costs: the variant's price, else
     * {@code budgetPrice} (no variant, one that sets no price, or one an edit removed).
     */
    public Money costPerAction(String variant, Money budgetPrice) {
        return variant(variant == null ? "" : variant).map(Variant::costPerAction).orElse(budgetPrice);
    }

    /** The variant of this name, if the moment has one. */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(variant -> variant.name().equals(name)).findFirst();
    }

    /** The rewards offered to a user of {@code variant} (a name, or {@code null}): the variant's, else the moment's. */
    public List<RewardId> rewardsOf(String variant) {
        return variant(variant == null ? "" : variant).map(Variant::rewards).filter(list -> !list.isEmpty())
                .orElse(rewards);
    }
}
