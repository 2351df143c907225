package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pays for one completion: checks the moment is still evaluated, the user's limit, the partner's monthly cap and the
 * budget, charges the partner's month, reserves the price and creates the award with its redemption token. Shared by
 * events and direct awards, so both follow one set of rules; {@link #check} answers the same questions without
 * changing anything.
 */
final class Awarding {

    static final String NOT_LIVE = "NOT_LIVE";
    static final String LIMIT_PER_USER = "LIMIT_PER_USER";
    static final String LIMIT_PER_DEVICE = "LIMIT_PER_DEVICE";
    static final String COOLDOWN = "COOLDOWN";
    static final String BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";
    static final String DAILY_CAP = "DAILY_CAP";
    static final String MONTHLY_CAP = "MONTHLY_CAP";

    private final MomentRepository moments;
    private final AwardRepository awards;
    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final TokenSealer sealer;
    private final DomainEventOutbox outbox;
    private final BudgetFollower follower;

    Awarding(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
             IdGenerator ids, SecretGenerator secrets, TokenSealer sealer, DomainEventOutbox outbox,
             ListeningMoments listening) {
        this.follower = new BudgetFollower(moments, ledger, listening);
        this.moments = moments;
        this.awards = awards;
        this.ledger = ledger;
        this.spending = spending;
        this.ids = ids;
        this.secrets = secrets;
        this.sealer = sealer;
        this.outbox = outbox;
    }

    /** Why the user could not be paid for a completion now, or empty if nothing stands in the way. */
    Optional<String> check(Moment moment, String userId, String deviceId, Instant now) {
        Moment current = moments.find(moment.partnerId(), moment.id()).orElse(moment);
        Optional<String> refusal = statusRefusal(current.status())
                .or(() -> limits(moment, userId, deviceId, awards.countForUser(moment.id(), userId), now));
        if (refusal.isPresent() || current.status() != MomentStatus.LIVE) {
            return refusal;
        }
        Budget budget = ledger.find(moment.id()).orElseThrow();
        if (monthlyCapReached(spending, current, budget, now)) {
            return Optional.of(MONTHLY_CAP);
        }
        if (!budget.canPayOneAction()) {
            return Optional.of(BUDGET_EXHAUSTED);
        }
        return dailyCapReached(ledger, current, budget, now) ? Optional.of(DAILY_CAP) : Optional.empty();
    }

    /** Why a moment in this status pays nothing: exhausted, or not evaluated at all. */
    private static Optional<String> statusRefusal(MomentStatus status) {
        if (status == MomentStatus.EXHAUSTED) {
            return Optional.of(BUDGET_EXHAUSTED);
        }
        return ListeningMoments.EVALUATED.contains(status) ? Optional.empty() : Optional.of(NOT_LIVE);
    }

    /** Whether one more action today would exceed the moment's daily cap. */
    static boolean dailyCapReached(BudgetLedger ledger, Moment moment, Budget budget, Instant now) {
        return budget.dailyCap() != null && ledger.state(moment.id(), moment.schedule().timezone(), now).spentToday()
                .plus(budget.costPerAction()).isGreaterThan(budget.dailyCap());
    }

    /** Whether one more action now would exceed the partner's monthly cap (of the UTC month of {@code now}). */
    static boolean monthlyCapReached(PartnerSpending spending, Moment moment, Budget budget, Instant now) {
        return spending.cap(moment.partnerId(), month(now)).filter(cap -> cap.refuses(budget.costPerAction()))
                .isPresent();
    }

    /** The UTC calendar month of an instant: what a partner's monthly cap counts in. */
    static YearMonth month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }

    /**
     * Awards a completion, or refuses it with the reason.
     *
     * <p>Locks, in this order (see docs/architecture.md): the partner's spending, then the moment's budget. The
     * partner is charged before the budget reserves, and given back in the same transaction if the budget refuses.
     *
     * @throws NotEligibleException when the moment no longer pays, the user reached the limit or the budget is spent
     */
    AwardView award(Moment moment, String userId, String deviceId, String eventId, Instant now) {
        return award(moment, userId, deviceId, eventId, now, new Held());
    }

    /**
     * {@link #award}, for one of several payments in one transaction: the locks it already holds are not taken
     * again, and the budgets and statuses read under them are kept up to date in {@code held} instead of read again.
     */
    AwardView award(Moment moment, String userId, String deviceId, String eventId, Instant now, Held held) {
        if (held.partners.add(moment.partnerId())) {
            spending.lock(moment.partnerId());
        }
        Budget budget = held.budgets.computeIfAbsent(moment.id(), ledger::lock);
        // The snapshot came from the index of listening moments and may be stale: the status is read again here,
        // under the budget lock that every status change takes first.
        MomentStatus status = held.statuses.computeIfAbsent(moment.id(),
                id -> moments.status(moment.partnerId(), id).orElse(moment.status()));
        int earnedBefore = awards.countForUser(moment.id(), userId);
        statusRefusal(status).or(() -> limits(moment, userId, deviceId, earnedBefore, now)).ifPresent(reason -> {
            throw new NotEligibleException(reason);
        });
        boolean test = status == MomentStatus.TEST;
        AwardId awardId = new AwardId(ids.next(AwardId.PREFIX));
        Money reserved = test ? Money.zero(budget.total().currency()) : budget.costPerAction();
        if (!test) {
            YearMonth month = month(now);
            PartnerSpending.Charge charge = spending.charge(moment.partnerId(), reserved, month);
            if (charge == PartnerSpending.Charge.MONTHLY_CAP) {
                throw new NotEligibleException(MONTHLY_CAP);
            }
            BudgetLedger.Reservation reservation = ledger.reserve(moment.id(), reserved, awardId, now,
                    LocalDate.ofInstant(now, moment.schedule().timezone()));
            if (reservation != BudgetLedger.Reservation.RESERVED && charge == PartnerSpending.Charge.CHARGED) {
                // the refusal is caught and the transaction goes on (an event may pay other moments): undo the charge
                spending.giveBack(moment.partnerId(), reserved, month);
            }
            if (reservation == BudgetLedger.Reservation.BUDGET_EXHAUSTED) {
                followBudget(moment, now, held);
                throw new NotEligibleException(BUDGET_EXHAUSTED);
            }
            if (reservation == BudgetLedger.Reservation.DAILY_CAP) {
                throw new NotEligibleException(DAILY_CAP);
            }
        }
        RedemptionToken token = secrets.newRedemptionToken();
        Duration claimWithin = moment.limits().claimWithin();
        Award award = new Award(awardId, moment.partnerId(), moment.id(), userId, deviceId, earnedBefore + 1,
                AwardStatus.EARNED, reserved, test, eventId, token.digest(), now,
                now.plus(moment.limits().redeemAfter()), claimWithin == null ? null : now.plus(claimWithin), now);
        awards.insert(award, sealer.seal(token.value()));
        if (!test) {
            // The budget was read under the lock this transaction still holds: what remains is exact.
            Budget after = budget.reserve(reserved);
            held.budgets.put(moment.id(), after);
            if (isLow(after.total(), after.remaining()) && !held.lowMarked.contains(moment.id())) {
                held.lowMarked.add(moment.id());
                if (ledger.markLowOnce(moment.id())) {
                    outbox.append(budgetEvent("budget.low", moment, now));
                }
            }
            if (!after.canPayOneAction()) {
                followBudget(moment, now, held);
            }
        }
        return new AwardView(award, Optional.of(token), moment.messages().announcement());
    }

    /**
     * The moment's limits on this user and device: per user, cooldown since the user's last award, per device.
     * Concurrent completions of one user are serialised by the unique (moment, user, completion) key; those of one
     * device by {@link AwardRepository#lockAndCountForDevice} (outside a transaction it only counts).
     */
    private Optional<String> limits(Moment moment, String userId, String deviceId, int earnedBefore, Instant now) {
        if (earnedBefore >= moment.limits().perUser()) {
            return Optional.of(LIMIT_PER_USER);
        }
        Duration cooldown = moment.limits().cooldown();
        if (cooldown != null && awards.lastEarnedAt(moment.id(), userId)
                .filter(last -> now.isBefore(last.plus(cooldown))).isPresent()) {
            return Optional.of(COOLDOWN);
        }
        Integer perDevice = moment.limits().perDevice();
        if (perDevice != null && deviceId != null) {
            if (awards.lockAndCountForDevice(moment.id(), deviceId) >= perDevice) {
                return Optional.of(LIMIT_PER_DEVICE);
            }
        }
        return Optional.empty();
    }

    /** The award a completion would get, made but not stored: for dry runs. */
    AwardView hypothetical(Moment moment, String userId, String deviceId, String eventId, Instant now) {
        boolean test = moment.status() == MomentStatus.TEST;
        Budget budget = ledger.find(moment.id()).orElseThrow();
        Duration claimWithin = moment.limits().claimWithin();
        Award award = new Award(new AwardId(ids.next(AwardId.PREFIX)), moment.partnerId(), moment.id(), userId,
                deviceId, awards.countForUser(moment.id(), userId) + 1, AwardStatus.EARNED,
                test ? Money.zero(budget.total().currency()) : budget.costPerAction(), test, eventId,
                "0".repeat(64), now, now.plus(moment.limits().redeemAfter()),
                claimWithin == null ? null : now.plus(claimWithin), now);
        return new AwardView(award, Optional.empty(), moment.messages().announcement());
    }

    /** Whether a budget with {@code remaining} left has used {@link BudgetLedger#LOW_PERCENT} of its total. */
    private static boolean isLow(Money total, Money remaining) {
        return total.minus(remaining).amount().multiply(BigDecimal.valueOf(100))
                .compareTo(total.amount().multiply(BigDecimal.valueOf(BudgetLedger.LOW_PERCENT))) >= 0;
    }

    /**
     * A live moment whose budget cannot pay one more action becomes EXHAUSTED (and says so once, in the outbox); an
     * exhausted one that can pay again goes LIVE. A change is told to the index of listening moments.
     */
    private void followBudget(Moment moment, Instant now, Held held) {
        BudgetFollower.Followed followed = follower.follow(moment.partnerId(), moment.id(), now);
        if (!followed.changed()) {
            return;
        }
        held.statuses.put(moment.id(), followed.moment().status());
        if (followed.moment().status() == MomentStatus.EXHAUSTED) {
            outbox.append(budgetEvent("budget.exhausted", followed.moment(), now));
        }
    }

    private OutboxEvent budgetEvent(String type, Moment moment, Instant now) {
        Budget budget = ledger.find(moment.id()).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("momentId", moment.id().value());
        data.put("name", moment.name());
        data.put("currency", budget.total().currency().getCurrencyCode());
        data.put("total", budget.total().toDecimalString());
        data.put("reserved", budget.reserved().toDecimalString());
        data.put("spent", budget.spent().toDecimalString());
        data.put("remaining", budget.remaining().toDecimalString());
        return new OutboxEvent(ids.next("whe_"), moment.partnerId(), type, data, now);
    }

    /**
     * What one transaction already holds while it pays: the partners' rows it locked, and each moment's budget and
     * status as they stand under the budget lock (only this transaction can change them until it ends).
     */
    static final class Held {
        private final Set<PartnerId> partners = new HashSet<>();
        private final Map<MomentId, Budget> budgets = new HashMap<>();
        private final Map<MomentId, MomentStatus> statuses = new HashMap<>();
        private final Set<MomentId> lowMarked = new HashSet<>();
    }
}
