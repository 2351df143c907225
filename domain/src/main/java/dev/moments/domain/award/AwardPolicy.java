package dev.moments.domain.award;

import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.trigger.ReferralTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules that decide whether a completion is paid, in the order they are asked; each a function of the
 * {@link Candidate} answering the {@link Refusal} it finds, if any. Payments, previews and explanations all ask this
 * one list, so they cannot disagree. Adding a refusal is one constant here and one in {@link Refusal}. What the user
 * cannot change (schedule, test mode, audience, control group) comes before the moment's status, as direct awards
 * have always answered.
 */
public enum AwardPolicy {

    /** Only completions inside the schedule count. */
    SCHEDULE(c -> refuseIf(!c.moment().schedule().contains(c.completedAt()), Refusal.OUTSIDE_SCHEDULE)),

    /** In TEST only test users are evaluated. */
    TEST_MODE(c -> refuseIf(c.moment().status() == MomentStatus.TEST && !c.testUser(), Refusal.TEST_USERS_ONLY)),

    /** The audience's filters and condition. */
    AUDIENCE(c -> refuseIf(!c.inAudience(), Refusal.NOT_IN_AUDIENCE)),

    /** A user, device, client address or e-mail address on the partner's blocklist is never paid. */
    BLOCKED(c -> refuseIf(c.blocked(), Refusal.BLOCKED)),

    /** The control group is tracked, never paid. */
    HOLDOUT(c -> refuseIf(c.moment().holdsOut(c.userId()), Refusal.HOLDOUT)),

    /**
     * A referral moment pays a referee's completion only when someone referred them, within the referral's window,
     * not on a device the referrer was seen on, and once to each side.
     */
    REFERRAL(c -> {
        if (!(c.moment().trigger() instanceof ReferralTrigger trigger)) {
            return Optional.empty();
        }
        Optional<Referral> referral = c.referral();
        if (referral.isEmpty() || c.completedAt().isBefore(referral.get().referredAt())) {
            return Optional.of(Refusal.NOT_REFERRED); // nobody referred the user, or not yet when they completed
        }
        Optional<Refusal> expired = referral.get().expiredAt(trigger, c.completedAt());
        if (expired.isPresent()) {
            return expired;
        }
        if (c.referrerSharesDevice()) {
            return Optional.of(Refusal.SELF_REFERRAL);
        }
        return refuseIf(c.referralPaid(), Refusal.REFERRAL_PAID);
    }),

    /** An exhausted moment pays nothing; neither does one that is not evaluated (DRAFT, PAUSED, FINISHED). */
    STATUS(c -> {
        MomentStatus status = c.moment().status();
        if (status == MomentStatus.EXHAUSTED) {
            return Optional.of(Refusal.BUDGET_EXHAUSTED);
        }
        return status == MomentStatus.LIVE || status == MomentStatus.TEST ? Optional.empty()
                : Optional.of(Refusal.NOT_LIVE);
    }),

    /** At most {@code limits.perUser} awards per user (for a referral moment: the user the award is for). */
    PER_USER(c -> refuseIf(c.awardsOfUser() >= c.moment().limits().perUser(), Refusal.LIMIT_PER_USER)),

    /** Not within {@code limits.cooldown} of the user's last award. */
    COOLDOWN(c -> {
        Duration cooldown = c.moment().limits().cooldown();
        return refuseIf(cooldown != null && c.lastAwardOfUser()
                .filter(last -> c.now().isBefore(last.plus(cooldown))).isPresent(), Refusal.COOLDOWN);
    }),

    /** At most {@code limits.perDevice} awards per device, when the device is known. */
    PER_DEVICE(c -> {
        Integer perDevice = c.moment().limits().perDevice();
        return refuseIf(perDevice != null && c.deviceId() != null && c.awardsOnDevice() >= perDevice,
                Refusal.LIMIT_PER_DEVICE);
    }),

