package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardPolicy;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.Candidate;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pays for completions: decides each against the award policies ({@link AwardPolicy}, asked with what the locks of
 * the paying transaction guard), charges the partner's month, reserves the price and creates the award with its
 * redemption token. Shared by events and direct awards, so both follow one set of rules.
 */
public final class Awarding {

    private final MomentRepository moments;
    private final AwardRepository awards;
    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final TokenSealer sealer;
    private final DomainEventOutbox outbox;
    private final BudgetFollower follower;

    public Awarding(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
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

    /**
     * Awards a completion, or refuses it with the reason.
     *
     * @throws NotEligibleException when the moment no longer pays, the user reached the limit or the budget is spent
     */
    AwardView award(Completion completion, Instant now) {
        Payment payment = awardAll(List.of(completion), now).get(0);
        if (payment.refusal() != null) {
            throw new NotEligibleException(payment.refusal());
        }
        return payment.award();
    }

    /**
     * A completion to pay for: a user (and device) who completed a moment, through an event or directly.
     *
     * @param completedAt the event's {@code occurredAt}, or now for a direct award
     * @param testUser whether the partner flags the user as a test user
     * @param inAudience whether the user is in the moment's audience (the event path admits only such users)
     */
    record Completion(Moment moment, String userId, String deviceId, String eventId, Instant completedAt,
                      boolean testUser, boolean inAudience) {
    }

    /** What became of one completion: its award, or the reason it was refused. */
    record Payment(AwardView award, Refusal refusal) {
    }

    /**
     * Pays for completions in their order, in the caller's transaction, with one charge of each partner and one
     * reservation on each moment's budget for all of them: the answers are those of paying them one after the
     * other, but the budget's row is written once however many awards it pays for.
     *
     * <p>First the locks, in the documented order (docs/architecture.md): each partner's spending, then each moment's
     * budget, in id order so that two units of work never wait for each other in a cycle; each moment is read again
     * under its budget lock (the listening index may be stale, and every status change and edit takes that lock
     * first). What the locks guard — the budget, the partner's month, today's charges — cannot change until this
     * transaction ends, so each completion is decided in memory against it: status, the user's and the device's
     * limits, the partner's cap, the budget, the daily cap. Then the money moves in one conditional UPDATE per partner
     * and per budget (the store checks the sums again: no read in Java is trusted to stop an overspend) and the awards
     * are written together.
     */
    List<Payment> awardAll(List<Completion> completions, Instant now) {
        if (completions.isEmpty()) {
            return List.of();
        }
        YearMonth month = SpendingMonth.of(now);
        Map<PartnerId, PartnerMonth> partners = new TreeMap<>(Comparator.comparing(PartnerId::value));
        Map<MomentId, Account> accounts = new TreeMap<>(Comparator.comparing(MomentId::value));
        for (Completion completion : completions) {
            partners.putIfAbsent(completion.moment().partnerId(), null);
            accounts.computeIfAbsent(completion.moment().id(), id -> new Account(completion.moment()))
                    .users.add(completion.userId());
        }
        for (PartnerId partnerId : partners.keySet()) {
            partners.put(partnerId, new PartnerMonth(spending.lockCap(partnerId, month).orElse(null)));
        }
        for (Account account : accounts.values()) {
            account.open(now);
        }

        List<Payment> payments = new ArrayList<>(completions.size());
        List<AwardRepository.Sealed> created = new ArrayList<>();
        for (Completion completion : completions) {
            Account account = accounts.get(completion.moment().id());
            Payment payment = decide(completion, account, partners.get(completion.moment().partnerId()), now);
            if (payment.award() != null) {
                created.add(new AwardRepository.Sealed(payment.award().award(),
                        sealer.seal(payment.award().token().orElseThrow().value())));
            }
            payments.add(payment);
        }

        for (Map.Entry<PartnerId, PartnerMonth> entry : partners.entrySet()) {
            Money charged = entry.getValue().chargedHere;
            if (charged != null && charged.isPositive()
                    && spending.charge(entry.getKey(), charged, month) != PartnerSpending.Charge.CHARGED) {
                throw new ConcurrentWriteException("the monthly cap of partner " + entry.getKey()
                        + " changed under its lock", null);
            }
        }
        for (Account account : accounts.values()) {
            if (!account.reservedFor.isEmpty()) {
                BudgetLedger.Reservation reservation = ledger.reserveAll(account.moment.id(),
                        account.budget.costPerAction(), account.reservedFor, now,
                        LocalDate.ofInstant(now, account.moment.schedule().timezone()));
                if (reservation != BudgetLedger.Reservation.RESERVED) {
                    throw new ConcurrentWriteException("the budget of moment " + account.moment.id()
                            + " changed under its lock (" + reservation + ")", null);
                }
            }
        }
        awards.insertAll(created);
        for (Account account : accounts.values()) {
            account.follow(now);
        }
        return payments;
    }

    /** Decides one completion against what the locks guard, and books it in memory if it is paid. */
    private Payment decide(Completion completion, Account account, PartnerMonth partner, Instant now) {
        Optional<Refusal> refusal = AwardPolicy.firstRefusal(account.candidate(completion, partner, now));
        if (refusal.isPresent()) {
            return new Payment(null, refusal.get());
        }
        Moment moment = account.moment;
        String userId = completion.userId();
        boolean test = account.status == MomentStatus.TEST;
        Money price = test ? Money.zero(account.budget.total().currency()) : account.budget.costPerAction();
        if (!test) {
            partner.charge(price);
        }
        AwardId awardId = new AwardId(ids.next(AwardId.PREFIX));
        int completionNumber = account.book(userId, completion.deviceId(), price, awardId, test, now);
        RedemptionToken token = secrets.newRedemptionToken();
        Duration claimWithin = moment.limits().claimWithin();
        Award award = new Award(awardId, moment.partnerId(), moment.id(), userId, completion.deviceId(),
                completionNumber, AwardStatus.EARNED, price, test, completion.eventId(), token.digest(), now,
                now.plus(moment.limits().redeemAfter()), claimWithin == null ? null : now.plus(claimWithin), now);
        return new Payment(new AwardView(award, Optional.of(token), moment.messages().announcement()), null);
    }

    /** A partner's monthly cap as it stands under the partner's lock, and what this transaction charged against it. */
    private static final class PartnerMonth {
        private final PartnerSpending.Cap cap;
        private Money chargedHere;

        PartnerMonth(PartnerSpending.Cap cap) {
            this.cap = cap;
        }

        /** What the cap still allows, this transaction's charges counted; empty without a cap. */
        Optional<Money> room() {
            if (cap == null) {
                return Optional.empty();
            }
            Money left = cap.limit().minus(cap.charged());
            return Optional.of(chargedHere == null ? left : left.minus(chargedHere));
        }

        void charge(Money price) {
            if (cap != null) {
                chargedHere = chargedHere == null ? price : chargedHere.plus(price);
            }
        }
    }

    /**
     * One moment's money and limits within a transaction that pays: its budget and status as they stand under the
     * budget lock, today's charges, the users' awards so far, and the awards booked here.
     */
    private final class Account {
        private Moment moment;
        private final Set<String> users = new LinkedHashSet<>();
        private final List<AwardId> reservedFor = new ArrayList<>();
        private final Map<String, Instant> lastEarnedHere = new HashMap<>();
        private final Map<String, Integer> devices = new HashMap<>();
        private Map<String, Integer> earned;
        private Budget budget;
        private MomentStatus status;
        private Money chargedToday;

        Account(Moment moment) {
            this.moment = moment;
        }

        /**
         * Takes the budget's lock and reads what it guards (the moment as it stands, the budget, today's charges), and
         * the users' awards so far.
         */
        void open(Instant now) {
            budget = ledger.lock(moment.id());
            // The definition too, not only the status: the index's copy may be older than an edit (limits, price,
            // time zone), and every edit takes this lock first.
            moment = moments.find(moment.partnerId(), moment.id()).orElse(moment);
            status = moment.status();
            if (budget.dailyCap() != null && status == MomentStatus.LIVE) {
                chargedToday = ledger.state(moment.id(), moment.schedule().timezone(), now).spentToday();
            }
            earned = new HashMap<>(awards.countForUsers(moment.id(), users));
        }

        /**
         * The completion as the policies see it from under the locks, counting the awards booked here. Concurrent
         * completions of one user are serialised by the user's progress row and, as a last resort, the unique
         * (moment, user, completion) key; those of one device by {@link AwardRepository#lockAndCountForDevice}.
         */
        Candidate candidate(Completion completion, PartnerMonth partner, Instant now) {
            String userId = completion.userId();
            return new Candidate() {
                @Override
                public Moment moment() {
                    return moment;
                }

                @Override
                public Instant now() {
                    return now;
                }

                @Override
                public Instant completedAt() {
                    return completion.completedAt();
                }

                @Override
                public String userId() {
                    return userId;
                }

                @Override
                public String deviceId() {
                    return completion.deviceId();
                }

                @Override
                public boolean testUser() {
                    return completion.testUser();
                }

                @Override
                public boolean inAudience() {
                    return completion.inAudience();
                }

                @Override
                public int awardsOfUser() {
                    return earned.getOrDefault(userId, 0);
                }

                @Override
                public Optional<Instant> lastAwardOfUser() {
                    return Optional.ofNullable(lastEarnedHere.get(userId))
                            .or(() -> awards.lastEarnedAt(moment.id(), userId));
                }

                @Override
                public int awardsOnDevice() {
                    return devices.computeIfAbsent(completion.deviceId(),
                            device -> awards.lockAndCountForDevice(moment.id(), device));
                }

                @Override
                public Budget budget() {
                    return budget;
                }

                @Override
                public Money chargedToday() {
                    return chargedToday;
                }

                @Override
                public Optional<Money> monthlyRoom() {
                    return partner.room();
                }
            };
        }

        /** Books an award in memory and answers its completion number for the user. */
        int book(String userId, String deviceId, Money price, AwardId awardId, boolean test, Instant now) {
            if (!test) {
                budget = budget.reserve(price);
                if (chargedToday != null) {
                    chargedToday = chargedToday.plus(price);
                }
                reservedFor.add(awardId);
            }
            lastEarnedHere.put(userId, now);
            if (deviceId != null) {
                devices.computeIfPresent(deviceId, (device, count) -> count + 1);
            }
            return earned.merge(userId, 1, Integer::sum);
        }

        /**
         * After the money moved: tells of a budget that has just become low, and moves a live moment whose budget
         * can no longer pay to EXHAUSTED.
         */
        void follow(Instant now) {
            if (status == MomentStatus.TEST) {
                return;
            }
            if (!reservedFor.isEmpty() && isLow(budget.total(), budget.remaining())
                    && ledger.markLowOnce(moment.id())) {
                outbox.append(budgetEvent("budget.low", moment, now));
            }
            if (status == MomentStatus.LIVE && !budget.canPayOneAction()) {
                followBudget(moment, now);
            }
        }
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
    private void followBudget(Moment moment, Instant now) {
        BudgetFollower.Followed followed = follower.follow(moment.partnerId(), moment.id(), now);
        if (followed.changed() && followed.moment().status() == MomentStatus.EXHAUSTED) {
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
}