    /** At most {@code limits.perIp.max} awards from one client address within its window, when the address is known. */
    PER_IP(c -> {
        Limits.PerIp perIp = c.moment().limits().perIp();
        return refuseIf(perIp != null && c.ip() != null && c.awardsFromIp() >= perIp.max(), Refusal.VELOCITY_IP);
    }),

    /** An account at least {@code limits.minAccountAge} old at the completion; one of unknown age is refused. */
    ACCOUNT_AGE(c -> {
        Duration minimum = c.moment().limits().minAccountAge();
        // compared as completedAt − minimum, which cannot overflow (any completion is after 2000, the minimum ≤ 10 years)
        return refuseIf(minimum != null && c.accountCreatedAt()
                .map(created -> created.isAfter(c.completedAt().minus(minimum))).orElse(true),
                Refusal.ACCOUNT_TOO_NEW);
    }),

    /** The partner's monthly cap (a LIVE moment's price, or its variant's; TEST awards cost nothing). */
    MONTHLY_CAP(c -> refuseIf(paying(c.moment()) && c.monthlyRoom()
            .filter(room -> c.price().isGreaterThan(room)).isPresent(), Refusal.MONTHLY_CAP)),

    /** The moment's budget, at the completion's price. */
    BUDGET(c -> refuseIf(paying(c.moment()) && !c.budget().canPay(c.price()), Refusal.BUDGET_EXHAUSTED)),

    /** The moment's daily cap, in its time zone. */
    DAILY_CAP(c -> {
        if (!paying(c.moment())) {
            return Optional.empty();
        }
        Budget budget = c.budget();
        return refuseIf(budget.dailyCap() != null
                && c.chargedToday().plus(c.price()).isGreaterThan(budget.dailyCap()), Refusal.DAILY_CAP);
    });

    private final Function<Candidate, Optional<Refusal>> rule;

    AwardPolicy(Function<Candidate, Optional<Refusal>> rule) {
        this.rule = rule;
    }

    /** The refusal this policy finds, if any. */
    public Optional<Refusal> check(Candidate candidate) {
        return rule.apply(candidate);
    }

    /** The first refusal of the list, in order, or empty when the completion is paid. */
    public static Optional<Refusal> firstRefusal(Candidate candidate) {
        for (AwardPolicy policy : values()) {
            Optional<Refusal> refusal = policy.check(candidate);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * Every refusal of the list, in order and each once: what an explanation lists. Each refusal is answered by one
     * rule, except {@code BUDGET_EXHAUSTED}, which STATUS answers for an EXHAUSTED moment and BUDGET only for a LIVE
     * one, so none can come twice. A refusal that cannot be lifted while another stands is left out beside it: the
     * cooldown beside the user's limit, the daily cap beside an exhausted budget.
     */
    public static List<Refusal> allRefusals(Candidate candidate) {
        List<Refusal> refusals = new ArrayList<>();
        for (AwardPolicy policy : values()) {
            policy.check(candidate).ifPresent(refusals::add);
        }
        OUTRANKED_BY.forEach((refusal, outranking) -> {
            if (refusals.contains(outranking)) {
                refusals.remove(refusal);
            }
        });
        return refusals;
    }

    /** A refusal, and the one that makes it moot while it stands. */
    private static final Map<Refusal, Refusal> OUTRANKED_BY = Map.of(
            Refusal.COOLDOWN, Refusal.LIMIT_PER_USER,
            Refusal.DAILY_CAP, Refusal.BUDGET_EXHAUSTED);

    /** Whether completions of the moment cost money: a LIVE one (TEST awards are free, others are refused). */
    private static boolean paying(Moment moment) {
        return moment.status() == MomentStatus.LIVE;
    }

    private static Optional<Refusal> refuseIf(boolean refused, Refusal refusal) {
        return refused ? Optional.of(refusal) : Optional.empty();
    }
}
